/**
 * Aligns the letters of a short form with a stretch of text that may be its long form.
 *
 * Schwartz & Hearst match the short form's characters right to left, greedily, anywhere in the
 * words before the parenthesis. Greedy matching is blind to *where* a letter matches, so it cannot
 * tell "multiple sclerosis (MS)" from "model of multiple sclerosis (MS)". Here a small dynamic
 * programme finds, for every possible first word, the alignment that best explains the short form:
 * letters that start words count most, letters inside words count nothing (they are allowed: "PEPCase"
 * is "phosphoenolpyruvate carboxylase"), and every content word the short form skips costs points. One
 * pass right to left scores every first word at once, in O(short × long) time.
 */
import { GREEK_NAMES, STOP_WORDS, bareWord, isAlnum, isDigit, isLetter, isLower, isSpace, isUpper } from './chars';

/** Score of a letter matched at the start of a word, after a hyphen or similar, or inside a word. */
const WORD_START = 3;
const PART_START = 2;
const INSIDE = 0;
/** Cost of a content word between two matched letters that the short form does not spell. */
const SKIPPED_WORD = 4;
/** Cost of a content word after the last matched letter ("substance P-saporin conjugate (SP-SAP)"). */
const TRAILING_WORD = 1;

export interface Word {
  start: number;
  end: number;
  /** False for stop words and for words without letters or digits ("-", "&"). */
  content: boolean;
}

export interface WordAlignment {
  score: number;
  /** Letters matched at a word start, at a part start ("-beta", "IL6"), inside a word. */
  wordStarts: number;
  partStarts: number;
  inside: number;
  /** Content words the short form skips, and content words after its last letter. */
  skipped: number;
  trailing: number;
  /** Content words from the first word to the end. */
  contentWords: number;
  /** Where the short form's first letter matched in the text, and whether it starts the word (3) or a part (2). */
  firstIndex: number;
  firstKind: 2 | 3;
  /** For each letter of the key, where it matched: 3 word start, 2 part start, 1 inside a word. */
  kinds?: (1 | 2 | 3)[];
}

interface Unit {
  ch: string;
  /** 0 not a letter or digit, 1 inside a word, 2 start of a part of a word, 3 start of a word. */
  kind: 0 | 1 | 2 | 3;
  word: number;
  /** Offset of the character in the text. */
  index: number;
}

/** The short form's letters and digits, lower-cased, Greek letters spelled out. */
export function shortFormKey(short: string): string[] {
  const out: string[] = [];
  for (const ch of short) {
    const greek = greekName(ch);
    if (greek) out.push(...greek);
    else if (isAlnum(ch)) out.push(lower(ch));
  }
  return out;
}

function lower(ch: string): string {
  const low = ch.toLowerCase();
  // A few letters lower-case to two code units (İ): keep them as they are rather than shift indexes.
  return low.length === ch.length ? low : ch;
}

/**
 * Splits text[start, end) into words: at whitespace, and at a slash between two names ("wet/dry",
 * "(SCID)/beige", "Ngn3/paired box factor 6"), since a slash joins alternatives, not parts of a word.
 * "+/-" stays one word.
 */
export function splitWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text[i])) i++;
    if (i >= end) break;
    const wordStart = i;
    while (i < end && !isSpace(text[i]) && !isSlashBreak(text, i, wordStart)) i++;
    const bare = bareWord(text, wordStart, i);
    if (i > wordStart) words.push({ start: wordStart, end: i, content: bare.length > 0 && !STOP_WORDS.has(bare) });
    if (text[i] === '/') i++;
  }
  return words;
}

function isSlashBreak(text: string, i: number, wordStart: number): boolean {
  if (text[i] !== '/' || i === wordStart) return false;
  const before = text[i - 1];
  return (isAlnum(before) || before === ')' || before === ']') && isAlnum(text[i + 1]);
}

/**
 * Words that a short form writes as a digit or sign, so that "two-dimensional (2D)", "six-repetition
 * maximum (6-RM)" and "END phenomenon positive (END+)" align. Their units come first, then the
 * word's own letters, so either reading can match.
 */
const SYMBOL_WORDS: Readonly<Record<string, string>> = {
  positive: '+', negative: '-',
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8',
  ninth: '9', tenth: '10', single: '1', double: '2', triple: '3',
};

