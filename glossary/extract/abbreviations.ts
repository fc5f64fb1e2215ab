/**
 * extractAbbreviations: every abbreviation defined in a plain text, with exact offsets.
 *
 * Definitions are found around brackets, in the three shapes writers use:
 *   1. "long form (SF)", also "(SF; remark)", "(SF, n = 6)" and "(EC 1.11.1.9; SF)";
 *   2. "(long form, SF)";
 *   3. "SF (long form)".
 * The long form is chosen by aligning the short form's letters with the words before (long-form.ts,
 * alignment.ts). Phrases such as "also known as" and "hereafter" are handled in phrases.ts.
 * Quantity symbols ("short-circuit current (Isc)") are read by quantity.ts; short forms whose parts
 * the words give in another order ("cell adhesion molecule L1 (L1CAM)") by reorderedKeys, last.
 * Coordinated modifiers sharing one head, "scanning (SEM) and transmission (TEM) electron microscopy",
 * are read before everything else by ellipsis.ts; their long forms are written in two pieces.
 */
import { alignmentIsStrict, type WordAlignment } from './alignment';
import { findBracketGroups, type BracketGroup } from './brackets';
import { isAlnum, isSpace, skipSpacesBack, tokenStartBefore } from './chars';
import { clauseStart, MAX_WINDOW_CHARS } from './clause';
import { chooseLongForm, defaultMaxWords, permutedInitials } from './long-form';
import { keyForShortForm, keysFor, reorderedKeys } from './short-form-keys';
import { findSharedHeadDefinitions } from './ellipsis';
import { findPhraseDefinitions, stripMarker } from './phrases';
import { quantityLongForm } from './quantity';
import { isPlausibleShortForm, looksLikeAbbreviation } from './short-form';
import type { AbbreviationPair } from './types';

/**
 * Work is capped: only the first 2 MB of text (UTF-16 units) are searched. An article, even a long
 * review, is far below that; a hostile or accidental giant page must not freeze the caller.
 */
export const MAX_TEXT_LENGTH = 2_000_000;

/** A bracket that holds a definition is short; longer ones are remarks. */
const MAX_INNER = 200;

/**
 * At most this many brackets are examined (in order). A long review article has a few thousand;
 * text made of nothing but brackets stops here instead of costing seconds.
 */
export const MAX_BRACKETS = 20_000;

export function extractAbbreviations(text: string): AbbreviationPair[] {
  const source = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const groups = findBracketGroups(source, MAX_INNER).slice(0, MAX_BRACKETS);
  // Coordinated modifiers sharing a head, "scanning (SEM) and transmission (TEM) electron microscopy",
  // are read first: one bracket of the chain alone would take the words before it.
  const shared = findSharedHeadDefinitions(source, groups);
  const pairs: AbbreviationPair[] = [...shared];
  const inChain = new Set(shared.map((p) => p.shortStart));
  for (const group of groups) {
    if (inChain.has(group.open + 1) || inChain.has(firstNonSpace(source, group.open + 1))) continue;
    const pair = definitionAt(source, group);
    if (pair) pairs.push(pair);
  }
  const taken = new Set(pairs.map((p) => p.shortStart));
  for (const pair of findPhraseDefinitions(source)) {
    if (!taken.has(pair.shortStart)) pairs.push(pair);
  }
  return pairs.sort((a, b) => a.shortStart - b.shortStart);
}

function firstNonSpace(text: string, at: number): number {
  while (isSpace(text[at])) at++;
  return at;
}

interface Span {
  start: number;
  end: number;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

interface Segment extends Span {
  /** The separator before this segment: '' for the first, then ';' or ','. */
  after: '' | ';' | ',';
}

/** A bracket's content cut at its top-level "; " and ", ": "(SF; a remark)", "(long form, SF)". */
function segmentsOf(text: string, inner: Span): Segment[] {
  const segments: Segment[] = [];
  let depth = 0;
  let start = inner.start;
  let after: Segment['after'] = '';
  for (let i = inner.start; i < inner.end; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && (ch === ';' || ch === ',') && isSpace(text[i + 1])) {
      segments.push({ ...trimSpan(text, start, i), after });
      after = ch;
      start = i + 1;
    }
  }
  segments.push({ ...trimSpan(text, start, inner.end), after });
  return segments.filter((s) => s.end > s.start);
}

