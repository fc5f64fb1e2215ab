// Launches the Debian Chromium with the built extension loaded, the way a reader would have it.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { findChromium } from '../find-browser.mjs';

export const CHROME_BUILD = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension({
  withExtension = true,
  extraArgs = [] as string[],
} = {}): Promise<ExtensionBrowser | { context: BrowserContext; close(): Promise<void> }> {
  if (withExtension && !existsSync(`${CHROME_BUILD}/manifest.json`)) {
    throw new Error(`No build at ${CHROME_BUILD}: run \`npm run build\` first (npm test does).`);
  }
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    ...extraArgs,
  ];
  if (withExtension) args.push(`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  const close = () => context.close();
  if (!withExtension) return { context, close };
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, close };
}

export async function launchExtension(): Promise<ExtensionBrowser> {
  return (await launchWithExtension()) as ExtensionBrowser;
}
