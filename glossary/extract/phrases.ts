/**
 * Abbreviations defined in words rather than by brackets alone:
 *   "selective internal radiation therapy, also known as SIRT, …"   (long form, marker, short form)
 *   "SIRT, also known as selective internal radiation therapy, …"   (short form, marker, long form)
 *   "the Medical Outcomes Study, hereafter MOS, …"
 * and the bracketed "(hereafter SIRT)", "(also known as SIRT)", which abbreviations.ts reads with
 * stripMarker(). The markers are fixed phrases matched by one linear regular expression.
 */
import { alignmentIsStrict } from './alignment';
import { MAX_TOKEN, isSpace, skipSpacesBack, tokenStartBefore } from './chars';
import { clauseStart, MAX_WINDOW_CHARS } from './clause';
import { chooseLongForm, defaultMaxWords } from './long-form';
import { keyForShortForm } from './short-form-keys';
import { looksLikeAbbreviation } from './short-form';
import type { AbbreviationPair } from './types';

const MARKERS =
  'also known as|also called|also termed|also referred to as|hereafter referred to as|hereafter called|hereafter|' +
  'hereinafter referred to as|hereinafter called|hereinafter|henceforth|abbreviated as|abbreviated|known as|referred to as';

/** ", also known as " between two phrases. Alternatives of fixed words: no backtracking blow-up. */
const MARKER_BETWEEN = new RegExp(`,\\s(?:${MARKERS})\\s`, 'gi');
/** A marker opening a bracket: "(hereafter SIRT)". */
const MARKER_AT_START = new RegExp(`^(?:${MARKERS})\\s+`, 'i');

/** Offset just after a leading marker in text[start, end), or `start` when there is none. */
export function stripMarker(text: string, start: number, end: number): number {
  const match = MARKER_AT_START.exec(text.slice(start, Math.min(end, start + 40)));
  return match ? start + match[0].length : start;
}

export function findPhraseDefinitions(text: string): AbbreviationPair[] {
  const pairs: AbbreviationPair[] = [];
  MARKER_BETWEEN.lastIndex = 0;
  for (let match = MARKER_BETWEEN.exec(text); match; match = MARKER_BETWEEN.exec(text)) {
    const comma = match.index;
    const after = comma + match[0].length;
    const pair = shortFormAfter(text, comma, after) ?? longFormAfter(text, comma, after);
    if (pair) pairs.push(pair);
  }
  return pairs;
}

/** The phrase after the marker, up to the next comma, bracket or sentence end. */
function phraseEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < MAX_WINDOW_CHARS && !/[,;:()[\]\n]/.test(text[i] as string)) {
    if ((text[i] === '.' || text[i] === '!' || text[i] === '?') && (i + 1 >= text.length || isSpace(text[i + 1]))) break;
    i++;
  }
  while (i > from && isSpace(text[i - 1])) i--;
  return i;
}

/** The word before `at`, without quotes or brackets, as a span. */
function wordBefore(text: string, at: number): { start: number; end: number } | null {
  let end = skipSpacesBack(text, at);
  while (end > 0 && at - end < MAX_TOKEN && /["'”’)\]]/.test(text[end - 1] as string)) end--;
  let start = tokenStartBefore(text, end);
  if (start < 0) return null;
  while (start < end && /["'“‘([]/.test(text[start] as string)) start++;
  return start < end ? { start, end } : null;
}

/** "long form, also known as SF": the short form follows the marker. */
function shortFormAfter(text: string, comma: number, after: number): AbbreviationPair | null {
  let start = after;
  while (start < text.length && /["'“‘]/.test(text[start] as string)) start++;
  let end = start;
  while (end < text.length && end - start <= MAX_TOKEN && !isSpace(text[end]) && !/[,;:)"'”’]/.test(text[end] as string)) end++;
  if (end - start > MAX_TOKEN) return null;
  while (end > start && text[end - 1] === '.') end--;
  const short = text.slice(start, end);
  if (!looksLikeAbbreviation(short) || !/\p{Lu}/u.test(short)) return null;
  const key = keyForShortForm(short);
  if (key.length < 2) return null;
  const windowStart = clauseStart(text, comma, Math.max(0, comma - MAX_WINDOW_CHARS));
  const long = chooseLongForm(text, key, windowStart, comma, { maxWords: defaultMaxWords(key) });
  if (!long || long.alignment.skipped > 0 || long.alignment.trailing > 1) return null;
  return { short, long: text.slice(long.start, long.end), shortStart: start, shortEnd: end, longStart: long.start, longEnd: long.end };
}

/** "SF, also known as long form": the short form precedes the marker. */
function longFormAfter(text: string, comma: number, after: number): AbbreviationPair | null {
  const shortSpan = wordBefore(text, comma);
  if (!shortSpan) return null;
  const short = text.slice(shortSpan.start, shortSpan.end);
  if (!looksLikeAbbreviation(short) || !/\p{Lu}/u.test(short)) return null;
  const key = keyForShortForm(short);
  if (key.length < 2) return null;
  const end = phraseEnd(text, after);
  const long = chooseLongForm(text, key, after, end, { maxWords: Number.MAX_SAFE_INTEGER, fromFirstWord: true });
  if (!long || long.start !== after || long.end !== end || !alignmentIsStrict(long.alignment)) return null;
  return {
    short,
    long: text.slice(long.start, long.end),
    shortStart: shortSpan.start,
    shortEnd: shortSpan.end,
    longStart: long.start,
    longEnd: long.end,
  };
}
