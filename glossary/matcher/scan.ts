/**
 * The hot loop: finds every occurrence of the compiled forms in a text.
 *
 * It reads the text with charCodeAt and typed-array lookups only, with no RegExp, no slicing and no
 * allocation except the TermMatch objects it returns. Matches are leftmost-longest and
 * non-overlapping: at the first position where some form matches, the longest form that matches
 * there is taken, and scanning goes on after it.
 *
 * The loop has two states. At a position where the code point before is not a letter, mark or digit
 * (a word start, or punctuation), one `unitInfo` read says whether some key starts with this code
 * unit; if so, the word is read and checked against the keys' first words (first-words.ts), and the
 * trie is walked from here only if it is one. Everywhere else it is inside a word and skips to the
 * word's end in a tight loop, since no match can start inside a word. On prose, about one character
 * in six starts a word, and few of them start a walk.
 *
 * Most of the time goes into charCodeAt itself (about 2 ns a character in Chromium on the strings
 * the DOM hands out), so the loop reads each character once, but for the words it walks from: the
 * first-word check hands over the word's end, the walk where it stopped, and the word-skipping loop
 * keeps the class of the character that ended the word.
 */
import { HIGH_SURROGATE, SOFT_HYPHEN, STARTS_FORM, WORD, isWordAt, isWordBefore, type CharTables } from './char-tables';
import { matchesExact } from './keys';
import { STRIDE, UNIT_SHIFT, type Trie } from './trie';
import type { ExactOutput, FormOutput } from './trie-builder';
import { FIRST_WORD_MULTIPLIER, firstWordMask, hasFirstWord } from './first-words';
import type { TermMatch } from './types';

export interface Compiled {
  readonly trie: Trie;
  readonly tables: CharTables;
  /** (accept index, end) pairs of the accepting nodes passed by the current walk; reused across walks. */
  readonly candidates: Int32Array;
}

/** What a text without matches gets: most of a page's texts, so no array is made for each. */
const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);

