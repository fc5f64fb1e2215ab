/**
 * The trie while it is being built: nodes are inserted one key at a time, so edges live in a growable
 * open-addressing hash table keyed by (parent, symbol). trie.ts then packs the finished trie into a
 * double array for scanning. Compile-time only.
 */

const NONE = -1;

/** One surface form ending at a trie node. */
export interface FormOutput {
  readonly entryId: string;
  /** The declared form this surface form was generated from, as written (trimmed) in the glossary. */
  readonly form: string;
}

/** A case-sensitive form: the text must spell `exact` code unit for code unit (see keys.ts). */
export interface ExactOutput extends FormOutput {
  readonly exact: Uint16Array;
}

/** Everything that may match at one accepting node, in order of preference. */
export interface Accept {
  /** Case-sensitive forms that fold to this node, each with a distinct exact spelling. */
  readonly exact: ExactOutput[];
  /** The case-insensitive form folding to this node, if any. */
  loose: FormOutput | null;
}

export class TrieBuilder {
  /** [parent, symbol] of every node; node 0 is the root and has no parent. */
  private edgeKey: Int32Array = new Int32Array(2048).fill(NONE);
  private acceptAt: Int32Array = new Int32Array(1024).fill(NONE);
  /** Child ids, found by hashing (parent, symbol) and checked against `edgeKey`. */
  private slots: Int32Array = new Int32Array(2048).fill(NONE);
  private mask = 2047;
  private nodes = 1;
  private maxDepth = 0;
  readonly accepts: Accept[] = [];

  /** Inserts a folded key and returns the accepting record of its last node (created if needed). */
  insert(key: Uint16Array): Accept {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const sym = key[i]!;
      const child = this.find(node, sym);
      node = child === NONE ? this.addChild(node, sym) : child;
    }
    if (key.length > this.maxDepth) this.maxDepth = key.length;
    let index = this.acceptAt[node]!;
    if (index === NONE) {
      index = this.accepts.length;
      this.accepts.push({ exact: [], loose: null });
      this.acceptAt[node] = index;
    }
    return this.accepts[index]!;
  }

  /** The finished trie as flat arrays: node i's parent and symbol are edgeKey[2i] and edgeKey[2i + 1]. */
  result(): { nodeCount: number; edgeKey: Int32Array; acceptAt: Int32Array; accepts: Accept[]; maxDepth: number } {
    return {
      nodeCount: this.nodes,
      edgeKey: this.edgeKey,
      acceptAt: this.acceptAt,
      accepts: this.accepts,
      maxDepth: this.maxDepth,
    };
  }

  private find(node: number, sym: number): number {
    const { slots, mask, edgeKey } = this;
    for (let h = edgeHash(node, sym) & mask; ; h = (h + 1) & mask) {
      const child = slots[h]!;
      if (child < 0) return NONE;
      if (edgeKey[2 * child] === node && edgeKey[2 * child + 1] === sym) return child;
    }
  }

  private addChild(parent: number, sym: number): number {
    const child = this.nodes++;
    if (child >= this.acceptAt.length) {
      this.acceptAt = grow(this.acceptAt, this.acceptAt.length * 2);
      this.edgeKey = grow(this.edgeKey, this.edgeKey.length * 2);
    }
    this.edgeKey[2 * child] = parent;
    this.edgeKey[2 * child + 1] = sym;
    // Keep the load factor at or below 1/2 so that linear probes stay short.
    if (this.nodes * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.place(child);
    return child;
  }

  private place(child: number): void {
    const { slots, mask, edgeKey } = this;
    let h = edgeHash(edgeKey[2 * child]!, edgeKey[2 * child + 1]!) & mask;
    while (slots[h]! >= 0) h = (h + 1) & mask;
    slots[h] = child;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size).fill(NONE);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i++) {
      const child = old[i]!;
      if (child >= 0) this.place(child);
    }
  }
}

function edgeHash(node: number, sym: number): number {
  const h = Math.imul(node ^ Math.imul(sym, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size).fill(NONE);
  b.set(a);
  return b;
}
