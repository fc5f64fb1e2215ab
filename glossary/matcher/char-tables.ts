/**
 * Per-code-unit lookup tables for the matcher.
 *
 * The scanner never calls toLowerCase() or a RegExp per character: it reads typed arrays indexed by
 * the UTF-16 code unit. These shared tables are built once per module, on first use (so a page whose
 * glossary is empty pays nothing); each compiled matcher derives its own `unitInfo` from them.
 */

/** The one symbol every separator (whitespace, hyphen) folds to. Runs of separators count as one. */
export const SEP = 0x20;

/** `charClass` bits. No bit set: any other character (punctuation, separators). */
export const OTHER = 0;
/** A letter, mark or digit of any script (\p{L}\p{M}\p{N}): a match may not touch one. */
export const WORD = 1;
/** A high surrogate: the scanner decodes the pair and asks `isWordCodePoint` (rare, so slow is fine). */
export const HIGH_SURROGATE = 2;
/**
 * Set per compiled matcher, in its `unitInfo` (trie.ts): some form starts with this code unit. One
 * load per character then tells the scanner both whether it is in a word and whether to try a walk.
 */
export const STARTS_FORM = 4;
/** A low surrogate: the second half of a code point outside the BMP. */
export const LOW_SURROGATE = 8;

/**
 * U+00AD SOFT HYPHEN: invisible unless a line breaks there. Publishing systems and hyphenation
 * scripts put it inside long words ("immuno\u00ADtherapy"), so it is part of the word (WORD in
 * `charClass`: no match starts or ends next to it) and the scanner steps over it inside a form.
 */
export const SOFT_HYPHEN = 0xad;

export interface CharTables {
  /**
   * Code unit -> folded code unit. Letters map to their lowercase when that is a single code unit
   * (so folding never changes a string's length and offsets map 1:1 back into the page text: 'İ'
   * U+0130, whose lowercase is two units, folds to itself). Every separator maps to SEP, and the
   * typographic apostrophe U+2019 to "'", so "Crohn’s" and "Crohn's" are one key.
   */
  readonly fold: Uint16Array;
  /** Folded unit -> the other code units that fold to it (for the few that have any). */
  readonly unfold: ReadonlyMap<number, readonly number[]>;
  /** Code unit -> WORD, HIGH_SURROGATE or LOW_SURROGATE bits (never STARTS_FORM here). */
  readonly charClass: Uint8Array;
}

/**
 * Separators inside multi-word forms: the hyphens U+002D, U+2010 (hyphen) and U+2011 (non-breaking
 * hyphen). Every code unit that JavaScript's \s accepts (space, tab, line breaks, no-break space
 * U+00A0, narrow no-break space U+202F, the U+2000 spaces, U+3000, ...) is a separator too. En and
 * em dashes are not: "checkpoint–inhibitor" is punctuation between two words, not a compound.
 */
const HYPHENS = [0x2d, 0x2010, 0x2011];
const WHITESPACE_G = /\s/g;
const WORD_RUNS_G = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Case mapping is looked at per block of this many code units (see buildCharTables). */
const BLOCK = 256;
/**
 * Ranges made only of letters without case, filled without asking the RegExp or toLowerCase: CJK
 * ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) and Hangul syllables (U+AC00–U+D7A3), 60% of the BMP.
 * (An engine on a Unicode version before 14 would have a few of these unassigned; treating them as
 * letters is harmless.) The private use area U+E000–U+F8FF has neither case nor letters.
 */
const CASELESS_LETTERS: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dc0],
  [0x4e00, 0xa000],
  [0xac00, 0xd7a4],
];
const PRIVATE_USE: readonly [number, number] = [0xe000, 0xf900];

let tables: CharTables | undefined;

export function getCharTables(): CharTables {
  return (tables ??= buildCharTables());
}

/**
 * Builds the tables from a few whole-string operations on a string of all BMP code units, touching
 * single units only where there is something to record: this runs on every page the content script
 * is injected into, where a loop calling toLowerCase and RegExp#test 65,536 times cost ~20 ms.
 */
