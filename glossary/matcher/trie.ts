/**
 * The compiled structure: the trie of folded surface-form keys, packed into a double array.
 *
 * Why a trie walked from word starts rather than one big RegExp or an Aho–Corasick automaton: a match
 * may only start where the previous character is not a letter, mark or digit, so the scanner starts
 * a walk only at a word start, and most walks end after one or two characters. Why a double array:
 * one step of a walk is then `t = base[node] + sym; if (check[t] !== node) stop`, two typed-array
 * reads and an add, with no hashing and no per-node edge lists. A large glossary's trie still costs
 * more per walk (walks go deeper, through a larger array), and nearly every word of a page starts a
 * walk; which is why the scanner first checks the word against the keys' first words
 * (first-words.ts). A walk reads at most as many characters as the longest form (the glossary schema
 * caps forms at 120 characters).
 *
 * Layout:
 *  - symbols are dense ids 1..K of the folded code units that occur in some key, and `unitInfo` maps a
 *    raw code unit of the page text straight to its id, folding included (0: in no key, so no walk
 *    can continue through it);
 *  - `cells` holds STRIDE Int32s per slot: base, check (the parent's slot, -1 if free), the accept
 *    index of the forms ending there (-1 if none; see TrieBuilder.loose) and a chain (see below, -1
 *    if none). The child of slot s by symbol y is slot cells[STRIDE * s] + y if its check is s. Slot
 *    0 is the root;
 *  - below the first letters most of a trie is unary paths ("munotherapy" after "im"). A node where
 *    such a path starts has a chain: an offset into `chains`, which holds the path's length m, its m
 *    symbols and the slot where it ends. The walk compares the text against the symbols in a row
 *    (independent reads the CPU can overlap) instead of m dependent double-array steps. No node
 *    inside a chain accepts, so failing inside one loses nothing. Of a path's nodes only the first
 *    and the last have slots: the scanner takes the first symbol as an ordinary step, so that most
 *    walks, which fail right there, need not read `chains`; the last node's slot is one that no step
 *    leads to (its check is NOBODY, like the root's), reached from the chain only. The nodes between
 *    are in `chains` alone: for a 10,000-entry glossary they are over half the trie, so leaving them
 *    out halves the cells a scan reads from and the nodes the compile places.
 */
import { SEP, SOFT_HYPHEN, STARTS_FORM, WORD, type CharTables } from './char-tables';
import { FIRST_WORD_MULTIPLIER, addFirstWord, emptyFirstWords } from './first-words';
import {
  ACCEPT,
  FIRST_CHILD,
  NEXT_SIBLING,
  NODE_FIELDS,
  SEVERAL_CHILDREN,
  UNIT,
  UNIT_MASK,
  type ExactOutput,
  type FormOutput,
  type TrieBuilder,
} from './trie-builder';

/** Int32s per slot in `cells`: base, check, accept, chain. */
export const STRIDE = 4;
/** unitInfo = symbol << UNIT_SHIFT | class bits. */
export const UNIT_SHIFT = 4;
const FREE = -1;
/** The check of a slot that is nobody's child: the root, and the last node of each unary path. */
const NOBODY = -2;
/** How many free slots first-fit placement tries before placing a node after all used slots. */
const MAX_PROBES = 64;

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
  /** By accept index (see TrieBuilder): the case-sensitive spellings, then the case-insensitive form. */
  readonly exact: readonly (readonly ExactOutput[] | null)[];
  readonly loose: readonly (FormOutput | null)[];
  /**
   * The most slots one walk can land on after the root (a chain lands once): bounds the number of
   * accepting nodes one walk can pass.
   */
  readonly maxDepth: number;
  readonly nodeCount: number;
  /**
   * The keys' first words, which a word must be for a walk from its start to find anything, as a bit
   * set (first-words.ts); null when the scanner walks from every word start.
   */
  readonly firstWords: Int32Array | null;
}

