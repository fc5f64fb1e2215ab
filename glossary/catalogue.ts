/**
 * All glossaries in use as one list of entries. Entry ids are unique only within their glossary, so
 * each entry gets a key, `glossaryId/entryId`, which the matcher, the popover, the popup and the badge
 * use; related ids resolve within the entry's own glossary.
 */
import type { Glossary, GlossaryEntry } from './schema';

export interface CatalogueEntry extends GlossaryEntry {
  key: string;
  glossary: Glossary;
}

export interface RelatedTerm {
  key: string;
  name: string;
}

export interface Catalogue {
  entries: CatalogueEntry[];
  byKey: ReadonlyMap<string, CatalogueEntry>;
  related(entry: CatalogueEntry): RelatedTerm[];
}

export function entryKey(glossaryId: string, entryId: string): string {
  return `${glossaryId}/${entryId}`;
}

export function buildCatalogue(glossaries: readonly Glossary[]): Catalogue {
  const entries = glossaries.flatMap((glossary) =>
    glossary.entries.map((entry): CatalogueEntry => ({ ...entry, key: entryKey(glossary.id, entry.id), glossary })),
  );
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  return {
    entries,
    byKey,
    related(entry) {
      return entry.related.flatMap((id) => {
        const other = byKey.get(entryKey(entry.glossary.id, id));
        return other ? [{ key: other.key, name: other.term }] : [];
      });
    },
  };
}