export function buildCharTables(): CharTables {
  const fold = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) fold[c] = c;
  // Every BMP code unit in order, except that surrogates (which would pair up into astral code
  // points) and the ranges handled wholesale are U+0000: no letter, no case, no space.
  const units = fold.slice();
  units.fill(0, 0xd800, 0xe000);
  units.fill(0, PRIVATE_USE[0], PRIVATE_USE[1]);
  for (const [from, to] of CASELESS_LETTERS) units.fill(0, from, to);
  let all = new TextDecoder('utf-16le').decode(units);
  if (all.length !== 65536 || all.charCodeAt(0x41) !== 0x41) {
    // Not expected anywhere (it would take a big-endian engine): build the string the slow way.
    all = '';
    for (let c = 0; c < 65536; c += 1024) all += String.fromCharCode(...units.subarray(c, c + 1024));
  }

  const charClass = new Uint8Array(65536);
  for (const run of all.matchAll(WORD_RUNS_G)) charClass.fill(WORD, run.index, run.index + run[0].length);
  for (const [from, to] of CASELESS_LETTERS) charClass.fill(WORD, from, to);
  charClass[SOFT_HYPHEN] = WORD;
  charClass.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
  charClass.fill(LOW_SURROGATE, 0xdc00, 0xe000);

  // Single-unit lowercase and uppercase, as differences from the unit (0: none, or a mapping longer
  // than one unit, as for 'İ' -> "i̇" and 'ß' -> "SS"). Most blocks have no case at all and are
  // skipped whole; a block whose mapping keeps its length maps unit for unit.
  const lower = new Int32Array(65536);
  const upper = new Int32Array(65536);
  const casedBlocks: number[] = [];
  for (let start = 0; start < 65536; start += BLOCK) {
    const block = all.slice(start, start + BLOCK);
    const lo = block.toLowerCase();
    const up = block.toUpperCase();
    if (lo === block && up === block) continue;
    casedBlocks.push(start);
    for (let p = 0; p < BLOCK; p++) {
      const c = start + p;
      const l = lo.length === BLOCK ? lo.charCodeAt(p) : single(String.fromCharCode(c).toLowerCase(), c);
      const u = up.length === BLOCK ? up.charCodeAt(p) : single(String.fromCharCode(c).toUpperCase(), c);
      lower[c] = l - c;
      upper[c] = u - c;
    }
  }
  // Σ lowercases to final ς at the end of a word; as a table entry it is plain σ.
  lower[0x3a3] = 0x3c3 - 0x3a3;

  const changed: number[] = [];
  for (const start of casedBlocks) {
    for (let c = start; c < start + BLOCK; c++) {
      if (lower[c] !== 0) {
        fold[c] = c + lower[c]!;
      } else if (upper[c] !== 0) {
        // A letter without a lowercase of its own whose uppercase lowercases to another letter:
        // final sigma 'ς' -> 'σ', long s 'ſ' -> 's', micro sign 'µ' -> 'μ', dotless 'ı' -> 'i'.
        const u = c + upper[c]!;
        fold[c] = u + lower[u]!;
      }
      if (fold[c] !== c) changed.push(c);
    }
  }
  for (const m of all.matchAll(WHITESPACE_G)) {
    fold[m.index] = SEP;
    changed.push(m.index);
  }
  for (const h of HYPHENS) {
    fold[h] = SEP;
    changed.push(h);
  }
  fold[0x2019] = 0x27;
  changed.push(0x2019);

  const unfold = new Map<number, number[]>();
  for (const c of changed) {
    const f = fold[c]!;
    if (f === c) continue;
    const list = unfold.get(f);
    if (list === undefined) unfold.set(f, [c]);
    else if (!list.includes(c)) list.push(c);
  }
  return { fold, unfold, charClass };
}

function single(mapped: string, c: number): number {
  return mapped.length === 1 ? mapped.charCodeAt(0) : c;
}

/** Whether a code point (astral included) is a letter, mark or digit. Only for the rare cases. */
export function isWordCodePoint(cp: number): boolean {
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * Whether the code point starting at `pos` is a letter, mark or digit; false at the end of text.
 * `charClass` is the shared table or a matcher's `unitInfo` (only the WORD and surrogate bits count).
 */
export function isWordAt(text: string, pos: number, charClass: Uint8Array | Int32Array): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  const k = charClass[c]!;
  if ((k & WORD) !== 0) return true;
  if ((k & HIGH_SURROGATE) === 0 || pos + 1 >= text.length) return false;
  const lo = text.charCodeAt(pos + 1);
  if (lo < 0xdc00 || lo > 0xdfff) return false;
  return isWordCodePoint(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
}

/** Whether the code point ending just before `pos` is a letter, mark or digit; false at 0. */
export function isWordBefore(text: string, pos: number, charClass: Uint8Array | Int32Array): boolean {
  if (pos <= 0) return false;
  const c = text.charCodeAt(pos - 1);
  if (c >= 0xdc00 && c <= 0xdfff && pos >= 2) {
    const hi = text.charCodeAt(pos - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) {
      return isWordCodePoint(((hi - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
    }
  }
  return (charClass[c]! & WORD) !== 0;
}
