/**
 * The page's text, grouped into blocks: runs of text nodes that a reader sees as one flow of prose
 * (inline content between two block boundaries). Terms are matched per block, so a term split across
 * inline elements matches as one occurrence, while text in different blocks never joins.
 */
import {
  INLINE_TAG,
  INLINE_TAGS,
  OWN_UI_ATTRIBUTE,
  SEPARATOR_TAG,
  SHADOW_HOST_TAG,
  SKIPPED_TAG,
  hasSkippingAttributes,
  tagKind,
  tagKindsByInterface,
  type TagKind,
} from './dom-rules';
import { keepShape } from './keep-shape';

/** What owns a block: the nearest non-inline element, or a document or shadow root. */
export type Container = Element | DocumentFragment | Document;

export interface TextBlock {
  container: Container;
  /** The text of `nodes` joined, with a line break standing for each `<br>`-like separator. */
  text: string;
  /**
   * The block's text nodes, and `starts[i]`, where `nodes[i]` begins in `text`. For a block read in one
   * piece (see walkBlocks) both are read from the page on first use: a caller that keeps the block
   * must ask for them before the page can change, that is before it yields (the highlighter asks as
   * soon as the block has a match). Most blocks have no match, and their nodes are never read.
   */
  readonly nodes: Text[];
  readonly starts: number[];
}

/**
 * Matches any element that keeps a block element from being read in one piece: anything but plain
 * inline content (so also separators, skipped and custom elements), and inline elements whose
 * attributes put them out of reach (see dom-rules.ts). Type selectors match an HTML element's exact
 * lowercase name, as `tagKind` does: an "A" made by script is not plain inline content here either.
 */
const NOT_PLAIN_INLINE = [
  `:not(${[...INLINE_TAGS].join(',')})`,
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  `[${OWN_UI_ATTRIBUTE}]`,
].join(',');

/** A block element of plain inline content, read in one piece: its text nodes are found on first use. */
class WholeBlock implements TextBlock {
  private found: { nodes: Text[]; starts: number[] } | null = null;

  constructor(
    readonly container: Element,
    readonly text: string,
  ) {}

  get nodes(): Text[] {
    return (this.found ??= textNodesUnder(this.container)).nodes;
  }

  get starts(): number[] {
    return (this.found ??= textNodesUnder(this.container)).starts;
  }
}
keepShape(new WholeBlock(null!, ''));

/** The text nodes under an element, in order, and where each begins in their joined text. */
function textNodesUnder(element: Element): { nodes: Text[]; starts: number[] } {
  // Most such blocks are one text node: found without making a TreeWalker, which costs more than the
  // rest of the lookup (2,600 of them on the bench's *dense* page).
  const only = element.firstChild;
  if (only !== null && only.nextSibling === null && only.nodeType === TEXT_NODE) {
    return { nodes: [only as Text], starts: [0] };
  }
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(length);
    length += (node as Text).length; // a number: no string is made, as reading `data` would
  }
  return { nodes, starts };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** NodeFilter.SHOW_TEXT, which a service worker (no DOM) does not define. */
const SHOW_TEXT = 4;

/** What the walk does with a node: a tag kind for an element, or one of these. */
const TEXT = 5;
/** Comments, processing instructions, CDATA: left out. */
const OTHER = 6;
type NodeKind = TagKind | typeof TEXT | typeof OTHER;

/** Node kinds by interface (see `tagKindsByInterface`), with text nodes: built on the first walk. */
let kindsByInterface: Map<unknown, NodeKind> | undefined;

function nodeKindsByInterface(): Map<unknown, NodeKind> {
  if (kindsByInterface === undefined) {
    kindsByInterface = new Map<unknown, NodeKind>(tagKindsByInterface());
    if (typeof Text === 'function') kindsByInterface.set(Text, TEXT);
  }
  return kindsByInterface;
}

/**
 * The kind of any node. Most nodes are told by their interface, a JS property read; the rest need the
 * node type and tag name, which are calls into the browser.
 */
function nodeKind(node: Node, byInterface: Map<unknown, NodeKind>): NodeKind {
  const known = byInterface.get(node.constructor);
  if (known !== undefined) return known;
  const type = node.nodeType;
  if (type === ELEMENT_NODE) return tagKind((node as Element).localName);
  return type === TEXT_NODE ? TEXT : OTHER;
}

export interface WalkOptions {
  /**
   * Deep: every block under the container, nested block elements and open shadow roots included.
   * Shallow: only the container's own inline runs; nested blocks are left to their own containers
   * (used to redo one container after a mutation without redoing what it contains).
   */
  deep: boolean;
  /** Called for each open shadow root the walk enters (to style and observe it). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** A block element whose subtree is left out (already read: the part of the page in view). */
  skip?: Element;
}