function definitionAt(text: string, group: BracketGroup): AbbreviationPair | null {
  if (isAlnum(text[group.close + 1])) return null; // "(ERK)1/2" names ERK1 and ERK2
  const inner = trimSpan(text, group.open + 1, group.close);
  if (inner.start >= inner.end) return null;
  // A definition's bracket stands apart from the word before: "signal(s)", "J(eff)", "CFTR(inh)" are
  // not definitions. Some writers leave out the space, "ubiquitin(Ub)": that is accepted when a plain
  // lower-case word meets a bracket holding an abbreviation.
  if (group.open > 0 && !isSpace(text[group.open - 1]) && !isAttachedDefinition(text, group, inner)) return null;
  const segments = segmentsOf(text, inner);
  return longFormBefore(text, group, segments) ?? longFormInside(text, segments) ?? shortFormBefore(text, group, inner, segments);
}

/** Pattern 1: "long form (SF)". The short form is the first segment, or one after a semicolon. */
function longFormBefore(text: string, group: BracketGroup, segments: readonly Segment[]): AbbreviationPair | null {
  const windowStart = clauseStart(text, group.open, Math.max(0, group.open - MAX_WINDOW_CHARS));
  const end = trimSpan(text, windowStart, group.open).end;
  for (const whole of segments) {
    if (whole.after === ',') continue;
    // "(hereafter SIRT)", "(also known as 'SIRT')": the short form follows the marker.
    const afterMarker = stripMarker(text, whole.start, whole.end);
    const segment = afterMarker > whole.start ? unquote(text, { ...whole, start: afterMarker }) : whole;
    const short = text.slice(segment.start, segment.end);
    if (!isPlausibleShortForm(short)) continue;
    if (keyForShortForm(short).length === 1 && looksEnumerated(text, short, group)) continue;
    const quantity = quantityLongForm(text, short, windowStart, end);
    if (quantity) return pair(text, segment, quantity);
    for (const key of keysFor(short)) {
      const long = chooseLongForm(text, key, windowStart, end, { maxWords: defaultMaxWords(key) });
      if (long && acceptLongForm(short, key, text.slice(long.start, long.end), long.alignment)) return pair(text, segment, long);
    }
    const fallback = permutedInitials(text, short, windowStart, end);
    if (fallback && acceptLongForm(short, keyForShortForm(short), text.slice(fallback.start, fallback.end), fallback.alignment)) {
      return pair(text, segment, fallback);
    }
    for (const { key, movedAt } of reorderedKeys(short)) {
      const long = chooseLongForm(text, key, windowStart, end, { maxWords: defaultMaxWords(key) });
      if (!long || !alignmentIsStrict(long.alignment) || (long.alignment.kinds?.[movedAt] ?? 1) < 2) continue;
      if (acceptLongForm(short, key, text.slice(long.start, long.end), long.alignment)) {
        return pair(text, segment, long);
      }
    }
  }
  return null;
}

/** Pattern 2: "(long form, SF)": "(blood-brain barrier, BBB)". */
function longFormInside(text: string, segments: readonly Segment[]): AbbreviationPair | null {
  const last = segments[segments.length - 1];
  const first = segments[0];
  if (!last || !first || segments.length < 2 || last.after !== ',') return null;
  const short = text.slice(last.start, last.end);
  if (!looksLikeAbbreviation(short)) return null;
  const key = keyForShortForm(short);
  const before = segments[segments.length - 2] as Segment;
  const long = chooseLongForm(text, key, first.start, before.end, { maxWords: defaultMaxWords(key) });
  if (!long || long.alignment.skipped > 0) return null;
  if (!acceptLongForm(short, key, text.slice(long.start, long.end), long.alignment)) return null;
  return pair(text, last, long);
}

/**
 * Pattern 3: "SF (long form)": "IL (interleukin)", "M.O.I. (multiplicity of infection)". Ordinary
 * words stand before parentheses all the time, so the alignment must be clean: the long form starts
 * with the short form's first letter, every content word is spelled, nothing trails.
 */