/** Packs the builder's trie (a generator: it pauses every NODES_PER_STEP nodes, see compileSteps). */
export function* packTrie(builder: TrieBuilder, { fold, unfold, charClass }: CharTables): Generator<void, Trie, void> {
  const { nodes, nodeCount, unitCount, exact, loose } = builder;

  // Dense symbol ids. Letters, marks and digits get the low ids, so that the scanner can tell from
  // an id alone that a walk crossed only word characters; within each group, most frequent first.
  const units = [...builder.units];
  units.sort((a, b) => isWordUnit(b, charClass) - isWordUnit(a, charClass) || unitCount[b]! - unitCount[a]! || a - b);
  let maxWordSym = 0;
  const symOfUnit = new Int32Array(65536);
  for (let i = 0; i < units.length; i++) {
    symOfUnit[units[i]!] = i + 1;
    maxWordSym += isWordUnit(units[i]!, charClass);
  }

  yield;
  // A word's hash leaves soft hyphens out (see first-words.ts): with a key that has one, the scanner
  // walks from every word start instead.
  const firstWords = builder.unitCount[SOFT_HYPHEN] === 0 ? emptyFirstWords(loose.length) : null;
  const { cells, chains, maxDepth } = yield* place(nodes, nodeCount, symOfUnit, units.length, maxWordSym, firstWords);

  // unitInfo: the class bits of every code unit, plus the symbol of each unit that folds to one.
  // Only the alphabet's units and the few that fold to them are touched, not all 65,536.
  const rootBase = cells[0]!;
  const unitInfo = new Int32Array(charClass);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const sym = i + 1;
    const info = (sym << UNIT_SHIFT) | (cells[STRIDE * (rootBase + sym) + 1] === 0 ? STARTS_FORM : 0);
    if (fold[u] === u) unitInfo[u]! |= info;
    for (const from of unfold.get(u) ?? []) unitInfo[from]! |= info;
  }
  return { unitInfo, maxWordSym, sepSym: symOfUnit[SEP]!, cells, chains, exact, loose, maxDepth, nodeCount, firstWords };
}

function isWordUnit(u: number, charClass: Uint8Array): number {
  return charClass[u]! & WORD;
}

/**
 * Int32s per queued node in `place`: its slot, its first child in the builder (0: none), and, for the
 * first words (see first-words.ts), the hash of the key's units up to the node and whether they are
 * all letters, marks or digits (1) or not (0).
 */
const QUEUED = 4;
/** Nodes placed between two pauses of `place` (about 1 ms of work, cold). */
const NODES_PER_STEP = 4096;

/**
 * First-fit double-array placement, breadth first from the root, children in creation order: each
 * node's base is the first that puts its lowest child on a free slot and all its other children on
 * free slots too, among the first MAX_PROBES free slots; failing that, just after every used slot.
 * A node whose only child starts a unary path places that child, records the path in `chains` and
 * gives the path's last node the first free slot; the nodes between are never placed (see the top).
 *
 * Breadth-first order visits the builder's nodes all over memory, so the queue carries what the
 * visit of a node needs, taken from its record when its parent, visiting its children, read it
 * anyway. The queue is two arrays, this depth's nodes and the next depth's, which stay small and
 * are reused: fresh memory costs a page fault per 4 KiB on first touch. (No closures here: a fresh
 * closure per compile would make V8 throw away the optimised code of this loop on every compile
 * after the first.)
 *
 * On the way it fills `firstWords` (unless null): a node ends a first word when the key's units up to
 * it are all word units (symbols up to `maxWordSym`) and a key ends there or goes on with another unit.
 */
