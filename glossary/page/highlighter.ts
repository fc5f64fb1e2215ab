/**
 * The highlight engine: finds every glossary term under a root and paints it with the CSS Custom
 * Highlight API, so the page's DOM, layout and event handlers stay exactly as they were.
 *
 * Work is done in slices that yield to the page, the part of the page in view first (see run()).
 * The engine keeps, per container (see text-index.ts), the occurrences it found there, so that a
 * mutation redoes only the containers it touched.
 *
 * Every occurrence is found and decided (painted or not) for the whole page, so counts, keyboard
 * navigation and the popup's list cover it all; but only the ranges of containers near the viewport
 * are registered with `CSS.highlights`, the others as the reader scrolls to them (near-viewport.ts).
 * Far from the viewport a container keeps only its blocks' matches: occurrence objects, their ranges
 * and the hit-testing index are made when it first comes near (or when all occurrences are asked for),
 * so the work per occurrence on a long page is little more than finding it.
 */
import { compileSteps, type Matcher, type MatcherTerm } from '../matcher';
import { AMBIGUOUS, EvidenceTally, LEFT_ALONE, collectEvidence, type BlockEvidence } from './ambiguity';
import { comesBefore } from './document-order';
import { watchNearViewport, type NearViewport } from './near-viewport';
import { toOccurrences, type BlockMatch, type Occurrence } from './occurrences';
import { walkBlocks, type Container, type TextBlock } from './text-index';
import { SliceBudget, runInSlices, yieldToMain } from './yield-to-main';

export type { Occurrence } from './occurrences';
export type { Container } from './text-index';

export const DEFAULT_HIGHLIGHT_NAME = 'glossary-underline';

/**
 * The slice budget is checked when blocks worth CHECK_EVERY characters have been done, each block
 * counting as CHECK_COST_PER_BLOCK characters more than its text: every 32 short blocks, or after
 * ~16,000 characters of text (about half a millisecond of work either way; reading the clock costs
 * about a microsecond, which every 16 blocks was 4 ms on the 5 MB page).
 */
const CHECK_EVERY = 16384;
const CHECK_COST_PER_BLOCK = 512;

export interface HighlighterOptions {
  /** The `CSS.highlights` name to paint under; it must start with "glossary". */
  highlightName?: string;
  /** Highlight only each entry's first occurrence on the page. */
  firstOccurrenceOnly?: boolean;
  /** Entries not to paint (categories or glossaries the reader turned off). */
  hiddenEntryIds?: ReadonlySet<string>;
  /** Longest stretch of work before yielding to the page, in milliseconds. */
  sliceMs?: number;
  /** Where highlights are registered; `CSS.highlights` by default. */
  registry?: HighlightRegistry;
  /**
   * Called once for each open shadow root the engine reads: `::highlight()` rules of the document do
   * not reach into shadow trees, so the caller adds its stylesheet there (and watches it for changes).
   */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * The document whose viewport decides which ranges are registered (see near-viewport.ts); by
   * default the global document when the browser has an IntersectionObserver. Null registers every
   * range, wherever it is.
   */
  viewportOf?: Document | null;
}

export interface HighlightResult {
  /** Occurrences painted. */
  matches: number;
  /** Painted occurrences per entry id. */
  counts: Record<string, number>;
}

export interface ContainerChange {
  container: Container;
  /** Redo nested blocks too (new content), or only the container's own text (an edit). */
  deep: boolean;
}

export interface Highlighter {
  /**
   * Highlights everything under `root` (a document, element or open shadow root). With `first`, a
   * block element under `root` (the part of the page in view), that part is read and painted first.
   */
  run(root: Container, options?: { first?: Element | null }): Promise<HighlightResult>;
  /** Redoes changed containers and forgets removed ones. */
  update(changes: readonly ContainerChange[], removedSomething?: boolean): Promise<HighlightResult>;
  /** Switches style, first-occurrence mode or hidden entries without re-reading the page. */
  configure(options: Pick<HighlighterOptions, 'highlightName' | 'firstOccurrenceOnly' | 'hiddenEntryIds'>): void;
  /** Removes every highlight this engine made and stops pending work. */
  clear(): void;
  /** Painted occurrences touching a text node near the viewport (for hit-testing). */
  occurrencesIn(node: Text): readonly Occurrence[];
  /** Painted occurrences in document order (for keyboard navigation). */
  occurrences(): Occurrence[];
  result(): HighlightResult;
  /** Resolves when the glossary is compiled (in slices, for a large one); work queued before waits for it. */
  readonly ready: Promise<void>;
}

