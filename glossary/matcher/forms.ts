/**
 * Surface forms: which strings of a glossary entry are looked for on a page, and with which case rule.
 *
 * Everything here runs once per declared form, never per page character. Only the two functions
 * that see every form (trimForm, pluralOf) have char-code fast paths for the usual ASCII cases: a
 * 10,000-entry glossary has 11,000 forms, and the regular expressions cost about a microsecond each.
 */

/** Separators as the scanner sees them (see char-tables.ts): any whitespace or a hyphen. */
const SEPARATOR = /[\s\-\u2010\u2011]/u;
const LEADING_SEPARATORS = /^[\s\-\u2010\u2011]+/u;
const TRAILING_SEPARATORS = /[\s\-\u2010\u2011]+$/u;
const WHITESPACE = /\s/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Trims whitespace and hyphens at both ends: a form can only match between word boundaries, so a
 * leading or trailing separator could never be part of a match. Returns '' for forms that are empty
 * or all separators, which the compiler then ignores.
 */
export function trimForm(form: string): string {
  // Nearly every form starts and ends with an ASCII letter or digit: no need for the expressions.
  if (form.length > 0 && isPlainAsciiEnd(form.charCodeAt(0)) && isPlainAsciiEnd(form.charCodeAt(form.length - 1))) {
    return form;
  }
  return form.replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
}

/** An ASCII code unit that is neither whitespace (\t to \r, space) nor a hyphen. */
function isPlainAsciiEnd(c: number): boolean {
  return c < 0x80 && c !== 0x20 && c !== 0x2d && (c < 0x09 || c > 0x0d);
}

/**
 * The default case rule. A form is case-sensitive when it is a single token (no whitespace) that looks
 * like an acronym or a symbol, so that "TARE" does not light up the word "tare" and "ICC" not "icc":
 *
 *  - a hyphen-separated part of it has two or more uppercase letters ("TARE", "ICC", "mRNA", "IL-6"),
 *    or an uppercase letter after its first character ("pH", "mAb"), or an uppercase letter together
 *    with a digit ("B12", "T4", "COVID-19"); or
 *  - a hyphen sits directly between two characters that are each an uppercase letter or a digit
 *    ("PD-1", "B-12", "5-FU", "3-D").
 *
 * Everything else matches in any case: ordinary single words whether or not capitalised
 * ("pembrolizumab", "Immunotherapy", "X-ray", "T-cell", "Non-Hodgkin") and every multi-word form
 * ("checkpoint inhibitor", "PD-1 inhibitor"), because headings and sentence starts recapitalise words
 * while an acronym is written the same way everywhere.
 */
export function isCaseSensitiveForm(form: string): boolean {
  const token = trimForm(form);
  if (token === '' || WHITESPACE.test(token)) return false;
  if (isPlainLowercase(token)) return false;
  const kinds = charKinds(token);
  let partStart = 0;
  let uppers = 0;
  let digits = 0;
  for (let i = 0; i <= kinds.length; i++) {
    const kind = i < kinds.length ? kinds[i]! : SEPARATOR_KIND; // the end closes the last part
    if (kind === SEPARATOR_KIND) {
      if (uppers >= 2 || (uppers >= 1 && digits >= 1)) return true;
      if (i < kinds.length && isCapOrDigit(kinds[i - 1]) && isCapOrDigit(kinds[i + 1])) return true;
      partStart = i + 1;
      uppers = 0;
      digits = 0;
      continue;
    }
    if (kind === UPPER_KIND) {
      uppers++;
      if (i > partStart) return true;
    } else if (kind === DIGIT_KIND) {
      digits++;
    }
  }
  return false;
}

/**
 * ASCII without capitals or hyphens ("pembrolizumab", "5fu"): one part, no uppercase letter, so the
 * rules above cannot apply. Most glossary forms are such words; this spares them the per-character
 * work below.
 */
function isPlainLowercase(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a) || c === 0x2d) return false;
  }
  return true;
}

const OTHER_KIND = 0;
const UPPER_KIND = 1;
const DIGIT_KIND = 2;
const SEPARATOR_KIND = 3;

/**
 * What each character (code point) of a token is for the case rule: a separator, else an uppercase
 * letter, else a digit, else something else. From char codes if the token is ASCII, as most are
 * (capitalised words, acronyms); otherwise with the regular expressions, per code point.
 */
function charKinds(token: string): number[] {
  const kinds: number[] = [];
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x80) return Array.from(token, kindOf);
    if (c >= 0x41 && c <= 0x5a) kinds.push(UPPER_KIND);
    else if (c >= 0x30 && c <= 0x39) kinds.push(DIGIT_KIND);
    else kinds.push(isPlainAsciiEnd(c) ? OTHER_KIND : SEPARATOR_KIND);
  }
  return kinds;
}

