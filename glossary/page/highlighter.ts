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
import { SliceBudget, yieldToMain } from './yield-to-main';

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

export function createHighlighter(
  entries: readonly MatcherTerm[],
  options: HighlighterOptions = {},
): Highlighter {
  const registry = options.registry ?? globalThis.CSS?.highlights;
  const budget = new SliceBudget(options.sliceMs ?? 8);
  /** Set when the glossary is compiled; every piece of work waits in the queue behind that. */
  let matcher: Matcher | null = null;
  let highlightName = options.highlightName ?? DEFAULT_HIGHLIGHT_NAME;
  let firstOnly = options.firstOccurrenceOnly ?? false;
  // Per-entry state is kept in arrays indexed by the matches' `entry` (the index in `entries`): a page
  // has thousands of matches, and a map keyed by id costs a string hash per match.
  const entryCount = entries.length;
  /** The entries not to paint (by index), or null when none are hidden. */
  let hidden = hiddenMask(options.hiddenEntryIds);

  const highlight = new Highlight();
  /** In creation order: the order of the page's walk, so document order but for later updates. */
  const records = new Map<Container, ContainerRecord>();
  const nearRecords = new Set<ContainerRecord>();
  /** Occurrences whose range is in `highlight` now (painted and near the viewport). */
  const registered = new Set<Occurrence>();
  const byNode = new WeakMap<Text, Occurrence[]>();
  /** How many matches of ambiguous forms each entry has: the entries the guard decides about. */
  const ambiguousCounts = new Int32Array(entryCount);
  /** The entries that ever had such a match (listed once), so that paint() looks at those only. */
  const ambiguousEntries: number[] = [];
  const listedAmbiguous = new Uint8Array(entryCount);
  /** The evidence of every record, counted: the guard's decisions without going over every record. */
  const tally = new EvidenceTally(entryCount);
  const seenShadowRoots = new WeakSet<ShadowRoot>();
  /** The guard's decision per entry, set by paint(): 1 when its ambiguous forms may be painted. */
  const allowedAmbiguous = new Uint8Array(entryCount);
  /** In first-occurrence mode, the occurrences chosen by paint(); null otherwise. */
  let chosenFirsts: Set<Occurrence> | null = null;
  let generation = 0; // bumped by clear(): work started before it stops
  const ready = compileInSlices();
  let queue: Promise<unknown> = ready;

  /** Records per observed element, and the last nearness reported for each element. */
  const recordsByTarget = new Map<Element, Set<ContainerRecord>>();
  const lastNear = new WeakMap<Element, boolean>();
  /** Elements to start watching: observe() costs several times more when interleaved with the walk. */
  let toObserve: Element[] = [];
  const viewportOf = options.viewportOf === undefined ? globalThis.document : options.viewportOf ?? undefined;
  const nearViewport: NearViewport | null = watchNearViewport(viewportOf, (changes) => {
    for (const { target, near } of changes) {
      lastNear.set(target, near);
      for (const record of recordsByTarget.get(target) ?? []) setNear(record, near);
    }
    register();
  });

  function register(): void {
    if (registry && highlightName && registry.get(highlightName) !== highlight) {
      registry.set(highlightName, highlight);
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

  function addBlock(container: Container, block: BlockRecord, nearness: Nearness): void {
    tally.add(block.evidence);
    countAmbiguous(block, 1);
    const record = records.get(container);
    if (record) {
      record.blocks.push(block);
      if (record.inNodeIndex) addToNodeIndex(occurrencesOf(block));
      return;
    }
    const target = nearViewport ? targetOf(container) : null;
    const created: ContainerRecord = {
      container, blocks: [block], target,
      // Until the observer reports, the last report for the element stands (a block edited in place
      // keeps its element): content known to be on screen is painted without waiting for a frame.
      near: false,
      inNodeIndex: false,
    };
    records.set(container, created);
    if (target) {
      const ofTarget = recordsByTarget.get(target);
      if (ofTarget) ofTarget.add(created);
      else {
        recordsByTarget.set(target, new Set<ContainerRecord>().add(created));
        toObserve.push(target);
      }
    }
    if (!target || (lastNear.get(target) ?? guessNear(target, nearness))) markNear(created);
  }

  function countAmbiguous({ matches, evidence: { flags } }: BlockRecord, by: 1 | -1): void {
    if (!flags) return;
    for (let i = 0; i < matches.length; i++) {
      if ((flags[i]! & AMBIGUOUS) === 0) continue;
      const { entry } = matches[i]!;
      ambiguousCounts[entry]! += by;
      if (listedAmbiguous[entry] === 0) {
        listedAmbiguous[entry] = 1;
        ambiguousEntries.push(entry);
      }
    }
  }

  function hiddenMask(ids: ReadonlySet<string> | undefined): Uint8Array | null {
    if (!ids || ids.size === 0) return null;
    const mask = new Uint8Array(entryCount);
    for (let e = 0; e < entryCount; e++) if (ids.has(entries[e]!.id)) mask[e] = 1;
    return mask;
  }

  /** Whether to take a container's target as near until the observer reports (see Nearness). */
  function guessNear(target: Element, nearness: Nearness): boolean {
    if (nearness === 'in-view') return true;
    if (nearness === 'beside-near') return besideNear(target);
    // What is in view is painted already: a guess here would mostly register ranges below the fold
    // only for the observer to unregister them, and on a very large page every change to the
    // registered ranges costs the page a slow frame (30–45 ms on the bench's 5 MB page).
    if (nearness === 'beyond-view') return false;
    // A page opened at its top shows its first blocks: paint them without waiting a frame for the
    // observer (it unregisters any that are not near after all).
    return records.size <= LEADING_RECORDS;
  }

  /**
   * For an element the observer has not reported on yet (content just added): near when the block
   * beside it or around it was last reported near. Content added where the reader is looking is then
   * painted in the frame that lays it out instead of the one after the observer's report, which
   * corrects the guess either way.
   */
  function besideNear(target: Element): boolean {
    for (const other of [target.previousElementSibling, target.nextElementSibling, target.parentElement]) {
      if (other && lastNear.get(other)) return true;
    }
    return false;
  }

  function occurrencesOf(block: BlockRecord): Occurrence[] {
    return (block.occurrences ??= toOccurrences(block.block, block.matches));
  }

  function addToNodeIndex(occurrences: readonly Occurrence[]): void {
    for (const occurrence of occurrences) {
      for (const node of occurrence.nodes) {
        const list = byNode.get(node);
        if (list) list.push(occurrence);
        else byNode.set(node, [occurrence]);
      }
    }
  }

  function markNear(record: ContainerRecord): void {
    record.near = true;
    nearRecords.add(record);
    if (!record.inNodeIndex) {
      record.inNodeIndex = true;
      for (const block of record.blocks) addToNodeIndex(occurrencesOf(block));
    }
  }

  /** Registers or unregisters a record's painted ranges as it comes near the viewport or leaves. */
  function setNear(record: ContainerRecord, near: boolean): void {
    if (record.near === near || records.get(record.container) !== record) return;
    if (near) {
      markNear(record);
      sync(record);
    } else {
      record.near = false;
      nearRecords.delete(record);
      unregister(record);
    }
  }

  function observePending(): void {
    for (const target of toObserve) if (recordsByTarget.has(target)) nearViewport!.observe(target);
    toObserve = [];
  }

  function noticeShadowRoot(root: ShadowRoot): void {
    if (seenShadowRoots.has(root)) return;
    seenShadowRoots.add(root);
    options.onShadowRoot?.(root);
  }

  function unregister(record: ContainerRecord): void {
    for (const block of record.blocks) {
      for (const occurrence of block.occurrences ?? []) {
        if (registered.delete(occurrence)) highlight.delete(occurrence.range);
      }
    }
  }

  function dropRecord(container: Container): void {
    const record = records.get(container);
    if (!record) return;
    records.delete(container);
    nearRecords.delete(record);
    for (const block of record.blocks) tally.remove(block.evidence);
    if (record.target) {
      const ofTarget = recordsByTarget.get(record.target)!;
      ofTarget.delete(record);
      if (ofTarget.size === 0) {
        recordsByTarget.delete(record.target);
        nearViewport!.unobserve(record.target);
      }
    }
    unregister(record);
    for (const block of record.blocks) {
      countAmbiguous(block, -1);
      if (!record.inNodeIndex) continue;
      for (const occurrence of block.occurrences!) {
        for (const node of occurrence.nodes) {
          const list = byNode.get(node);
          if (!list) continue;
          const kept = list.filter((other) => other !== occurrence);
          if (kept.length) byNode.set(node, kept);
          else byNode.delete(node);
        }
      }
    }
  }

  /**
   * Compiles the glossary in slices that yield to the page, like the walk: a large glossary takes tens
   * of milliseconds (65–95 ms for 10,000 entries in a fresh content script), which in one task would
   * hold up the page it was opened on. A small one is compiled before createHighlighter returns.
   */
  async function compileInSlices(): Promise<void> {
    const steps = compileSteps(entries);
    budget.start();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        matcher = step.value;
        return;
      }
      if (budget.spent) {
        await yieldToMain();
        budget.start();
      }
    }
  }

  /**
   * Indexes and matches one walk, yielding to the page between slices. `nearness` is what to assume
   * of containers the observer has not reported on yet, until it does (see Nearness).
   */
  async function index(container: Container, deep: boolean, startedIn: number, nearness: Nearness, skip?: Element): Promise<boolean> {
    const blocks = walkBlocks(container, { deep, onShadowRoot: noticeShadowRoot, skip });
    const { findAll } = matcher!; // compiled: work is queued behind the compile
    budget.start();
    // The clock is read every few blocks, or sooner after much text: most blocks take microseconds.
    let sinceCheck = 0;
    for (const block of blocks) {
      const matches = findAll(block.text);
      if (matches.length > 0) {
        // A block read in one piece finds its text nodes on first use: now, while the page is as read.
        void block.nodes;
        addBlock(block.container, { block, matches, evidence: collectEvidence(block.text, matches), occurrences: null }, nearness);
      }
      sinceCheck += CHECK_COST_PER_BLOCK + block.text.length;
      if (sinceCheck < CHECK_EVERY) continue;
      sinceCheck = 0;
      if (budget.spent) {
        // What is known to be on screen is painted before the page gets the main thread back (in
        // first-occurrence mode the firsts are only known at the end: a paint looks at every record).
        if (nearRecords.size > 0 && !firstOnly) paint();
        observePending();
        await yieldToMain();
        if (startedIn !== generation) return false;
        budget.start();
      }
    }
    return true;
  }

  /** Whether the `index`-th match of a block is to be painted (before first-occurrence mode chooses). */
  function isPaintable({ matches, evidence: { flags } }: BlockRecord, index: number): boolean {
    return isPaintableMatch(matches[index]!.entry, flags === null ? 0 : flags[index]!);
  }

  /** The rule of isPaintable, on a match's entry and its AMBIGUOUS / LEFT_ALONE flags. */
  function isPaintableMatch(entry: number, flag: number): boolean {
    if (hidden !== null && hidden[entry] === 1) return false;
    return flag === 0 || ((flag & LEFT_ALONE) === 0 && allowedAmbiguous[entry] === 1);
  }

  function isPainted(block: BlockRecord, index: number): boolean {
    if (chosenFirsts) return block.occurrences !== null && chosenFirsts.has(block.occurrences[index]!);
    return isPaintable(block, index);
  }

  /** Brings one near record's registered ranges in line with the decisions. */
  function sync(record: ContainerRecord): void {
    for (const block of record.blocks) {
      const occurrences = occurrencesOf(block);
      for (let i = 0; i < occurrences.length; i++) {
        const occurrence = occurrences[i]!;
        const wanted = isPainted(block, i);
        if (wanted && !registered.has(occurrence)) {
          registered.add(occurrence);
          highlight.add(occurrence.range);
        } else if (!wanted && registered.delete(occurrence)) {
          highlight.delete(occurrence.range);
        }
      }
    }
  }

  /**
   * Takes the page-wide decisions (the ambiguity guard; in first-occurrence mode, which occurrence is
   * each entry's first) and applies them to the records near the viewport. Far records have nothing
   * registered, so the cost is that of what is on screen, not of the page.
   */
  function paint(): void {
    for (const entry of ambiguousEntries) allowedAmbiguous[entry] = ambiguousCounts[entry]! > 0 && tally.allows(entry) ? 1 : 0;
    chosenFirsts = firstOnly ? firstOccurrences() : null;
    for (const record of nearRecords) sync(record);
    observePending();
    register();
  }

  /** Each entry's first paintable occurrence in document order (made into occurrences only as candidates). */
  function firstOccurrences(): Set<Occurrence> {
    const first = new Map<string, Occurrence>();
    for (const record of records.values()) {
      const seen = new Set<string>(); // within a record, blocks and matches are in document order
      for (const block of record.blocks) {
        for (let i = 0; i < block.matches.length; i++) {
          const match = block.matches[i]!;
          if (seen.has(match.entryId) || !isPaintable(block, i)) continue;
          seen.add(match.entryId);
          const occurrence = occurrencesOf(block)[i]!;
          const current = first.get(match.entryId);
          if (!current || comesBefore(occurrence, current)) first.set(match.entryId, occurrence);
        }
      }
    }
    return new Set(first.values());
  }

  function enqueue(work: (startedIn: number) => Promise<void>): Promise<HighlightResult> {
    const startedIn = generation;
    const next = queue.then(async () => {
      if (startedIn === generation) await work(startedIn);
      return result();
    });
    queue = next.catch(() => undefined);
    return next;
  }

  function result(): HighlightResult {
    const perEntry = new Int32Array(entryCount);
    let total = 0;
    // This visits every match of the page: outside first-occurrence mode, the rule is asked with the
    // block's fields read once rather than through isPainted() per match.
    const byRule = chosenFirsts === null;
    for (const record of records.values()) {
      for (const block of record.blocks) {
        const { matches } = block;
        const { flags } = block.evidence;
        for (let i = 0; i < matches.length; i++) {
          const { entry } = matches[i]!;
          const painted = byRule ? isPaintableMatch(entry, flags === null ? 0 : flags[i]!) : isPainted(block, i);
          if (!painted) continue;
          perEntry[entry]!++;
          total++;
        }
      }
    }
    // By id (two entries of different glossaries may share one).
    const counts = new Map<string, number>();
    for (let e = 0; e < entryCount; e++) {
      if (perEntry[e] === 0) continue;
      const { id } = entries[e]!;
      counts.set(id, (counts.get(id) ?? 0) + perEntry[e]!);
    }
    return { matches: total, counts: Object.fromEntries(counts) };
  }

  return {
    ready,
    run(root, { first } = {}) {
      return enqueue(async (startedIn) => {
        for (const container of [...records.keys()]) {
          if (container === root || root.contains(container)) dropRecord(container);
        }
        const inView = first && first !== root && root.contains(first) ? first : undefined;
        if (inView) {
          // What the reader sees first, painted as soon as it is read; then the rest, without it.
          if (!(await index(inView, true, startedIn, 'in-view'))) return;
          paint();
        }
        if (await index(root, true, startedIn, inView ? 'beyond-view' : 'unknown', inView)) paint();
      });
    },

    update(changes, removedSomething = false) {
      return enqueue(async (startedIn) => {
        if (removedSomething) {
          for (const container of [...records.keys()]) if (!container.isConnected) dropRecord(container);
        }
        for (const { container, deep } of changes) {
          if (!container.isConnected) continue;
          if (deep) {
            for (const known of [...records.keys()]) {
              if (known === container || container.contains(known)) dropRecord(known);
            }
          } else {
            dropRecord(container);
          }
          if (!(await index(container, deep, startedIn, 'beside-near'))) return;
        }
        paint();
      });
    },

    configure(next) {
      if (next.highlightName !== undefined && next.highlightName !== highlightName) {
        if (registry?.get(highlightName) === highlight) registry.delete(highlightName);
        highlightName = next.highlightName;
      }
      if (next.firstOccurrenceOnly !== undefined) firstOnly = next.firstOccurrenceOnly;
      if (next.hiddenEntryIds !== undefined) hidden = hiddenMask(next.hiddenEntryIds);
      paint();
    },

    clear() {
      generation++;
      if (registry?.get(highlightName) === highlight) registry.delete(highlightName);
      for (const container of [...records.keys()]) dropRecord(container);
      highlight.clear();
      registered.clear();
      chosenFirsts = null;
    },

    occurrencesIn(node) {
      return (byNode.get(node) ?? []).filter((occurrence) => registered.has(occurrence));
    },

    occurrences() {
      // Records in document order (each one's occurrences already are), by their first occurrence.
      const byRecord: Occurrence[][] = [];
      for (const record of records.values()) {
        const painted: Occurrence[] = [];
        for (const block of record.blocks) {
          const occurrences = occurrencesOf(block);
          for (let i = 0; i < occurrences.length; i++) {
            if (isPainted(block, i)) painted.push(occurrences[i]!);
          }
        }
        if (painted.length) byRecord.push(painted);
      }
      byRecord.sort((a, b) => (comesBefore(a[0]!, b[0]!) ? -1 : 1));
      return byRecord.flat();
    },

    result,
  };
}