/**
 * What to assume about a container the IntersectionObserver has not reported on yet: near (the part
 * of the page in view), near when a neighbour was last reported near (content added later, usually
 * where the reader is), unknown (the first walk of a page: near for the first few, far for the rest),
 * or beyond the part in view (the rest of a page whose part in view was read first: far until the
 * observer, a frame later, says otherwise).
 */
type Nearness = 'in-view' | 'beside-near' | 'unknown' | 'beyond-view';

/** With 'unknown' nearness, the first containers with terms are taken as near (the top of the page). */
const LEADING_RECORDS = 24;

/** One block's text and what was found in it. */
interface BlockRecord {
  block: TextBlock;
  matches: readonly BlockMatch[];
  /** What the block tells the ambiguity guard, and AMBIGUOUS and LEFT_ALONE per match (`evidence.flags`). */
  evidence: BlockEvidence;
  /** The matches as occurrences, made on first need (same order as `matches`). */
  occurrences: Occurrence[] | null;
}

interface ContainerRecord {
  container: Container;
  /** The container's blocks (its own inline runs between nested blocks), in document order. */
  blocks: BlockRecord[];
  /** The element whose nearness to the viewport decides whether the ranges are registered. */
  target: Element | null;
  /** Near the viewport: its painted occurrences' ranges are registered. */
  near: boolean;
  /** Whether its occurrences are in `byNode` (done when it first comes near: only then can it be hovered). */
  inNodeIndex: boolean;
}

/**
 * Everything one highlighter knows. The engine's functions are module-level and take this as their
 * first argument, rather than closures made by createHighlighter: V8 keeps a function's optimised code
 * with the function, so closures made afresh for each highlighter were compiled afresh too (while
 * they ran, on the page's cores), and a page's second highlighter ran partly unoptimised. The state
 * is one object literal, whose hidden class V8 keeps as long as the code making it exists.
 */
interface HighlighterState {
  readonly entries: readonly MatcherTerm[];
  readonly entryCount: number;
  readonly registry: HighlightRegistry | undefined;
  readonly budget: SliceBudget;
  readonly onShadowRoot: ((root: ShadowRoot) => void) | undefined;
  /** Set when the glossary is compiled; every piece of work waits in the queue behind that. */
  matcher: Matcher | null;
  highlightName: string;
  firstOnly: boolean;
  /** The entries not to paint (by index), or null when none are hidden. */
  hidden: Uint8Array | null;
  readonly highlight: Highlight;
  /** In creation order: the order of the page's walk, so document order but for later updates. */
  readonly records: Map<Container, ContainerRecord>;
  readonly nearRecords: Set<ContainerRecord>;
  /** Occurrences whose range is in `highlight` now (painted and near the viewport). */
  readonly registered: Set<Occurrence>;
  readonly byNode: WeakMap<Text, Occurrence[]>;
  // Per-entry state is kept in arrays indexed by the matches' `entry` (the index in `entries`): a page
  // has thousands of matches, and a map keyed by id costs a string hash per match.
  /** How many matches of ambiguous forms each entry has: the entries the guard decides about. */
  readonly ambiguousCounts: Int32Array;
  /** The entries that ever had such a match (listed once), so that paint() looks at those only. */
  readonly ambiguousEntries: number[];
  readonly listedAmbiguous: Uint8Array;
  /** The evidence of every record, counted: the guard's decisions without going over every record. */
  readonly tally: EvidenceTally;
  readonly seenShadowRoots: WeakSet<ShadowRoot>;
  /** The guard's decision per entry, set by paint(): 1 when its ambiguous forms may be painted. */
  readonly allowedAmbiguous: Uint8Array;
  /** In first-occurrence mode, the occurrences chosen by paint(); null otherwise. */
  chosenFirsts: Set<Occurrence> | null;
  /** Bumped by clear(): work started before it stops. */
  generation: number;
  queue: Promise<unknown>;
  /** Records per observed element, and the last nearness reported for each element. */
  readonly recordsByTarget: Map<Element, Set<ContainerRecord>>;
  readonly lastNear: WeakMap<Element, boolean>;
  /** Elements to start watching: observe() costs several times more when interleaved with the walk. */
  toObserve: Element[];
  nearViewport: NearViewport | null;
}

