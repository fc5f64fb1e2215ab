/**
 * Measurements of the BUILT extension (.output/chrome-mv3) in Chromium: the main-thread tasks while it
 * highlights `huge` (with vs without the extension) and the article with a 10,000-entry glossary
 * stored, the time from a DOM change to its highlight, the time from hover to a laid-out popover
 * (hover delay 0), the frames while the reader scrolls (ranges are registered as content comes near
 * the viewport), and the content script's size.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { setStoredSettings, storeGlossaries } from '../tests/browser/support/extension-settings';
import type { Glossary } from '../glossary';
import { CONTENT_SCRIPT, launchBrowser } from './browser';
import { recordMainThread, type MainThreadTask } from './main-thread-trace';
import { median } from './stats';

export interface LongTaskRun {
  /** Longest main-thread task of the load, and the longest one starting after DOMContentLoaded. */
  maxMs: number;
  maxAfterDclMs: number;
  longTasksAfterDcl: number;
  /** The long tasks after DOMContentLoaded: when (from DOMContentLoaded), how long, and the extension's scripts' time in each. */
  longTasks: MainThreadTask[];
  /**
   * With the extension: the longest task after DOMContentLoaded in which its scripts ran, the time of
   * its scripts in that task, and how many such tasks took over 50 ms (see main-thread-trace.ts).
   */
  extensionTaskMaxMs?: number;
  extensionTaskScriptMs?: number;
  extensionLongTasks?: number;
  /**
   * With the extension: the longest task after its first that ran none of its scripts: frames that
   * paint its ranges, garbage collection, and the browser's own work that happens to come then.
   */
  otherTaskAfterExtensionMs?: number;
  /** With the extension: from DOMContentLoaded to the last change of the painted ranges. */
  highlightedAfterMs?: number;
  /** The page's own: from DOMContentLoaded to the load event (the content script starts around then). */
  loadAfterDclMs?: number;
  /** With the extension: from the load event to the first ranges painted, and to their last change. */
  firstRangesAfterLoadMs?: number;
  lastChangeAfterLoadMs?: number;
  ranges?: number;
}

export interface LongTaskResult {
  without: LongTaskRun[];
  with: LongTaskRun[];
}

export interface LatencyResult {
  page: string;
  samples: number[];
  frames: number[];
  medianMs: number;
  medianFrames: number;
}

export interface HoverResult {
  first: { ms: number; frames: number };
  warm: LatencyResult;
}

export interface ScrollRun {
  /** Frame intervals while scrolling half a screen per frame (ms). */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Ranges registered when the scroll ended (with the extension). */
  ranges?: number;
}

export interface ScrollResult {
  page: string;
  frames: number;
  without: ScrollRun;
  with: ScrollRun;
}

export interface ExtensionResult {
  contentScript: { bytes: number; gzipBytes: number };
  longTasks: LongTaskResult;
  /** The same on the article page with a 10,000-entry glossary stored (not a target: "at any size"). */
  longTasksLargeGlossary?: LongTaskResult;
  domChange: LatencyResult[];
  hover: HoverResult;
  scrolling?: ScrollResult[];
}

export function contentScriptSize(): { bytes: number; gzipBytes: number } {
  const code = readFileSync(CONTENT_SCRIPT);
  return { bytes: code.length, gzipBytes: gzipSync(code).length };
}

// ---- long tasks -------------------------------------------------------------------------------

/**
 * Registered before the page's own scripts: the load event, and every change to the number of painted
 * ranges (read every 10 ms, in the page: the registry is the document's, whichever world registered
 * the ranges). Tasks are not observed here: the page cannot see the extension's (main-thread-trace.ts).
 */
function observeLoadAndRanges(): void {
  const store = ((window as unknown as { __bench: unknown }).__bench = {
    loadAt: 0,
    rangeChanges: [] as [number, number][],
  });
  addEventListener('load', () => (store.loadAt = performance.now()));
  // Polled on a timer, not per animation frame: asking for frames would make the browser lay out the
  // huge page early, in one long task, and change what is measured here.
  let lastCount = 0;
  setInterval(() => {
    let count = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('glossary')) count += highlight.size;
    if (count !== lastCount) store.rangeChanges.push([performance.now(), count]);
    lastCount = count;
  }, 10);
}

