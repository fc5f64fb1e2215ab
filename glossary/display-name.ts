/**
 * How an entry is named to the reader, given the form they met on the page.
 *
 * Hovering "SIRT" should read "Selective internal radiation therapy (SIRT)", also known as
 * "Transarterial radioembolization (TARE)": the short form is paired with the long form it abbreviates,
 * not merely with the entry's main term.
 */
import { isCaseSensitiveForm } from './matcher';
import type { GlossaryEntry } from './schema';

type NamedEntry = Pick<GlossaryEntry, 'term' | 'aliases'>;

export interface EntryNames {
  /** The heading: a long form, with its short form in parentheses when it has one. */
  heading: string;
  /** The entry's other names, paired the same way, heading excluded. */
  alsoKnownAs: string[];
}

const isShortForm = (form: string) => isCaseSensitiveForm(form) && !/\s/.test(form);

/**
 * Does `long` spell out `short`? Each letter of the short form must appear in order in the long form,
 * the first at the start of a word (the Schwartz–Hearst rule, which also accepts "ICC" for
 * "Intrahepatic CholangioCarcinoma").
 */
export function abbreviates(short: string, long: string): boolean {
  const letters = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const text = long.toLowerCase();
  if (!letters || !text) return false;
  let position = text.length;
  for (let i = letters.length - 1; i >= 0; i--) {
    const letter = letters[i]!;
    do {
      position--;
    } while (
      position >= 0 &&
      (text[position] !== letter || (i === 0 && position > 0 && /[\p{L}\p{N}]/u.test(text[position - 1]!)))
    );
    if (position < 0) return false;
  }
  return true;
}

function capitalise(form: string): string {
  return form.charAt(0).toUpperCase() + form.slice(1);
}

/** Pairs each long form with the short form that abbreviates it, e.g. "Intrahepatic cholangiocarcinoma (ICC)". */
interface PairedName {
  long: string | undefined;
  short: string | undefined;
  label: string;
}

function pairedNames(entry: NamedEntry): PairedName[] {
  const forms = [entry.term, ...(entry.aliases ?? [])];
  const shorts = forms.filter(isShortForm);
  const longs = forms.filter((form) => !isShortForm(form));
  const usedShorts = new Set<string>();
  const names = longs.map((long): PairedName => {
    const short = shorts.find((candidate) => !usedShorts.has(candidate) && abbreviates(candidate, long));
    if (short) usedShorts.add(short);
    return { long, short, label: short ? `${capitalise(long)} (${short})` : capitalise(long) };
  });
  for (const short of shorts) {
    if (!usedShorts.has(short)) names.push({ long: undefined, short, label: short });
  }
  return names;
}

/** The heading and other names of an entry, as seen from the form the reader met (`form`). */
export function entryNames(entry: NamedEntry, form?: string): EntryNames {
  const names = pairedNames(entry);
  const lower = form?.toLowerCase();
  const chosen =
    (form !== undefined ? names.find((name) => name.short === form || name.long?.toLowerCase() === lower) : undefined) ??
    names.find((name) => name.long === entry.term || name.short === entry.term) ??
    names[0]!;
  return { heading: chosen.label, alsoKnownAs: names.filter((name) => name !== chosen).map((name) => name.label) };
}
