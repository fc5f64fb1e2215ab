/**
 * The engine benchmark: for one page and one glossary, in one page load, runs the floor, Termlight and
 * mark.js in turn (the order rotates every round), and summarises each tool by its median.
 */
import type { Page } from 'playwright-core';
import type { BenchGlossary } from './glossaries';
import type { BenchConfig, PageStats, Timing } from './in-page';
import type { BenchBrowser } from './browser';
import { openIsolatedWorld, withCap } from './browser';
import { definedValues, median } from './stats';

export type ToolName = 'floorRead' | 'floorRegex' | 'sameRulesRegex' | 'termlight' | 'markRegExp' | 'markArray';
export const TOOL_NAMES: readonly ToolName[] = ['floorRead', 'floorRegex', 'sameRulesRegex', 'termlight', 'markRegExp', 'markArray'];

/**
 * The tools run for a glossary. The regex with the matcher's rules only for the built-in glossary: with
 * 10,000 entries one run of it over *dense* took 7.5 s (its case-insensitive group of 47,000 surface
 * forms with the `u` flag), and the targets it is reported beside are the built-in glossary's.
 */
function toolsFor(glossary: BenchGlossary): readonly ToolName[] {
  return glossary.name === 'builtin' ? TOOL_NAMES : TOOL_NAMES.filter((tool) => tool !== 'sameRulesRegex');
}

export interface ToolSummary {
  /** Timed runs (after one untimed warm-up, except for mark(array)). */
  n: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  matches?: number;
  /** Termlight: medians of its compile time, main-thread busy time, slices; the longest slice seen. */
  compileMs?: number;
  busyMs?: number;
  slices?: number;
  maxSliceMs?: number;
  renderedMs?: number;
  /** Termlight: ranges registered when rendered (those near the viewport). */
  registered?: number;
  /** mark.js: median unmark time (not in medianMs). */
  unmarkMs?: number;
  /** mark(array) cut off after this many milliseconds (medianMs is then a lower bound). */
  cappedAtMs?: number;
  error?: string;
}

export interface CaseResult {
  page: string;
  glossary: string;
  glossaryLabel: string;
  entries: number;
  forms: number;
  stats: PageStats;
  tools: Partial<Record<ToolName, ToolSummary>>;
  /**
   * The combined-regex floor, Termlight and mark.js markRegExp as a content script (or an extension
   * built on mark.js) reads a page: in an isolated world of their own, each run on a fresh copy of the
   * page whose nodes have no JS wrapper yet (see in-page.ts firstReadStart).
   */
  contentScriptRead?: { n: number; floorRegexMs: number; termlightMs: number; markRegExpMs: number };
  /** Built-in glossary only: the frame after a DOM change, with Termlight's ranges registered and without. */
  domChangeFrame?: { withRanges: number; without: number; ranges: number };
}

export interface EngineBenchOptions {
  runs: number;
  /** Longest single mark(array) run, and the time all its runs may take together in one case. */
  markArrayCapMs: number;
  markArrayBudgetMs: number;
  log: (line: string) => void;
}

