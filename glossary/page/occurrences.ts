/**
 * Occurrences: where a glossary term stands in a block of the page's text.
 *
 * An occurrence is cheap until something needs its place in the DOM: its StaticRange and the text
 * nodes it spans are made on first use. A long page has thousands of occurrences and only those
 * near the viewport are ever registered (see near-viewport.ts), so most never need either.
 */
import { keepShape } from './keep-shape';
import type { TextBlock } from './text-index';

export interface Occurrence {
  readonly entryId: string;
  /** The glossary's surface form that matched, e.g. "TARE" or "checkpoint inhibitor". */
  readonly form: string;
  /** The text as the page has it, e.g. "Checkpoint inhibitors". */
  readonly text: string;
  /**
   * The occurrence as a range over the page's text nodes. A StaticRange: it costs nothing to keep,
   * since it does not follow DOM changes, and the mutation watcher redoes a changed block anyway.
   */
  readonly range: StaticRange;
  /** Every text node the range touches, first to last; hit-testing looks occurrences up by node. */
  readonly nodes: readonly Text[];
}

export interface BlockMatch {
  entryId: string;
  /** The entry's index in the glossary the engine was made with (see TermMatch.entry). */
  entry: number;
  form: string;
  start: number;
  end: number;
}

/** One dictionary for every StaticRange made: the constructor copies it. */
const rangeInit: StaticRangeInit = { startContainer: null!, startOffset: 0, endContainer: null!, endOffset: 0 };

class BlockOccurrence implements Occurrence {
  private madeRange: StaticRange | undefined;
  private madeNodes: readonly Text[] | undefined;

  constructor(
    readonly entryId: string,
    readonly form: string,
    private readonly block: TextBlock,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    return this.block.text.slice(this.start, this.end);
  }

  get range(): StaticRange {
    if (this.madeRange) return this.madeRange;
    const { nodes, starts } = this.block;
    const first = nodeAt(starts, this.start);
    const last = this.lastNode(first);
    const endNode = nodes[last]!;
    rangeInit.startContainer = nodes[first]!;
    rangeInit.startOffset = this.start - starts[first]!;
    rangeInit.endContainer = endNode;
    rangeInit.endOffset = Math.min(this.end - starts[last]!, endNode.data.length);
    this.madeRange = new StaticRange(rangeInit);
    return this.madeRange;
  }

  get nodes(): readonly Text[] {
    if (this.madeNodes) return this.madeNodes;
    const first = nodeAt(this.block.starts, this.start);
    this.madeNodes = this.block.nodes.slice(first, this.lastNode(first) + 1);
    return this.madeNodes;
  }

  /** The end is exclusive: it belongs to the last node whose text reaches it. */
  private lastNode(first: number): number {
    const { starts } = this.block;
    let last = first;
    while (last + 1 < starts.length && starts[last + 1]! < this.end) last++;
    return last;
  }
}
keepShape(new BlockOccurrence('', '', { container: null!, text: '', nodes: [], starts: [] }, 0, 0));

/** The index of the node holding `offset`: the last one starting at or before it (binary search). */
function nodeAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Turns a block's sorted, non-overlapping matches into occurrences. */
export function toOccurrences(block: TextBlock, matches: readonly BlockMatch[]): Occurrence[] {
  const out: Occurrence[] = new Array(matches.length);
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    out[i] = new BlockOccurrence(match.entryId, match.form, block, match.start, match.end);
  }
  return out;
}