export function scan(text: string, compiled: Compiled): readonly TermMatch[] {
  let matches: TermMatch[] | null = null;
  // Everything the loop touches is hoisted into locals: no property loads per character.
  const { unitInfo, sepSym, cells, chains, exact, loose, maxWordSym, firstWords } = compiled.trie;
  const firstMask = firstWords === null ? 0 : firstWordMask(firstWords);
  const { fold, charClass } = compiled.tables;
  const candidates = compiled.candidates;
  const rootBase = cells[0]!;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Here the code point before `i` is not a letter, mark or digit: a match may start at `i`.
    const k = unitInfo[text.charCodeAt(i)]!;
    if ((k & STARTS_FORM) !== 0) {
      if ((k & WORD) !== 0 && firstWords !== null) {
        // Read the word (which is skipped anyway if nothing matches here) and walk from its start only
        // if it is some key's first word (see first-words.ts).
        let hash = k >> UNIT_SHIFT;
        let e = i + 1;
        let after = 0;
        while (e < n && ((after = unitInfo[text.charCodeAt(e)]!) & WORD) !== 0) {
          const sym = after >> UNIT_SHIFT;
          if (sym !== 0) hash = Math.imul(hash, FIRST_WORD_MULTIPLIER) ^ sym;
          e++;
        }
        // (A code point outside the BMP may go on with the word: walk then, as it is rare.)
        if ((after & HIGH_SURROGATE) === 0 && !hasFirstWord(firstWords, firstMask, hash)) {
          // Past the word and the character after it, where no match can start either.
          i = e + 1;
          continue;
        }
      }
      // Walk the trie as far as the text allows, noting each accepting node passed as an
      // (accept index, end) pair in `candidates`.
      let node = rootBase + (k >> UNIT_SHIFT);
      let count = 0;
      let j = i + 1;
      // Whether all of text[i, j) are letters, marks or digits (symbol ids up to maxWordSym).
      let onlyWordChars = k & WORD;
      for (;;) {
        const accept = cells[STRIDE * node + 2]!;
        if (accept >= 0) {
          candidates[count++] = accept;
          candidates[count++] = j;
        }
        if (j >= n) break;
        // One double-array step. It also takes the first symbol of a unary path (whose first node has
        // a slot, see trie.ts), so the walks that reach a path and fail at once, which are most of
        // them, never read `chains`.
        let c = text.charCodeAt(j);
        let sym = unitInfo[c]! >> UNIT_SHIFT;
        let next = cells[STRIDE * node]! + sym;
        if (cells[STRIDE * next + 1] !== node) {
          if (c !== SOFT_HYPHEN) break;
          // Invisible inside a word: step over it, from the same node (whose accept is already noted).
          do j++;
          while (j < n && text.charCodeAt(j) === SOFT_HYPHEN);
          if (j >= n) break;
          c = text.charCodeAt(j);
          sym = unitInfo[c]! >> UNIT_SHIFT;
          next = cells[STRIDE * node]! + sym;
          if (cells[STRIDE * next + 1] !== node) break;
        }
        j++;
        if (sym > maxWordSym) {
          onlyWordChars = 0;
          if (sym === sepSym) j = skipSeparators(text, j, unitInfo, sepSym);
        }
        const chain = cells[STRIDE * node + 3]!;
        if (chain < 0) {
          node = next;
          continue;
        }
        // A unary path (see trie.ts) whose first symbol matched: compare the rest in a row, then land
        // on its last node.
        const last = chain + chains[chain]!;
        let p = chain + 2;
        for (; p <= last && j < n; p++) {
          c = text.charCodeAt(j);
          sym = unitInfo[c]! >> UNIT_SHIFT;
          if (sym !== chains[p]) {
            if (c !== SOFT_HYPHEN) break;
            j++; // invisible inside a word: the path goes on after it
            p--;
            continue;
          }
          j++;
          if (sym > maxWordSym) {
            onlyWordChars = 0;
            if (sym === sepSym) j = skipSeparators(text, j, unitInfo, sepSym);
          }
        }
        if (p <= last) break;
        node = chains[p]!;
      }
      // Deepest first (leftmost-longest): the first candidate followed by a word boundary whose
      // case rule holds.
      let end = -1;
      for (let q = count - 2; q >= 0; q -= 2) {
        const e = candidates[q + 1]!;
        if (e < n) {
          const after = charClass[text.charCodeAt(e)]!;
          if ((after & WORD) !== 0 || ((after & HIGH_SURROGATE) !== 0 && isWordAt(text, e, charClass))) continue;
        }
        const accept = candidates[q]!;
        const spellings = exact[accept]!;
        const output = spellings === null ? loose[accept]! : resolve(spellings, loose[accept]!, text, i, e, fold);
        if (output !== null) {
          (matches ??= []).push({ entryId: output.entryId, entry: output.entry, start: i, end: e, form: output.form });
          end = e;
          break;
        }
      }
      if (end >= 0) {
        i = end;
        // A match that ends in punctuation ("inhibitors'") may be followed right away by another.
        if (!isWordBefore(text, end, charClass)) continue;
        // Otherwise text[end] is no word character (the boundary) but cannot start a match: below.
      } else if (onlyWordChars !== 0) {
        // The walk read only this word's characters: skip the rest of it from where the walk stopped.
        i = j;
      } else if ((k & WORD) !== 0) {
        i++;
      } else if ((k & HIGH_SURROGATE) === 0) {
        // A form starting with punctuation ("(R)-ketamine") did not match here; the next may.
        i++;
        continue;
      }
    } else if ((k & WORD) !== 0) {
      i++;
    } else if ((k & HIGH_SURROGATE) === 0) {
      i++;
      continue;
    }
    // Inside a word: skip to its end, and past the first character after it, where no match can
    // start either (the character before it is a letter, mark or digit).
    for (;;) {
      // The class bits of the character after the word, kept from the loop: reading that character
      // again is a dependent load chain once per word (it cost ~15% of a scan of the bench pages).
      let after = 0;
      while (i < n && ((after = unitInfo[text.charCodeAt(i)]!) & WORD) !== 0) i++;
      if (i >= n) break;
      if ((after & HIGH_SURROGATE) === 0) {
        i++;
        break;
      }
      // Rare: a code point outside the BMP. A letter (U+1D400) continues the word; anything else
      // (an emoji) ends it like punctuation.
      const word = isWordAt(text, i, charClass);
      const lo = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      i += lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1;
      if (!word) break;
    }
  }
  return matches ?? NO_MATCHES;
}

/** Skips a run of separators ("checkpoint \n inhibitor"): the whole run is one separator symbol. */
function skipSeparators(text: string, j: number, unitInfo: Int32Array, sepSym: number): number {
  while (j < text.length && unitInfo[text.charCodeAt(j)]! >> UNIT_SHIFT === sepSym) j++;
  return j;
}

/** Case-sensitive spellings first (an exact "CAT" beats the word "cat"), then the case-insensitive form. */
function resolve(
  exact: readonly ExactOutput[],
  loose: FormOutput | null,
  text: string,
  start: number,
  end: number,
  fold: Uint16Array,
): FormOutput | null {
  for (let i = 0; i < exact.length; i++) {
    const spelling = exact[i]!;
    if (matchesExact(text, start, end, spelling.exact, fold)) return spelling.output;
  }
  return loose;
}
