/**
 * The term matcher: finds glossary terms in page text.
 *
 * Plain TypeScript with no browser or extension APIs, so it runs the same in the content script, a
 * worker or a unit test. `compileMatcher` does all the work that depends on the glossary once;
 * `findAll` is the per-page hot path (see scan.ts and trie.ts for why it is fast).
 */
import { getCharTables, type CharTables } from './char-tables';
import { formVariants, isCaseSensitiveForm, trimForm } from './forms';
import { exactKey, foldedKey } from './keys';
import { scan, type Compiled } from './scan';
import { packTrie } from './trie';
import { TrieBuilder, type Accept } from './trie-builder';
import type { Matcher, MatcherOptions, MatcherTerm } from './types';

export { isCaseSensitiveForm } from './forms';
export type { Matcher, MatcherOptions, MatcherTerm, TermMatch } from './types';

interface DeclaredForm {
  readonly entryId: string;
  readonly form: string;
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
  const tables = getCharTables();
  const caseSensitive = options.caseSensitive ?? isCaseSensitiveForm;
  const declared: DeclaredForm[] = [];
  for (const entry of terms) {
    const seen = new Set<string>();
    for (const raw of [entry.term, ...(entry.aliases ?? [])]) {
      const form = trimForm(raw);
      if (form === '' || seen.has(form)) continue;
      seen.add(form);
      declared.push({ entryId: entry.id, form, caseSensitive: caseSensitive(form) });
    }
  }

  const builder = new TrieBuilder();
  let formCount = 0;
  const register = (decl: DeclaredForm, surface: string): void => {
    const key = foldedKey(surface, tables);
    if (key.length === 0) return;
    if (addOutput(builder.insert(key), decl, surface, tables)) formCount++;
  };
  for (const decl of declared) register(decl, decl.form);
  for (const decl of declared) {
    const variants = formVariants(decl.form);
    for (let i = 1; i < variants.length; i++) register(decl, variants[i]!);
  }

  const trie = packTrie(builder, tables);
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

/** Adds a surface form to the node it folds to, unless an earlier one already claims it. */
function addOutput(
  accept: Accept,
  decl: DeclaredForm,
  surface: string,
  tables: CharTables,
): boolean {
  if (!decl.caseSensitive) {
    if (accept.loose !== null) return false;
    accept.loose = { entryId: decl.entryId, form: decl.form };
    return true;
  }
  const exact = exactKey(surface, tables);
  if (accept.exact.some((other) => sameUnits(other.exact, exact))) return false;
  accept.exact.push({ entryId: decl.entryId, form: decl.form, exact });
  return true;
}

function sameUnits(a: Uint16Array, b: Uint16Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
