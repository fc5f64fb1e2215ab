// The hooks every Chromium test file needs: one loopback server and one Chromium with the built
// extension per file, a fresh tab and default settings before each test, everything closed after.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './chromium';
import { startStaticServer, type StaticServer } from './static-server';
import { resetStoredSettings } from './extension-settings';

export interface ChromiumSession {
  server: StaticServer;
  browser: ExtensionBrowser;
  /** A new tab for the current test. */
  page: Page;
}

/**
 * Registers the hooks; `onEachTest` receives the session before each test (tests keep their own
 * `server`, `browser` and `page` variables). `beforeNewPage` runs first, e.g. to clear more storage.
 */
export function useChromiumSession(
  onEachTest: (session: ChromiumSession) => void,
  { beforeNewPage }: { beforeNewPage?: (browser: ExtensionBrowser) => Promise<void> } = {},
): void {
  let server: StaticServer | undefined;
  let browser: ExtensionBrowser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await beforeNewPage?.(browser!);
    await resetStoredSettings(browser!.serviceWorker);
    await page?.close();
    page = await browser!.context.newPage();
    onEachTest({ server: server!, browser: browser!, page });
  });
}
