/**
 * The benchmark glossaries: the built-in one, and 1,000 and 10,000 entries made of the built-in
 * entries plus synthetic terms (1–3 words of the `word-list` package, some with an acronym alias),
 * generated deterministically. Also the forms the other tools take them in: a list of surface forms
 * (mark.js `mark(array)`), one combined \b-bounded alternation (the regex floor, `markRegExp`), and one
 * combined alternation with the matcher's rules (reported beside the floor).
 */
import { builtinGlossary, parseGlossary, type Glossary, type MatcherTerm } from '../glossary';
import { isCaseSensitiveForm, pluralOf, trimForm } from '../glossary/matcher/forms';
import { createRng } from './prng';
import { loadVocabulary } from './words';

export type GlossaryName = 'builtin' | '1k' | '10k';
export const GLOSSARY_NAMES: readonly GlossaryName[] = ['builtin', '1k', '10k'];

export interface BenchGlossary {
  name: GlossaryName;
  label: string;
  entries: MatcherTerm[];
  /** Every declared surface form (terms and aliases), deduplicated. */
  forms: string[];
  /** Source of the combined regular expression (flags "gi"). */
  regexSource: string;
  /** Source of a combined regular expression with the matcher's rules (flags "gu"), see sameRulesRegexSource. */
  sameRulesRegexSource: string;
}

export function builtinEntries(): MatcherTerm[] {
  return builtinGlossary.entries.map(({ id, term, aliases }) => ({ id, term, aliases: [...aliases] }));
}

/** The built-in entries followed by synthetic ones, `total` entries in all. */
export function syntheticEntries(total: number, seed = 0x9105): MatcherTerm[] {
  const rng = createRng(seed);
  const { termWords } = loadVocabulary();
  const entries = builtinEntries();
  const taken = new Set(entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]).map((form) => form.toLowerCase()));
  while (entries.length < total) {
    const r = rng.next();
    const wordCount = r < 0.4 ? 1 : r < 0.8 ? 2 : 3;
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) words.push(rng.pick(termWords));
    let term = words.join(' ');
    if (rng.chance(0.3)) term = term.charAt(0).toUpperCase() + term.slice(1);
    if (taken.has(term.toLowerCase())) continue;
    taken.add(term.toLowerCase());
    const aliases: string[] = [];
    if (wordCount > 1 && rng.chance(0.15)) {
      const acronym = words.map((word) => word[0]!.toUpperCase()).join('') + (rng.chance(0.3) ? String(rng.int(1, 9)) : '');
      if (!taken.has(acronym.toLowerCase())) {
        taken.add(acronym.toLowerCase());
        aliases.push(acronym);
      }
    }
    entries.push({ id: `synthetic-${entries.length}`, term, aliases });
  }
  return entries;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function combinedRegexSource(forms: readonly string[]): string {
  const sorted = [...forms].sort((a, b) => b.length - a.length); // longest first: leftmost-longest-ish
  return `\\b(?:${sorted.map(escapeRegExp).join('|')})\\b`;
}

/** A letter, mark, digit or soft hyphen: the matcher lets no match start or end next to one. */
const WORD_UNIT = '[\\p{L}\\p{M}\\p{N}\\u00AD]';
/** A run of separators (whitespace, hyphens) inside a form, as the matcher folds them. */
const SEPARATOR_RUN = '[\\s\\-\\u2010\\u2011]+';

/** One surface form as a pattern: any run of separators between its words, either apostrophe. */
function sameRulesPattern(form: string): string {
  return form.split(new RegExp(SEPARATOR_RUN)).map(escapeRegExp).join(SEPARATOR_RUN).replace(/'/g, "['\u2019]");
}

/**
 * One combined regular expression with (nearly) the matcher's rules, where `combinedRegexSource` has the
 * simplest ones: ASCII `\b` boundaries, declared forms only, one spelling of each separator. Here no
 * match starts or ends next to a letter, mark or digit of any script; every form also matches its plural
 * and possessives (the matcher's own rules, forms.ts); separators match any run of whitespace and
 * hyphens; the typographic apostrophe stands for the ASCII one; acronyms and other case-sensitive forms
 * match in their own case only (a `(?i:)` group holds the others). Left out: soft hyphens inside words
 * and the ambiguity guard's decisions. The bench reports it beside the floor, to show what the floor
 * leaves out; the targets are judged against the simpler one.
 */
export function sameRulesRegexSource(entries: readonly MatcherTerm[]): string {
  const loose = new Set<string>();
  const exact = new Set<string>();
  for (const entry of entries) {
    for (const raw of [entry.term, ...(entry.aliases ?? [])]) {
      const form = trimForm(raw);
      if (form === '') continue;
      const caseSensitive = isCaseSensitiveForm(form);
      const variants = [form];
      const plural = pluralOf(form);
      if (plural !== null) {
        const pluralForm = form.slice(0, form.length - plural.drop) + plural.suffix;
        variants.push(pluralForm, `${form}'s`, `${pluralForm}'`);
        if (form.endsWith('s')) variants.push(`${form}'`);
      }
      for (const variant of variants) (caseSensitive ? exact : loose).add(sameRulesPattern(caseSensitive ? variant : variant.toLowerCase()));
    }
  }
  const longestFirst = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);
  const alternatives = [...longestFirst(exact), ...(loose.size > 0 ? [`(?i:${longestFirst(loose).join('|')})`] : [])];
  return `(?<!${WORD_UNIT})(?:${alternatives.join('|')})(?!${WORD_UNIT})`;
}

export function makeGlossary(name: GlossaryName): BenchGlossary {
  const entries = name === 'builtin' ? builtinEntries() : syntheticEntries(name === '1k' ? 1_000 : 10_000);
  const seen = new Set<string>();
  const forms: string[] = [];
  for (const entry of entries) {
    for (const form of [entry.term, ...(entry.aliases ?? [])]) {
      const key = form.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      forms.push(form);
    }
  }
  const label = name === 'builtin' ? `built-in (${entries.length})` : `${entries.length.toLocaleString('en-US')}`;
  return { name, label, entries, forms, regexSource: combinedRegexSource(forms), sameRulesRegexSource: sameRulesRegexSource(entries) };
}

/**
 * A reader's glossary as the extension stores it, with the synthetic entries of the `total`-entry
 * glossary (the built-in glossary is always loaded beside it, so the extension then has `total`
 * entries). Validated as the extension validates what it reads, so that a bench run cannot silently
 * measure the built-in glossary alone.
 */
export function storedGlossary(total: number): Glossary {
  const builtinCount = builtinEntries().length;
  const entries = syntheticEntries(total)
    .slice(builtinCount)
    .map((entry, index) => ({
      id: `synthetic-${index + 1}`,
      term: entry.term,
      aliases: [...(entry.aliases ?? [])],
      category: 'concept',
      summary: 'A synthetic entry of the benchmark.',
      quotes: ['A synthetic sentence of the benchmark.'],
      related: [],
    }));
  const parsed = parseGlossary({ format: 1, id: 'bench-synthetic', title: `Synthetic (${total} entries)`, source: { title: 'Termlight benchmark' }, entries });
  if (!parsed.ok) throw new Error(`the synthetic glossary does not validate: ${parsed.error}`);
  return parsed.glossary;
}
