/**
 * Symbols of physical quantities: "short-circuit current (Isc)", "Na+ current (INa)", "transepithelial
 * resistance (Rt)", "association rate (k(a))", "L-type Ca2+ current (ICa(L))".
 *
 * Science writes a quantity as a one-letter symbol with a subscript, and the words put the subscript
 * first and the quantity last: I is a current, R a resistance, k a rate. The symbol's letter is not
 * spelled by the name of the quantity, so letter alignment alone cannot find these long forms. The
 * reading here: the long form ends with the name of the quantity that the symbol conventionally
 * stands for (the table below is the standard notation of physics and physiology, not a list of
 * abbreviations), and the words before it spell the subscript cleanly.
 */
import { alignmentIsStrict, splitWords } from './alignment';
import { bareWord } from './chars';
import { chooseLongForm, type LongFormMatch } from './long-form';
import { keysFor } from './short-form-keys';

/** Standard symbols of quantities and the words that name them. */
const QUANTITY_WORDS: Readonly<Record<string, readonly string[]>> = {
  I: ['current'],
  R: ['resistance'],
  K: ['constant'],
  k: ['rate', 'constant'],
};

/** The words of a quantity's name, singular or plural: "constants". */
function namesQuantity(word: string, symbol: string): boolean {
  const names = QUANTITY_WORDS[symbol];
  if (!names) return false;
  return names.some((name) => word === name || word === `${name}s`);
}

/**
 * The subscript of a quantity symbol: "Isc" → "sc", "INa" → "Na", "k(a)" → "a", "ICa(L)" → "Ca(L)".
 * Null when the short form is not a symbol with a subscript.
 */
function subscriptOf(short: string): { symbol: string; subscript: string } | null {
  const match = /^([A-Za-z])(\(([A-Za-z0-9]{1,3})\)|[a-z]{1,3}|[A-Z][a-z]?(?:\([A-Za-z0-9]{1,3}\))?)$/.exec(short);
  if (!match) return null;
  const symbol = match[1] as string;
  if (!QUANTITY_WORDS[symbol]) return null;
  return { symbol, subscript: match[3] ?? (match[2] as string) };
}

/**
 * The long form of a quantity symbol ending at `end` (just before the bracket), or null: the last
 * word names the quantity and the words before it spell the subscript without skipping or leaving
 * a content word.
 */
export function quantityLongForm(text: string, short: string, windowStart: number, end: number): LongFormMatch | null {
  const parts = subscriptOf(short);
  if (!parts) return null;
  const words = splitWords(text, windowStart, end);
  const last = words[words.length - 1];
  if (!last || words.length < 2) return null;
  if (!namesQuantity(bareWord(text, last.start, last.end), parts.symbol)) return null;
  const before = words[words.length - 2];
  if (!before) return null;
  for (const key of keysFor(parts.subscript)) {
    const long = chooseLongForm(text, key, windowStart, before.end, { maxWords: Math.max(2, key.length + 1) });
    if (!long) continue;
    const { alignment } = long;
    if (alignment.skipped > 0 || alignment.trailing > 0) continue;
    // One letter names one word, from its start: "transepithelial resistance (Rt)".
    if (key.length === 1 && (alignment.firstKind !== 3 || /\s/.test(text.slice(long.start, long.end)))) continue;
    if (key.length > 1 && !alignmentIsStrict(alignment) && alignment.wordStarts < 1) continue;
    return { start: long.start, end: last.end, alignment };
  }
  return null;
}
