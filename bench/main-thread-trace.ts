/**
 * The main-thread tasks of a page's renderer while something happens (a page load), from a Chrome
 * trace, each with how much of it ran the extension's scripts.
 *
 * Why a trace and not the page's own PerformanceObserver: Chromium keeps extensions out of what a page
 * can observe. A content script's task of 80–90 ms (compiling a 10,000-entry glossary) produced no
 * `longtask` entry at all, and a `long-animation-frame` entry of the same length with no scripts in
 * it (see w3c/long-animation-frames#10, "Opaque attribution for extensions"). So an observer in the
 * page cannot tell whether the extension made a long task.
 *
 * Tasks come from the trace's `RunTask` events on the page's renderer main thread (DevTools' "Task"). Which of them ran
 * the extension comes from a CPU profile taken at the same time: its samples and the trace share the
 * browser's monotonic clock, and a sample whose stack has a frame from a chrome-extension:// script
 * is the extension's. A task counts as the extension's if any sample in it is (its share is reported
 * beside it): work the extension asks for without running script, such as deserialising what it read
 * from storage, happens in the same task as the script that reads it.
 */
import type { Page } from 'playwright-core';

export interface MainThreadTask {
  /** From DOMContentLoaded (negative: before it), in ms. */
  startMs: number;
  durationMs: number;
  /** Time of the profile samples in the task whose stack has the extension's code, in ms. */
  extensionMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { isMainFrame?: boolean; frame?: string; url?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const SAMPLING_INTERVAL_US = 500;
const EXTENSION_URL = /^chrome-extension:\/\//;

/**
 * Records the page's main-thread tasks while `during` runs, which must load `url` in `page`: tasks are
 * timed from that document's DOMContentLoaded.
 */
export async function recordMainThread(page: Page, url: string, during: () => Promise<void>): Promise<MainThreadTask[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    // The categories of a DevTools performance recording: `RunTask` (a task, with the microtasks run at
    // its end, as DevTools shows "Task") and DOMContentLoaded (`MarkDOMContent`).
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await during();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await complete;
    return tasksOf(events, profile, url);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

function tasksOf(events: TraceEvent[], profile: CpuProfile, url: string): MainThreadTask[] {
  // The page's renderer main thread: where the document loaded from `url` marked its DOMContentLoaded
  // (not the about:blank a new tab starts with, which may have its own). Some traces lack the commit
  // event; then the last main-frame DOMContentLoaded is the page's, since it loaded last.
  const commit = events.find((event) => event.name === 'CommitLoad' && event.args?.data?.url === url);
  const mainFrameDcls = events.filter((event) => event.name === 'MarkDOMContent' && event.args?.data?.isMainFrame);
  const dcl = commit
    ? mainFrameDcls.find((event) => event.args?.data?.frame === commit.args?.data?.frame && event.ts > commit.ts)
    : mainFrameDcls.reduce<TraceEvent | undefined>((last, event) => (last && last.ts > event.ts ? last : event), undefined);
  if (!dcl) throw new Error(`the trace has no DOMContentLoaded of ${url} (${events.length} events): did it load while recording?`);
  const extensionSampleTimes = extensionSamples(profile);
  const tasks: MainThreadTask[] = [];
  for (const event of events) {
    if (event.name !== 'RunTask' || event.ph !== 'X' || event.pid !== dcl.pid || event.tid !== dcl.tid) continue;
    const start = event.ts;
    const end = start + (event.dur ?? 0);
    let inTask = 0;
    for (const [at, interval] of extensionSampleTimes) if (at >= start && at <= end) inTask += interval;
    tasks.push({ startMs: (start - dcl.ts) / 1000, durationMs: (end - start) / 1000, extensionMs: inTask / 1000 });
  }
  return tasks;
}

/**
 * The samples whose stack has a frame of the extension's scripts: when each was taken (trace clock,
 * µs) and the time since the sample before it, which it stands for.
 */
function extensionSamples(profile: CpuProfile): [number, number][] {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const isExtension = new Map<number, boolean>();
  const inExtension = (id: number): boolean => {
    let known = isExtension.get(id);
    if (known === undefined) {
      const node = byId.get(id)!;
      const parent = parentOf.get(id);
      known = EXTENSION_URL.test(node.callFrame.url) || (parent !== undefined && inExtension(parent));
      isExtension.set(id, known);
    }
    return known;
  };
  const samples: [number, number][] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (inExtension(id)) samples.push([at, delta]);
  });
  return samples;
}
