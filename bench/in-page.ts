/**
 * Runs inside the benchmark page (bundled by bundle.ts into an IIFE exposing `TermlightBench`, next to
 * mark.js's own dist file, which defines the global `Mark`). Every function times one tool once;
 * bench/engine-bench.ts calls them in turn, alternating, from Node.
 */
import { createHighlighter, type MatcherTerm } from '../glossary';

interface MarkOptions {
  separateWordSearch?: boolean;
  diacritics?: boolean;
  accuracy?: string;
  done?: (count: number) => void;
}
interface MarkInstance {
  mark(terms: string[], options: MarkOptions): void;
  markRegExp(re: RegExp, options: MarkOptions): void;
  unmark(options: { done?: () => void }): void;
}
declare const Mark: new (root: Element) => MarkInstance;

export interface BenchConfig {
  entries: MatcherTerm[];
  /** Declared surface forms, for mark.js `mark(array)`. */
  forms: string[];
  /** The combined regex (flags "gi"), for the floor and `markRegExp`. */
  regexSource: string;
  /** The combined regex with the matcher's rules (flags "gu"), see glossaries.ts sameRulesRegexSource. */
  sameRulesRegexSource: string;
}

export interface PageStats {
  textNodes: number;
  chars: number;
  crossOriginIsolated: boolean;
  elements: number;
}

export interface Timing {
  ms: number;
  matches?: number;
  /** Termlight only: matcher compile, main-thread busy time, slices and the longest slice. */
  compileMs?: number;
  busyMs?: number;
  slices?: number;
  maxSliceMs?: number;
  /**
   * Termlight only: until the ranges near the viewport are registered and the frame after has
   * rendered (Chromium builds the markers of the ranges then).
   */
  renderedMs?: number;
  /** Termlight only: ranges registered when rendered (those near the viewport). */
  registered?: number;
  /** mark.js only: the unmark that followed (not part of `ms`). */
  unmarkMs?: number;
  error?: string;
}

let config: BenchConfig | undefined;
let pristine: HTMLElement | undefined;

// ---- the yield probe: time between the engine's yield and its resumption is not the engine's ----
type Yielding = { yield(): Promise<void> };
interface Probe {
  active: boolean;
  yielded: number;
  slices: number;
  maxSlice: number;
  sliceStart: number;
}
// On globalThis, so that two bundles in one page (an A/B comparison of engines) share one probe.
const probe = ((globalThis as unknown as { __termlightBenchProbe?: Probe }).__termlightBenchProbe ??= {
  active: false,
  yielded: 0,
  slices: 0,
  maxSlice: 0,
  sliceStart: 0,
});

function installYieldProbe(): void {
  const scheduler = (globalThis as unknown as { scheduler?: Yielding }).scheduler;
  if (!scheduler || typeof scheduler.yield !== 'function' || (scheduler as { probed?: boolean }).probed) return;
  const original = scheduler.yield.bind(scheduler);
  // Same call, same yield: only the clock is read around it.
  scheduler.yield = () => {
    if (!probe.active) return original();
    const at = performance.now();
    probe.slices++;
    probe.maxSlice = Math.max(probe.maxSlice, at - probe.sliceStart);
    return original().then(() => {
      const now = performance.now();
      probe.yielded += now - at;
      probe.sliceStart = now;
    });
  };
  (scheduler as { probed?: boolean }).probed = true;
}

function textWalker(): TreeWalker {
  return document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Ranges Termlight has registered now (only those near the viewport). */
const registeredRanges = () => (CSS.highlights.get('glossary-underline') as unknown as Set<unknown> | undefined)?.size ?? 0;

export function setup(next: BenchConfig): PageStats {
  config = next;
  pristine ??= document.body.cloneNode(true) as HTMLElement;
  installYieldProbe();
  return stats();
}

export function stats(): PageStats {
  let textNodes = 0;
  let chars = 0;
  const walker = textWalker();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    chars += (node as Text).data.length;
  }
  return { textNodes, chars, crossOriginIsolated: globalThis.crossOriginIsolated, elements: document.body.getElementsByTagName('*').length };
}

/**
 * Between runs: collect garbage, finish layout and let two frames render, so no run pays for another;
 * and touch every text node, so that every tool finds the page's JS wrappers made (a restored page has
 * none, and making 150,000 of them costs more than reading the text).
 */
export async function settle(): Promise<void> {
  (globalThis as unknown as { gc?: () => void }).gc?.();
  stats();
  void document.body.offsetHeight;
  await frame();
  await frame();
}

/**
 * Before a run timed as a content script reads a page (engine-bench.ts runs it in an isolated world): a
 * fresh copy of the page, so that no node has a JS wrapper yet. A content script's world has none of
 * the page's, so whatever reads the page there makes every wrapper it needs: the floor those of the
 * text nodes, Termlight those of the elements too. (settle() makes the text nodes' wrappers only.)
 */
