/**
 * The page's text, grouped into blocks: runs of text nodes that a reader sees as one flow of prose
 * (inline content between two block boundaries). Terms are matched per block, so a term split across
 * inline elements matches as one occurrence, while text in different blocks never joins.
 */
import { INLINE_TAGS, SEPARATOR_TAGS, isSkippedElement } from './dom-rules';

/** What owns a block: the nearest non-inline element, or a document or shadow root. */
export type Container = Element | DocumentFragment | Document;

export interface TextBlock {
  container: Container;
  /** The text of `nodes` joined, with a line break standing for each `<br>`-like separator. */
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collects the text nodes of one block as the walk meets them. */
class BlockBuilder {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;

  constructor(public container: Container) {}

  addText(node: Text): void {
    const data = node.data;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  addSeparator(): void {
    if (this.length === 0) return;
    this.parts.push('\n');
    this.length += 1;
  }

  /** Ends the current block; returns it when it holds any text. */
  flush(nextContainer: Container): TextBlock | undefined {
    let block: TextBlock | undefined;
    if (this.nodes.length > 0) {
      const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      block = { container: this.container, text, nodes: this.nodes, starts: this.starts };
      this.nodes = [];
      this.starts = [];
    }
    this.parts = [];
    this.length = 0;
    this.container = nextContainer;
    return block;
  }
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
 * A generator, so that callers can stop between blocks and yield to the page.
 *
 * The walk uses firstChild/nextSibling rather than a TreeWalker: it must see block elements end (to
 * end the run) and skip whole subtrees, and a filter callback per node costs more than the walk itself.
 */
export function* walkBlocks(container: Container, options: WalkOptions): Generator<TextBlock> {
  const { deep } = options;
  const builder = new BlockBuilder(container);
  // Block elements entered and not yet left, innermost last; the walk's root is at the bottom.
  const open: Container[] = [container];
  let node: Node | null = container.firstChild;

  while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      builder.addText(node as Text);
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const name = element.localName;
      if (INLINE_TAGS.has(name)) {
        descend = !isSkippedElement(element, name);
      } else if (SEPARATOR_TAGS.has(name)) {
        builder.addSeparator();
      } else {
        const block = builder.flush(builder.container);
        if (block) yield block;
        if (deep && element !== options.skip && !isSkippedElement(element, name)) {
          const shadow = element.shadowRoot;
          if (shadow) {
            options.onShadowRoot?.(shadow);
            yield* walkBlocks(shadow, { ...options, deep: true });
          }
          open.push(element);
          builder.container = element;
          descend = true;
        }
      }
    }

    // Each DOM property is read once: every read is a call into the browser.
    if (descend) {
      const first: Node | null = node.firstChild;
      if (first) {
        node = first;
        continue;
      }
    }
    // Next sibling, or climb, closing every block element we leave.
    while (node) {
      if (node === container) {
        node = null;
        break;
      }
      if (node === open[open.length - 1]) {
        open.pop();
        const block = builder.flush(open[open.length - 1]!);
        if (block) yield block;
      }
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentNode;
    }
  }
  const last = builder.flush(container);
  if (last) yield last;
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
