/**
 * The letters a short form is matched by, and its other readings.
 *
 * Schwartz & Hearst match every letter and digit of the short form in order. Biomedical short forms
 * bend that rule in a few regular ways, each tried as a further reading when the plain one finds no
 * long form: a plural "s", signs for "positive"/"negative", subscripts, atom counts, and numbers or
 * Greek letters written last that words put first.
 */
import { shortFormKey } from './alignment';

/** The letters a short form is matched by; a plural "s" after capitals ("ICCs", "SHRs") is optional. */
export function keyForShortForm(short: string): string[] {
  const key = shortFormKey(short);
  if (/[\p{Lu}\d]s$/u.test(short) && key.length > 2) key.pop();
  return key;
}

/**
 * Other readings of a short form, tried when the letters as written find no long form:
 * - digits that count atoms or number a member may be left out, because the long form names the
 *   thing once: "nitrous oxide (N2O)", "hydrogen peroxide (H(2)O(2))", "cell division control (cdc2)";
 * - a trailing number or Greek letter may come first in the long form.
 */
export function alternativeKeys(short: string): string[][] {
  const keys: string[][] = [];
  const key = keyForShortForm(short);
  const withoutCounts = shortFormKey(short.replace(COUNT_DIGIT, '$1'));
  if (withoutCounts.length < key.length && withoutCounts.some((ch) => /\p{L}/u.test(ch))) keys.push(withoutCounts);
  // A number or Greek letter written last in the short form and first in words: "20-item Toronto
  // Alexithymia Scale (TAS-20)", "gamma-interferon (IFN-gamma)", "ninth embryonic day (E9)".
  const suffix = /^(.*\p{L}.*?)-?(\d+|alpha|beta|gamma|delta|kappa|[α-ω])$/u.exec(short);
  if (suffix) keys.push([...shortFormKey(suffix[2] ?? ''), ...shortFormKey(suffix[1] ?? '')]);
  return keys;
}

/**
 * A single digit counting atoms or naming a member ("N2O", "H(2)O(2)", "cdc2"): right after a letter or
 * as a bracketed subscript ("FEV(1.0)"), and not part of a longer number ("NF195", "At2g41850") or a version after a
 * hyphen ("RT-2", "HIV-1"), which carry meaning the long form must spell.
 */
const COUNT_DIGIT = /(\p{L})\d(?!\d)|\(\d+(?:\.\d+)?\)/gu;

/**
 * For a short form ending in a sign, "END+", "CrB(-)", the reading that spells the sign as "positive"
 * or "negative". Null for other short forms.
 */
export function signedKey(short: string): string[] | null {
  const match = /^(.*\p{L}.*?)(?:\(([+-])\)|([+-]))$/u.exec(short);
  if (!match) return null;
  return [...keyForShortForm(match[1] ?? ''), (match[2] ?? match[3]) as string];
}

/**
 * For a symbol with a bracketed subscript, the reading that puts the subscript first, as words do:
 * "tidal volume (V(T))", "intracellular Ca2+ concentration ([Ca2+]i)". Null for other short forms.
 */
export function subscriptFirstKey(short: string): string[] | null {
  const match = /^([^()[\]]+)\(([^()]+)\)$/.exec(short) ?? /^\[([^\]]+)\]([^[\]]+)$/.exec(short);
  if (!match) return null;
  return [...shortFormKey(match[2] ?? ''), ...shortFormKey(match[1] ?? '')];
}

/**
 * For pH or a concentration with a compartment subscript, the reading that spells the compartment
 * first, as words do: "extracellular pH (pHo)", "extracellular K+ concentration ([K+]o)",
 * "intracellular pH (pHi)". Physiology writes i for intracellular and o or e for outside the cell.
 * Null for other short forms.
 */
export function compartmentKey(short: string): string[] | null {
  const match = /^(pH|\[[^\]]+\])([ioe])$/.exec(short);
  if (!match) return null;
  return [match[2] === 'i' ? 'i' : 'e', ...shortFormKey(match[1] ?? '')];
}

/** The readings of a short form to try, most specific first. */
export function keysFor(short: string): string[][] {
  const first = compartmentKey(short) ?? signedKey(short) ?? subscriptFirstKey(short);
  return [...(first ? [first] : []), keyForShortForm(short), ...alternativeKeys(short)];
}

/**
 * Last-resort readings for a short form whose parts the words give in another order: a leading block
 * of letters moved later, "L1CAM" for "cell adhesion molecule L1", "CYCB2" for "B2-type cyclin",
 * "cAMP" for "adenosine 3',5'-cyclic monophosphate". The caller must ask for a strict alignment, since
 * reordering makes chance matches likelier.
 */
export interface Reading {
  key: string[];
  /** Where the moved block starts in the reading: its first letter must start a word or a part. */
  movedAt: number;
}

export function reorderedKeys(short: string): Reading[] {
  const key = keyForShortForm(short);
  const n = key.length;
  if (n < 3 || n > 8) return [];
  const keys: Reading[] = [];
  const seen = new Set([key.join('')]);
  for (let block = 1; block < n; block++) {
    const head = key.slice(0, block);
    const rest = key.slice(block);
    for (let at = 1; at <= rest.length; at++) {
      const reading = [...rest.slice(0, at), ...head, ...rest.slice(at)];
      const id = reading.join('');
      if (seen.has(id)) continue;
      seen.add(id);
      keys.push({ key: reading, movedAt: at });
    }
  }
  return keys;
}