function shortFormBefore(text: string, group: BracketGroup, inner: Span, segments: readonly Segment[]): AbbreviationPair | null {
  const end = skipSpacesBack(text, group.open);
  let start = tokenStartBefore(text, end);
  if (start < 0) return null;
  while (start < end && /["'“‘(\[]/.test(text[start] ?? '')) start++;
  if (start >= end) return null;
  const short = text.slice(start, end);
  if (!looksLikeAbbreviation(short)) return null;
  const key = keyForShortForm(short);
  const first = segments[0];
  const longSpan = first && first.after === '' && segments.some((s) => s.after === ';') ? first : inner;
  const longText = text.slice(longSpan.start, longSpan.end);
  // The bracket must hold words, not another abbreviation: "pH (pHo)", "L1 (L1CAM)".
  if (isPlausibleShortForm(longText) && !/\s/.test(longText) && /\p{Lu}/u.test(longText)) return null;
  const long = chooseLongForm(text, key, longSpan.start, longSpan.end, { maxWords: Number.MAX_SAFE_INTEGER, fromFirstWord: true });
  if (!long || long.start !== longSpan.start || long.end !== longSpan.end) return null;
  if (!alignmentIsStrict(long.alignment)) return null;
  if (!acceptLongForm(short, key, text.slice(long.start, long.end), long.alignment)) return null;
  return pair(text, { start, end }, long);
}

/** A span without the quotes around it: "(hereafter 'SIRT')". */
function unquote<T extends Span>(text: string, span: T): T {
  if (span.end - span.start > 2 && /["'“‘]/.test(text[span.start] ?? '') && /["'”’]/.test(text[span.end - 1] ?? '')) {
    return { ...span, start: span.start + 1, end: span.end - 1 };
  }
  return span;
}

function isAttachedDefinition(text: string, group: BracketGroup, inner: Span): boolean {
  const start = tokenStartBefore(text, group.open);
  if (start < 0) return false;
  const word = text.slice(start, group.open);
  const short = text.slice(inner.start, inner.end);
  return /^\p{Ll}{3,}$/u.test(word) && looksLikeAbbreviation(short) && keyForShortForm(short).length >= 2;
}

/**
 * Whether a one-letter bracket is a label in a series, "… artery (A), … artery (B), … stenosis (C)",
 * rather than an abbreviation: the previous or next letter appears as a bracket nearby.
 */
function looksEnumerated(text: string, short: string, group: BracketGroup): boolean {
  const letter = short.charCodeAt(0);
  const near = text.slice(Math.max(0, group.open - 400), group.close + 400);
  const open = text[group.open] as string;
  const close = text[group.close] as string;
  return [letter - 1, letter + 1].some((code) => near.includes(`${open}${String.fromCharCode(code)}${close}`));
}

function acceptLongForm(short: string, key: readonly string[], long: string, alignment: WordAlignment): boolean {
  if (long.length <= short.length) return false;
  // "GM1 ganglioside (GM1)": a phrase containing the short form does not define it.
  if (containsWord(long, short)) return false;
  // One letter says little: "phosphorus (P)", "17-beta-estradiol (E2)" yes (one word, perhaps after a
  // locant), "carotis stenosis (C)" or "(c)" after a list no.
  if (key.length === 1) return /^(?:[\d,'′-]+)?\p{L}[\p{L}-]{2,}$/u.test(long);
  if (alignment.skipped > 1) return false;
  // The short form's letters end well before the parenthesis: "… subunit of myosin phosphatase (MBS)".
  if (alignment.trailing > 1) return false;
  return true;
}

function containsWord(long: string, short: string): boolean {
  const at = long.indexOf(short);
  if (at < 0) return false;
  return !isAlnum(long[at - 1]) && !isAlnum(long[at + short.length]);
}

function pair(text: string, short: Span, long: Span): AbbreviationPair {
  return {
    short: text.slice(short.start, short.end),
    long: text.slice(long.start, long.end),
    shortStart: short.start,
    shortEnd: short.end,
    longStart: long.start,
    longEnd: long.end,
  };
}

