// Privacy in Chromium: during a whole browsing session (fixture pages, hovering terms, the popover's
// "Open in glossary", keyboard commands, the popup and the options page) the extension makes no
// network request at all. Every request is recorded twice: by Playwright's context (pages, frames,
// extension pages and the extension's service worker, whose CDP Network events Playwright attaches
// to) and by a CDP Network listener on every tab, which tells who initiated each request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Request } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './support/chromium';
import { startStaticServer, type StaticServer } from './support/static-server';
import { settledRanges } from './support/page-probes';
import { hoverTerm, popover, sendToTopFrame } from './support/interaction';

interface Seen {
  url: string;
  /** Where it came from: the service worker, or the URL of the frame that made it. */
  from: string;
  serviceWorker: boolean;
}
interface Initiated {
  url: string;
  tab: string;
  /** Script URLs on the initiator's stack, or the initiator's own URL. */
  initiators: string[];
}

let server: StaticServer;
let browser: ExtensionBrowser;
let extensionOrigin: string;
const seen: Seen[] = [];
const initiated: Initiated[] = [];
const cdpSessions: CDPSession[] = [];

function record(request: Request): void {
  const serviceWorker = request.serviceWorker();
  let from = serviceWorker ? serviceWorker.url() : '';
  if (!serviceWorker) {
    try {
      from = request.frame().url();
    } catch {
      from = '(no frame)';
    }
  }
  seen.push({ url: request.url(), from, serviceWorker: !!serviceWorker });
}

/** A CDP Network listener on a tab: every request with the scripts that initiated it. */
async function watchTab(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  cdpSessions.push(session);
  session.on('Network.requestWillBeSent', (event) => {
    const initiators = new Set<string>();
    if (event.initiator.url) initiators.add(event.initiator.url);
    for (let stack = event.initiator.stack; stack; stack = stack.parent) {
      for (const frame of stack.callFrames) initiators.add(frame.url);
    }
    initiated.push({ url: event.request.url, tab: page.url(), initiators: [...initiators] });
  });
  await session.send('Network.enable');
}

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchExtension();
  extensionOrigin = `chrome-extension://${browser.extensionId}`;
  browser.context.on('request', record);
  browser.context.on('page', (page) => void watchTab(page).catch(() => {}));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const isOwnServer = (url: string) => url.startsWith(`${server.origin}/`);
const isExtensionAsset = (url: string) => url.startsWith(`${extensionOrigin}/`);
const byExtension = (entry: Initiated) => entry.initiators.some((url) => url.startsWith('chrome-extension://'));

async function newTab(): Promise<Page> {
  const page = await browser.context.newPage();
  await watchTab(page).catch(() => {}); // the context's 'page' handler may already have attached: twice is harmless
  return page;
}

