/**
 * Which highlighted occurrence is under the pointer. Highlights receive no events (they are not
 * elements), so we ask the browser for the caret position at the point, look that text node's
 * occurrences up, and confirm the point lies inside one of the occurrence's boxes: the caret snaps to
 * the nearest character even when the pointer is in the empty space after a line's end.
 */
import type { Highlighter, Occurrence } from './highlighter';

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text node and offset under a viewport point, piercing the given open shadow roots. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | null {
  const caretDoc = doc as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position = caretDoc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = caretDoc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Slack around a glyph box, in CSS pixels, so a pointer on a line's edge still counts. */
const SLACK = 1;

export function rectsOf(occurrence: Occurrence): DOMRect[] {
  const { range } = occurrence;
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return [...live.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
}

export function containsPoint(rects: readonly DOMRect[], x: number, y: number): boolean {
  return rects.some(
    (rect) => x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK,
  );
}

/** The painted occurrence under (x, y), or undefined. */
export function occurrenceAtPoint({
  highlighter,
  x,
  y,
  doc = document,
  shadowRoots = [],
}: {
  highlighter: Highlighter;
  x: number;
  y: number;
  doc?: Document;
  shadowRoots?: ShadowRoot[];
}): Occurrence | undefined {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const candidates = [...highlighter.occurrencesIn(caret.node as Text)];
  // At a node's first offset the caret may belong to the character just before, in the previous node
  // (pointer on the right half of a term's last letter, when the term ends where an element ends).
  if (caret.offset === 0) {
    const previous = previousTextNode(caret.node);
    if (previous) candidates.push(...highlighter.occurrencesIn(previous));
  }
  return candidates.find((occurrence) => containsPoint(rectsOf(occurrence), x, y));
}

function previousTextNode(node: Node): Text | null {
  const root = node.getRootNode();
  const walker = (node.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  return walker.previousNode() as Text | null;
}