/** Total painted ranges, as the page sees them. */
const paintedCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('glossary')) n += highlight.size;
    return n;
  });

/** Waits until the painted ranges have not changed for `quietMs`; returns how many there are then. */
async function settleHighlights(page: Page, quietMs: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const now = await paintedCount(page);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && now > 0) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}

const LONG_TASK_MS = 50;

/** "1075 ms at +210 ms (scripts 0 ms)": long tasks for the log. */
const describeTasks = (tasks: MainThreadTask[]) =>
  tasks.map((task) => `${task.durationMs.toFixed(0)} ms at +${task.startMs.toFixed(0)} ms (extension scripts ${task.extensionMs.toFixed(0)} ms)`).join(', ') || 'none';

async function longTaskRun(url: string, extension: boolean, stored?: Glossary): Promise<LongTaskRun> {
  const browser = await launchBrowser({ extension });
  try {
    if (stored) await storeGlossaries(browser.serviceWorker!, [stored]);
    const page = await browser.context.newPage();
    await page.addInitScript(observeLoadAndRanges);
    let ranges: number | undefined;
    const tasks = await recordMainThread(page, url, async () => {
      await page.goto(url, { timeout: 120_000 });
      if (extension) ranges = await settleHighlights(page, 1500, 60_000);
      else await page.waitForTimeout(3000);
    });
    const data = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const store = (window as unknown as { __bench: { loadAt: number; rangeChanges: [number, number][] } }).__bench;
      return { dcl: nav.domContentLoadedEventEnd, loadAt: store.loadAt, rangeChanges: store.rangeChanges };
    });
    const changes = extension ? data.rangeChanges : [];
    const firstChange = changes[0]?.[0];
    const lastChange = changes[changes.length - 1]?.[0];
    const after = tasks.filter((task) => task.startMs >= 0);
    const ours = after.filter((task) => task.extensionMs > 0);
    const longestOurs = ours.reduce<MainThreadTask | undefined>((a, b) => (a && a.durationMs >= b.durationMs ? a : b), undefined);
    const firstOurs = Math.min(...ours.map((task) => task.startMs));
    const others = after.filter((task) => task.extensionMs === 0 && task.startMs > firstOurs);
    return {
      maxMs: Math.max(0, ...tasks.map((task) => task.durationMs)),
      maxAfterDclMs: Math.max(0, ...after.map((task) => task.durationMs)),
      longTasksAfterDcl: after.filter((task) => task.durationMs > LONG_TASK_MS).length,
      longTasks: after.filter((task) => task.durationMs > LONG_TASK_MS),
      ...(extension
        ? {
            extensionTaskMaxMs: longestOurs?.durationMs ?? 0,
            extensionTaskScriptMs: longestOurs?.extensionMs ?? 0,
            extensionLongTasks: ours.filter((task) => task.durationMs > LONG_TASK_MS).length,
            otherTaskAfterExtensionMs: Math.max(0, ...others.map((task) => task.durationMs)),
          }
        : {}),
      // The times of the changes the page itself saw (every 10 ms), not of this side's slower polling.
      highlightedAfterMs: lastChange === undefined ? undefined : lastChange - data.dcl,
      loadAfterDclMs: data.loadAt - data.dcl,
      firstRangesAfterLoadMs: firstChange === undefined ? undefined : firstChange - data.loadAt,
      lastChangeAfterLoadMs: lastChange === undefined ? undefined : lastChange - data.loadAt,
      ranges,
    };
  } finally {
    await browser.close();
  }
}

