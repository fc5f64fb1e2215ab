/**
 * Glossary search for the popup and options page: instant, case- and accent-insensitive, tolerant of
 * small typos, best match first. MiniSearch does the indexing and fuzzy scoring; on top of it a
 * query that is exactly a term or alias ("SIRT") always ranks that entry first.
 */
import MiniSearch from 'minisearch';
import type { GlossaryEntry } from './schema';

type SearchableEntry = Pick<GlossaryEntry, 'id' | 'term' | 'aliases' | 'summary'>;

export interface GlossarySearch {
  /** Entry ids, best match first. An empty query gives no results (callers show the full list). */
  search(query: string): string[];
}

/** Lower case without diacritics: "Tumour", "TUMOUR" and "tumóur" search alike. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function createGlossarySearch(entries: readonly SearchableEntry[]): GlossarySearch {
  const index = new MiniSearch<{ id: string; term: string; aliases: string; summary: string }>({
    fields: ['term', 'aliases', 'summary'],
    processTerm: (term) => foldForSearch(term),
    searchOptions: {
      boost: { term: 5, aliases: 4, summary: 1 },
      prefix: true,
      // One typo in words of 4+ letters ("pembrolizumap", "jaundise"), none in short acronyms.
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(entries.map((entry) => ({ id: entry.id, term: entry.term, aliases: entry.aliases.join(' · '), summary: entry.summary })));
  const exactNames = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.term, ...entry.aliases]) {
      const key = foldForSearch(name);
      if (!exactNames.has(key)) exactNames.set(key, entry.id);
    }
  }

  return {
    search(query) {
      const trimmed = query.trim();
      if (!trimmed) return [];
      let ids = index.search(trimmed).map((result) => String(result.id));
      // Nothing with every word? Fall back to any word, still best first.
      if (ids.length === 0) ids = index.search(trimmed, { combineWith: 'OR' }).map((result) => String(result.id));
      const exact = exactNames.get(foldForSearch(trimmed));
      if (exact) ids = [exact, ...ids.filter((id) => id !== exact)];
      return ids;
    },
  };
}
