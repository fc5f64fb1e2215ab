/**
 * The compiled structure: the trie of folded surface-form keys, packed into a double array.
 *
 * Why a trie walked from word starts rather than one big RegExp or an Aho–Corasick automaton: a match
 * may only start where the previous character is not a letter, mark or digit, so the scanner starts
 * a walk only at a word start, and most walks end after one or two characters. Why a double array:
 * one step of a walk is then `t = base[node] + sym; if (check[t] !== node) stop`, two typed-array
 * reads and an add, with no hashing and no per-node edge lists. So the cost per character does not
 * grow with the number of terms: a 10,000-term glossary scans as fast as a 30-term one, modulo cache
 * effects and the extra matches it finds. It does grow with the longest form, since a walk reads at
 * most that many characters (the glossary schema caps forms at 120 characters).
 *
 * Layout:
 *  - symbols are dense ids 1..K of the folded code units that occur in some key, and `unitInfo` maps a
 *    raw code unit of the page text straight to its id, folding included (0: in no key, so no walk
 *    can continue through it);
 *  - `cells` holds STRIDE Int32s per slot: base, check (the parent's slot, -1 if free), the index
 *    into `accepts` of the forms ending there (-1 if none) and a chain (see below, -1 if none). The
 *    child of slot s by symbol y is slot cells[STRIDE * s] + y if its check is s. Slot 0 is the root;
 *  - below the first letters most of a trie is unary paths ("munotherapy" after "im"). A node where
 *    such a path starts has a chain: an offset into `chains`, which holds the path's length m, its m
 *    symbols and the slot where it ends. The walk compares the text against the symbols in a row
 *    (independent reads the CPU can overlap) instead of m dependent double-array steps. No node
 *    inside a chain accepts, so failing inside one loses nothing.
 */
import { SEP, STARTS_FORM, WORD, type CharTables } from './char-tables';
import type { Accept, TrieBuilder } from './trie-builder';

/** Int32s per slot in `cells`: base, check, accept, chain. */
export const STRIDE = 4;
/** unitInfo = symbol << UNIT_SHIFT | class bits. */
export const UNIT_SHIFT = 4;
const FREE = -1;
/** How many positions first-fit placement tries before placing a node after all used slots. */
const MAX_PROBES = 64;
/** Unary paths shorter than this are walked step by step. */
const MIN_CHAIN = 2;

export interface Trie {
  /**
   * Everything the scanner needs about a code unit of the text in one read: its symbol id shifted
   * left by UNIT_SHIFT, or'ed with its character class bits (char-tables.ts) plus STARTS_FORM if some
   * key starts with it.
   */
  readonly unitInfo: Int32Array;
  /** Ids 1..maxWordSym are letters, marks and digits; higher ids are anything else. */
  readonly maxWordSym: number;
  /** The id of the separator symbol, or 0 if no key contains a separator. */
  readonly sepSym: number;
  readonly cells: Int32Array;
  readonly chains: Int32Array;
  readonly accepts: readonly Accept[];
  /** The longest key, in symbols: bounds the number of accepting nodes one walk can pass. */
  readonly maxDepth: number;
  readonly nodeCount: number;
}