/** Loads of `url` without and with the extension, alternating; `stored`: a reader's glossary stored first. */
export async function measureLongTasks(url: string, loads: number, log: (line: string) => void, stored?: Glossary): Promise<LongTaskResult> {
  const result: LongTaskResult = { without: [], with: [] };
  const label = `${new URL(url).pathname.slice(1).replace(/\.html$/, '')}${stored ? ` (+${stored.entries.length.toLocaleString('en-US')} stored entries)` : ''}`;
  for (let i = 0; i < loads; i++) {
    for (const extension of [false, true]) {
      const load = () => longTaskRun(url, extension, extension ? stored : undefined);
      const run = await load().catch((error: unknown) => {
        // A trace now and then lacks the page's load (its events were not all delivered): load again.
        log(`  (${String(error)}; loading again)`);
        return load();
      });
      (extension ? result.with : result.without).push(run);
      log(
        `  ${label} ${extension ? 'with' : 'without'} extension: longest task ${run.maxMs.toFixed(0)} ms, after DOMContentLoaded ${run.maxAfterDclMs.toFixed(0)} ms (${run.longTasksAfterDcl} long: ${describeTasks(run.longTasks)})` +
          (extension
            ? `; the extension's longest ${run.extensionTaskMaxMs!.toFixed(0)} ms (its scripts ${run.extensionTaskScriptMs!.toFixed(0)} ms), ${run.extensionLongTasks} long, then the longest other ${run.otherTaskAfterExtensionMs!.toFixed(0)} ms` +
              `; ${run.ranges} ranges ${run.highlightedAfterMs?.toFixed(0)} ms after DCL, first / last ${run.firstRangesAfterLoadMs?.toFixed(0)} / ${run.lastChangeAfterLoadMs?.toFixed(0)} ms after load (load ${run.loadAfterDclMs!.toFixed(0)} ms after DCL)`
            : ''),
      );
    }
  }
  return result;
}

// ---- DOM change to highlight -------------------------------------------------------------------

/**
 * Adds a paragraph with a term where the reader is looking (after the block at the middle of the
 * viewport, as a live blog or a chat would) and counts frames until a range inside it is painted.
 * Content added far from the viewport is indexed as quickly but painted only when scrolled to.
 */
function insertAndWait(index: number): Promise<{ ms: number; frames: number }> {
  const inView = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('p, li, h1, h2, h3, figure, table');
  const paragraph = document.createElement('p');
  paragraph.textContent = `Update ${index}: a new trial combines pembrolizumab with radioembolization.`;
  const inParagraph = () => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary')) continue;
      for (const range of highlight as unknown as Iterable<AbstractRange>) if (paragraph.contains(range.startContainer)) return true;
    }
    return false;
  };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    if (inView) inView.after(paragraph);
    else document.body.prepend(paragraph);
    let frames = 0;
    const check = () => {
      frames++;
      if (inParagraph()) resolve({ ms: performance.now() - t0, frames });
      else if (performance.now() - t0 > 5000) reject(new Error('the new paragraph was not highlighted within 5 s'));
      else requestAnimationFrame(check);
    };
    // The first check is queued after the extension's mutation observer has seen the change (its
    // callback was queued by the insertion, so it runs first): a frame's callbacks run in the order
    // they were requested, and what the extension registers in that frame's callback is painted in
    // that frame. Checked before it, a highlight painted with the paragraph counted as a frame late.
    queueMicrotask(() => requestAnimationFrame(check));
  });
}

