// The real-world corpus (tests/fixtures/corpus/manifest.json) in Chromium: on each page the extension
// paints exactly the glossary terms the manifest lists, the page reads and lays out exactly as it does
// without the extension, and nothing the extension does throws or logs an error.
//
// Two browsers, each launched once: one with the extension, one without. Every page is opened in
// both at once and compared after the extension has settled.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, startStaticServer, type StaticServer } from './support/static-server';
import { manifest, serveCspPages, tally, type CorpusPage } from './support/corpus-manifest';
import { pageSignature, paintedAcrossPage, settledRanges } from './support/page-probes';


let server: StaticServer;
let withExtension: ExtensionBrowser;
let without: { close(): Promise<void>; context: ExtensionBrowser['context'] };
let page: Page; // with the extension
let plain: Page; // without
const problems = { page: [] as string[], plain: [] as string[] };

function listen(target: Page, into: string[]): void {
  target.on('pageerror', (error) => into.push(`pageerror: ${error.message}`));
  target.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'assert') into.push(`console.${message.type()}: ${message.text()}`);
  });
  // A page that references something missing would log a 404 that is not ours: the corpus has none.
  target.on('response', (response) => {
    if (response.status() >= 400) into.push(`HTTP ${response.status()} ${response.url()}`);
  });
}

beforeAll(async () => {
  server = await startStaticServer();
  // Pages marked `csp` are served with the strict policy, which also blocks their own inline code.
  serveCspPages(server);
  [withExtension, without] = await Promise.all([launchExtension(), launchWithExtension({ withExtension: false })]);
  page = await withExtension.context.newPage();
  plain = await without.context.newPage();
  listen(page, problems.page);
  listen(plain, problems.plain);
});

afterAll(async () => {
  await Promise.all([withExtension?.close(), without?.close()]);
  await server?.close();
});

beforeEach(() => {
  problems.page.length = 0;
  problems.plain.length = 0;
});

async function ready(target: Page, entry: CorpusPage): Promise<void> {
  if (entry.ready?.selector) await target.waitForSelector(entry.ready.selector, { state: 'attached', timeout: 10_000 });
  if (entry.ready?.title) await waitForTitle(target, entry.ready.title);
}

async function waitForTitle(target: Page, title: string): Promise<void> {
  try {
    await target.waitForFunction((wanted) => document.title === wanted, title, { timeout: 10_000 });
  } catch {
    throw new Error(`document.title is "${await target.title()}", expected "${title}"`);
  }
}

/** Waits for the painted ranges to reach the expected counts, then checks they stay there. */
async function expectHighlights(target: Page | Frame, expected: Record<string, number>, where: string): Promise<void> {
  await expect
    .poll(async () => tally(await paintedAcrossPage(target)), { timeout: 20_000, message: `highlights on ${where}` })
    .toEqual(expected);
  expect(tally(await settledRanges(target, { acrossPage: true, timeoutMs: 20_000 })), `highlights on ${where} after settling`).toEqual(expected);
}

/** What a reader of a frame sees: its text and its elements' boxes (html of the frame as well). */
async function frameOf(target: Page, selector: string): Promise<Frame> {
  const frame = await (await target.waitForSelector(selector, { state: 'attached' })).contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForLoadState();
  return frame;
}

describe('the real-world corpus', () => {
  it('has at least 30 pages of 3–40 KB that load nothing from outside the fixtures', () => {
    expect(manifest.pages.length).toBeGreaterThanOrEqual(30);
    for (const entry of manifest.pages) {
      const bytes = readFileSync(join(FIXTURES_DIR, entry.path));
      expect(bytes.length, entry.path).toBeGreaterThanOrEqual(3 * 1024);
      expect(bytes.length, entry.path).toBeLessThanOrEqual(40 * 1024);
      const html = bytes.toString('utf8');
      // No src/href/url() pointing off the test server (plain links to other sites are fine).
      expect(html, entry.path).not.toMatch(/\b(?:src|srcset|poster|data)\s*=\s*["']?(?:https?:)?\/\//i);
      expect(html, entry.path).not.toMatch(/<link\b[^>]*href\s*=\s*["']?(?:https?:)?\/\//i);
      expect(html, entry.path).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    }
  });

  for (const entry of manifest.pages) {
    it(`${entry.path} (${entry.kind}): paints the manifest's terms and leaves the page as it was`, async () => {
      const url = `${server.origin}/${entry.path}`;
      await Promise.all([page.goto(url), plain.goto(url)]);
      await Promise.all([ready(page, entry), ready(plain, entry)]);

      await expectHighlights(page, entry.highlights, entry.path);
      for (const frame of entry.frames ?? []) {
        await expectHighlights(await frameOf(page, frame.selector), frame.highlights, `${entry.path} ${frame.selector}`);
      }

      // The same text, markup and boxes as without the extension, in the page and in its frames.
      expect(await pageSignature(page)).toEqual(await pageSignature(plain));
      for (const frame of entry.frames ?? []) {
        const [withFrame, plainFrame] = await Promise.all([frameOf(page, frame.selector), frameOf(plain, frame.selector)]);
        expect(await pageSignature(withFrame), `${frame.selector}`).toEqual(await pageSignature(plainFrame));
      }

      // Single-page app routes: re-rendered content is highlighted, and the app's own check that
      // nobody changed its DOM passes (it sets the title to "hydration-ok" only then).
      for (const route of entry.routes ?? []) {
        await Promise.all([page, plain].map((target) => target.evaluate((hash) => void (location.hash = hash), route.hash)));
        await Promise.all([waitForTitle(page, 'hydration-ok'), waitForTitle(plain, 'hydration-ok')]);
        await expectHighlights(page, route.highlights, `${entry.path}${route.hash}`);
        expect(await pageSignature(page)).toEqual(await pageSignature(plain));
      }

      // Anything the page logs on its own shows up without the extension too; the corpus logs nothing.
      expect(problems.plain).toEqual([]);
      expect(problems.page).toEqual([]);
    });
  }
});