function kindOf(ch: string): number {
  if (SEPARATOR.test(ch)) return SEPARATOR_KIND;
  if (UPPER.test(ch)) return UPPER_KIND;
  return DIGIT.test(ch) ? DIGIT_KIND : OTHER_KIND;
}

function isCapOrDigit(kind: number | undefined): boolean {
  return kind === UPPER_KIND || kind === DIGIT_KIND;
}

/**
 * How a declared form's plural is spelled: the form without its last `drop` code units, then
 * `suffix`. The compiler (index.ts) generates from each declared form (already trimmed) that ends in
 * a letter or digit:
 *
 *  - the English plural of the last word: +s; +es after s, x, z, ch, sh; consonant+y -> ies;
 *    "-sis" -> "-ses" (diagnosis, metastasis: common in medical text); a last word ending in an
 *    uppercase letter or a digit is an acronym and takes a bare s ("ICC" -> "ICCs", "PD-1" -> "PD-1s");
 *  - the possessive "'s" of the form;
 *  - the possessive "'" of the form if it ends in s, and of the plural (which always does: "inhibitors'").
 *
 * Only the ASCII apostrophe is generated: the scanner folds U+2019 to it, so "pembrolizumab’s" and
 * "pembrolizumab's" are one key. Forms that do not end in a letter or digit ("C++") get no variants.
 * No suffix contains a separator, which lets the compiler continue a variant's key from its form's.
 */
export interface Plural {
  readonly drop: number;
  readonly suffix: string;
}

const PLURAL_S: Plural = { drop: 0, suffix: 's' };
const PLURAL_ES: Plural = { drop: 0, suffix: 'es' };
const PLURAL_SIS: Plural = { drop: 2, suffix: 'es' };
const PLURAL_IES: Plural = { drop: 1, suffix: 'ies' };

/** The plural of a form (see Plural), or null if the form gets no variants at all. */
export function pluralOf(form: string): Plural | null {
  const n = form.length;
  if (n === 0) return null;
  // The rules look at the last three units at most. When those are ASCII, apply them to char codes
  // (lowercasing ASCII is unit for unit); a space stands for "no unit" before a short form.
  const c = form.charCodeAt(n - 1);
  const c1 = n >= 2 ? asciiLower(form.charCodeAt(n - 2)) : 0x20;
  const c2 = n >= 3 ? asciiLower(form.charCodeAt(n - 3)) : 0x20;
  if ((c | c1 | c2) >= 0x80) return pluralOfNonAscii(form);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) return PLURAL_S; // a digit or capital
  if (c < 0x61 || c > 0x7a) return null; // not a letter or digit: "C++"
  if (c === 0x73 && c1 === 0x69 && c2 === 0x73) return PLURAL_SIS; // -sis
  if (c === 0x73 || c === 0x78 || c === 0x7a) return PLURAL_ES; // -s, -x, -z
  if (c === 0x68 && (c1 === 0x63 || c1 === 0x73)) return PLURAL_ES; // -ch, -sh
  if (c === 0x79 && !isVowelOrSeparator(c1)) return PLURAL_IES; // consonant + y
  return PLURAL_S;
}

function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** An ASCII unit of [aeiou\s\-]: a vowel, whitespace or a hyphen. */
function isVowelOrSeparator(c: number): boolean {
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || !isPlainAsciiEnd(c);
}

/** pluralOf when one of the last units is not ASCII: the rules as regular expressions. */
function pluralOfNonAscii(form: string): Plural | null {
  const last = lastChar(form);
  if (last === undefined || !LETTER_OR_DIGIT.test(last)) return null;
  if (UPPER.test(last) || DIGIT.test(last)) return PLURAL_S;
  const lower = form.toLowerCase();
  if (lower.endsWith('sis')) return PLURAL_SIS;
  if (/(?:s|x|z|ch|sh)$/u.test(lower)) return PLURAL_ES;
  if (/[^aeiou\s\-\u2010\u2011]y$/u.test(lower) && lower.length >= 2) return PLURAL_IES;
  return PLURAL_S;
}

/** The last code point of `s` (a surrogate pair counts as one), as Array.from would split it. */
function lastChar(s: string): string | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const lo = s.charCodeAt(n - 1);
  if (n >= 2 && lo >= 0xdc00 && lo <= 0xdfff) {
    const hi = s.charCodeAt(n - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.slice(n - 2);
  }
  return s.charAt(n - 1);
}