/**
 * Yields the blocks under `container` in document order (a shadow root's blocks come where its host is).
 * A generator, so that callers can stop between blocks and yield to the page: the DOM is read only as
 * far as the block yielded.
 *
 * A block element whose content is all plain inline content (most paragraphs, list items and table
 * cells) is read in one piece, with one `querySelector` to check that and `textContent`, instead of node
 * by node: a content script runs in an isolated world, where Blink finds each node's JS wrapper through
 * a map rather than a slot, so every node the walk touches costs more than in the page's own scripts.
 * On the 5 MB bench page, run that way on fresh nodes, this took the engine from 262 to 191 ms (it costs
 * ~1.5 ms more on the bench's *dense* page, where nearly every paragraph has matches and so has its
 * nodes read as well, and a few percent more in the page's main world).
 *
 * Otherwise the walk uses firstChild/nextSibling rather than a TreeWalker: it must see block elements end
 * (to end the run) and skip whole subtrees, and a filter callback per node costs more than the walk itself.
 * On a large page each call into the browser counts (a few tens of nanoseconds, times a few hundred
 * thousand nodes), so the walk makes as few as it can: each node's kind is told by its interface where
 * possible, the way back up is kept on a stack rather than asked of each node, and a block's arrays
 * are only made once it has text. Its state is kept in local variables: they are what a generator
 * keeps cheapest between blocks.
 */
export function* walkBlocks(container: Container, options: WalkOptions): Generator<TextBlock> {
  const { deep, skip } = options;
  const byInterface = nodeKindsByInterface();
  // The elements entered on the way down to `node`, innermost last. Climbing pops them rather than
  // asking each node for its parent; so if the page moves or removes nodes while the caller waits,
  // the walk goes on from where those nodes were.
  const path: Element[] = [];
  // The block being collected: its container, the block elements around that, and its text so far.
  let owner: Container = container;
  const outerOwners: Container[] = [];
  let nodes: Text[] | null = null;
  let starts: number[] = [];
  // The block's text: its first node's data, and for a block of several pieces all of them, joined
  // when it ends (one flat string, where `+=` per node would make a rope that the matcher's first read
  // has to flatten). Most blocks are one text node: they make no array.
  let firstPiece = '';
  let parts: string[] | null = null;
  let length = 0;
  let node: Node | null = container.firstChild;

  while (node !== null) {
    // Each DOM property is read once: every read is a call into the browser.
    let first: Node | null = null;
    const kind = nodeKind(node, byInterface);
    if (kind === TEXT) {
      const data = (node as Text).data;
      if (nodes === null) {
        nodes = [node as Text];
        starts = [0];
        firstPiece = data;
        parts = null;
        length = data.length;
      } else {
        nodes.push(node as Text);
        starts.push(length);
        (parts ??= [firstPiece]).push(data);
        length += data.length;
      }
    } else if (kind === INLINE_TAG) {
      if (!hasSkippingAttributes(node as Element)) first = node.firstChild;
    } else if (kind === SEPARATOR_TAG) {
      if (length > 0) {
        (parts ??= [firstPiece]).push('\n');
        length++;
      }
    } else if (kind !== OTHER) {
      // A block element, or a skipped one: either way the run of text ends here.
      const element = node as Element;
      if (nodes !== null) {
        yield { container: owner, text: parts === null ? firstPiece : parts.join(''), nodes, starts };
        nodes = null;
        length = 0;
      }
      if (deep && kind !== SKIPPED_TAG && element !== skip && !hasSkippingAttributes(element)) {
        // Only the few tags that can host a shadow root are asked for one.
        const shadow = kind === SHADOW_HOST_TAG ? element.shadowRoot : null;
        if (shadow !== null) yield* walkShadowRoot(shadow, options);
        if (shadow === null && element.querySelector(NOT_PLAIN_INLINE) === null) {
          // Plain inline content only: the element's whole text is one block (none if it has no text).
          const text = element.textContent!;
          if (text !== '') yield new WholeBlock(element, text);
        } else {
          first = element.firstChild;
          if (first !== null) {
            outerOwners.push(owner);
            owner = element;
          }
        }
      }
    }
    if (first !== null) {
      path.push(node as Element);
      node = first;
      continue;
    }

    // Next sibling, or climb, closing every block element we leave.
    let next: Node | null = node.nextSibling;
    while (next === null) {
      const parent = path.pop();
      if (parent === undefined) break; // back at the container: the walk is done
      if (parent === owner) {
        if (nodes !== null) {
          yield { container: owner, text: parts === null ? firstPiece : parts.join(''), nodes, starts };
          nodes = null;
          length = 0;
        }
        owner = outerOwners.pop()!;
      }
      next = parent.nextSibling;
    }
    node = next;
  }
  if (nodes !== null) yield { container: owner, text: parts === null ? firstPiece : parts.join(''), nodes, starts };
}

/** The blocks of an open shadow root, walked where its host is. */
function* walkShadowRoot(shadow: ShadowRoot, options: WalkOptions): Generator<TextBlock> {
  options.onShadowRoot?.(shadow);
  yield* walkBlocks(shadow, { ...options, deep: true });
}

/**
 * The container whose shallow walk covers `node`, or null when the node is in a part of the page that
 * is never indexed (an editor, code, our own UI) or no longer in a document.
 */
export function containerOf(node: Node, skippedSelector: string): Container | null {
  let current: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  if (current && current.nodeType === ELEMENT_NODE && (current as Element).closest(skippedSelector)) {
    return null;
  }
  while (current) {
    if (current.nodeType !== ELEMENT_NODE) {
      // A document or shadow root.
      return current as Container;
    }
    const element = current as Element;
    if (!INLINE_TAGS.has(element.localName)) return element;
    current = element.parentNode;
  }
  return null;
}
