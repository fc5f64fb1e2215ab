/**
 * Character classes shared by the extractor. Each test looks at one UTF-16 code unit: the texts are
 * mostly Latin and Greek, whose letters are single code units; astral characters (emoji and the like)
 * simply count as "not a letter", which is the right answer for abbreviation matching anyway.
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SPACE = /\s/;

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57;
  return DIGIT.test(ch);
}

export function isAlnum(ch: string | undefined): boolean {
  return isLetter(ch) || isDigit(ch);
}

export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(ch);
}

export function isLower(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return LOWER.test(ch);
}

export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(ch);
}

/**
 * Scans that look for the word next to a bracket or a full stop give up after this many characters:
 * short forms and the abbreviations before a full stop are short, and an unbounded scan over a
 * space-less stretch of hostile text, repeated at every bracket, would cost quadratic time.
 */
export const MAX_TOKEN = 64;

/** Start of the run of non-space characters ending at `end`, or -1 when it is longer than MAX_TOKEN. */
export function tokenStartBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && !isSpace(text[start - 1])) {
    start--;
    if (end - start > MAX_TOKEN) return -1;
  }
  return start;
}

/** Start of the run of spaces ending at `end`, at most MAX_TOKEN back. */
export function skipSpacesBack(text: string, end: number): number {
  const limit = Math.max(0, end - MAX_TOKEN);
  while (end > limit && isSpace(text[end - 1])) end--;
  return end;
}

/**
 * text[start, end) without leading and trailing characters other than letters and digits, lower-cased:
 * "(TARE)," → "tare". A loop rather than a regular expression, so a hostile token costs linear time.
 */
export function bareWord(text: string, start: number, end: number): string {
  while (start < end && !isAlnum(text[start])) start++;
  while (end > start && !isAlnum(text[end - 1])) end--;
  return text.slice(start, end).toLowerCase();
}

/**
 * Greek letters and their spelled names. Biomedical writing uses both ("TGF-β", "TGF-beta",
 * "IL-1beta"), and an abbreviation may use one where its long form uses the other, so alignment
 * compares spelled names.
 */
export const GREEK_NAMES: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho',
  σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  Α: 'alpha', Β: 'beta', Γ: 'gamma', Δ: 'delta', Ε: 'epsilon', Ζ: 'zeta', Η: 'eta', Θ: 'theta',
  Ι: 'iota', Κ: 'kappa', Λ: 'lambda', Μ: 'mu', Ν: 'nu', Ξ: 'xi', Ο: 'omicron', Π: 'pi', Ρ: 'rho',
  Σ: 'sigma', Τ: 'tau', Υ: 'upsilon', Φ: 'phi', Χ: 'chi', Ψ: 'psi', Ω: 'omega',
};

/**
 * Function words that a long form may contain without the abbreviation spelling them
 * ("angiotensin-converting enzyme" vs "Department of Health (DoH)"): skipping one costs nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'per', 'plus', 'the',
  'to', 'versus', 'via', 'vs', 'with', 'within', 'without',
]);
