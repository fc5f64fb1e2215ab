// The hooks every Firefox test file needs: one loopback server, one Firefox with the extension and its
// control page per file; default settings and a fresh tab (with its page errors collected) per test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'puppeteer-core';
import { collectPageErrors, launchFirefox, resetStoredSettings, type FirefoxBrowser } from './firefox';
import { startStaticServer, type StaticServer } from './static-server';

export interface FirefoxSession {
  server: StaticServer;
  firefox: FirefoxBrowser;
  /** An extension page in a tab: settings and command messages go through it (see firefox.ts). */
  control: Page;
  page: Page;
  /** The page errors of `page`, collected as they happen. */
  errors: string[];
}

export function useFirefoxSession(onEachTest: (session: FirefoxSession) => void): void {
  let server: StaticServer | undefined;
  let firefox: FirefoxBrowser | undefined;
  let control: Page | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startStaticServer();
    firefox = await launchFirefox();
    control = await firefox.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await resetStoredSettings(control!);
    await page?.close();
    page = await firefox!.newPage();
    onEachTest({ server: server!, firefox: firefox!, control: control!, page, errors: collectPageErrors(page) });
  });
}