export async function firstReadStart(): Promise<void> {
  restore();
  (globalThis as unknown as { gc?: () => void }).gc?.();
  await frame();
  await frame();
}

/** The floor: read every text node with a TreeWalker. */
export function floorRead(): Timing {
  const t0 = performance.now();
  let chars = 0;
  const walker = textWalker();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  const ms = performance.now() - t0;
  if (chars === 0) throw new Error('the page has no text');
  return { ms };
}

/** The floor: one combined regex over every text node, no DOM writes. */
export function floorRegex(): Timing {
  return timeRegex(config!.regexSource, 'gi');
}

/** The same pass with a regex that has the matcher's rules (Unicode boundaries, plurals, separators). */
export function sameRulesRegex(): Timing {
  return timeRegex(config!.sameRulesRegexSource, 'gu');
}

function timeRegex(source: string, flags: string): Timing {
  const t0 = performance.now();
  const re = new RegExp(source, flags);
  let matches = 0;
  const walker = textWalker();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    re.lastIndex = 0;
    while (re.exec(data) !== null) matches++;
  }
  return { ms: performance.now() - t0, matches };
}

/** Termlight: compile, index, match, make ranges and paint, until the run's promise resolves. */
export async function termlight(): Promise<Timing> {
  Object.assign(probe, { active: true, yielded: 0, slices: 0, maxSlice: 0 });
  const t0 = performance.now();
  probe.sliceStart = t0;
  const highlighter = createHighlighter(config!.entries);
  await highlighter.ready; // compiled in slices (at once for a small glossary)
  const compiled = performance.now();
  const result = await highlighter.run(document.body);
  const t1 = performance.now();
  probe.active = false;
  // Rendered: the ranges near the viewport are registered when the browser reports what is near (after
  // its next layout), and Chromium builds their markers at the frame after that.
  for (let frames = 0; frames < 10 && result.matches > 0 && registeredRanges() === 0; frames++) await frame();
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const rendered = performance.now();
  probe.maxSlice = Math.max(probe.maxSlice, t1 - probe.sliceStart);
  const timing: Timing = {
    ms: t1 - t0,
    compileMs: compiled - t0,
    busyMs: t1 - t0 - probe.yielded,
    slices: probe.slices + 1,
    maxSliceMs: probe.maxSlice,
    renderedMs: rendered - t0,
    matches: result.matches,
    registered: registeredRanges(),
  };
  highlighter.clear();
  return timing;
}

async function timeMark(run: (instance: MarkInstance, done: (count: number) => void) => void): Promise<Timing> {
  const instance = new Mark(document.body);
  const t0 = performance.now();
  let timing: Timing;
  try {
    const matches = await new Promise<number>((resolve) => run(instance, resolve));
    timing = { ms: performance.now() - t0, matches };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return { ms: performance.now() - t0, error: /call stack|stack overflow/i.test(message) ? 'stack overflow' : message };
  }
  const u0 = performance.now();
  await new Promise<void>((resolve) => instance.unmark({ done: resolve }));
  timing.unmarkMs = performance.now() - u0;
  return timing;
}

/** mark.js `markRegExp` with the combined regex (then unmark, timed apart). */
export function markRegExp(): Promise<Timing> {
  const re = new RegExp(config!.regexSource, 'gi');
  return timeMark((instance, done) => instance.markRegExp(re, { done }));
}

/** mark.js `mark(array)`, the common use: one search per term (then unmark, timed apart). */
export function markArray(): Promise<Timing> {
  const terms = config!.forms;
  return timeMark((instance, done) =>
    instance.mark(terms, { separateWordSearch: false, diacritics: false, accuracy: 'exactly', done }),
  );
}

/** Puts back the page as loaded (mark.js splits text nodes, even after unmark). */
export function restore(): void {
  document.body.replaceWith(pristine!.cloneNode(true));
  void document.body.offsetHeight;
}

/**
 * What a page with Termlight's ranges registered pays per DOM change: the duration of the frame after
 * appending an empty text node, with the ranges registered and without (median of `samples`).
 * Chromium rebuilds the markers of every registered range after any DOM or style change, which is why
 * only the ranges near the viewport are registered.
 */
export async function domChangeFrameCost(samples = 5): Promise<{ withRanges: number; without: number; ranges: number }> {
  const frameAfterChange = async () => {
    const t0 = performance.now();
    document.body.append(document.createTextNode(''));
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  };
  const medianOf = async () => {
    const times: number[] = [];
    for (let i = 0; i < samples; i++) times.push(await frameAfterChange());
    times.sort((a, b) => a - b);
    return times[times.length >> 1]!;
  };
  const without = await medianOf();
  const highlighter = createHighlighter(config!.entries);
  await highlighter.run(document.body);
  for (let frames = 0; frames < 10 && registeredRanges() === 0; frames++) await frame();
  await frameAfterChange();
  const withRanges = await medianOf();
  const ranges = registeredRanges();
  highlighter.clear();
  return { withRanges, without, ranges };
}