function* place(
  nodes: Int32Array,
  nodeCount: number,
  symOfUnit: Int32Array,
  alphabet: number,
  maxWordSym: number,
  firstWords: Int32Array | null,
): Generator<void, { cells: Int32Array; chains: Int32Array; maxDepth: number }, void> {
  // Slots for every node, a few holes and the last node's children span: placing never has to grow
  // the cells (and copy them) in practice. The nodes inside unary paths take none, so this is often
  // twice what is used; `trimmed` then copies the used part, and the rest is garbage.
  let cells = newCells(nodeCount + (nodeCount >> 6) + 2 * alphabet + 1);
  cells[1] = NOBODY; // the root occupies slot 0
  let firstFree = 1; // every slot before it is used
  let usedSlots = 1; // every slot from here on is free
  let maxBase = 0;
  let level: Int32Array = new Int32Array(QUEUED * 64); // the nodes of depth `depth`, in order
  let next: Int32Array = new Int32Array(QUEUED * 64); // and their children, in order
  level[1] = nodes[FIRST_CHILD]!; // the root: slot 0, hash 0, in a word (the empty one)
  level[3] = 1;
  let levelSize = 1;
  let depth = 0;
  // Paths are disjoint, every path has two nodes or more, and a path takes its symbols plus two Int32s
  // (length, end slot): this bounds the chains.
  const chains = new Int32Array(2 * nodeCount);
  let chainsLength = 0;
  let childSyms: Int32Array = new Int32Array(64); // the symbols of the current node's children, in order
  let visited = 0;
  for (;;) {
    let nextSize = 0;
    for (let e = 0; e < levelSize; e++) {
      if (++visited % NODES_PER_STEP === 0) yield;
      const slot = level[QUEUED * e]!;
      const first = level[QUEUED * e + 1]!;
      const hash = level[QUEUED * e + 2]!;
      const inWord = level[QUEUED * e + 3]!;
      if (first === 0) {
        // A leaf keeps base 0: no check can ever equal its slot. A key ends here.
        if (inWord === 1 && firstWords !== null) addFirstWord(firstWords, hash);
        continue;
      }
      let count = 0;
      let lowest = alphabet;
      let highest = 0;
      for (let c = first; c !== 0; c = nodes[NODE_FIELDS * c + NEXT_SIBLING]!) {
        const y = symOfUnit[nodes[NODE_FIELDS * c + UNIT]! & UNIT_MASK]!;
        if (count === childSyms.length) childSyms = grown(childSyms, 2 * count);
        childSyms[count++] = y;
        if (y < lowest) lowest = y;
        if (y > highest) highest = y;
      }
      if (inWord === 1 && firstWords !== null && (highest > maxWordSym || cells[STRIDE * slot + 2]! >= 0)) {
        addFirstWord(firstWords, hash);
      }
      // Room for every slot placing this node may look at or fill (see firstFit): the cells grow here
      // if they must, not in the middle of the search.
      cells = withSlots(cells, Math.max(usedSlots, lowest) + highest + 1);
      const base =
        count === 1
          ? findFree(cells, firstFree, lowest) - lowest // fits: the only child lands on a free slot
          : firstFit(cells, firstFree, usedSlots, childSyms, count, lowest);
      cells[STRIDE * slot] = base;
      if (base > maxBase) maxBase = base;
      if (QUEUED * (nextSize + count) > next.length) next = grown(next, 2 * next.length + QUEUED * count);

      if (count === 1 && slot !== 0 && isInner(nodes, first)) {
        // A unary path starts with the only child: place that child (a step the scanner takes but never
        // lands on, so it needs no base), then the path's last node on a slot of its own. Not below the
        // root, whose chain the scanner never reads: it starts every walk on a child of the root.
        const s = base + childSyms[0]!;
        cells[STRIDE * s + 1] = slot;
        if (s + 1 > usedSlots) usedSlots = s + 1;
        const end = writePath(nodes, symOfUnit, first, chains, chainsLength);
        // The path's symbols go on with the hash as far as they are word units. No node inside a path
        // accepts, so a first word can end inside one only where a non-word unit follows.
        let pathHash = hash;
        let pathInWord = inWord;
        for (let p = chainsLength + 1; p <= chainsLength + chains[chainsLength]! && pathInWord === 1; p++) {
          const y = chains[p]!;
          if (y <= maxWordSym) {
            pathHash = Math.imul(pathHash, FIRST_WORD_MULTIPLIER) ^ y;
          } else {
            if (firstWords !== null) addFirstWord(firstWords, pathHash);
            pathInWord = 0;
          }
        }
        cells[STRIDE * slot + 3] = chainsLength;
        chainsLength += 1 + chains[chainsLength]!;
        const endSlot = findFree(cells, firstFree, firstFree);
        cells = withSlots(cells, endSlot + 1);
        cells[STRIDE * endSlot + 1] = NOBODY;
        cells[STRIDE * endSlot + 2] = nodes[NODE_FIELDS * end + ACCEPT]! - 1;
        if (endSlot + 1 > usedSlots) usedSlots = endSlot + 1;
        chains[chainsLength++] = endSlot;
        next[QUEUED * nextSize] = endSlot;
        next[QUEUED * nextSize + 1] = nodes[NODE_FIELDS * end + FIRST_CHILD]!;
        next[QUEUED * nextSize + 2] = pathHash;
        next[QUEUED * nextSize + 3] = pathInWord;
        nextSize++;
      } else {
        let x = 0;
        for (let c = first; c !== 0; c = nodes[NODE_FIELDS * c + NEXT_SIBLING]!) {
          const y = childSyms[x++]!;
          const s = base + y;
          cells[STRIDE * s + 1] = slot;
          cells[STRIDE * s + 2] = nodes[NODE_FIELDS * c + ACCEPT]! - 1;
          if (s + 1 > usedSlots) usedSlots = s + 1;
          next[QUEUED * nextSize] = s;
          next[QUEUED * nextSize + 1] = nodes[NODE_FIELDS * c + FIRST_CHILD]!;
          next[QUEUED * nextSize + 2] = Math.imul(hash, FIRST_WORD_MULTIPLIER) ^ y;
          next[QUEUED * nextSize + 3] = inWord === 1 && y <= maxWordSym ? 1 : 0;
          nextSize++;
        }
      }
      firstFree = findFree(cells, firstFree, firstFree);
    }
    if (nextSize === 0) break;
    const done = level; // becomes the array for the depth after next
    level = next;
    next = done;
    levelSize = nextSize;
    depth++;
  }
  // Any lookup base + symbol (symbol <= alphabet) must stay in bounds: an out-of-bounds typed-array
  // read would be correct (undefined !== slot) but slow.
  const size = Math.max(usedSlots, maxBase + alphabet + 1);
  return { cells: trimmed(cells, size), chains: chains.slice(0, chainsLength), maxDepth: depth };
}

