/**
 * The first words of the keys, as a set of hashes the scanner checks a page's word against before it
 * walks the trie from the word's start.
 *
 * A walk reads the trie at every character it takes. With a small glossary most walks stop after a
 * character or two; with a large one nearly every word of a page is the start of some key ("the" of
 * "theophylline"), so walks go through whole words, a few dependent reads of a large array per
 * character. A match that starts at a word, though, always takes that whole word: it may not end
 * next to a letter, and where its key goes on past its first word, the text must go on with the same
 * punctuation or separator. So the page's word must be a key's first word, which the scanner checks
 * with one lookup while it reads the word anyway (it has to skip it either way). On the bench's 5 MB
 * page the scanner then walks from one word in six with the 10,000-entry glossary (from nearly every
 * word without the check), one in thirty with the built-in one.
 *
 * A word is a run of letters, marks and digits; its hash is over the symbols of its code units (so
 * case folding is the trie's, for free), leaving out units that are in no key: of those, a match can
 * only step over a soft hyphen, and leaving the others out can only make a word look like a first
 * word when it is not (the walk then finds nothing, as it would have anyway). The set is a bit set
 * indexed by the hash, at least 8 bits per first word, so few words that are no first word pass.
 */

/** The hash of a word is its first symbol, then `imul(hash, FIRST_WORD_MULTIPLIER) ^ symbol` per symbol. */
export const FIRST_WORD_MULTIPLIER = 0x01000193;

/**
 * An empty set for a trie with `acceptCount` accepting nodes (trie.ts fills it while it places the
 * nodes). Each first word ends at a node that some key ends at or below, and each key's first word
 * ends at one node: so there are no more first words than accepting nodes, which sizes the set.
 */
export function emptyFirstWords(acceptCount: number): Int32Array {
  let size = 1024;
  while (size < 8 * acceptCount) size *= 2;
  return new Int32Array(size >>> 5);
}

export function addFirstWord(bits: Int32Array, hash: number): void {
  const bit = bitOf(hash, firstWordMask(bits));
  bits[bit >>> 5]! |= 1 << (bit & 31);
}

/** Whether a word's hash may be a first word's. `mask` is `firstWordMask(bits)`, which callers keep. */
export function hasFirstWord(bits: Int32Array, mask: number, hash: number): boolean {
  const bit = bitOf(hash, mask);
  return (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

export function firstWordMask(bits: Int32Array): number {
  return 32 * bits.length - 1;
}

function bitOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}
