/**
 * How names found in a text are written in a glossary: headings, singulars and ids.
 */
import { STOP_WORDS } from './chars';

/**
 * A word that is an abbreviation or symbol and keeps its spelling: "DNA", "pH", "mRNA", "IL-6", "TNF".
 */
export function isAcronymLike(word: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word) || /\d/.test(word);
}

/**
 * A phrase as a glossary heading: first letter capitalised, the rest as in running text.
 *
 * Writers often put a term in title case where they define it ("Transarterial Radioembolization
 * (TARE)"); the heading lower-cases such capitalised words ("Transarterial radioembolization"). A phrase
 * that capitalises every content word around a lower-case function word is taken for a proper name
 * ("Cochrane Central Register of Controlled Trials") and kept. Acronym-like words ("DNA", "pH") are
 * never changed; a phrase starting with one ("mRNA vaccine") is left as written.
 */
export function headingForm(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const first = words[0] ?? '';
  if (isAcronymLike(first)) return words.join(' ');
  const content = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  const properName =
    content.length >= 3 &&
    content.every((w) => /^\p{Lu}/u.test(w)) &&
    words.some((w) => STOP_WORDS.has(w) && w === w.toLowerCase());
  const out = words.map((word, i) => {
    if (i === 0 || properName || isAcronymLike(word)) return word;
    return /^\p{Lu}[\p{Ll}'’-]*$/u.test(word) ? word.toLowerCase() : word;
  });
  const head = out[0] ?? '';
  out[0] = head.charAt(0).toUpperCase() + head.slice(1);
  return out.join(' ');
}

/**
 * The singular of an English plural noun phrase's last word, for class names taken from lists
 * ("checkpoint inhibitors" → "checkpoint inhibitor"). Built-in glossaries write terms in the singular
 * and the matcher adds plurals, so extracted terms follow suit. Irregular plurals are left alone.
 */
export function singularPhrase(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  return [...words, singularWord(last)].join(' ');
}

export function singularWord(word: string): string {
  if (isAcronymLike(word) && !/\p{Lu}s$/u.test(word)) return word;
  if (/\p{Lu}s$/u.test(word)) return word.slice(0, -1); // "ICCs" → "ICC"
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x|z)es$/i.test(word)) return word.slice(0, -2);
  if (/uses$/i.test(word)) return word.slice(0, -2);
  if (/[^su]s$/i.test(word) && !/is$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** An id for the schema: lower-case letters, digits and hyphens, at most 80, starting with a letter or digit. */
export function slugify(text: string, fallback = 'entry'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, '') : slug;
  return cut.length > 0 ? cut : fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet; records the result as taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(id);
  return id;
}