export function createHighlighter(
  entries: readonly MatcherTerm[],
  options: HighlighterOptions = {},
): Highlighter {
  const entryCount = entries.length;
  const state: HighlighterState = {
    entries,
    entryCount,
    registry: options.registry ?? globalThis.CSS?.highlights,
    budget: new SliceBudget(options.sliceMs ?? 8),
    onShadowRoot: options.onShadowRoot,
    matcher: null,
    highlightName: options.highlightName ?? DEFAULT_HIGHLIGHT_NAME,
    firstOnly: options.firstOccurrenceOnly ?? false,
    hidden: hiddenMask(entries, options.hiddenEntryIds),
    highlight: new Highlight(),
    records: new Map(),
    nearRecords: new Set(),
    registered: new Set(),
    byNode: new WeakMap(),
    ambiguousCounts: new Int32Array(entryCount),
    ambiguousEntries: [],
    listedAmbiguous: new Uint8Array(entryCount),
    tally: new EvidenceTally(entryCount),
    seenShadowRoots: new WeakSet(),
    allowedAmbiguous: new Uint8Array(entryCount),
    chosenFirsts: null,
    generation: 0,
    queue: Promise.resolve(),
    recordsByTarget: new Map(),
    lastNear: new WeakMap(),
    toObserve: [],
    nearViewport: null,
  };
  const viewportOf = options.viewportOf === undefined ? globalThis.document : options.viewportOf ?? undefined;
  state.nearViewport = watchNearViewport(viewportOf, (changes) => noticeNearness(state, changes));
  const ready = compileInSlices(state);
  state.queue = ready;

  return {
    ready,
    run: (root, { first } = {}) => enqueue(state, (startedIn) => runAll(state, startedIn, root, first)),
    update: (changes, removedSomething = false) =>
      enqueue(state, (startedIn) => redo(state, startedIn, changes, removedSomething)),
    configure: (next) => configure(state, next),
    clear: () => clear(state),
    occurrencesIn: (node) => (state.byNode.get(node) ?? []).filter((occurrence) => state.registered.has(occurrence)),
    occurrences: () => occurrencesInOrder(state),
    result: () => result(state),
  };
}

function noticeNearness(s: HighlighterState, changes: readonly { target: Element; near: boolean }[]): void {
  for (const { target, near } of changes) {
    s.lastNear.set(target, near);
    for (const record of s.recordsByTarget.get(target) ?? []) setNear(s, record, near);
  }
  register(s);
}

function register(s: HighlighterState): void {
  if (s.registry && s.highlightName && s.registry.get(s.highlightName) !== s.highlight) {
    s.registry.set(s.highlightName, s.highlight);
  }
}

/**
 * The element to watch for a container: its parent (a section or list holding it and its siblings),
 * unless that is the page's body, or the container itself then; a shadow root's host. None for a
 * document. Watching parents rather than each paragraph keeps the observer's targets few: the
 * browser computes every target's intersection on every frame that scrolls, and with the ~9,000
 * paragraphs of the 5 MB bench page as targets one scrolled frame in twenty ran late (bench). A
 * near parent registers all its children's ranges, a few screens' worth on an ordinary page.
 */
function targetOf(container: Container): Element | null {
  if (container.nodeType !== Node.ELEMENT_NODE) return (container as ShadowRoot).host ?? null;
  const element = container as Element;
  const parent = element.parentElement;
  if (!parent || parent.localName === 'body' || parent === element.ownerDocument.documentElement) return element;
  return parent;
}