/**
 * The first `size` slots of `cells`: the same array if that uses half of it or more, else a copy. (A
 * function of its own, like the other steps: code right after a long loop that V8 optimises while it
 * runs has no type feedback yet, and deoptimises, on every compile.)
 */
function trimmed(cells: Int32Array, size: number): Int32Array {
  const sized = withSlots(cells, size);
  return 2 * STRIDE * size > sized.length ? sized.subarray(0, STRIDE * size) : sized.slice(0, STRIDE * size);
}

/**
 * The base for a node with several children: try the free slots from the first one at or after the
 * lowest child's symbol as that child's place; after MAX_PROBES misses (a node with many children in
 * a well-filled stretch) place the node after every used slot, where everything is free, rather
 * than scanning on: single-child nodes fill the holes.
 *
 * The trie fills its slots almost completely (99.98% for the 10k bench glossary), so the free slots
 * are a short band between `firstFree` and `usedSlots`: scanning it cell by cell is cheaper than any
 * index. The lowest child never goes past max(usedSlots, lowest), since from there on every slot is
 * free and the node fits: so no slot past that plus the children's span is ever looked at.
 */
function firstFit(
  cells: Int32Array,
  firstFree: number,
  usedSlots: number,
  childSyms: Int32Array,
  count: number,
  lowest: number,
): number {
  for (let probe = 0, at = findFree(cells, firstFree, lowest); probe < MAX_PROBES; probe++) {
    const candidate = at - lowest;
    let fits = true;
    for (let x = 0; x < count && fits; x++) fits = cells[STRIDE * (candidate + childSyms[x]!) + 1] === FREE;
    if (fits) return candidate;
    at = findFree(cells, firstFree, at + 1);
  }
  return Math.max(usedSlots, lowest) - lowest;
}

/**
 * Writes the unary path that starts with node `first` at chains[at]: its length, then its symbols.
 * The path goes on through inner nodes and ends with the first node that is not, which it returns.
 */
function writePath(nodes: Int32Array, symOfUnit: Int32Array, first: number, chains: Int32Array, at: number): number {
  let length = 0;
  let c = first;
  for (;;) {
    chains[at + 1 + length++] = symOfUnit[nodes[NODE_FIELDS * c + UNIT]! & UNIT_MASK]!;
    if (!isInner(nodes, c)) break;
    c = nodes[NODE_FIELDS * c + FIRST_CHILD]!;
  }
  chains[at] = length;
  return c;
}

/**
 * Whether node `c`, the only child of its parent, is inner: inside a unary path, not at its end, so
 * that the scanner never lands on it. That is: no key ends there, and it has exactly one child itself.
 * (A path starts at a node with one child and goes on through inner nodes; its last node is the first
 * that is not.)
 */
function isInner(nodes: Int32Array, c: number): boolean {
  return (
    nodes[NODE_FIELDS * c + ACCEPT] === 0 &&
    nodes[NODE_FIELDS * c + FIRST_CHILD] !== 0 &&
    (nodes[NODE_FIELDS * c + UNIT]! & SEVERAL_CHILDREN) === 0
  );
}

/** The first free slot at or after `x`; every slot before `firstFree` is used, every one past the end free. */
function findFree(cells: Int32Array, firstFree: number, x: number): number {
  let s = x > firstFree ? x : firstFree;
  while (STRIDE * s < cells.length && cells[STRIDE * s + 1] !== FREE) s++;
  return s;
}

/** `cells`, or a copy grown so that slots [0, slots) exist (the new ones free). */
function withSlots(cells: Int32Array, slots: number): Int32Array {
  if (STRIDE * slots <= cells.length) return cells;
  const bigger = newCells(Math.max(slots, (2 * cells.length) / STRIDE));
  bigger.set(cells);
  return bigger;
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** `slots` free cells: base 0, and check, accept and chain -1 (FREE). */
function newCells(slots: number): Int32Array {
  const cells = new Int32Array(STRIDE * slots);
  // One free cell, then copies of ever longer runs of them: a few memmoves instead of a loop.
  cells.set([0, FREE, FREE, FREE]);
  for (let filled = STRIDE; filled < cells.length; filled *= 2) cells.copyWithin(filled, 0, filled);
  return cells;
}
