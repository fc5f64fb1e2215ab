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
 */
import { compileMatcher, type Matcher, type MatcherTerm } from '../matcher';
import { EvidenceTally, collectEvidence, isAmbiguousForm, isShouted, type BlockEvidence } from './ambiguity';
import { watchNearViewport, type NearViewport } from './near-viewport';
import { toOccurrences, type Occurrence } from './occurrences';
import { walkBlocks, type Container } from './text-index';
import { SliceBudget, yieldToMain } from './yield-to-main';

export type { Occurrence } from './occurrences';
export type { Container } from './text-index';

export const DEFAULT_HIGHLIGHT_NAME = 'glossary-underline';

/**
 * The slice budget is checked when blocks worth CHECK_EVERY characters have been done, each block
 * counting as CHECK_COST_PER_BLOCK characters more than its text: every 16 short blocks, or after
 * ~4,000 characters of text (a fraction of a millisecond of work either way).
 */
const CHECK_EVERY = 4096;
const CHECK_COST_PER_BLOCK = 256;

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
}

interface ContainerRecord {
  container: Container;
  occurrences: Occurrence[];
  evidence: BlockEvidence;
  /** How many of `occurrences` (a prefix) the last paint has looked at. */
  shown: number;
  /** Creation order: the order of `records`, which is the order paint goes in. */
  seq: number;
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
  const matcher: Matcher = compileMatcher(entries);
  const registry = options.registry ?? globalThis.CSS?.highlights;
  const budget = new SliceBudget(options.sliceMs ?? 8);
  let highlightName = options.highlightName ?? DEFAULT_HIGHLIGHT_NAME;
  let firstOnly = options.firstOccurrenceOnly ?? false;
  let hidden: ReadonlySet<string> = options.hiddenEntryIds ?? new Set();

  const highlight = new Highlight();
  const records = new Map<Container, ContainerRecord>();
  const byNode = new WeakMap<Text, Occurrence[]>();
  /** Occurrences the reader should see (whether or not their range is registered right now). */
  const painted = new Set<Occurrence>();
  /** Occurrences left unpainted whatever the page says (short forms among capitals). */
  const shouted = new Set<Occurrence>();
  /**
   * Occurrences of ambiguous forms per entry, in the order found: the ones to repaint when the guard's
   * decision for the entry changes. An entry is here only while it has some.
   */
  const ambiguousByEntry = new Map<string, Set<Occurrence>>();
  /** The evidence of every record, counted: the guard's decisions without going over every record. */
  const tally = new EvidenceTally();
  const seenShadowRoots = new WeakSet<ShadowRoot>();
  let allowedAmbiguous = new Set<string>();
  /**
   * Painting is incremental. Records with occurrences that no paint has looked at yet (in `seq`
   * order when painted) and how many such occurrences there are; the guard's
   * decision, at the last paint, for each entry with ambiguous occurrences. Options changed by
   * configure() make the next paint go over every record.
   */
  let touched: ContainerRecord[] = [];
  let fresh = 0;
  let seq = 0;
  const decided = new Map<string, boolean>();
  let reviewAll = false;
  let generation = 0; // bumped by clear(): work started before it stops
  let queue: Promise<unknown> = Promise.resolve();

  /** Records per observed element, and the last nearness reported for each element. */
  const recordsByTarget = new Map<Element, Set<ContainerRecord>>();
  const lastNear = new WeakMap<Element, boolean>();
  /** Elements to start watching: observe() costs several times more when interleaved with the walk. */
  let toObserve: Element[] = [];
  const viewportOf = options.viewportOf === undefined ? globalThis.document : options.viewportOf ?? undefined;
  const nearViewport: NearViewport | null = watchNearViewport(viewportOf, (changes) => {
    let changed = false;
    for (const { target, near } of changes) {
      lastNear.set(target, near);
      for (const record of recordsByTarget.get(target) ?? []) changed = setNear(record, near) || changed;
    }
    if (changed) register();
  });

  function register(): void {
    if (registry && highlightName && registry.get(highlightName) !== highlight) {
      registry.set(highlightName, highlight);
    }
  }

  /** The element to watch for a container: itself, or a shadow root's host. None for a document. */
  function targetOf(container: Container): Element | null {
    if (container.nodeType === Node.ELEMENT_NODE) return container as Element;
    return (container as ShadowRoot).host ?? null;
  }

  function createRecord(container: Container, occurrences: Occurrence[], evidence: BlockEvidence): ContainerRecord {
    const target = nearViewport ? targetOf(container) : null;
    const record: ContainerRecord = {
      container, occurrences, evidence, shown: 0, seq: seq++, target,
      // Until the observer reports, the last report for the element stands (a block edited in place
      // keeps its element): content known to be on screen is painted without waiting for a frame.
      near: target ? lastNear.get(target) ?? false : true,
      inNodeIndex: false,
    };
    records.set(container, record);
    if (record.near) indexNodes(record);
    if (target) {
      const ofTarget = recordsByTarget.get(target);
      if (ofTarget) ofTarget.add(record);
      else {
        recordsByTarget.set(target, new Set([record]));
        toObserve.push(target);
      }
    }
    return record;
  }