export function packTrie(builder: TrieBuilder, { fold, unfold, charClass }: CharTables): Trie {
  const { nodeCount, edgeKey, acceptAt, accepts, maxDepth } = builder.result();

  // Dense symbol ids. Letters, marks and digits get the low ids, so that the scanner can tell from
  // an id alone that a walk crossed only word characters; within each group, most frequent first.
  // Counted in a table indexed by code unit: a Map lookup per trie node costs more than the rest.
  const frequency = new Int32Array(65536);
  for (let v = 1; v < nodeCount; v++) frequency[edgeKey[2 * v + 1]!]!++;
  const isWordUnit = (u: number) => (charClass[u]! & WORD) !== 0;
  const units: number[] = [];
  for (let u = 0; u < 65536; u++) if (frequency[u]! > 0) units.push(u);
  units.sort((a, b) => Number(isWordUnit(b)) - Number(isWordUnit(a)) || frequency[b]! - frequency[a]! || a - b);
  const maxWordSym = units.filter(isWordUnit).length;
  const idOf = new Map<number, number>();
  const symOfUnit = new Int32Array(65536);
  units.forEach((u, i) => {
    idOf.set(u, i + 1);
    symOfUnit[u] = i + 1;
  });
  const alphabet = units.length;
  const nodeSym = new Int32Array(nodeCount);
  for (let v = 1; v < nodeCount; v++) nodeSym[v] = symOfUnit[edgeKey[2 * v + 1]!]!;

  // Children of each node, grouped by parent (counting sort).
  const firstChild = new Int32Array(nodeCount + 1);
  for (let v = 1; v < nodeCount; v++) firstChild[edgeKey[2 * v]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) firstChild[v + 1]! += firstChild[v]!;
  const children = new Int32Array(Math.max(0, nodeCount - 1));
  const fill = firstChild.slice(0, nodeCount);
  for (let v = 1; v < nodeCount; v++) children[fill[edgeKey[2 * v]!]!++] = v;

  const { cells, slotOf, order } = place(nodeCount, firstChild, children, nodeSym, acceptAt, alphabet);
  const chains = buildChains(nodeCount, firstChild, children, nodeSym, acceptAt, slotOf, order, cells);

  // unitInfo: the class bits of every code unit, plus the symbol of each unit that folds to one.
  // Only the alphabet's units and the few that fold to them are touched, not all 65,536.
  const rootBase = cells[0]!;
  const unitInfo = new Int32Array(charClass);
  for (const [u, sym] of idOf) {
    const info = (sym << UNIT_SHIFT) | (cells[STRIDE * (rootBase + sym) + 1] === 0 ? STARTS_FORM : 0);
    if (fold[u] === u) unitInfo[u]! |= info;
    for (const from of unfold.get(u) ?? []) unitInfo[from]! |= info;
  }
  return { unitInfo, maxWordSym, sepSym: idOf.get(SEP) ?? 0, cells, chains, accepts, maxDepth, nodeCount };
}

/**
 * First-fit double-array placement, breadth first from the root. Free slots are found through a
 * "next free slot at or after x" union-find, so probing skips occupied stretches in one step.
 */