function greekName(ch: string | undefined): string | undefined {
  // Only the Greek block can hold one; skip the table lookup for everything else.
  return ch !== undefined && ch.charCodeAt(0) >= 0x370 && ch.charCodeAt(0) <= 0x3ff ? GREEK_NAMES[ch] : undefined;
}

function toUnits(text: string, words: readonly Word[]): Unit[] {
  const units: Unit[] = [];
  words.forEach((word, index) => {
    const raw = text.slice(word.start, word.end);
    const lowered = raw.toLowerCase();
    const low = lowered.length === raw.length ? lowered : raw;
    let prevAlnum = false;
    let prevLetter = false;
    let prevDigit = false;
    let prevLower = false;
    let seenAlnum = false;
    let seenLetter = false;
    for (let i = word.start; i < word.end; i++) {
      const ch = text[i] as string;
      const greek = greekName(ch);
      const letter = greek !== undefined || isLetter(ch);
      const digit = !letter && isDigit(ch);
      if (!letter && !digit) {
        units.push({ ch, kind: 0, word: index, index: i });
        prevAlnum = prevLetter = prevDigit = prevLower = false;
        continue;
      }
      let kind: Unit['kind'];
      // The first letter after a chemical locant ("2,3-diaminonaphthalene", "5-HT") starts the word too.
      if (!seenAlnum || (!seenLetter && letter && !prevAlnum)) kind = 3;
      else if (!prevAlnum || greek) kind = 2;
      else if (prevLetter && digit) kind = 2; // "IL6", "CD40"
      else if (prevDigit && letter) kind = 2; // "1beta"
      else if (prevLower && isUpper(ch)) kind = 2; // "PEPCase", "NoRs"
      else kind = 1;
      // British "oe"/"ae" at the start of a word is "e" in American spelling: "oestradiol (E2)", "aetiology".
      if (kind === 1 && low[i - word.start] === 'e' && isBritishDigraph(text, low, word.start, i)) kind = 3;
      seenAlnum = true;
      if (letter) seenLetter = true;
      if (kind >= 2 && letter) {
        const symbols = symbolWordAt(text, i, word.end);
        for (const symbol of symbols) units.push({ ch: symbol, kind, word: index, index: i });
      }
      if (greek) {
        units.push({ ch: greek[0] as string, kind, word: index, index: i });
        for (const g of greek.slice(1)) units.push({ ch: g, kind: 1, word: index, index: i });
      } else {
        units.push({ ch: low[i - word.start] as string, kind, word: index, index: i });
      }
      prevAlnum = true;
      prevLetter = letter;
      prevDigit = digit;
      prevLower = !greek && isLower(ch);
    }
  });
  return units;
}

function isBritishDigraph(text: string, low: string, wordStart: number, at: number): boolean {
  const before = low[at - wordStart - 1];
  return at - 1 === wordStart && (before === 'o' || before === 'a') && isLetter(text[at + 1]);
}

/** The digits or sign of a word in SYMBOL_WORDS starting at `at`, or "". */
function symbolWordAt(text: string, at: number, end: number): string {
  let stop = at;
  while (stop < end && isLetter(text[stop]) && stop - at < 9) stop++;
  if (stop < end && isLetter(text[stop])) return '';
  return SYMBOL_WORDS[text.slice(at, stop).toLowerCase()] ?? '';
}

const SCORE_OF_KIND = [0, INSIDE, PART_START, WORD_START] as const;

/**
 * For each word of `words`, the best alignment of `key` (from shortFormKey) with the text from that
 * word to the end of the last word, or null when the short form cannot be spelled from there. The
 * first letter of the short form must start the first word or a part of it (Schwartz & Hearst's rule).
 */
