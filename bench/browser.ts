/**
 * Debian's Chromium, headless, driven by playwright-core (as the browser tests do), and the pages served
 * from memory on 127.0.0.1 by the tests' static server.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { existsSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../tests/browser/support/chromium';

export { startStaticServer, type StaticServer } from '../tests/browser/support/static-server';

export const CHROME_BUILD = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
export const CONTENT_SCRIPT = join(CHROME_BUILD, 'content-scripts', 'content.js');

/** Served with every benchmark page: cross-origin isolation gives performance.now() 5 µs resolution. */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** On top of the tests' flags: one tab at a time, but at full speed whatever the window manager thinks. */
const BENCH_ARGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker, when it is loaded. */
  serviceWorker?: Worker;
  close(): Promise<void>;
}

/** The same launch as the browser tests' (tests/browser/support/chromium.ts), with the bench's flags. */
export async function launchBrowser({ extension = false, exposeGc = false } = {}): Promise<BenchBrowser> {
  const extraArgs = exposeGc ? [...BENCH_ARGS, '--js-flags=--expose-gc'] : BENCH_ARGS;
  return launchWithExtension({ withExtension: extension, extraArgs });
}

/** Whether .output/chrome-mv3 exists, and whether the engine or content script changed since it was built. */
export function buildState(): { exists: boolean; stale: boolean } {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json')) || !existsSync(CONTENT_SCRIPT)) return { exists: false, stale: true };
  const built = statSync(CONTENT_SCRIPT).mtimeMs;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const newer = (dir: string): boolean =>
    readdirSync(join(root, dir), { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? newer(join(dir, entry.name)) : statSync(join(root, dir, entry.name)).mtimeMs > built,
    );
  return { exists: true, stale: newer('glossary') || newer('entrypoints/content') };
}

/**
 * Runs `start()` (a page.evaluate of a synchronous script), cutting it off after `capMs` with the DevTools
 * protocol's Runtime.terminateExecution. Returns undefined when it had to cut.
 */
export async function withCap<T>(page: Page, start: () => Promise<T>, capMs: number): Promise<T | undefined> {
  // Attach before the script runs: attaching needs the page's main thread, which the script holds.
  const cdp = await page.context().newCDPSession(page);
  const work = start();
  const capped = Symbol('capped');
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const outcome = await Promise.race([
      work,
      new Promise<typeof capped>((resolve) => (timer = setTimeout(() => resolve(capped), capMs))),
    ]);
    if (outcome !== capped) return outcome as T;
    await cdp.send('Runtime.terminateExecution');
    await work.catch(() => undefined);
    return undefined;
  } finally {
    clearTimeout(timer);
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * An isolated world of the page's main frame, as a content script gets: its own globals and its own JS
 * wrappers of the page's nodes (Blink finds them through a map of the world rather than the slot the
 * main world uses, so every node access costs more there). `evaluate` runs an expression in it and
 * returns its value (awaited if a promise).
 */
export async function openIsolatedWorld(page: Page): Promise<{ evaluate: (expression: string) => Promise<unknown>; detach: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'termlight-bench' });
  return {
    async evaluate(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: executionContextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}
