/**
 * Choosing the long form that an abbreviation abbreviates.
 *
 * For "… long form (SF)" the long form ends just before the parenthesis and starts at some earlier
 * word, no further back than the clause allows (Schwartz & Hearst: at most min(|SF| + 5, 2·|SF|)
 * words, within the sentence). Every possible first word is scored by alignment.ts; the best score
 * wins, and on a tie the shorter long form, since extra words in front are usually context ("the",
 * "serum", "a novel"). The same chooser serves "SF (long form)" and "(long form, SF)", with the
 * window given by the caller.
 */
import { alignByFirstWord, alignmentIsStrict, shortFormKey, splitWords, type WordAlignment, type Word } from './alignment';
import { GREEK_NAMES, isSpace } from './chars';
import { clauseWords } from './clause';

export interface LongFormMatch {
  start: number;
  end: number;
  alignment: WordAlignment;
}

export interface LongFormOptions {
  /** Most words the long form may have. */
  maxWords: number;
  /** The long form must start at the window's first word (for "SF (long form)"). */
  fromFirstWord?: boolean;
}

/** Schwartz & Hearst's window: min(|SF| + 5, 2·|SF|) words. */
export function defaultMaxWords(key: readonly string[]): number {
  const n = key.length;
  return Math.max(1, Math.min(n + 5, n * 2));
}

/**
 * The best long form spelling `key` among the phrases that end at `end` and start at a word at or
 * after `windowStart`, or null.
 */
export function chooseLongForm(
  text: string,
  key: readonly string[],
  windowStart: number,
  end: number,
  options: LongFormOptions,
): LongFormMatch | null {
  if (key.length === 0) return null;
  if (!options.fromFirstWord) windowStart = startOfLastWords(text, windowStart, end, options.maxWords);
  const allWords = clauseWords(text, splitWords(text, windowStart, end));
  if (options.fromFirstWord && allWords.length > 0 && allWords[0]?.start !== trimStart(text, windowStart, end)) return null;
  const words = allWords.slice(Math.max(0, allWords.length - options.maxWords));
  if (words.length === 0) return null;
  const alignments = alignByFirstWord(key, text, words);
  let bestIndex = -1;
  let best: WordAlignment | null = null;
  // Nearest first, so that a tie keeps the shorter long form.
  for (let w = options.fromFirstWord ? 0 : words.length - 1; w >= 0; w--) {
    const alignment = alignments[w];
    // A long form starts with a content word, not "of", "to a" or "with".
    if (!alignment || !(words[w] as Word).content) continue;
    // Across ", " only when every item is spelled ("Deese, Roediger, and McDermott (DRM)"), not to
    // reach a letter in the previous item ("psoriasis, 8-methoxypsoralen plus UVA irradiation").
    // A last word the letters leave out is the head noun the items share: "Non-A, non-B hepatitis (NANB)".
    if (!spellsEveryItem(alignment) && hasCommaBreak(text, (words[w] as Word).start, end)) continue;
    if (!best || alignment.score > best.score) {
      best = alignment;
      bestIndex = w;
    }
  }
  if (!best || bestIndex < 0) return null;
  const firstWord = words[bestIndex] as Word;
  const lastWord = words[words.length - 1] as Word;
  let from = firstWord.start;
  let to = lastWord.end;
  if (best.firstKind === 2 && startsAfterPrefix(text, firstWord.start, best.firstIndex)) from = best.firstIndex;
  // An opening bracket or quote that the long form does not close belongs to the surrounding text.
  while (from < to && isOpener(text[from]) && !closesWithin(text, from, to)) from++;
  while (to > from && /[,;:]/.test(text[to - 1] ?? '')) to--;
  // A quoted long form, '"astigmatic intensity equation" (AIE)': the quotes are not part of it.
  if (to - from > 2 && isQuote(text[from]) && isQuote(text[to - 1])) {
    from++;
    to--;
  }
  if (from >= to) return null;
  return { start: from, end: to, alignment: best };
}

