/**
 * Turns matches in a block's text into ranges over the page's text nodes.
 */
import type { TextBlock } from './text-index';

export interface Occurrence {
  entryId: string;
  /** The glossary's surface form that matched, e.g. "TARE" or "checkpoint inhibitor". */
  form: string;
  /** The text as the page has it, e.g. "Checkpoint inhibitors". */
  text: string;
  range: StaticRange;
  /** Every text node the range touches, first to last; hit-testing looks occurrences up by node. */
  nodes: Text[];
}

export interface BlockMatch {
  entryId: string;
  form: string;
  start: number;
  end: number;
}

/**
 * Maps sorted, non-overlapping matches to StaticRanges. StaticRange is used because it costs nothing
 * to keep: it does not follow DOM changes, and the mutation watcher redoes a changed block anyway.
 */
export function toOccurrences(block: TextBlock, matches: readonly BlockMatch[]): Occurrence[] {
  const { nodes, starts, text } = block;
  const out: Occurrence[] = [];
  // One dictionary for every StaticRange: the constructor copies it, and a fresh object per range
  // costs a third more on pages with thousands of occurrences.
  const init: StaticRangeInit = { startContainer: nodes[0]!, startOffset: 0, endContainer: nodes[0]!, endOffset: 0 };
  let index = 0; // the node holding the previous match's start: matches are sorted
  for (const match of matches) {
    while (index + 1 < nodes.length && starts[index + 1]! <= match.start) index++;
    const startIndex = index;
    let endIndex = startIndex;
    // The end is exclusive: it belongs to the last node whose text reaches it.
    while (endIndex + 1 < nodes.length && starts[endIndex + 1]! < match.end) endIndex++;
    const startNode = nodes[startIndex]!;
    const endNode = nodes[endIndex]!;
    init.startContainer = startNode;
    init.startOffset = match.start - starts[startIndex]!;
    init.endContainer = endNode;
    init.endOffset = Math.min(match.end - starts[endIndex]!, endNode.data.length);
    out.push({
      entryId: match.entryId,
      form: match.form,
      text: text.slice(match.start, match.end),
      range: new StaticRange(init),
      nodes: nodes.slice(startIndex, endIndex + 1),
    });
  }
  return out;
}
