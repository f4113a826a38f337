// Browser journey through the web UI in real Chromium: search -> article -> entity, plus an article whose
// text carries markup that must show as text and never run, and articles in other languages (label, filter,
// right-to-left text). Screenshots go to OUT_DIR.
// The Wikipedia link of a linked entity is shown on its article's page and its entity page.
// Usage: node journey.mjs BASE_URL OUT_DIR HOSTILE_ARTICLE_ID GERMAN_ARTICLE_ID ARABIC_ARTICLE_ID
//        LINKED_ARTICLE_ID LINKED_ENTITY_KEY LINK_URL
import { mkdirSync } from 'node:fs';
import { check, finish, launchChromium, scriptArguments, watchedPage } from './browser.mjs';

const [base, outDir, hostileId, germanId, arabicId, linkedArticleId, linkedKey, linkUrl] = scriptArguments(8,
  'node journey.mjs BASE_URL OUT_DIR HOSTILE_ARTICLE_ID GERMAN_ARTICLE_ID ARABIC_ARTICLE_ID '
  + 'LINKED_ARTICLE_ID LINKED_ENTITY_KEY LINK_URL');
mkdirSync(outDir, { recursive: true });

const browser = await launchChromium();

// Waits until the page shows the results of the search for `q`: its status line names the query, or says that
// nothing matched. Waiting for "a result" is not enough: until the submitted search replaces them (on the
// hashchange, a task the browser may run late), the page still shows the newest articles it opened with.
async function searchShown(page, q) {
  await page.waitForFunction((q) => {
    const status = document.querySelector('[data-testid=results-status]')?.textContent || '';
    const busy = document.querySelector('[data-testid=results][aria-busy]');
    return !busy && (status.includes(`for \u201c${q}\u201d`) || status.startsWith('No articles match'));
  }, q, { timeout: 15000 });
}