async function domChangeLatency(url: string, pageName: string, samples: number): Promise<LatencyResult> {
  const browser = await launchBrowser({ extension: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(url, { timeout: 120_000 });
    await settleHighlights(page, 1000, 60_000);
    const ms: number[] = [];
    const frames: number[] = [];
    for (let i = 0; i < samples; i++) {
      const sample = await page.evaluate(insertAndWait, i);
      ms.push(sample.ms);
      frames.push(sample.frames);
      await page.waitForTimeout(200);
    }
    return { page: pageName, samples: ms, frames, medianMs: median(ms), medianFrames: median(frames) };
  } finally {
    await browser.close();
  }
}

export async function measureDomChange(urls: { page: string; url: string }[], samples: number): Promise<LatencyResult[]> {
  const out: LatencyResult[] = [];
  for (const { page, url } of urls) out.push(await domChangeLatency(url, page, samples));
  return out;
}

// ---- scrolling ----------------------------------------------------------------------------------

/** Scrolls down half a screen every frame, `frames` times; returns the intervals between frames. */
function scrollFrames(frames: number): Promise<number[]> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = 0;
    const step = (now: number) => {
      if (last > 0) intervals.push(now - last);
      last = now;
      if (intervals.length >= frames) {
        resolve(intervals);
        return;
      }
      scrollBy(0, innerHeight / 2);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

async function scrollRun(url: string, extension: boolean, frames: number): Promise<ScrollRun> {
  const browser = await launchBrowser({ extension });
  try {
    const page = await browser.context.newPage();
    await page.goto(url, { timeout: 120_000 });
    // Let the extension finish the whole page first: the scroll measures registration, not indexing.
    if (extension) await settleHighlights(page, 1500, 60_000);
    else await page.waitForTimeout(1500);
    const intervals = (await page.evaluate(scrollFrames, frames)).sort((a, b) => a - b);
    const ranges = extension ? await paintedCount(page) : undefined;
    return {
      medianMs: median(intervals),
      p95Ms: intervals[Math.min(intervals.length - 1, Math.floor(intervals.length * 0.95))]!,
      maxMs: intervals[intervals.length - 1]!,
      ranges,
    };
  } finally {
    await browser.close();
  }
}

export async function measureScrolling(urls: { page: string; url: string }[], frames: number): Promise<ScrollResult[]> {
  const out: ScrollResult[] = [];
  for (const { page, url } of urls) {
    const without = await scrollRun(url, false, frames);
    out.push({ page, frames, without, with: await scrollRun(url, true, frames) });
  }
  return out;
}

// ---- hover to popover --------------------------------------------------------------------------

/**
 * Arms a probe for the next pointermove: from that event's timestamp, counts animation frames until
 * `termlight-popover .popover` exists, has a box and has been positioned (floating-ui sets left/top).
 */
function armHoverProbe(): void {
  const w = window as unknown as { __hover?: Promise<{ ms: number; frames: number }> };
  w.__hover = new Promise((resolve, reject) => {
    addEventListener(
      'pointermove',
      (event) => {
        const t0 = event.timeStamp;
        let frames = 0;
        const check = () => {
          frames++;
          const popover = document.querySelector('termlight-popover')?.shadowRoot?.querySelector<HTMLElement>('.popover');
          const box = popover?.getBoundingClientRect();
          if (popover && box && box.width > 0 && box.height > 0 && popover.style.left !== '') {
            resolve({ ms: performance.now() - t0, frames });
          } else if (performance.now() - t0 > 3000) {
            reject(new Error('no popover within 3 s'));
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      },
      { once: true, capture: true },
    );
  });
}

/** Centres of the first boxes of painted ranges that are fully on screen (at most 12). */
const visibleTermPoints = (page: Page) =>
  page.evaluate(() => {
    const points: { x: number; y: number }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary')) continue;
      for (const r of highlight as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box && box.top > 40 && box.bottom < innerHeight - 40 && box.left > 0 && box.right < innerWidth - 40) {
          points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
        }
        if (points.length >= 12) return points;
      }
    }
    return points;
  });

const popoverPresent = (page: Page) =>
  page.evaluate(() => !!document.querySelector('termlight-popover')?.shadowRoot?.querySelector('.popover'));

export async function measureHover(url: string, samples: number): Promise<HoverResult> {
  const browser = await launchBrowser({ extension: true });
  try {
    await setStoredSettings(browser.serviceWorker!, { hoverDelayMs: 0 });
    const page = await browser.context.newPage();
    await page.goto(url);
    await settleHighlights(page, 800, 30_000);
    // Painted terms on the first screen, each hovered in turn.
    const points = await visibleTermPoints(page);
    if (points.length === 0) throw new Error('no painted term on the first screen');
    const results: { ms: number; frames: number }[] = [];
    for (let i = 0; i <= samples; i++) {
      const { x, y } = points[i % points.length]!;
      await page.mouse.move(1270, 790); // an empty corner: the previous popover closes
      for (let wait = 0; wait < 40 && (await popoverPresent(page)); wait++) await page.waitForTimeout(50);
      await page.waitForTimeout(100);
      await page.evaluate(armHoverProbe);
      await page.mouse.move(x, y); // one step: the first pointermove is already on the term
      results.push(await page.evaluate(() => (window as unknown as { __hover: Promise<{ ms: number; frames: number }> }).__hover));
    }
    const [first, ...warm] = results;
    const ms = warm.map((r) => r.ms);
    const frames = warm.map((r) => r.frames);
    return { first: first!, warm: { page: 'article', samples: ms, frames, medianMs: median(ms), medianFrames: median(frames) } };
  } finally {
    await browser.close();
  }
}
