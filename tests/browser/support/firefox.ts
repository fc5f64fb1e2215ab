// Launches Debian's Firefox ESR with the built extension installed as a temporary add-on, driven by
// puppeteer-core over WebDriver BiDi, and acts on it the way the Chromium helpers do.
//
// Firefox specifics (see DESIGN.md section 5):
// - The extension's pages live at moz-extension://<uuid>/, and the uuid is random per profile. We choose
//   it up front with the `extensions.webextensions.uuids` pref, so the tests know where the pages are.
// - WebDriver BiDi refuses to navigate a tab to a moz-extension:// address unless Firefox runs with
//   `--remote-allow-system-access`, and even then it never reports the page's load: we start the
//   navigation and wait until the document there is ready ourselves.
// - Nothing in BiDi reaches the background page. An extension page opened in a tab has the same APIs
//   (`browser.storage`, `browser.tabs`), so settings and the messages the keyboard commands send go
//   through such a page ("the control page").
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { findFirefox } from '../find-browser.mjs';
import { centre, termBoxes, type Box } from './interaction';
import type { Settings } from '../../../utils/settings-schema';

export const FIREFOX_BUILD = fileURLToPath(new URL('../../../.output/firefox-mv2', import.meta.url));
export const VIEWPORT = { width: 1280, height: 800 };

export interface FirefoxBrowser {
  browser: Browser;
  /** `moz-extension://<uuid>` of the installed extension; '' when launched without it. */
  extensionOrigin: string;
  /** A new tab. */
  newPage(): Promise<Page>;
  /** A new tab showing one of the extension's pages (e.g. 'options.html#entry=nivolumab'), once it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** A host name Firefox resolves to 127.0.0.1 without being a secure context (unlike 127.0.0.1 itself). */
export const INSECURE_HOST = 'insecure.termlight.test';

export async function launchFirefox({ withExtension = true } = {}): Promise<FirefoxBrowser> {
  const manifestPath = join(FIREFOX_BUILD, 'manifest.json');
  if (withExtension && !existsSync(manifestPath)) {
    throw new Error(`No build at ${FIREFOX_BUILD}: run \`npm run build\` first (npm test does).`);
  }
  const executablePath = findFirefox();
  let addonDir: string | undefined;
  let extensionId = '';
  const uuid = randomUUID();
  if (withExtension) {
    extensionId = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings?.gecko?.id ?? '';
    if (!extensionId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
    // A temporary add-on is read from its directory while it runs: a copy keeps a rebuild from
    // changing files under a running test.
    addonDir = mkdtempSync(join(tmpdir(), 'termlight-firefox-'));
    cpSync(FIREFOX_BUILD, addonDir, { recursive: true });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    args: withExtension ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      // A plain http:// site: the name resolves to loopback, but unlike 127.0.0.1 it is no secure context.
      'network.dns.localDomains': INSECURE_HOST,
      ...(withExtension ? { 'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }) } : {}),
    },
  });
  const close = async () => {
    await browser.close().catch(() => {});
    if (addonDir) rmSync(addonDir, { recursive: true, force: true });
  };
  try {
    if (withExtension) {
      const installed = await browser.installExtension(addonDir!);
      if (installed !== extensionId) throw new Error(`Installed ${installed}, expected ${extensionId}`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const extensionOrigin = withExtension ? `moz-extension://${uuid}` : '';

  async function openExtensionPage(path: string): Promise<Page> {
    if (!withExtension) throw new Error('Firefox was launched without the extension');
    const page = await browser.newPage();
    const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
    // BiDi never reports this load (see above): start it, and wait for the document ourselves.
    void page.goto(url, { timeout: 20_000 }).catch(() => {});
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const ready = await page
        .evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url)
        .catch(() => false);
      if (ready) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.close().catch(() => {});
    throw new Error(`${url} did not load: is the extensions.webextensions.uuids pref still honoured?`);
  }

  return { browser, extensionOrigin, newPage: () => browser.newPage(), openExtensionPage, close };
}

/**
 * The probes in page-probes.ts and interaction.ts are typed for Playwright but only call
 * `evaluate(fn, arg)`, which a puppeteer page or frame has too.
 */
export function probe(target: Page | Frame): PlaywrightPage & PlaywrightFrame {
  return { evaluate: (fn: () => unknown, arg?: unknown) => target.evaluate(fn, arg as never) } as unknown as PlaywrightPage & PlaywrightFrame;
}

// Settings, as the popup and options page store them: browser.storage.sync from an extension page.

export async function setStoredSettings(control: Page, patch: Partial<Settings> | unknown): Promise<void> {
  await control.evaluate(async (value) => {
    const { settings } = await browser.storage.sync.get('settings');
    const next = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(settings ?? {}), ...value } : value;
    await browser.storage.sync.set({ settings: next });
  }, patch);
}

export async function resetStoredSettings(control: Page): Promise<void> {
  await control.evaluate(() => browser.storage.sync.clear());
}

/**
 * Sends `page`'s top frame the message the background sends for a keyboard command (made the active
 * tab first), from the control page: the @webext-core/messaging envelope, to frame 0.
 */
export async function sendToTopFrame(control: Page, page: Page, type: string, data?: unknown): Promise<unknown> {
  await page.bringToFront();
  return control.evaluate(
    async (messageType, messageData) => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      const message = { id: Date.now(), type: messageType, data: messageData ?? undefined, timestamp: Date.now() };
      return browser.tabs.sendMessage(tab.id, message, { frameId: 0 });
    },
    type,
    data ?? null,
  );
}

// The page as a reader uses it.

/** Moves the pointer onto the `index`-th painted occurrence of `text` in small steps, as a hand would. */
export async function hoverTerm(page: Page, text: string, index = 0): Promise<Box> {
  const box = (await termBoxes(probe(page), text, index))[0]!;
  const { x, y } = centre(box);
  await page.mouse.move(x, y, { steps: 4 });
  return box;
}

export interface PopoverView {
  heading: string;
  text: string;
  role: string | null;
  /** Whether focus is inside the popover (its host is the page's active element). */
  focused: boolean;
}

/** The open popover: `termlight-popover`'s open shadow root's `.popover`, or null when none shows. */
export function popoverView(page: Page): Promise<PopoverView | null> {
  return page.evaluate(() => {
    const host = document.querySelector('termlight-popover');
    const card = host?.shadowRoot?.querySelector('.popover');
    if (!host || !card) return null;
    return {
      heading: card.querySelector('h2')?.textContent ?? '',
      text: card.textContent ?? '',
      role: card.getAttribute('role'),
      focused: document.activeElement === host,
    };
  });
}

export async function popoverHeading(page: Page): Promise<string | null> {
  return (await popoverView(page))?.heading ?? null;
}

/** Collects the page's uncaught errors. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return errors;
}