describe('privacy', () => {
  it('the recorders see the extension\'s own traffic (checked with two deliberate requests)', async () => {
    // From the service worker.
    await browser.serviceWorker.evaluate((url) => fetch(url).then(() => undefined, () => undefined), `${server.origin}/canary/from-service-worker`);
    // From the content script's isolated world.
    const page = await newTab();
    await page.goto(`${server.origin}/pages/liver-cancer-article.html`);
    await settledRanges(page);
    const session = await page.context().newCDPSession(page);
    const worlds: { id: number; origin: string }[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ id: context.id, origin: context.origin }));
    await session.send('Runtime.enable');
    const contentWorld = worlds.find((world) => world.origin === extensionOrigin);
    expect(contentWorld, 'the content script world').toBeDefined();
    await session.send('Runtime.evaluate', {
      contextId: contentWorld!.id,
      // Named as a file of the extension, as the content script's own code is.
      expression: `fetch(${JSON.stringify(`${server.origin}/canary/from-content-script`)}).catch(() => {}); 0\n//# sourceURL=${extensionOrigin}/canary.js`,
    });
    await expect.poll(() => seen.some((entry) => entry.serviceWorker && entry.url.endsWith('/canary/from-service-worker'))).toBe(true);
    await expect
      .poll(() => initiated.some((entry) => entry.url.endsWith('/canary/from-content-script') && byExtension(entry)))
      .toBe(true);
    await session.detach();
    await page.close();
  });

  it('a browsing session makes no request but the pages\' own', { timeout: 90_000 }, async () => {
    const before = { seen: seen.length, initiated: initiated.length };
    const page = await newTab();
    // Pages of every kind, each settled (highlighted) before moving on.
    for (const path of [
      '/pages/liver-cancer-article.html',
      '/corpus/news-liver-cancer.html',
      '/corpus/wiki-cholangiocarcinoma.html',
      '/corpus/spa-patient-portal.html',
      '/corpus/web-components.html',
      '/corpus/iframes-clinic-blog.html',
      '/corpus/search-results.html',
      '/corpus/live-blog-updates.html',
      '/corpus/forum-patients.html',
      '/hostile/editors.html',
    ]) {
      await page.goto(`${server.origin}${path}`);
      await settledRanges(page);
    }
    // Hover terms: the popover opens (and renders its card) on the page.
    await page.goto(`${server.origin}/pages/liver-cancer-article.html`);
    await settledRanges(page);
    for (const [term, heading] of [['pembrolizumab', 'Pembrolizumab'], ['SIRT', 'Selective internal radiation therapy (SIRT)']] as const) {
      await hoverTerm(page, term);
      await expect.poll(() => popover(page).locator('h2').textContent({ timeout: 2000 })).toBe(heading);
      await page.mouse.move(5, 790, { steps: 3 });
      await expect.poll(() => popover(page).count()).toBe(0);
    }
    // Keyboard commands, as the background sends them.
    await sendToTopFrame(browser.serviceWorker, page, 'navigateTerms', { direction: 'next' });
    await expect.poll(() => popover(page).count()).toBe(1);
    await sendToTopFrame(browser.serviceWorker, page, 'toggleTab');
    await sendToTopFrame(browser.serviceWorker, page, 'toggleTab');
    // "Open in glossary" from the popover opens the options page in a new tab.
    await hoverTerm(page, 'nivolumab');
    await expect.poll(() => popover(page).locator('h2').textContent({ timeout: 2000 })).toBe('Nivolumab');
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await popover(page).getByRole('button', { name: 'Open in glossary' }).click();
    const glossaryTab = await opened;
    await glossaryTab.waitForLoadState('networkidle');
    expect(glossaryTab.url()).toMatch(new RegExp(`^${extensionOrigin}/options\\.html#entry=`));
    await glossaryTab.close();
    // The popup and the options page, used a little: search the glossary in each.
    for (const path of ['/popup.html', '/options.html']) {
      const tab = await newTab();
      await tab.goto(`${extensionOrigin}${path}`);
      await tab.waitForLoadState('networkidle');
      await tab.locator('#glossary-search').first().fill('TARE');
      await expect.poll(() => tab.getByText('Transarterial radioembolization').count()).toBeGreaterThan(0);
      await tab.close();
    }
    await page.waitForTimeout(500);
    await page.close();

    const sessionSeen = seen.slice(before.seen);
    const sessionInitiated = initiated.slice(before.initiated);
    expect(sessionSeen.length, 'the recorder saw the session').toBeGreaterThan(20);

    // The service worker made no request at all.
    expect(sessionSeen.filter((entry) => entry.serviceWorker)).toEqual([]);
    // Nothing left the test server and the extension's own package.
    expect(sessionSeen.filter((entry) => !isOwnServer(entry.url) && !isExtensionAsset(entry.url))).toEqual([]);
    // Extension pages (popup, options) loaded only their own files.
    expect(sessionSeen.filter((entry) => entry.from.startsWith('chrome-extension://') && !isExtensionAsset(entry.url))).toEqual([]);
    // No request to anywhere was initiated by extension code in a page (the content script).
    expect(
      sessionInitiated.filter((entry) => byExtension(entry) && !entry.tab.startsWith('chrome-extension://')),
    ).toEqual([]);
    // Extension pages' requests, whoever started them, stay inside the package.
    expect(sessionInitiated.filter((entry) => byExtension(entry) && !isExtensionAsset(entry.url))).toEqual([]);
  });
});
