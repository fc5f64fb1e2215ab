/**
 * The trie while it is being built: nodes are added one key at a time. trie.ts then packs the
 * finished trie into a double array for scanning. Compile-time only, but it runs on every page with
 * the whole glossary (46,700 surface forms, 176,000 nodes for 10,000 entries), where the time goes
 * into memory traffic: so no per-node objects, Maps or per-key arrays, and what one step needs to
 * know about a node is in one record:
 *
 *  - every node is a record of NODE_FIELDS Int32s in `nodes`: its first child, its next sibling, the
 *    code unit on the edge into it (plus a flag if it has more than one child) and its accept index.
 *    A node's children are thus a linked list in creation order (the order trie.ts places them in).
 *    Lists are short below the root (most nodes have one child), and the root, which has a child for
 *    nearly every first letter, looks its children up in a table indexed by code unit instead;
 *  - keys are folded on the fly from the form's string (see keys.ts for the folding rules), never
 *    materialised;
 *  - a generated variant ("inhibitors", "inhibitor's") continues from the node of its declared form
 *    (see index.ts), instead of walking its whole key again from the root.
 *
 * Node ids are creation order and the root is node 0. Since the root is nobody's child or sibling, 0
 * also serves as "none" in the child and sibling fields, and accept indices are stored plus one, so
 * that fresh (zeroed) arrays need no fill.
 */
import { SEP } from './char-tables';

/** One surface form ending at a trie node. */
export interface FormOutput {
  readonly entryId: string;
  /** The entry's index in the terms compiled (see TermMatch.entry). */
  readonly entry: number;
  /** The declared form this surface form was generated from, as written (trimmed) in the glossary. */
  readonly form: string;
}

/** A case-sensitive form: the text must spell `exact` code unit for code unit (see keys.ts). */
export interface ExactOutput {
  /** What a match reports; shared with the form's other outputs, so matches all have one shape. */
  readonly output: FormOutput;
  readonly exact: Uint16Array;
}

/** Int32s per node in `TrieBuilder.nodes`, and the offset of each field. */
export const NODE_FIELDS = 4;
/** The node's first child, 0 if none. */
export const FIRST_CHILD = 0;
/** The next child of the node's parent, 0 if none. */
export const NEXT_SIBLING = 1;
/** The code unit (folded) on the edge from the parent, or'ed with SEVERAL_CHILDREN. */
export const UNIT = 2;
/** 1 + the node's accept index (see TrieBuilder.loose), 0 if no key ends there. */
export const ACCEPT = 3;
/** In the UNIT field: the node has two children or more. */
export const SEVERAL_CHILDREN = 0x10000;
export const UNIT_MASK = 0xffff;

export class TrieBuilder {
  /** NODE_FIELDS Int32s per node, see FIRST_CHILD etc. */
  nodes: Int32Array;
  /** How many nodes have each code unit on the edge into them (trie.ts numbers symbols by it). */
  readonly unitCount = new Int32Array(65536);
  /** The code units with a count, in order of appearance. */
  readonly units: number[] = [];
  /** The root's children by code unit (0: none), and its last child, to append in creation order. */
  private readonly rootChild = new Int32Array(65536);
  private rootLast = 0;
  nodeCount = 1;
  /**
   * What may match at each accepting node, by accept index, in order of preference: the
   * case-sensitive forms that fold to it, each with a distinct exact spelling (null if none), then
   * the case-insensitive form (null if none). Two arrays rather than an object per node: a 10,000
   * entry glossary has 47,000 accepting nodes, and fewer objects means less garbage collection.
   */
  readonly exact: (ExactOutput[] | null)[] = [];
  readonly loose: (FormOutput | null)[] = [];

  /** `expectedNodes` sizes the array; more nodes are fine (it grows), fewer waste a little memory. */
  constructor(expectedNodes = 1024) {
    this.nodes = new Int32Array(NODE_FIELDS * Math.max(16, expectedNodes + 1));
  }

  /**
   * Walks (creating as needed) the folded key of `text`, from `node`: units through `fold`, every run
   * of separators as one SEP, none at either end of the key. Returns the last node, or -1 if the key
   * is empty.
   */
  insert(text: string, fold: Uint16Array, node = 0): number {
    let pendingSep = false;
    let walked = false;
    for (let i = 0; i < text.length; i++) {
      const f = fold[text.charCodeAt(i)]!;
      if (f === SEP) {
        // Only a separator between two other symbols is part of the key.
        pendingSep = walked;
        continue;
      }
      if (pendingSep) {
        node = this.child(node, SEP);
        pendingSep = false;
      }
      node = this.child(node, f);
      walked = true;
    }
    return walked ? node : -1;
  }

  /** The accept index of `node`, assigned on first use: accepting nodes are numbered in that order. */
  acceptOf(node: number): number {
    const index = this.nodes[NODE_FIELDS * node + ACCEPT]!;
    if (index !== 0) return index - 1;
    this.exact.push(null);
    this.loose.push(null);
    this.nodes[NODE_FIELDS * node + ACCEPT] = this.loose.length;
    return this.loose.length - 1;
  }

  /** The child of `node` by `unit`, created (as the last child) if there is none. */
  private child(node: number, unit: number): number {
    if (node === 0) {
      const known = this.rootChild[unit]!;
      if (known !== 0) return known;
      const created = this.create(unit);
      if (this.rootLast === 0) {
        this.nodes[FIRST_CHILD] = created;
      } else {
        this.nodes[NODE_FIELDS * this.rootLast + NEXT_SIBLING] = created;
        this.nodes[UNIT]! |= SEVERAL_CHILDREN;
      }
      this.rootChild[unit] = created;
      this.rootLast = created;
      return created;
    }
    let link = NODE_FIELDS * node + FIRST_CHILD; // the field that points to the next node to look at
    for (;;) {
      const c = this.nodes[link]!;
      if (c === 0) {
        const created = this.create(unit);
        this.nodes[link] = created; // `create` may have replaced the array: index it only now
        if (link !== NODE_FIELDS * node + FIRST_CHILD) this.nodes[NODE_FIELDS * node + UNIT]! |= SEVERAL_CHILDREN;
        return created;
      }
      if ((this.nodes[NODE_FIELDS * c + UNIT]! & UNIT_MASK) === unit) return c;
      link = NODE_FIELDS * c + NEXT_SIBLING;
    }
  }

  private create(unit: number): number {
    const v = this.nodeCount++;
    if (NODE_FIELDS * v >= this.nodes.length) {
      const grown = new Int32Array(2 * this.nodes.length);
      grown.set(this.nodes);
      this.nodes = grown;
    }
    this.nodes[NODE_FIELDS * v + UNIT] = unit;
    if (this.unitCount[unit]!++ === 0) this.units.push(unit);
    return v;
  }
}
