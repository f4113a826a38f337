// Corrections in real Chromium (issue 17): on the entity page of "Putin", ask for the write key once, search for
// "Vladimir Putin" in the merge box, merge, and see one entity with both aliases; then undo the merge from the
// history. Screenshots go to OUT_DIR.
// Usage: node curation.mjs BASE_URL OUT_DIR WRITE_KEY
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, outDir, writeKey] = process.argv.slice(2);
if (!base || !outDir || !writeKey) {
  console.error('usage: node curation.mjs BASE_URL OUT_DIR WRITE_KEY');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const problems = [];
function check(condition, message) {
  if (!condition) {
    problems.push(message);
    console.error('FAILED: ' + message);
  }
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push('CSP violation: ' + m.text());
  });
  page.on('dialog', (d) => { problems.push('a dialog opened: ' + d.message()); d.dismiss(); });

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

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('curation browser test: all checks passed');
