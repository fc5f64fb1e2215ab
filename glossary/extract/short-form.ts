/**
 * Which strings can be a short form.
 *
 * Following Schwartz & Hearst: at most two words, a dozen characters or so, starting with a letter or
 * digit and containing a letter. On top of that, things that are written in brackets but are not
 * abbreviations are refused early: statistics ("p < 0.05", "n = 12"), years and numbers ("2019"),
 * figure and table references ("Fig. 2"), item labels ("2a") and ordinary phrases ("see above").
 */
import { STOP_WORDS, isAlnum, isDigit, isLetter, isLower, isSpace, isUpper } from './chars';

/** Longest short form accepted, in UTF-16 units; "1,25-(OH)2D3" and "99mTc-MAG3" are 12. */
export const MAX_SHORT_LENGTH = 15;

/** Words that introduce a reference or a remark, never an abbreviation, e.g. "(Fig. 2)", "(see above)". */
const NOT_SHORT_FORMS: ReadonlySet<string> = new Set([
  'fig', 'figs', 'figure', 'figures', 'table', 'tables', 'ref', 'refs', 'see', 'eg', 'e.g', 'ie', 'i.e', 'cf',
  'vs', 'et', 'al', 'ibid', 'ns', 'approx', 'ca', 'and', 'or', 'but', 'not', 'also', 'above', 'below',
  'only', 'all', 'each', 'both', 'data', 'respectively', 'mean', 'median', 'range', 'total',
]);

/** Elements commonly written as ions in biomedical text. */
const ION_ELEMENTS: ReadonlySet<string> = new Set([
  'H', 'Li', 'Na', 'K', 'Rb', 'Cs', 'Mg', 'Ca', 'Sr', 'Ba', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Cd', 'Hg',
  'Pb', 'Al', 'Cl', 'Br', 'I', 'F', 'Ag', 'Au', 'Pt', 'Tl', 'Cr', 'Gd', 'La', 'Se', 'O', 'N', 'S', 'P', 'C',
]);

export interface ShortFormShape {
  letters: number;
  upper: number;
  lower: number;
  digits: number;
  words: number;
}

export function shapeOf(text: string): ShortFormShape {
  const shape: ShortFormShape = { letters: 0, upper: 0, lower: 0, digits: 0, words: 0 };
  let inWord = false;
  for (const ch of text) {
    if (isSpace(ch)) {
      inWord = false;
      continue;
    }
    if (!inWord) shape.words++;
    inWord = true;
    if (isLetter(ch)) {
      shape.letters++;
      if (isUpper(ch)) shape.upper++;
      else if (isLower(ch)) shape.lower++;
    } else if (isDigit(ch)) shape.digits++;
  }
  return shape;
}

/** A species written the short way, "S. aureus", "H. pylori": it abbreviates "Staphylococcus aureus". */
export function isSpeciesShortForm(text: string): boolean {
  return /^\p{Lu}\. \p{Ll}{3,}$/u.test(text);
}

/**
 * Whether `text` (already trimmed) may be a short form. This is only a first sieve; the long form must
 * still spell it.
 */
export function isPlausibleShortForm(text: string): boolean {
  if (text.length === 0 || text.length > MAX_SHORT_LENGTH) return false;
  if (isSpeciesShortForm(text)) return true;
  const first = text[0];
  // Starting with a letter or digit keeps out "= 12", "< 0.05", "±"; a bracket starts a concentration, "[CK]".
  // A chemical group or a rate in Newton's dot notation starts with a sign: "-SH", "-OH", ".V(E)".
  if (!isAlnum(first) && !(first === '[' && text.includes(']')) && !/^[-.]\p{Lu}/u.test(text)) return false;
  const shape = shapeOf(text);
  if (shape.letters === 0 || shape.words > 2) return false;
  // Statistics and measurements: "n = 12", "p<0.05", "r 0.8".
  if (/[=<>±≤≥%]/.test(text)) return false;
  const words = text.split(/\s+/);
  const firstWord = (words[0] ?? '').replace(/\.$/, '').toLowerCase();
  if (NOT_SHORT_FORMS.has(firstWord) && !(shape.upper > 1)) return false;
  // "(in)", "(or)" are words; "(IN)", "(OR)" are integrase and odds ratio.
  if (STOP_WORDS.has(text)) return false;
  // Ions and isotope labels are chemistry, not abbreviations: "[Ca2+]", "(K+)", "[3H]LTD4". ("M+" and
  // "L-" are not ions: they abbreviate "M protein-positive", "low line".)
  const ion = /^\[?(\p{Lu}\p{Ll}?)\d*[+-]\]?$/u.exec(text);
  if ((ion && ION_ELEMENTS.has(ion[1] ?? '')) || /^\[\d/.test(text)) return false;
  // Compound and item labels: "(2a)", "(3b)".
  if (/^\d+[a-z]$/.test(text)) return false;
  // Two words need a capital or a digit to be an abbreviation ("TNF alpha", "MS II"): "(that is, …)".
  if (words.length === 2 && shape.upper === 0 && shape.digits === 0) return false;
  // Abbreviations are short runs of letters; a long lower-case run is a word ("Leu-enkephalin").
  if (/\p{Ll}{8}/u.test(text)) return false;
  if (words.length === 2) {
    const [one = '', two = ''] = words;
    // "Fig. 2", "day 3", "1 mg": a word and a bare number is a reference or a quantity, unless the word
    // is itself an abbreviation ("PAR 2", "ED 16").
    if (/^[\d.,]+$/.test(one)) return false;
    if (/^[\d.,]+$/.test(two) && (shapeOf(one).upper < 2 || !/^\d+$/.test(two))) return false;
    // A sentence fragment "(e.g. ICC)" or "(see ICC)": a first word ending with a period.
    if (one.endsWith('.')) return false;
  }
  // A plain lower-case word longer than five letters is a word, not an abbreviation ("(tumour)").
  if (shape.words === 1 && shape.upper === 0 && shape.digits === 0 && shape.letters > 5 && /^\p{Ll}+$/u.test(text)) {
    return false;
  }
  return true;
}

/**
 * Stricter: whether a word next to a bracket looks like an abbreviation in its own right, for
 * "SF (long form)", "(long form, SF)" and brackets written without a space, "ubiquitin(Ub)". Ordinary
 * words stand before parentheses all the time ("cells (n = 12)"), so this asks for a capital
 * ("IL", "M.O.I.", "BTEX", "Binap") or a short lower-case form ("rh", "dppe").
 */
export function looksLikeAbbreviation(text: string): boolean {
  if (!isPlausibleShortForm(text) || isSpeciesShortForm(text)) return false;
  const shape = shapeOf(text);
  if (shape.words !== 1) return false;
  if (shape.upper >= 1) return true;
  return shape.letters <= 4 && !STOP_WORDS.has(text.toLowerCase());
}
