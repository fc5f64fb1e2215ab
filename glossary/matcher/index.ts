/**
 * The term matcher: finds glossary terms in page text.
 *
 * Plain TypeScript with no browser or extension APIs, so it runs the same in the content script, a
 * worker or a unit test. `compileMatcher` does all the work that depends on the glossary once;
 * `findAll` is the per-page hot path (see scan.ts and trie.ts for why it is fast).
 */
import { getCharTables, SEP, type CharTables } from './char-tables';
import { isCaseSensitiveForm, pluralOf, trimForm } from './forms';
import { exactKey } from './keys';
import { scan, type Compiled } from './scan';
import { packTrie } from './trie';
import { TrieBuilder, type FormOutput } from './trie-builder';
import type { Matcher, MatcherOptions, MatcherTerm } from './types';

export { isCaseSensitiveForm } from './forms';
export type { Matcher, MatcherOptions, MatcherTerm, TermMatch } from './types';

/** A declared form is also what its matches report (FormOutput), whichever surface form matched. */
interface DeclaredForm extends FormOutput {
  readonly caseSensitive: boolean;
}

/**
 * Compiles the terms and aliases of `terms` into a matcher.
 *
 * Precedence when two surface forms fold to the same key:
 *  - a case-sensitive form whose exact spelling is in the text wins over a case-insensitive one, so
 *    the acronym "CAT" and the word "cat" can live in one glossary;
 *  - otherwise the first one registered wins: every declared form (term and aliases) of every entry,
 *    in entry order, comes before any generated plural or possessive, and then the generated forms
 *    in entry order. So if two entries declare the same form, the earlier entry gets it, always.
 */