  function addRecord(container: Container, occurrences: Occurrence[], evidence: BlockEvidence): void {
    let record = records.get(container);
    tally.add(evidence);
    if (record) {
      record.occurrences.push(...occurrences);
      record.evidence.definitions.push(...evidence.definitions);
      record.evidence.unambiguousEntries.push(...evidence.unambiguousEntries);
      if (record.inNodeIndex) addToNodeIndex(occurrences);
    } else {
      record = createRecord(container, occurrences, evidence);
    }
    if (record.shown === record.occurrences.length - occurrences.length) touched.push(record);
    fresh += occurrences.length;
    for (const occurrence of occurrences) {
      if (isAmbiguousForm(occurrence.form)) {
        const ofEntry = ambiguousByEntry.get(occurrence.entryId);
        if (ofEntry) ofEntry.add(occurrence);
        else ambiguousByEntry.set(occurrence.entryId, new Set([occurrence]));
      }
    }
  }

  function indexNodes(record: ContainerRecord): void {
    if (record.inNodeIndex) return;
    record.inNodeIndex = true;
    addToNodeIndex(record.occurrences);
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

  function observePending(): void {
    for (const target of toObserve) if (recordsByTarget.has(target)) nearViewport!.observe(target);
    toObserve = [];
  }

  /** Registers or unregisters a record's painted ranges as it comes near the viewport or leaves. */
  function setNear(record: ContainerRecord, near: boolean): boolean {
    if (record.near === near || records.get(record.container) !== record) return false;
    record.near = near;
    if (near) indexNodes(record);
    let changed = false;
    for (const occurrence of record.occurrences) {
      if (!painted.has(occurrence)) continue;
      if (near) highlight.add(occurrence.range);
      else highlight.delete(occurrence.range);
      changed = true;
    }
    return changed;
  }

  function noticeShadowRoot(root: ShadowRoot): void {
    if (seenShadowRoots.has(root)) return;
    seenShadowRoots.add(root);
    options.onShadowRoot?.(root);
  }

  function dropRecord(container: Container): void {
    const record = records.get(container);
    if (!record) return;
    records.delete(container);
    tally.remove(record.evidence);
    if (record.target) {
      const ofTarget = recordsByTarget.get(record.target)!;
      ofTarget.delete(record);
      if (ofTarget.size === 0) {
        recordsByTarget.delete(record.target);
        nearViewport!.unobserve(record.target);
      }
    }
    for (const occurrence of record.occurrences) {
      if (record.inNodeIndex) {
        for (const node of occurrence.nodes) {
          const list = byNode.get(node);
          if (!list) continue;
          const kept = list.filter((other) => other !== occurrence);
          if (kept.length) byNode.set(node, kept);
          else byNode.delete(node);
        }
      }
      if (painted.delete(occurrence) && record.near) highlight.delete(occurrence.range);
      shouted.delete(occurrence);
      const ofEntry = ambiguousByEntry.get(occurrence.entryId);
      if (ofEntry?.delete(occurrence) && ofEntry.size === 0) {
        ambiguousByEntry.delete(occurrence.entryId);
        decided.delete(occurrence.entryId);
      }
    }
    // If the record is among the touched ones, the next paint must find nothing left to show in it.
    fresh -= record.occurrences.length - record.shown;
    record.shown = record.occurrences.length;
  }

  /** Indexes and matches one walk, yielding to the page between slices. */
  async function index(container: Container, deep: boolean, startedIn: number, skip?: Element): Promise<boolean> {
    const blocks = walkBlocks(container, { deep, onShadowRoot: noticeShadowRoot, skip });
    budget.start();
    // The clock is read every few blocks, or sooner after much text: most blocks take microseconds.
    let sinceCheck = 0;
    let paintedTop = false;
    for (const block of blocks) {
      const matches = matcher.findAll(block.text);
      if (matches.length > 0) {
        const occurrences = toOccurrences(block, matches);
        for (let i = 0; i < matches.length; i++) {
          if (isAmbiguousForm(matches[i]!.form) && isShouted(block.text, matches, i)) shouted.add(occurrences[i]!);
        }
        addRecord(block.container, occurrences, collectEvidence(block.text, matches));
      }
      sinceCheck += CHECK_COST_PER_BLOCK + block.text.length;
      if (sinceCheck < CHECK_EVERY) continue;
      sinceCheck = 0;
      if (budget.spent) {
        // Paint what the first slices found, so the top of the page does not wait for the bottom;
        // the rest when the walk is done. Not after every slice: each change to a registered
        // highlight makes Chromium rebuild the markers of every range in the registry at the next
        // frame, so painting after every slice would cost (slices × ranges), painting twice ~ranges.
        if (fresh > 0 && !paintedTop) {
          paintedTop = true;
          paint();
        }
        observePending();
        await yieldToMain();
        if (startedIn !== generation) return false;
        budget.start();
      }
    }
    return true;
  }

  function isPaintable(occurrence: Occurrence): boolean {
    if (shouted.has(occurrence) || hidden.has(occurrence.entryId)) return false;
    return !isAmbiguousForm(occurrence.form) || allowedAmbiguous.has(occurrence.entryId);
  }

  function show(record: ContainerRecord, occurrence: Occurrence, paint: boolean): void {
    if (paint && !painted.has(occurrence)) {
      painted.add(occurrence);
      if (record.near) highlight.add(occurrence.range);
    } else if (!paint && painted.delete(occurrence) && record.near) {
      highlight.delete(occurrence.range);
    }
  }

  /**
   * Brings the painted set in line with the records and the page-wide guard. Incremental: between
   * two paints only new occurrences appear (removed ones are unpainted as they go) and the guard may
   * change its mind about some entries, so only those are looked at. First-occurrence mode, and any
   * change of options, go over every record.
   */
  function paint(): void {
    allowedAmbiguous = new Set();
    let changedMind = false;
    for (const entryId of ambiguousByEntry.keys()) {
      const allowed = tally.allows(entryId);
      if (allowed) allowedAmbiguous.add(entryId);
      // An entry first seen since the last paint has only new occurrences: those are looked at anyway.
      if (decided.get(entryId) === !allowed) changedMind = true;
      decided.set(entryId, allowed);
    }
    if (firstOnly || reviewAll || changedMind) {
      // Every record, in order (the guard's change of mind is rare: a few times per page at most).
      reviewAll = false;
      const wanted = firstOnly ? firstOccurrences() : undefined;
      for (const record of records.values()) {
        for (const occurrence of record.occurrences) show(record, occurrence, wanted ? wanted.has(occurrence) : isPaintable(occurrence));
        record.shown = record.occurrences.length;
      }
    } else {
      // Only what is new, in the same order as a pass over every record would take.
      touched.sort((a, b) => a.seq - b.seq);
      for (const record of touched) {
        const { occurrences } = record;
        for (let i = record.shown; i < occurrences.length; i++) show(record, occurrences[i]!, isPaintable(occurrences[i]!));
        record.shown = occurrences.length;
      }
    }
    touched = [];
    fresh = 0;
    observePending();
    register();
  }

  function firstOccurrences(): Set<Occurrence> {
    const first = new Map<string, Occurrence>();
    for (const record of records.values()) {
      for (const occurrence of record.occurrences) {
        if (!isPaintable(occurrence)) continue;
        const current = first.get(occurrence.entryId);
        if (!current || comesBefore(occurrence, current)) first.set(occurrence.entryId, occurrence);
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
    const counts: Record<string, number> = {};
    for (const occurrence of painted) counts[occurrence.entryId] = (counts[occurrence.entryId] ?? 0) + 1;
    return { matches: painted.size, counts };
  }

  return {
    run(root, { first } = {}) {
      return enqueue(async (startedIn) => {
        for (const container of [...records.keys()]) {
          if (container === root || root.contains(container)) dropRecord(container);
        }
        const inView = first && first !== root && root.contains(first) ? first : undefined;
        if (inView) {
          // What the reader sees first, painted as soon as it is read; then the rest, without it.
          if (!(await index(inView, true, startedIn))) return;
          paint();
        }
        if (await index(root, true, startedIn, inView)) paint();
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
          if (!(await index(container, deep, startedIn))) return;
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
      if (next.hiddenEntryIds !== undefined) hidden = next.hiddenEntryIds;
      reviewAll = true;
      paint();
    },

    clear() {
      generation++;
      if (registry?.get(highlightName) === highlight) registry.delete(highlightName);
      highlight.clear();
      painted.clear();
      for (const container of [...records.keys()]) dropRecord(container);
    },

    occurrencesIn(node) {
      return (byNode.get(node) ?? []).filter((occurrence) => painted.has(occurrence));
    },

    occurrences() {
      return [...painted].sort((a, b) => (a === b ? 0 : comesBefore(a, b) ? -1 : 1));
    },

    result,
  };
}

/** Document order of two occurrences' starts (shadow-including: a shadow tree sits where its host is). */
function comesBefore(a: Occurrence, b: Occurrence): boolean {
  const nodeA = a.range.startContainer;
  const nodeB = b.range.startContainer;
  if (nodeA === nodeB) return a.range.startOffset < b.range.startOffset;
  // Nodes in different trees (document and shadow root) are "disconnected" for compareDocumentPosition,
  // whose order for them is implementation-specific: Chrome gives the shadow-including order, Firefox
  // puts shadow content before the whole document. Compare the nodes (or hosts) of the first tree where
  // the two differ instead.
  const chainA = treeChain(nodeA);
  const chainB = treeChain(nodeB);
  let level = 0;
  while (level < chainA.length - 1 && level < chainB.length - 1 && chainA[level] === chainB[level]) level++;
  const [x, y] = [chainA[level]!, chainB[level]!];
  if (x === y) return chainA.length < chainB.length; // a host comes before its shadow tree's content
  return (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The node's shadow hosts, outermost first, then the node itself. */
function treeChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host; root = chain[0]!.getRootNode()) {
    chain.unshift((root as ShadowRoot).host);
  }
  return chain;
}
