// Makes the README's screenshots from the real, built extension in Debian's Chromium:
// `npm run build && npx vite-node scripts/make-screenshots.ts`.
import { writeFileSync } from 'node:fs';
import { launchExtension } from '../tests/browser/support/chromium';
import { startStaticServer } from '../tests/browser/support/static-server';
import { settledRanges } from '../tests/browser/support/page-probes';
import { hoverTerm, popover } from '../tests/browser/support/interaction';
import { PopupSession } from '../tests/browser/support/popup-session';

const server = await startStaticServer();
const browser = await launchExtension();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${server.origin}/pages/liver-cancer-article.html`);
  await page.waitForSelector('#late');
  await settledRanges(page);
  await page.screenshot({ path: 'docs/screenshots/highlights.png' });

  await page.setViewportSize({ width: 1100, height: 1000 });
  await hoverTerm(page, 'SIRT');
  await popover(page).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/popover.png' });
  await page.mouse.move(5, 990);
  await page.waitForTimeout(600);

  const popup = await PopupSession.open(browser, page);
  await popup.waitFor('document.querySelector(\'[aria-label="Terms on this page"]\')');
  writeFileSync('docs/screenshots/popup.png', await popup.screenshot());
  await popup.type('sirt');
  await new Promise((resolve) => setTimeout(resolve, 300));
  writeFileSync('docs/screenshots/popup-search.png', await popup.screenshot());
  await popup.close();

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.evaluate(() => document.getElementById('settings-title')!.scrollIntoView({ block: 'start' }));
  await options.waitForTimeout(300);
  await options.screenshot({ path: 'docs/screenshots/options.png' });
  console.log('wrote docs/screenshots/{highlights,popover,popup,popup-search,options}.png');
} finally {
  await browser.close();
  await server.close();
}