export function compileMatcher(terms: readonly MatcherTerm[], options: MatcherOptions = {}): Matcher {
  const steps = compileSteps(terms, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The work of compileMatcher in steps: it pauses (yields) every few thousand forms or trie nodes, so
 * that a caller on the page's main thread can let the page run in between. A content script with a
 * 10,000-entry glossary spent 65–95 ms compiling it in one task on every page it opened.
 */
export function* compileSteps(terms: readonly MatcherTerm[], options: MatcherOptions = {}): Generator<void, Matcher, void> {
  const tables = getCharTables();
  const declared = yield* declareForms(terms, options.caseSensitive ?? isCaseSensitiveForm);
  let declaredLength = 0;
  for (const decl of declared) declaredLength += decl.form.length;
  // A key has at most one node per code unit of its form, and its variants add at most 6 more (3 for
  // the plural, 2 for "'s", 1 for the plural's "'"): the builder's arrays never have to grow.
  const builder = new TrieBuilder(declaredLength + 6 * declared.length);
  const formCount = yield* insertForms(builder, declared, tables);
  const trie = yield* packTrie(builder, tables);
  const compiled: Compiled = {
    trie,
    tables,
    candidates: new Int32Array(2 * (trie.maxDepth + 1)),
  };
  return {
    findAll: (text: string) => scan(text, compiled),
    formCount,
  };
}

/** Forms inserted (or entries declared) between two pauses of compileSteps (about 1 ms of work, cold). */
const FORMS_PER_STEP = 1024;

// The steps of compileMatcher are plain functions rather than closures: V8 optimises their loops
// while they run, and a fresh closure per compile would throw that code away on every later compile.

/** Every declared form (term and aliases, trimmed, without duplicates within an entry), in order. */
function* declareForms(
  terms: readonly MatcherTerm[],
  caseSensitive: (form: string) => boolean,
): Generator<void, DeclaredForm[], void> {
  const declared: DeclaredForm[] = [];
  for (let index = 0; index < terms.length; index++) {
    if (index % FORMS_PER_STEP === FORMS_PER_STEP - 1) yield;
    const entry = terms[index]!;
    const aliases = entry.aliases ?? [];
    // Only an entry with aliases can declare a form twice.
    const seen = aliases.length > 0 ? new Set<string>() : null;
    declare(declared, entry.id, index, entry.term, seen, caseSensitive);
    for (const alias of aliases) declare(declared, entry.id, index, alias, seen, caseSensitive);
  }
  return declared;
}

function declare(
  declared: DeclaredForm[],
  entryId: string,
  entry: number,
  raw: string,
  seen: Set<string> | null,
  caseSensitive: (form: string) => boolean,
): void {
  const form = trimForm(raw);
  if (form === '' || seen?.has(form)) return;
  seen?.add(form);
  declared.push({ entryId, entry, form, caseSensitive: caseSensitive(form) });
}

/**
 * Inserts every surface form in precedence order (see compileMatcher): the declared forms, then the
 * generated ones (see forms.ts Plural), each continued from the node of the form it extends. Returns
 * how many were added. The surface strings are only needed (for exactKey) by case-sensitive forms.
 */
function* insertForms(builder: TrieBuilder, declared: readonly DeclaredForm[], tables: CharTables): Generator<void, number, void> {
  const { fold } = tables;
  let added = 0;
  const formNodes = new Int32Array(declared.length);
  for (let d = 0; d < declared.length; d++) {
    if (d % FORMS_PER_STEP === FORMS_PER_STEP - 1) yield;
    const decl = declared[d]!;
    formNodes[d] = builder.insert(decl.form, fold);
    added += register(builder, formNodes[d]!, decl, decl.form, tables);
  }
  for (let d = 0; d < declared.length; d++) {
    if (d % FORMS_PER_STEP === FORMS_PER_STEP - 1) yield;
    const decl = declared[d]!;
    const { form, caseSensitive } = decl;
    const plural = pluralOf(form);
    if (plural === null) continue;
    const formNode = formNodes[d]!;
    const pluralForm = caseSensitive ? form.slice(0, form.length - plural.drop) + plural.suffix : '';
    const pluralNode = variantNode(builder, fold, form, formNode, plural.drop, plural.suffix);
    added += register(builder, pluralNode, decl, pluralForm, tables);
    const possessive = variantNode(builder, fold, form, formNode, 0, "'s");
    added += register(builder, possessive, decl, caseSensitive ? `${form}'s` : '', tables);
    if (form.endsWith('s')) {
      const apostrophe = variantNode(builder, fold, form, formNode, 0, "'");
      added += register(builder, apostrophe, decl, caseSensitive ? `${form}'` : '', tables);
    }
    if (plural.suffix.endsWith('s') && pluralNode >= 0) {
      const pluralApostrophe = builder.insert("'", fold, pluralNode);
      added += register(builder, pluralApostrophe, decl, caseSensitive ? `${pluralForm}'` : '', tables);
    }
  }
  return added;
}

/** Adds a surface form to the node it folds to (none if -1): 1 if added, 0 if an earlier one claims it. */
function register(
  builder: TrieBuilder,
  node: number,
  decl: DeclaredForm,
  surface: string,
  tables: CharTables,
): number {
  return node >= 0 && addOutput(builder, builder.acceptOf(node), decl, surface, tables) ? 1 : 0;
}

/**
 * The node of the key of `form.slice(0, form.length - drop) + suffix`. A suffix has no separators,
 * so if the form's last unit is not a separator either, the variant's key is the form's key plus the
 * suffix: it goes on from the form's node. A plural that drops units ("metastasis" -> "metastases")
 * walks its stem, which is a prefix of the form's key, from the root, then goes on from there.
 */
function variantNode(
  builder: TrieBuilder,
  fold: Uint16Array,
  form: string,
  formNode: number,
  drop: number,
  suffix: string,
): number {
  const keep = form.length - drop;
  if (drop === 0 && formNode >= 0 && fold[form.charCodeAt(keep - 1)] !== SEP) {
    return builder.insert(suffix, fold, formNode);
  }
  return builder.insert(form.slice(0, keep) + suffix, fold);
}

/** Adds a surface form to the accepting node it folds to, unless an earlier one already claims it. */
function addOutput(
  builder: TrieBuilder,
  accept: number,
  decl: DeclaredForm,
  surface: string,
  tables: CharTables,
): boolean {
  if (!decl.caseSensitive) {
    if (builder.loose[accept] !== null) return false;
    builder.loose[accept] = decl;
    return true;
  }
  const exact = exactKey(surface, tables);
  const spellings = (builder.exact[accept] ??= []);
  if (spellings.some((other) => sameUnits(other.exact, exact))) return false;
  spellings.push({ output: decl, exact });
  return true;
}

function sameUnits(a: Uint16Array, b: Uint16Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