export function alignByFirstWord(key: readonly string[], text: string, words: readonly Word[]): (WordAlignment | null)[] {
  const result: (WordAlignment | null)[] = words.map(() => null);
  const m = key.length;
  if (m === 0 || words.length === 0) return result;
  const units = toUnits(text, words);
  const n = units.length;
  // contentBefore[w] = content words with index < w
  const contentBefore = new Int32Array(words.length + 1);
  words.forEach((word, w) => {
    contentBefore[w + 1] = (contentBefore[w] as number) + (word.content ? 1 : 0);
  });
  const totalContent = contentBefore[words.length] as number;
  const best = new Float64Array(m * n).fill(-Infinity);
  const next = new Int32Array(m * n).fill(-1);

  for (let i = m - 1; i >= 0; i--) {
    const want = key[i];
    let laterMax = -Infinity; // over later words: best[i+1][j'] - SKIPPED_WORD * contentBefore[w(j')]
    let laterArg = -1;
    let sameMax = -Infinity; // over later positions of the current word
    let sameArg = -1;
    let currentWord = -1;
    for (let j = n - 1; j >= 0; j--) {
      const unit = units[j] as Unit;
      if (unit.word !== currentWord) {
        if (sameArg >= 0) {
          const adjusted = sameMax - SKIPPED_WORD * (contentBefore[currentWord] as number);
          if (adjusted > laterMax) {
            laterMax = adjusted;
            laterArg = sameArg;
          }
        }
        sameMax = -Infinity;
        sameArg = -1;
        currentWord = unit.word;
      }
      if (unit.kind !== 0 && unit.ch === want) {
        const own = SCORE_OF_KIND[unit.kind];
        if (i === m - 1) {
          const after = totalContent - (contentBefore[unit.word + 1] as number);
          best[i * n + j] = own - TRAILING_WORD * after;
        } else {
          const viaLater = laterArg >= 0 ? laterMax + SKIPPED_WORD * (contentBefore[unit.word + 1] as number) : -Infinity;
          if (sameArg >= 0 && sameMax >= viaLater) {
            best[i * n + j] = own + sameMax;
            next[i * n + j] = sameArg;
          } else if (laterArg >= 0) {
            best[i * n + j] = own + viaLater;
            next[i * n + j] = laterArg;
          }
        }
      }
      if (i < m - 1) {
        const value = best[(i + 1) * n + j] as number;
        if (value > sameMax) {
          sameMax = value;
          sameArg = j;
        }
      }
    }
  }

  // The first letter: at a word or part start of the first word of the long form.
  for (let j = 0; j < n; j++) {
    const unit = units[j] as Unit;
    const score = best[j] as number;
    if (unit.kind < 2 || score === -Infinity) continue;
    const current = result[unit.word];
    if (current && current.score >= score) continue;
    result[unit.word] = describe(units, words, next, n, m, j, score);
  }
  return result;
}

function describe(
  units: readonly Unit[],
  words: readonly Word[],
  next: Int32Array,
  n: number,
  m: number,
  first: number,
  score: number,
): WordAlignment {
  const firstUnit = units[first] as Unit;
  const alignment: WordAlignment = {
    score,
    wordStarts: 0,
    partStarts: 0,
    inside: 0,
    skipped: 0,
    trailing: 0,
    contentWords: 0,
    firstIndex: firstUnit.index,
    firstKind: firstUnit.kind === 3 ? 3 : 2,
    kinds: [],
  };
  const firstWord = firstUnit.word;
  const covered = new Set<number>();
  let j = first;
  for (let i = 0; i < m && j >= 0; i++) {
    const unit = units[j] as Unit;
    if (unit.kind === 3) alignment.wordStarts++;
    else if (unit.kind === 2) alignment.partStarts++;
    else alignment.inside++;
    covered.add(unit.word);
    alignment.kinds?.push(unit.kind === 0 ? 1 : unit.kind);
    j = i < m - 1 ? (next[i * n + j] as number) : -1;
  }
  const lastCovered = Math.max(...covered);
  for (let w = firstWord; w < words.length; w++) {
    if (!(words[w] as Word).content) continue;
    alignment.contentWords++;
    if (covered.has(w)) continue;
    if (w > lastCovered) alignment.trailing++;
    else alignment.skipped++;
  }
  return alignment;
}

/**
 * A clean alignment: no content word skipped or left after the last letter, and every content word
 * spelled from its start (or the start of a part, "p-xylene"). Used where the context alone gives no
 * assurance that a definition is meant.
 */
export function alignmentIsStrict(alignment: WordAlignment): boolean {
  return alignment.skipped === 0 && alignment.trailing === 0 && alignment.wordStarts + alignment.partStarts >= alignment.contentWords;
}