function addBlock(s: HighlighterState, container: Container, block: BlockRecord, nearness: Nearness): void {
  s.tally.add(block.evidence);
  countAmbiguous(s, block, 1);
  const record = s.records.get(container);
  if (record) {
    record.blocks.push(block);
    if (record.inNodeIndex) addToNodeIndex(s, occurrencesOf(block));
    return;
  }
  const target = s.nearViewport ? targetOf(container) : null;
  const created: ContainerRecord = {
    container, blocks: [block], target,
    // Until the observer reports, the last report for the element stands (a block edited in place
    // keeps its element): content known to be on screen is painted without waiting for a frame.
    near: false,
    inNodeIndex: false,
  };
  s.records.set(container, created);
  if (target) {
    const ofTarget = s.recordsByTarget.get(target);
    if (ofTarget) ofTarget.add(created);
    else {
      s.recordsByTarget.set(target, new Set<ContainerRecord>().add(created));
      s.toObserve.push(target);
    }
  }
  if (!target || (s.lastNear.get(target) ?? guessNear(s, target, nearness))) markNear(s, created);
}

function countAmbiguous(s: HighlighterState, { matches, evidence: { flags } }: BlockRecord, by: 1 | -1): void {
  if (!flags) return;
  for (let i = 0; i < matches.length; i++) {
    if ((flags[i]! & AMBIGUOUS) === 0) continue;
    const { entry } = matches[i]!;
    s.ambiguousCounts[entry]! += by;
    if (s.listedAmbiguous[entry] === 0) {
      s.listedAmbiguous[entry] = 1;
      s.ambiguousEntries.push(entry);
    }
  }
}

function hiddenMask(entries: readonly MatcherTerm[], ids: ReadonlySet<string> | undefined): Uint8Array | null {
  if (!ids || ids.size === 0) return null;
  const mask = new Uint8Array(entries.length);
  for (let e = 0; e < entries.length; e++) if (ids.has(entries[e]!.id)) mask[e] = 1;
  return mask;
}

/** Whether to take a container's target as near until the observer reports (see Nearness). */
function guessNear(s: HighlighterState, target: Element, nearness: Nearness): boolean {
  if (nearness === 'in-view') return true;
  if (nearness === 'beside-near') return besideNear(s, target);
  // What is in view is painted already: a guess here would mostly register ranges below the fold
  // only for the observer to unregister them, and on a very large page every change to the
  // registered ranges costs the page a slow frame (30–45 ms on the bench's 5 MB page).
  if (nearness === 'beyond-view') return false;
  // A page opened at its top shows its first blocks: paint them without waiting a frame for the
  // observer (it unregisters any that are not near after all).
  return s.records.size <= LEADING_RECORDS;
}

/**
 * For an element the observer has not reported on yet (content just added): near when the block
 * beside it or around it was last reported near. Content added where the reader is looking is then
 * painted in the frame that lays it out instead of the one after the observer's report, which
 * corrects the guess either way.
 */
function besideNear(s: HighlighterState, target: Element): boolean {
  for (const other of [target.previousElementSibling, target.nextElementSibling, target.parentElement]) {
    if (other && s.lastNear.get(other)) return true;
  }
  return false;
}

function occurrencesOf(block: BlockRecord): Occurrence[] {
  return (block.occurrences ??= toOccurrences(block.block, block.matches));
}

function addToNodeIndex(s: HighlighterState, occurrences: readonly Occurrence[]): void {
  for (const occurrence of occurrences) {
    for (const node of occurrence.nodes) {
      const list = s.byNode.get(node);
      if (list) list.push(occurrence);
      else s.byNode.set(node, [occurrence]);
    }
  }
}

function markNear(s: HighlighterState, record: ContainerRecord): void {
  record.near = true;
  s.nearRecords.add(record);
  if (!record.inNodeIndex) {
    record.inNodeIndex = true;
    for (const block of record.blocks) addToNodeIndex(s, occurrencesOf(block));
  }
}

