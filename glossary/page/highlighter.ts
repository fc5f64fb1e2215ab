/**
 * The highlight engine: finds every glossary term under a root and paints it with the CSS Custom
 * Highlight API, so the page's DOM, layout and event handlers stay exactly as they were.
 *
 * Work is done in slices that yield to the page, the page's top (what a reader sees on load) first.
 * The engine keeps, per container (see text-index.ts), the occurrences it found there, so that a
 * mutation redoes only the containers it touched.
 */
import { compileMatcher, type Matcher, type MatcherTerm } from '../matcher';
import {
  allowedAmbiguousEntries,
  collectEvidence,
  isAmbiguousForm,
  isShouted,
  type BlockEvidence,
} from './ambiguity';
import { toOccurrences, type Occurrence } from './occurrences';
import { walkBlocks, type Container } from './text-index';
import { SliceBudget, yieldToMain } from './yield-to-main';

export type { Occurrence } from './occurrences';
export type { Container } from './text-index';

export const DEFAULT_HIGHLIGHT_NAME = 'glossary-underline';

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
  /** Highlights everything under `root` (a document, element or open shadow root). */
  run(root: Container): Promise<HighlightResult>;
  /** Redoes changed containers and forgets removed ones. */
  update(changes: readonly ContainerChange[], removedSomething?: boolean): Promise<HighlightResult>;
  /** Switches style, first-occurrence mode or hidden entries without re-reading the page. */
  configure(options: Pick<HighlighterOptions, 'highlightName' | 'firstOccurrenceOnly' | 'hiddenEntryIds'>): void;
  /** Removes every highlight this engine made and stops pending work. */
  clear(): void;
  /** Painted occurrences touching a text node (for hit-testing). */
  occurrencesIn(node: Text): readonly Occurrence[];
  /** Painted occurrences in document order (for keyboard navigation). */
  occurrences(): Occurrence[];
  result(): HighlightResult;
}

interface ContainerRecord {
  occurrences: Occurrence[];
  /** Occurrences left unpainted whatever the page says (short forms among capitals). */
  shouted: Set<Occurrence>;
  evidence: BlockEvidence;
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
  const painted = new Set<Occurrence>();
  const seenShadowRoots = new WeakSet<ShadowRoot>();
  let allowedAmbiguous = new Set<string>();
  let generation = 0; // bumped by clear(): work started before it stops
  let queue: Promise<unknown> = Promise.resolve();

  function register(): void {
    if (registry && highlightName && registry.get(highlightName) !== highlight) {
      registry.set(highlightName, highlight);
    }
  }

  function addRecord(container: Container, record: ContainerRecord): void {
    const existing = records.get(container);
    if (existing) {
      existing.occurrences.push(...record.occurrences);
      for (const occurrence of record.shouted) existing.shouted.add(occurrence);
      existing.evidence.definitions.push(...record.evidence.definitions);
      existing.evidence.unambiguousEntries.push(...record.evidence.unambiguousEntries);
    } else {
      records.set(container, record);
    }
    for (const occurrence of record.occurrences) {
      for (const node of occurrence.nodes) {
        const list = byNode.get(node);
        if (list) list.push(occurrence);
        else byNode.set(node, [occurrence]);
      }
    }
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
    for (const occurrence of record.occurrences) {
      for (const node of occurrence.nodes) {
        const list = byNode.get(node);
        if (!list) continue;
        const kept = list.filter((other) => other !== occurrence);
        if (kept.length) byNode.set(node, kept);
        else byNode.delete(node);
      }
      if (painted.delete(occurrence)) highlight.delete(occurrence.range);
    }
  }

  /** Indexes and matches one walk, yielding to the page between slices. */
  async function index(container: Container, deep: boolean, startedIn: number): Promise<boolean> {
    const blocks = walkBlocks(container, { deep, onShadowRoot: noticeShadowRoot });
    budget.start();
    for (const block of blocks) {
      const matches = matcher.findAll(block.text);
      if (matches.length > 0) {
        const occurrences = toOccurrences(block, matches);
        const shouted = new Set<Occurrence>();
        for (let i = 0; i < matches.length; i++) {
          if (isAmbiguousForm(matches[i]!.form) && isShouted(block.text, matches, i)) shouted.add(occurrences[i]!);
        }
        addRecord(block.container, { occurrences, shouted, evidence: collectEvidence(block.text, matches) });
      }
      if (budget.spent) {
        // Paint what we have so far, so the top of the page does not wait for the bottom.
        paint();
        await yieldToMain();
        if (startedIn !== generation) return false;
        budget.start();
      }
    }
    return true;
  }

  function isPaintable(occurrence: Occurrence, record: ContainerRecord): boolean {
    if (record.shouted.has(occurrence) || hidden.has(occurrence.entryId)) return false;
    return !isAmbiguousForm(occurrence.form) || allowedAmbiguous.has(occurrence.entryId);
  }

  /** Brings the painted set in line with the records and the page-wide guard. */
  function paint(): void {
    const ambiguousEntries = new Set<string>();
    for (const record of records.values()) {
      for (const occurrence of record.occurrences) {
        if (isAmbiguousForm(occurrence.form)) ambiguousEntries.add(occurrence.entryId);
      }
    }
    allowedAmbiguous = allowedAmbiguousEntries(
      [...records.values()].map((record) => record.evidence),
      ambiguousEntries,
    );
    const wanted = firstOnly ? firstOccurrences() : undefined;
    for (const record of records.values()) {
      for (const occurrence of record.occurrences) {
        const paint = wanted ? wanted.has(occurrence) : isPaintable(occurrence, record);
        if (paint && !painted.has(occurrence)) {
          painted.add(occurrence);
          highlight.add(occurrence.range);
        } else if (!paint && painted.delete(occurrence)) {
          highlight.delete(occurrence.range);
        }
      }
    }
    register();
  }

  function firstOccurrences(): Set<Occurrence> {
    const first = new Map<string, Occurrence>();
    for (const record of records.values()) {
      for (const occurrence of record.occurrences) {
        if (!isPaintable(occurrence, record)) continue;
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
    run(root) {
      return enqueue(async (startedIn) => {
        for (const container of [...records.keys()]) {
          if (container === root || root.contains(container)) dropRecord(container);
        }
        if (await index(root, true, startedIn)) paint();
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

/** Document order of two occurrences' starts. */
function comesBefore(a: Occurrence, b: Occurrence): boolean {
  const nodeA = a.range.startContainer;
  const nodeB = b.range.startContainer;
  if (nodeA === nodeB) return a.range.startOffset < b.range.startOffset;
  return (nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