try {
  const page = await watchedPage(browser);
  // A loaded machine may run the page's hashchange task after Playwright's next look at the page, which then still
  // shows the previous view. Every navigation inside the app waits that long here, so that a wait which the
  // previous view could satisfy fails every time instead of now and then.
  await page.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = (type, listener, options) => add(type,
      type === 'hashchange' ? (event) => setTimeout(() => listener(event), 150) : listener, options);
  });

  // 1. search by word
  await page.goto(base + '/#/search');
  await page.getByTestId('search-input').fill('Haftar');
  await page.getByTestId('search-input').press('Enter');
  await searchShown(page, 'Haftar');
  const results = await page.getByTestId('result').count();
  check(results >= 5, `search for Haftar shows the 5 seeds, saw ${results}`);
  check(await page.getByTestId('result').getByTestId('entity-chip').count() > 0, 'results carry entity chips');
  await page.screenshot({ path: `${outDir}/1-search.png` });

  // 2. open an article: entities highlighted by type, dates underlined with their value
  await page.getByTestId('result').first().locator('a').first().click();
  await page.getByTestId('article-title').waitFor({ timeout: 15000 });
  const people = await page.locator('[data-testid=mention][data-type=PERSON]').count();
  check(people > 0, 'the article highlights PERSON mentions');
  const haftarInText = await page.locator('[data-testid=mention][data-key="person:khalifa-haftar"]').count();
  check(haftarInText > 0, 'Khalifa Haftar is highlighted in the article text');
  await page.screenshot({ path: `${outDir}/2-article.png`, fullPage: false });

  // 3. the entity page: graph and timeline
  await page.goto(base + '/#/entity/' + encodeURIComponent('person:khalifa-haftar'));
  await page.getByTestId('entity-name').waitFor({ timeout: 15000 });
  check((await page.getByTestId('entity-name').textContent()).includes('Khalifa Haftar'), 'entity page names Khalifa Haftar');
  await page.locator('[data-testid=entity-graph] [data-testid=graph-node]').first().waitFor({ timeout: 15000 });
  check(await page.locator('[data-testid=graph-node]').count() > 0, 'the co-occurrence graph has nodes');
  await page.locator('[data-testid=timeline-bar]').first().waitFor({ timeout: 15000 });
  check(await page.locator('[data-testid=timeline-bar]').count() > 0, 'the timeline has bars');
  await page.locator('[data-testid=mentioned-timeline] [data-testid=timeline-bar]').first().waitFor({ timeout: 15000 });
  check(await page.locator('[data-testid=mentioned-timeline] [data-testid=timeline-bar]').count() > 0,
    'the months the articles speak of have bars');
  // the list of articles loads on its own, after the name: wait for the fifth before counting
  const entityArticles = page.getByTestId('entity-articles').locator('[data-testid=result]');
  await entityArticles.nth(4).waitFor({ timeout: 15000 }).catch(() => {});
  check(await entityArticles.count() >= 5, `the entity lists its articles, saw ${await entityArticles.count()}`);
  await page.screenshot({ path: `${outDir}/3-entity.png`, fullPage: true });

  // 4. untrusted text renders as text and never runs
  await page.goto(base + '/#/article/' + encodeURIComponent(hostileId));
  await page.getByTestId('article-text').waitFor({ timeout: 15000 });
  const text = await page.getByTestId('article-text').textContent();
  check(text.includes('<script>'), 'the <script> in the article text is shown as text');
  check(await page.locator('[data-testid=article-text] script, [data-testid=article-text] img').count() === 0,
    'no element was created from the article text');
  check(await page.evaluate(() => window.__pwned === undefined), 'no script from the article ran');
  await page.screenshot({ path: `${outDir}/4-hostile-article.png` });

  // 5. languages: the filter on the search page, the label on each result and on the article, right-to-left text
  await page.goto(base + '/#/search');
  await page.locator('details.filters summary').click();
  await page.getByTestId('language-filter').selectOption('de');
  await page.getByTestId('search-input').fill('Wahl');
  await page.getByTestId('search-input').press('Enter');
  await page.waitForFunction(() => location.hash.includes('language=de'), null, { timeout: 15000 });
  await searchShown(page, 'Wahl');
  check(await page.locator(`[data-testid=result][data-id="${germanId}"]`).count() === 1, 'the German article is found by Wahl');
  const labels = await page.getByTestId('result').locator('[data-testid=language-label]').evaluateAll(
    (els) => els.map((e) => e.dataset.language));
  check(labels.length > 0 && labels.every((l) => l === 'de'), `the German filter shows only German results, saw ${labels}`);
  check((await page.getByTestId('result').locator('[data-testid=language-label]').first().textContent()).includes('DE'),
    'a result shows its language label');
  await page.screenshot({ path: `${outDir}/5-language-filter.png` });
  await page.locator(`[data-testid=result][data-id="${germanId}"] h3 a`).click();
  await page.getByTestId('article-title').waitFor({ timeout: 15000 });
  check(await page.locator('.article-meta [data-testid=language-label]').getAttribute('data-language') === 'de',
    'the German article page shows its language');
  check(await page.getByTestId('article-text').getAttribute('lang') === 'de', 'the article text carries lang=de');

  await page.goto(base + '/#/article/' + encodeURIComponent(arabicId));
  // the German article stays until the route changes: wait for the Arabic one
  await page.locator('[data-testid=article-text][lang=ar]').waitFor({ timeout: 15000 });
  const direction = (testId) => page.getByTestId(testId).evaluate((e) => getComputedStyle(e).direction);
  check(await direction('article-title') === 'rtl', 'the Arabic title is laid out right to left');
  check(await direction('article-text') === 'rtl', 'the Arabic text is laid out right to left');
  await page.screenshot({ path: `${outDir}/6-right-to-left.png` });

  // 7. Wikipedia links: beside the entity in its article's entity list, and on the entity page; each opens the page
  // in a new tab that cannot reach back into the app (rel=noopener)
  const shownLink = async (selector, where) => {
    const link = page.locator(selector);
    await link.first().waitFor({ timeout: 15000 });
    check(await link.count() === 1, `${where}: one Wikipedia link, saw ${await link.count()}`);
    check(await link.getAttribute('href') === linkUrl, `${where}: the link opens ${linkUrl}`);
    check((await link.getAttribute('rel') || '').split(' ').includes('noopener'), `${where}: the link has rel=noopener`);
    check(await link.getAttribute('target') === '_blank', `${where}: the link opens a new tab`);
  };
  await page.goto(base + '/#/article/' + encodeURIComponent(linkedArticleId));
  await page.getByTestId('article-title').waitFor({ timeout: 15000 });
  await shownLink(`.entity-list li:has([data-testid=entity-chip][data-key="${linkedKey}"]) [data-testid=entity-link]`,
    'article page');
  await page.screenshot({ path: `${outDir}/7-article-wikipedia-link.png` });
  await page.goto(base + '/#/entity/' + encodeURIComponent(linkedKey));
  await page.getByTestId('entity-name').waitFor({ timeout: 15000 });
  await shownLink('.entity-header [data-testid=entity-link]', 'entity page');
  await page.screenshot({ path: `${outDir}/8-entity-wikipedia-link.png` });
} finally {
  await browser.close();
}

finish('browser journey');