/** Registers or unregisters a record's painted ranges as it comes near the viewport or leaves. */
function setNear(s: HighlighterState, record: ContainerRecord, near: boolean): void {
  if (record.near === near || s.records.get(record.container) !== record) return;
  if (near) {
    markNear(s, record);
    sync(s, record);
  } else {
    record.near = false;
    s.nearRecords.delete(record);
    unregister(s, record);
  }
}

function observePending(s: HighlighterState): void {
  for (const target of s.toObserve) if (s.recordsByTarget.has(target)) s.nearViewport!.observe(target);
  s.toObserve = [];
}

function noticeShadowRoot(s: HighlighterState, root: ShadowRoot): void {
  if (s.seenShadowRoots.has(root)) return;
  s.seenShadowRoots.add(root);
  s.onShadowRoot?.(root);
}

function unregister(s: HighlighterState, record: ContainerRecord): void {
  for (const block of record.blocks) {
    for (const occurrence of block.occurrences ?? []) {
      if (s.registered.delete(occurrence)) s.highlight.delete(occurrence.range);
    }
  }
}

function dropRecord(s: HighlighterState, container: Container): void {
  const record = s.records.get(container);
  if (!record) return;
  s.records.delete(container);
  s.nearRecords.delete(record);
  for (const block of record.blocks) s.tally.remove(block.evidence);
  if (record.target) {
    const ofTarget = s.recordsByTarget.get(record.target)!;
    ofTarget.delete(record);
    if (ofTarget.size === 0) {
      s.recordsByTarget.delete(record.target);
      s.nearViewport!.unobserve(record.target);
    }
  }
  unregister(s, record);
  for (const block of record.blocks) {
    countAmbiguous(s, block, -1);
    if (!record.inNodeIndex) continue;
    for (const occurrence of block.occurrences!) {
      for (const node of occurrence.nodes) {
        const list = s.byNode.get(node);
        if (!list) continue;
        const kept = list.filter((other) => other !== occurrence);
        if (kept.length) s.byNode.set(node, kept);
        else s.byNode.delete(node);
      }
    }
  }
}

/**
 * Compiles the glossary in slices that yield to the page, like the walk: a large glossary takes tens
 * of milliseconds (65–95 ms for 10,000 entries in a fresh content script), which in one task would
 * hold up the page it was opened on. A small one is compiled before createHighlighter returns.
 */
function compileInSlices(s: HighlighterState): Promise<void> {
  s.budget.start();
  return runInSlices(compileInto(s), s.budget);
}

/** The compile's steps, keeping the matcher as the last one ends (so a small glossary's is kept at once). */
function* compileInto(s: HighlighterState): Generator<void, void, void> {
  s.matcher = yield* compileSteps(s.entries);
}

/**
 * Indexes and matches one walk, yielding to the page between slices. `nearness` is what to assume
 * of containers the observer has not reported on yet, until it does (see Nearness).
 */
async function index(
  s: HighlighterState,
  container: Container,
  deep: boolean,
  startedIn: number,
  nearness: Nearness,
  skip?: Element,
): Promise<boolean> {
  const blocks = walkBlocks(container, { deep, onShadowRoot: (root) => noticeShadowRoot(s, root), skip });
  const { findAll } = s.matcher!; // compiled: work is queued behind the compile
  const { budget } = s;
  budget.start();
  // The clock is read every few blocks, or sooner after much text: most blocks take microseconds.
  let sinceCheck = 0;
  for (const block of blocks) {
    const matches = findAll(block.text);
    if (matches.length > 0) {
      // A block read in one piece finds its text nodes on first use: now, while the page is as read.
      void block.nodes;
      addBlock(s, block.container, { block, matches, evidence: collectEvidence(block.text, matches), occurrences: null }, nearness);
    }
    sinceCheck += CHECK_COST_PER_BLOCK + block.text.length;
    if (sinceCheck < CHECK_EVERY) continue;
    sinceCheck = 0;
    if (budget.spent) {
      // What is known to be on screen is painted before the page gets the main thread back (in
      // first-occurrence mode the firsts are only known at the end: a paint looks at every record).
      if (s.nearRecords.size > 0 && !s.firstOnly) paint(s);
      observePending(s);
      await yieldToMain();
      if (startedIn !== s.generation) return false;
      budget.start();
    }
  }
  return true;
}

