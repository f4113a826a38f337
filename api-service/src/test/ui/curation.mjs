// Corrections in real Chromium (issue 17): on the entity page of "Putin", ask for the write key once, search for
// "Vladimir Putin" in the merge box, merge, and see one entity with both aliases; then undo the merge from the
// history. Screenshots go to OUT_DIR.
// Usage: node curation.mjs BASE_URL OUT_DIR WRITE_KEY
import { mkdirSync } from 'node:fs';
import { check, finish, launchChromium, scriptArguments, watchedPage } from './browser.mjs';

const [base, outDir, writeKey] = scriptArguments(3, 'node curation.mjs BASE_URL OUT_DIR WRITE_KEY');
mkdirSync(outDir, { recursive: true });

const browser = await launchChromium();

try {
  const page = await watchedPage(browser);

  await page.goto(base + '/#/entity/' + encodeURIComponent('person:putin'));
  await page.getByTestId('entity-name').waitFor({ timeout: 15000 });
  check((await page.getByTestId('entity-name').textContent()) === 'Putin', 'the entity page names Putin');

  // the write key, asked once
  await page.getByTestId('curation-toggle').click();
  await page.getByTestId('write-key').fill(writeKey);
  await page.getByTestId('write-key').press('Enter');
  await page.getByTestId('merge-search').waitFor({ timeout: 15000 });

  // merge with: search, pick, merge
  await page.getByTestId('merge-search').fill('Vladimir');
  const candidate = page.locator('[data-testid=merge-candidate][data-key="person:vladimir-putin"]');
  await candidate.waitFor({ timeout: 15000 });
  await candidate.click();
  await page.screenshot({ path: `${outDir}/1-merge-with.png`, fullPage: true });
  await page.getByTestId('merge-button').click();

  // the page of the entity merged into: one entity, both aliases
  await page.waitForFunction(() => decodeURIComponent(location.hash) === '#/entity/person:vladimir-putin', null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=entity-name]')?.textContent === 'Vladimir Putin',
    null, { timeout: 15000 });
  const aliases = await page.getByTestId('entity-aliases').locator('li').allTextContents();
  check(aliases.includes('Putin'), `Vladimir Putin is also written Putin, saw ${aliases}`);
  check((await page.getByTestId('entity-article-count').textContent()).trim() === '2', 'the merged entity has both articles');
  const merge = page.locator('[data-testid=curation-item][data-operation=merge]');
  await merge.waitFor({ timeout: 15000 });
  check(await merge.getByTestId('undo-button').count() === 1, 'the history offers to undo the merge');
  await page.screenshot({ path: `${outDir}/2-merged.png`, fullPage: true });

  // the entity index: Vladimir Putin holds the alias Putin, Igor Putin stays apart, no entity "Putin" of its own
  await page.goto(base + '/#/entities?q=Putin');
  await page.locator('[data-testid=entity-table] tbody tr').first().waitFor({ timeout: 15000 });
  const rows = page.locator('[data-testid=entity-table] tbody tr');
  check(await rows.count() === 2, `Vladimir and Igor Putin match Putin, saw ${await rows.count()} entities`);
  const withAlias = rows.filter({ has: page.locator('.aliases-cell', { hasText: 'Putin' }) });
  check(await withAlias.count() === 1 && (await withAlias.first().textContent()).includes('Vladimir Putin'),
    'one row, Vladimir Putin\'s, lists the alias Putin');
  // the old page answers as the merged entity
  await page.goto(base + '/#/entity/' + encodeURIComponent('person:putin'));
  await page.waitForFunction(() => document.querySelector('[data-testid=entity-name]')?.textContent === 'Vladimir Putin',
    null, { timeout: 15000 });
  await page.screenshot({ path: `${outDir}/3-entities.png` });

  // undo from the history: Putin is an entity of its own again, and the history says so
  await page.locator('[data-testid=curation-item][data-operation=merge] [data-testid=undo-button]').click();
  await page.locator('[data-testid=curation-item][data-operation=undo]').waitFor({ timeout: 15000 });
  await page.goto(base + '/#/entity/' + encodeURIComponent('person:putin'));
  await page.waitForFunction(() => document.querySelector('[data-testid=entity-name]')?.textContent === 'Putin',
    null, { timeout: 15000 });
  check((await page.getByTestId('entity-article-count').textContent()).trim() === '1', 'after the undo Putin has its article back');
  await page.screenshot({ path: `${outDir}/4-undone.png`, fullPage: true });
} finally {
  await browser.close();
}

finish('curation browser test');
