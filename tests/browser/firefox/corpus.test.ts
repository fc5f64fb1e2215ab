// The real-world corpus (tests/fixtures/corpus/manifest.json) in Firefox ESR, as tests/browser/corpus.test.ts
// checks it in Chromium: on each page the extension paints exactly the glossary terms the manifest
// lists (per frame and per single-page-app route too), the page reads and lays out exactly as it does
// in a Firefox without the extension, and nothing the extension does throws or logs an error.
//
// Two Firefoxes, each launched once for the file (support/firefox.ts): one with the build installed as
// a temporary add-on, one without. Every page is opened in both at once and compared after the
// extension has settled. Default settings: a fresh profile has nothing in browser.storage, so no
// control page is needed (extension pages cannot be opened the ordinary way in Firefox anyway).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefox, probe, type FirefoxBrowser } from '../support/firefox';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { manifest, serveCspPages, tally, type CorpusPage } from '../support/corpus-manifest';
import { pageSignature, paintedAcrossPage, settledRanges } from '../support/page-probes';


let server: StaticServer;
let withExtension: FirefoxBrowser;
let without: FirefoxBrowser;
let page: Page; // with the extension
let plain: Page; // without
const problems = { page: [] as string[], plain: [] as string[] };

function listen(target: Page, into: string[]): void {
  // Uncaught errors of the page and of the extension's content script in it (WebDriver BiDi reports
  // both as the page's JavaScript log entries).
  target.on('pageerror', (error) => into.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
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
  // Firefox applies it as Chromium does; the content script and its manifest-declared CSS are not
  // subject to the page's policy in either, so the CSP page needs no special handling here.
  serveCspPages(server);
  [withExtension, without] = await Promise.all([launchFirefox(), launchFirefox({ withExtension: false })]);
  [page, plain] = await Promise.all([withExtension.newPage(), without.newPage()]);
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
  if (entry.ready?.selector) await target.waitForSelector(entry.ready.selector, { timeout: 10_000 });
  if (entry.ready?.title) await waitForTitle(target, entry.ready.title);
}

async function waitForTitle(target: Page, title: string): Promise<void> {
  try {
    await target.waitForFunction((wanted) => document.title === wanted, { timeout: 10_000 }, title);
  } catch {
    throw new Error(`document.title is "${await target.title()}", expected "${title}"`);
  }
}

/** Waits for the painted ranges to reach the expected counts, then checks they stay there. */
async function expectHighlights(target: Page | Frame, expected: Record<string, number>, where: string): Promise<void> {
  await expect
    .poll(async () => tally(await paintedAcrossPage(probe(target))), { timeout: 20_000, message: `highlights on ${where}` })
    .toEqual(expected);
  expect(tally(await settledRanges(probe(target), { acrossPage: true, timeoutMs: 20_000 })), `highlights on ${where} after settling`).toEqual(expected);
}

/**
 * Pages whose boxes Firefox itself does not lay out the same way twice, so the comparison allows one
 * app unit (1/60 px, Firefox's layout unit) on them, and nothing more; text and markup stay exact.
 *
 * magazine-soft-hyphens.html: its justified three-column block (`columns: 3 260px`) loses one app unit
 * of height (#m4 and #m5: 213 -> 212.983 px) every time Firefox reflows it. Registering highlights
 * reflows the text, so the extension's paint triggers it, but so does anything else: in a Firefox
 * without the extension, the page registering the very same 16 ranges itself gives 212.983, clearing
 * them 212.967, and toggling a 0.001px padding on the column block 212.967 too. Chromium shows no
 * such drift (the Chromium corpus test compares this page exactly).
 */
const REFLOW_DRIFT = new Set(['corpus/magazine-soft-hyphens.html']);
const APP_UNIT = 1 / 60;
// getBoundingClientRect() returns single-precision floats: 903.4 px reads 903.4000244, so one app unit
// below it reads 0.0000528 px more than 1/60 away. Far below any second app unit.
const FLOAT_SLACK = 0.001;

type Signature = Awaited<ReturnType<typeof pageSignature>>;

/** `actual` with every box that is within one app unit of `expected`'s (same element) replaced by it. */
function allowingOneAppUnit(actual: Signature, expected: Signature): Signature {
  const numbers = (box: string) => box.slice(box.lastIndexOf(' ') + 1).split(',').map(Number);
  const boxes = actual.boxes.map((box, index) => {
    const wanted = expected.boxes[index];
    if (wanted === undefined || box.slice(0, box.lastIndexOf(' ')) !== wanted.slice(0, wanted.lastIndexOf(' '))) return box;
    const [mine, theirs] = [numbers(box), numbers(wanted)];
    const close = mine.length === theirs.length && mine.every((value, i) => Math.abs(value - theirs[i]!) <= APP_UNIT + FLOAT_SLACK);
    return close ? wanted : box;
  });
  return { ...actual, boxes };
}

async function expectSamePage(target: Page | Frame, reference: Page | Frame, entry: CorpusPage, where: string): Promise<void> {
  const [actual, expected] = await Promise.all([pageSignature(probe(target)), pageSignature(probe(reference))]);
  expect(REFLOW_DRIFT.has(entry.path) ? allowingOneAppUnit(actual, expected) : actual, where).toEqual(expected);
}

/** The frame an iframe element shows, once its document has loaded. */
async function frameOf(target: Page, selector: string): Promise<Frame> {
  const element = await target.waitForSelector(selector);
  const frame = await element?.contentFrame();
  await element?.dispose();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
  return frame;
}

describe('Firefox: the real-world corpus', () => {
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
      await expectSamePage(page, plain, entry, entry.path);
      for (const frame of entry.frames ?? []) {
        const [withFrame, plainFrame] = await Promise.all([frameOf(page, frame.selector), frameOf(plain, frame.selector)]);
        await expectSamePage(withFrame, plainFrame, entry, `${entry.path} ${frame.selector}`);
      }

      // Single-page app routes: re-rendered content is highlighted, and the app's own check that
      // nobody changed its DOM passes (it sets the title to "hydration-ok" only then). The hash is set
      // and the evaluation returns only once the page's hashchange handler has run (it was registered
      // first, so it runs first and retitles the page "rendering"): waiting for "hydration-ok" then
      // cannot be satisfied by the previous route's title.
      for (const route of entry.routes ?? []) {
        await Promise.all(
          [page, plain].map((target) =>
            target.evaluate(
              (hash) =>
                new Promise<void>((resolve) => {
                  addEventListener('hashchange', () => resolve(), { once: true });
                  location.hash = hash;
                }),
              route.hash,
            ),
          ),
        );
        await Promise.all([waitForTitle(page, 'hydration-ok'), waitForTitle(plain, 'hydration-ok')]);
        await expectHighlights(page, route.highlights, `${entry.path}${route.hash}`);
        await expectSamePage(page, plain, entry, `${entry.path}${route.hash}`);
      }

      // Anything the page logs on its own shows up without the extension too; the corpus logs nothing.
      expect(problems.plain).toEqual([]);
      expect(problems.page).toEqual([]);
    });
  }
});