/** Whether the `index`-th match of a block is to be painted (before first-occurrence mode chooses). */
function isPaintable(s: HighlighterState, { matches, evidence: { flags } }: BlockRecord, index: number): boolean {
  return isPaintableMatch(s, matches[index]!.entry, flags === null ? 0 : flags[index]!);
}

/** The rule of isPaintable, on a match's entry and its AMBIGUOUS / LEFT_ALONE flags. */
function isPaintableMatch(s: HighlighterState, entry: number, flag: number): boolean {
  if (s.hidden !== null && s.hidden[entry] === 1) return false;
  return flag === 0 || ((flag & LEFT_ALONE) === 0 && s.allowedAmbiguous[entry] === 1);
}

function isPainted(s: HighlighterState, block: BlockRecord, index: number): boolean {
  if (s.chosenFirsts) return block.occurrences !== null && s.chosenFirsts.has(block.occurrences[index]!);
  return isPaintable(s, block, index);
}

/** Brings one near record's registered ranges in line with the decisions. */
function sync(s: HighlighterState, record: ContainerRecord): void {
  for (const block of record.blocks) {
    const occurrences = occurrencesOf(block);
    for (let i = 0; i < occurrences.length; i++) {
      const occurrence = occurrences[i]!;
      const wanted = isPainted(s, block, i);
      if (wanted && !s.registered.has(occurrence)) {
        s.registered.add(occurrence);
        s.highlight.add(occurrence.range);
      } else if (!wanted && s.registered.delete(occurrence)) {
        s.highlight.delete(occurrence.range);
      }
    }
  }
}

/**
 * Takes the page-wide decisions (the ambiguity guard; in first-occurrence mode, which occurrence is
 * each entry's first) and applies them to the records near the viewport. Far records have nothing
 * registered, so the cost is that of what is on screen, not of the page.
 */
function paint(s: HighlighterState): void {
  for (const entry of s.ambiguousEntries) {
    s.allowedAmbiguous[entry] = s.ambiguousCounts[entry]! > 0 && s.tally.allows(entry) ? 1 : 0;
  }
  s.chosenFirsts = s.firstOnly ? firstOccurrences(s) : null;
  for (const record of s.nearRecords) sync(s, record);
  observePending(s);
  register(s);
}

/** Each entry's first paintable occurrence in document order (made into occurrences only as candidates). */
function firstOccurrences(s: HighlighterState): Set<Occurrence> {
  const first = new Map<string, Occurrence>();
  for (const record of s.records.values()) {
    const seen = new Set<string>(); // within a record, blocks and matches are in document order
    for (const block of record.blocks) {
      for (let i = 0; i < block.matches.length; i++) {
        const match = block.matches[i]!;
        if (seen.has(match.entryId) || !isPaintable(s, block, i)) continue;
        seen.add(match.entryId);
        const occurrence = occurrencesOf(block)[i]!;
        const current = first.get(match.entryId);
        if (!current || comesBefore(occurrence, current)) first.set(match.entryId, occurrence);
      }
    }
  }
  return new Set(first.values());
}

function enqueue(s: HighlighterState, work: (startedIn: number) => Promise<void>): Promise<HighlightResult> {
  const startedIn = s.generation;
  const next = s.queue.then(async () => {
    if (startedIn === s.generation) await work(startedIn);
    return result(s);
  });
  s.queue = next.catch(() => undefined);
  return next;
}