function place(
  nodeCount: number,
  firstChild: Int32Array,
  children: Int32Array,
  nodeSym: Int32Array,
  acceptAt: Int32Array,
  alphabet: number,
): { cells: Int32Array; slotOf: Int32Array; order: Int32Array } {
  let cells = newCells(nodeCount + alphabet + 1);
  // nextFree[x] leads, by repeated lookup, to the first free slot >= x; the last entry is a sentinel
  // standing for "everything beyond the current capacity".
  let nextFree = identity(cells.length / STRIDE + 1);
  const ensure = (slots: number) => {
    if (STRIDE * slots <= cells.length) return;
    const bigger = newCells(Math.max(slots, (2 * cells.length) / STRIDE));
    bigger.set(cells);
    const next = identity(bigger.length / STRIDE + 1);
    next.set(nextFree.subarray(0, nextFree.length - 1));
    cells = bigger;
    nextFree = next;
  };
  const findFree = (x: number) => {
    let root = x;
    while (nextFree[root] !== root) root = nextFree[root]!;
    while (x !== root) {
      const up = nextFree[x]!;
      nextFree[x] = root;
      x = up;
    }
    return root;
  };
  cells[1] = -2; // the root occupies slot 0 but is nobody's child
  nextFree[0] = 1;
  const slotOf = new Int32Array(nodeCount);
  const order = new Int32Array(nodeCount); // breadth-first queue; order[0] = 0, the root
  let head = 0;
  let tail = 1;
  let usedSlots = 1;
  while (head < tail) {
    const v = order[head++]!;
    const from = firstChild[v]!;
    const to = firstChild[v + 1]!;
    const slot = slotOf[v]!;
    cells[STRIDE * slot + 2] = acceptAt[v]!;
    if (from === to) continue; // a leaf keeps base 0: no check can ever equal its slot
    let lowest = Infinity;
    let highest = 0;
    for (let x = from; x < to; x++) {
      const y = nodeSym[children[x]!]!;
      if (y < lowest) lowest = y;
      if (y > highest) highest = y;
    }
    // Try the free slots from the first one as the place of the lowest child; after a few misses
    // (a node with many children in a well-filled stretch) place the node after every used slot,
    // where everything is free, rather than scanning on: single-child nodes fill the holes.
    let base = -1;
    for (let probe = 0, at = findFree(lowest); probe < MAX_PROBES; probe++, at = findFree(at + 1)) {
      const candidate = at - lowest;
      ensure(candidate + highest + 1);
      let fits = true;
      for (let x = from; x < to && fits; x++) fits = cells[STRIDE * (candidate + nodeSym[children[x]!]!) + 1] === FREE;
      if (fits) {
        base = candidate;
        break;
      }
    }
    if (base < 0) base = Math.max(usedSlots, lowest) - lowest;
    ensure(base + highest + 1);
    cells[STRIDE * slot] = base;
    for (let x = from; x < to; x++) {
      const k = children[x]!;
      const s = base + nodeSym[k]!;
      cells[STRIDE * s + 1] = slot;
      nextFree[s] = s + 1;
      slotOf[k] = s;
      order[tail++] = k;
      if (s + 1 > usedSlots) usedSlots = s + 1;
    }
  }
  // Any lookup base + symbol (symbol <= alphabet) must stay in bounds: an out-of-bounds typed-array
  // read would be correct (undefined !== slot) but slow.
  let maxBase = 0;
  for (let s = 0; s < usedSlots; s++) maxBase = Math.max(maxBase, cells[STRIDE * s]!);
  const size = Math.max(usedSlots, maxBase + alphabet + 1);
  ensure(size);
  return { cells: cells.slice(0, STRIDE * size), slotOf, order };
}

function identity(length: number): Int32Array {
  const a = new Int32Array(length);
  for (let i = 0; i < length; i++) a[i] = i;
  return a;
}

function newCells(slots: number): Int32Array {
  const cells = new Int32Array(STRIDE * slots);
  for (let s = 0; s < slots; s++) {
    cells[STRIDE * s + 1] = FREE;
    cells[STRIDE * s + 2] = FREE;
    cells[STRIDE * s + 3] = FREE;
  }
  return cells;
}

/**
 * Finds the unary paths worth a chain and records them, writing each chain's offset into the cell
 * of the node where it starts. Nodes inside a chain are never landed on, so they get none.
 */
function buildChains(
  nodeCount: number,
  firstChild: Int32Array,
  children: Int32Array,
  nodeSym: Int32Array,
  acceptAt: Int32Array,
  slotOf: Int32Array,
  order: Int32Array,
  cells: Int32Array,
): Int32Array {
  const onlyChild = (v: number) => (firstChild[v + 1]! - firstChild[v]! === 1 ? children[firstChild[v]!]! : -1);
  const inside = new Uint8Array(nodeCount);
  const out: number[] = [];
  for (let o = 0; o < nodeCount; o++) {
    const v = order[o]!;
    if (inside[v] === 1) continue;
    let c = onlyChild(v);
    if (c < 0) continue;
    const path = [c];
    while (acceptAt[c]! < 0 && onlyChild(c) >= 0) {
      c = onlyChild(c);
      path.push(c);
    }
    if (path.length < MIN_CHAIN) continue;
    cells[STRIDE * slotOf[v]! + 3] = out.length;
    out.push(path.length);
    for (const node of path) out.push(nodeSym[node]!);
    out.push(slotOf[c]!);
    for (let p = 0; p < path.length - 1; p++) inside[path[p]!] = 1;
  }
  return Int32Array.from(out);
}