/** Strict but for one trailing word: every content word spelled from its start, nothing skipped. */
function spellsEveryItem(alignment: WordAlignment): boolean {
  if (alignment.trailing > 1 || alignment.skipped > 0) return false;
  return alignment.wordStarts + alignment.partStarts >= alignment.contentWords - alignment.trailing;
}

/** Where the last `count` whitespace-separated words of text[start, end) begin: no need to split more. */
function startOfLastWords(text: string, start: number, end: number, count: number): number {
  let words = 0;
  let i = end;
  while (i > start) {
    while (i > start && isSpace(text[i - 1])) i--;
    if (i === start || words === count) break;
    while (i > start && !isSpace(text[i - 1])) i--;
    words++;
  }
  return Math.max(start, i);
}

function hasCommaBreak(text: string, start: number, end: number): boolean {
  const at = text.indexOf(', ', start);
  return at >= 0 && at < end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text[start])) start++;
  return start;
}

/**
 * Whether the short form's first letter, matched after a hyphen or slash inside the first word, marks
 * where the long form starts: "anti-human immunodeficiency virus (HIV)" defines HIV as "human
 * immunodeficiency virus", "Ngn3/paired box factor 6 (PAX6)" defines PAX6 without "Ngn3". A prefix
 * without letters is a chemical locant and stays: "2,3-diaminonaphthalene (DAN)".
 */
function startsAfterPrefix(text: string, wordStart: number, at: number): boolean {
  const separator = text[at - 1];
  if (separator !== '-' && separator !== '/') return false;
  const letters = text.slice(wordStart, at - 1).replace(/[^\p{L}]/gu, '');
  // One letter is part of the name ("c-Jun", "N-acetyl", "[125I]-"), and so is a Greek letter ("Delta-9-").
  return letters.length >= 2 && !GREEK_WORDS.has(letters.toLowerCase());
}

const GREEK_WORDS: ReadonlySet<string> = new Set(Object.values(GREEK_NAMES));

function isQuote(ch: string | undefined): boolean {
  return ch === '"' || ch === '“' || ch === '”';
}

function isOpener(ch: string | undefined): boolean {
  return ch === '(' || ch === '[' || ch === '"' || ch === '“' || ch === "'" || ch === '‘';
}

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '"': '"', '“': '”', "'": "'", '‘': '’' };

function closesWithin(text: string, open: number, end: number): boolean {
  const closer = CLOSER[text[open] as string];
  return closer !== undefined && text.indexOf(closer, open + 1) !== -1 && text.indexOf(closer, open + 1) < end;
}

/**
 * Last resort for an acronym whose letters are the initials of the words before it in another order,
 * as when the acronym comes from another language or word order: "myotonic dystrophy (DM)" (dystrophia
 * myotonica). The words must be exactly as many as the letters,
 * with only function words between them, so chance matches are rare.
 */
export function permutedInitials(text: string, short: string, windowStart: number, end: number): LongFormMatch | null {
  if (!/^\p{Lu}\p{L}{1,5}$/u.test(short)) return null;
  const key = shortFormKey(short);
  const words = clauseWords(text, splitWords(text, windowStart, end));
  const initials: string[] = [];
  let first = -1;
  for (let w = words.length - 1; w >= 0 && initials.length < key.length; w--) {
    const word = words[w] as Word;
    if (!word.content) continue;
    const initial = text.slice(word.start, word.end).match(/[\p{L}\p{N}]/u)?.[0];
    if (!initial) return null;
    initials.push(initial.toLowerCase());
    first = w;
  }
  if (initials.length < key.length || first < 0) return null;
  if ([...initials].sort().join('') !== [...key].sort().join('')) return null;
  const start = (words[first] as Word).start;
  const stop = (words[words.length - 1] as Word).end;
  const alignment: WordAlignment = {
    score: 0, wordStarts: key.length, partStarts: 0, inside: 0, skipped: 0, trailing: 0,
    contentWords: key.length, firstIndex: start, firstKind: 3,
  };
  return { start, end: stop, alignment };
}