function result(s: HighlighterState): HighlightResult {
  const perEntry = new Int32Array(s.entryCount);
  let total = 0;
  // This visits every match of the page: outside first-occurrence mode, the rule is asked with the
  // block's fields read once rather than through isPainted() per match.
  const byRule = s.chosenFirsts === null;
  for (const record of s.records.values()) {
    for (const block of record.blocks) {
      const { matches } = block;
      const { flags } = block.evidence;
      for (let i = 0; i < matches.length; i++) {
        const { entry } = matches[i]!;
        const painted = byRule ? isPaintableMatch(s, entry, flags === null ? 0 : flags[i]!) : isPainted(s, block, i);
        if (!painted) continue;
        perEntry[entry]!++;
        total++;
      }
    }
  }
  // By id (two entries of different glossaries may share one).
  const counts = new Map<string, number>();
  for (let e = 0; e < s.entryCount; e++) {
    if (perEntry[e] === 0) continue;
    const { id } = s.entries[e]!;
    counts.set(id, (counts.get(id) ?? 0) + perEntry[e]!);
  }
  return { matches: total, counts: Object.fromEntries(counts) };
}

/** Highlighter.run: forgets what was known under `root` and reads it again, the part in view first. */
async function runAll(s: HighlighterState, startedIn: number, root: Container, first: Element | null | undefined): Promise<void> {
  for (const container of [...s.records.keys()]) {
    if (container === root || root.contains(container)) dropRecord(s, container);
  }
  const inView = first && first !== root && root.contains(first) ? first : undefined;
  if (inView) {
    // What the reader sees first, painted as soon as it is read; then the rest, without it.
    if (!(await index(s, inView, true, startedIn, 'in-view'))) return;
    paint(s);
  }
  if (await index(s, root, true, startedIn, inView ? 'beyond-view' : 'unknown', inView)) paint(s);
}

/** Highlighter.update: redoes changed containers and forgets removed ones. */
async function redo(
  s: HighlighterState,
  startedIn: number,
  changes: readonly ContainerChange[],
  removedSomething: boolean,
): Promise<void> {
  if (removedSomething) {
    for (const container of [...s.records.keys()]) if (!container.isConnected) dropRecord(s, container);
  }
  for (const { container, deep } of changes) {
    if (!container.isConnected) continue;
    if (deep) {
      for (const known of [...s.records.keys()]) {
        if (known === container || container.contains(known)) dropRecord(s, known);
      }
    } else {
      dropRecord(s, container);
    }
    if (!(await index(s, container, deep, startedIn, 'beside-near'))) return;
  }
  paint(s);
}

function configure(
  s: HighlighterState,
  next: Pick<HighlighterOptions, 'highlightName' | 'firstOccurrenceOnly' | 'hiddenEntryIds'>,
): void {
  if (next.highlightName !== undefined && next.highlightName !== s.highlightName) {
    if (s.registry?.get(s.highlightName) === s.highlight) s.registry.delete(s.highlightName);
    s.highlightName = next.highlightName;
  }
  if (next.firstOccurrenceOnly !== undefined) s.firstOnly = next.firstOccurrenceOnly;
  if (next.hiddenEntryIds !== undefined) s.hidden = hiddenMask(s.entries, next.hiddenEntryIds);
  paint(s);
}

function clear(s: HighlighterState): void {
  s.generation++;
  if (s.registry?.get(s.highlightName) === s.highlight) s.registry.delete(s.highlightName);
  for (const container of [...s.records.keys()]) dropRecord(s, container);
  s.highlight.clear();
  s.registered.clear();
  s.chosenFirsts = null;
}

/** Highlighter.occurrences: painted occurrences in document order. */
function occurrencesInOrder(s: HighlighterState): Occurrence[] {
  // Records in document order (each one's occurrences already are), by their first occurrence.
  const byRecord: Occurrence[][] = [];
  for (const record of s.records.values()) {
    const painted: Occurrence[] = [];
    for (const block of record.blocks) {
      const occurrences = occurrencesOf(block);
      for (let i = 0; i < occurrences.length; i++) {
        if (isPainted(s, block, i)) painted.push(occurrences[i]!);
      }
    }
    if (painted.length) byRecord.push(painted);
  }
  byRecord.sort((a, b) => (comesBefore(a[0]!, b[0]!) ? -1 : 1));
  return byRecord.flat();
}
