/**
 * Keys: how a surface form is spelled inside the trie, and how case-sensitive forms are checked.
 *
 * A form's folded key is its code units through the fold table, with every run of separators as a
 * single SEP and none at either end; TrieBuilder.insert walks it straight from the form's string. The
 * scanner folds the page text the same way on the fly, so a key found in the trie corresponds to an
 * exact span of the original text with no offset bookkeeping beyond the start.
 */
import { SEP, SOFT_HYPHEN, type CharTables } from './char-tables';

/**
 * The spelling a case-sensitive form must have in the text: the form's own code units (so case
 * counts), but with separators collapsed to SEP and U+2019 as "'", since neither of those is a
 * matter of case.
 */
export function exactKey(form: string, tables: CharTables): Uint16Array {
  return collapse(form, (c) => caseKeepingUnit(c, tables.fold), tables.fold);
}

function collapse(form: string, unit: (c: number) => number, fold: Uint16Array): Uint16Array {
  // Written straight into a typed array of the longest possible length (compile time, per form).
  const out = new Uint16Array(form.length);
  let n = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (fold[c] === SEP) {
      if (n > 0 && out[n - 1] !== SEP) out[n++] = SEP;
    } else {
      out[n++] = unit(c);
    }
  }
  while (n > 0 && out[n - 1] === SEP) n--;
  return n === out.length ? out : out.slice(0, n);
}

function caseKeepingUnit(c: number, fold: Uint16Array): number {
  const f = fold[c]!;
  return f === SEP || f === 0x27 ? f : c;
}

/**
 * Whether text[start, end) spells `exact`, separator runs counting as one SEP. Called only at an
 * accepting node that has case-sensitive forms, i.e. a handful of times per match, never per
 * character of the page.
 */
export function matchesExact(
  text: string,
  start: number,
  end: number,
  exact: Uint16Array,
  fold: Uint16Array,
): boolean {
  let k = 0;
  for (let p = start; p < end; k++) {
    const c = text.charCodeAt(p);
    if (c === SOFT_HYPHEN) {
      // Not part of the spelling (the scanner steps over it too).
      p++;
      k--;
      continue;
    }
    if (k >= exact.length) return false;
    const f = fold[c]!;
    if (f === SEP) {
      if (exact[k] !== SEP) return false;
      p++;
      while (p < end && fold[text.charCodeAt(p)] === SEP) p++;
    } else {
      if (exact[k] !== (f === 0x27 ? f : c)) return false;
      p++;
    }
  }
  return k === exact.length;
}