type Bench = { [K in keyof typeof import('./in-page')]: (typeof import('./in-page'))[K] };
const call = <K extends keyof Bench>(page: Page, name: K, arg?: unknown) =>
  page.evaluate(
    ([fn, a]) => (window as unknown as { TermlightBench: Record<string, (x?: unknown) => unknown> }).TermlightBench[fn as string]!(a),
    [name, arg] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;

/** The runner again, in an isolated world of the page (see browser.ts openIsolatedWorld). Returns a `call`. */
async function isolatedRunner(page: Page, scripts: { runner: string; markJs: string }, config: BenchConfig) {
  const world = await openIsolatedWorld(page);
  await world.evaluate(scripts.markJs);
  await world.evaluate(scripts.runner);
  await world.evaluate(`TermlightBench.setup(${JSON.stringify(config)}), 0`);
  return {
    call: async <K extends keyof Bench>(name: K): Promise<Awaited<ReturnType<Bench[K]>>> =>
      (await world.evaluate(`TermlightBench[${JSON.stringify(name)}]()`)) as Awaited<ReturnType<Bench[K]>>,
    detach: world.detach,
  };
}

export async function benchCase(
  browser: BenchBrowser,
  url: string,
  scripts: { runner: string; markJs: string },
  glossary: BenchGlossary,
  options: EngineBenchOptions,
): Promise<CaseResult> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => options.log(`  page error: ${error.message}`));
  try {
    await page.goto(url, { timeout: 120_000 });
    await page.addScriptTag({ content: scripts.markJs });
    await page.addScriptTag({ content: scripts.runner });
    const config: BenchConfig = {
      entries: glossary.entries,
      forms: glossary.forms,
      regexSource: glossary.regexSource,
      sameRulesRegexSource: glossary.sameRulesRegexSource,
    };
    const rotation = toolsFor(glossary);
    const stats = await call(page, 'setup', config);
    const runs: Record<ToolName, Timing[]> = { floorRead: [], floorRegex: [], sameRulesRegex: [], termlight: [], markRegExp: [], markArray: [] };
    let markArraySpent = 0;
    let markArrayStop: { cappedAtMs?: number; error?: string } | undefined;

    const runTool = async (tool: ToolName): Promise<Timing | undefined> => {
      await call(page, 'settle');
      if (tool !== 'markArray') {
        const timing = await call(page, tool);
        if (tool.startsWith('mark')) await call(page, 'restore');
        return timing;
      }
      const started = Date.now();
      const timing = await withCap(page, () => call(page, 'markArray'), options.markArrayCapMs);
      markArraySpent += Date.now() - started;
      await call(page, 'restore');
      if (!timing) {
        markArrayStop = { cappedAtMs: options.markArrayCapMs };
        return undefined;
      }
      if (timing.error) {
        markArrayStop = { error: timing.error };
        return undefined;
      }
      return timing;
    };

    for (let round = 0; round <= options.runs; round++) {
      const warmUp = round === 0;
      const order = rotation.map((_, i) => rotation[(i + round) % rotation.length]!);
      for (const tool of order) {
        if (tool === 'markArray') {
          // Not warmed up (its runs are long enough); stopped when capped, failed or over budget.
          if (warmUp || markArrayStop || runs.markArray.length >= options.runs) continue;
          if (runs.markArray.length > 0 && markArraySpent + median(runs.markArray.map((t) => t.ms)) > options.markArrayBudgetMs) continue;
        }
        const timing = await runTool(tool);
        if (timing && !warmUp) runs[tool].push(timing);
      }
    }

    const tools: Partial<Record<ToolName, ToolSummary>> = {};
    for (const tool of rotation) {
      const timings = runs[tool];
      if (tool === 'markArray' && markArrayStop && timings.length === 0) {
        tools[tool] = {
          n: 0,
          medianMs: markArrayStop.cappedAtMs ?? NaN,
          minMs: NaN,
          maxMs: NaN,
          ...markArrayStop,
        };
        continue;
      }
      const ms = timings.map((t) => t.ms);
      const summary: ToolSummary = {
        n: timings.length,
        medianMs: median(ms),
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        matches: timings[0]?.matches,
      };
      if (tool === 'termlight') {
        summary.compileMs = median(definedValues(timings.map((t) => t.compileMs)));
        summary.busyMs = median(definedValues(timings.map((t) => t.busyMs)));
        summary.slices = median(definedValues(timings.map((t) => t.slices)));
        summary.maxSliceMs = Math.max(...definedValues(timings.map((t) => t.maxSliceMs)));
        summary.renderedMs = median(definedValues(timings.map((t) => t.renderedMs)));
        summary.registered = timings[0]?.registered;
      }
      if (tool.startsWith('mark')) summary.unmarkMs = median(definedValues(timings.map((t) => t.unmarkMs)));
      if (tool === 'markArray' && markArrayStop) Object.assign(summary, markArrayStop);
      tools[tool] = summary;
    }
    // As a content script reads the page: in an isolated world, on a fresh copy of the page; one
    // untimed round first (the world's copy of the code starts cold), then rotating as above.
    const isolated = await isolatedRunner(page, scripts, config);
    const contentScriptTools = ['floorRegex', 'termlight', 'markRegExp'] as const;
    const contentScriptRuns = { floorRegex: [] as number[], termlight: [] as number[], markRegExp: [] as number[] };
    for (let round = 0; round <= options.runs; round++) {
      for (let i = 0; i < contentScriptTools.length; i++) {
        const tool = contentScriptTools[(i + round) % contentScriptTools.length]!;
        await call(page, 'firstReadStart'); // also puts back what mark.js split
        const { ms } = await isolated.call(tool);
        if (round > 0) contentScriptRuns[tool].push(ms);
      }
    }
    await isolated.detach();
    const domChangeFrame = glossary.name === 'builtin' ? await call(page, 'domChangeFrameCost', 5) : undefined;
    return {
      contentScriptRead: {
        n: options.runs,
        floorRegexMs: median(contentScriptRuns.floorRegex),
        termlightMs: median(contentScriptRuns.termlight),
        markRegExpMs: median(contentScriptRuns.markRegExp),
      },
      domChangeFrame,
      page: new URL(url).pathname.replace(/^\/|\.html$/g, ''),
      glossary: glossary.name,
      glossaryLabel: glossary.label,
      entries: glossary.entries.length,
      forms: glossary.forms.length,
      stats,
      tools,
    };
  } finally {
    await page.close();
  }
}
