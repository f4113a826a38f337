// What the browser tests share: Debian's Chromium through playwright-core, pages whose script errors, CSP violations
// and dialogs count as problems, and the list of failed checks. BrowserTools.prepare copies this module next to each
// test script (api-service's curation.mjs, e2e-tests' journey.mjs), which imports it as './browser.mjs'.
import { chromium } from 'playwright-core';

/** Failed checks and page problems, in the order they happened. */
export const problems = [];

/** Notes a failed check; the script goes on, so that one run shows every failure. */
export function check(condition, message) {
  if (!condition) {
    problems.push(message);
    console.error('FAILED: ' + message);
  }
}

/** The script's arguments; when one of the `count` it needs is missing, its usage and exit 2. */
export function scriptArguments(count, usage) {
  const values = process.argv.slice(2, 2 + count);
  if (values.length < count || values.some((v) => !v)) {
    console.error('usage: ' + usage);
    process.exit(2);
  }
  return values;
}

/** Chromium as BrowserTools installs it (the CHROMIUM variable names another), without sandbox or background traffic. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A new page on which a script error, a Content-Security-Policy violation or a dialog is a problem. */
export async function watchedPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push('CSP violation: ' + m.text());
  });
  page.on('dialog', (d) => { problems.push('a dialog opened: ' + d.message()); d.dismiss(); });
  return page;
}

/** Ends the test: exit 1 listing the problems, else a line saying that all checks of `name` passed. */
export function finish(name) {
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`${name}: all checks passed`);
}
