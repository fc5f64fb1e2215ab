/**
 * Surface forms: which strings of a glossary entry are looked for on a page, and with which case rule.
 *
 * Everything here runs once per compile, never per page character, so it favours clarity over speed.
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
  return form.replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '');
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
  const chars = Array.from(token);
  let partStart = 0;
  let uppers = 0;
  let digits = 0;
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    if (ch === undefined || SEPARATOR.test(ch)) {
      if (uppers >= 2 || (uppers >= 1 && digits >= 1)) return true;
      if (ch !== undefined && isCapOrDigit(chars[i - 1]) && isCapOrDigit(chars[i + 1])) return true;
      partStart = i + 1;
      uppers = 0;
      digits = 0;
      continue;
    }
    if (UPPER.test(ch)) {
      uppers++;
      if (i > partStart) return true;
    } else if (DIGIT.test(ch)) {
      digits++;
    }
  }
  return false;
}

/**
 * ASCII without capitals or hyphens ("pembrolizumab", "5fu"): one part, no uppercase letter, so the
 * rules above cannot apply. Most glossary forms are such words; this spares them the per-character
 * regular expressions.
 */
function isPlainLowercase(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a) || c === 0x2d) return false;
  }
  return true;
}

function isCapOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && (UPPER.test(ch) || DIGIT.test(ch));
}

/**
 * The strings generated from one declared form (already trimmed), the form itself first:
 *
 *  - the English plural of the last word: +s; +es after s, x, z, ch, sh; consonant+y -> ies;
 *    "-sis" -> "-ses" (diagnosis, metastasis: common in medical text); a last word ending in an
 *    uppercase letter or a digit is an acronym and takes a bare s ("ICC" -> "ICCs", "PD-1" -> "PD-1s");
 *  - the possessive "'s" of the form;
 *  - the possessive "'" of every generated or declared form that ends in s ("inhibitors'").
 *
 * Only the ASCII apostrophe is generated: the scanner folds U+2019 to it, so "pembrolizumab’s" and
 * "pembrolizumab's" are one key. Forms that do not end in a letter or digit ("C++") get no variants.
 */
export function formVariants(form: string): string[] {
  const last = lastChar(form);
  if (last === undefined || !LETTER_OR_DIGIT.test(last)) return [form];
  const plural = pluralOf(form, last);
  const variants = [form, plural, `${form}'s`];
  if (endsWithS(form)) variants.push(`${form}'`);
  if (endsWithS(plural)) variants.push(`${plural}'`);
  return variants;
}

function pluralOf(form: string, last: string): string {
  if (UPPER.test(last) || DIGIT.test(last)) return `${form}s`;
  const lower = form.toLowerCase();
  if (lower.endsWith('sis')) return `${form.slice(0, -2)}es`;
  if (/(?:s|x|z|ch|sh)$/u.test(lower)) return `${form}es`;
  if (/[^aeiou\s\-\u2010\u2011]y$/u.test(lower) && lower.length >= 2) return `${form.slice(0, -1)}ies`;
  return `${form}s`;
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

function endsWithS(s: string): boolean {
  return s.endsWith('s');
}
