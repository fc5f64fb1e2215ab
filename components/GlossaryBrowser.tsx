/**
 * Search and browse a glossary: a search box that filters as the reader types (best match first), the
 * whole list grouped by category or A–Z when the box is empty, and an entry's detail. Keyboard: arrows
 * move through results, Enter opens, Esc goes back (from the detail to the list, then clears the box).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORIES } from '@/glossary';
import type { Catalogue, CatalogueEntry } from '@/glossary/catalogue';
import { createGlossarySearch } from '@/glossary/search';
import { TermCard } from './TermCard';
import { ENTRY_NAVIGATION, EntryList, focusFirstEntry, type EntryGroup } from './EntryList';

export type Grouping = 'category' | 'alphabet';

export interface GlossaryBrowserProps {
  catalogue: Catalogue;
  /** Open this entry's detail first (the options page's #entry=KEY). */
  initialEntryId?: string;
  /** Put the cursor in the search box on open. */
  autoFocus?: boolean;
  /** Detail actions for an entry found on the current page. */
  onShowOnPage?: (entryId: string) => void;
  pageCounts?: Readonly<Record<string, number>>;
  /** Tells the parent which entry is open, e.g. to keep it in the address. */
  onOpenChange?: (entryId: string | undefined) => void;
  /** Shown above the full list while the search box is empty (the popup's "On this page"). */
  aboveList?: ComponentChildren;
}

const CATEGORY_LABELS: Record<string, string> = {
  condition: 'Conditions',
  anatomy: 'Anatomy',
  procedure: 'Procedures and treatments',
  drug: 'Drugs',
  'drug class': 'Drug classes',
  concept: 'Concepts',
};

function groupEntries(entries: readonly CatalogueEntry[], grouping: Grouping): EntryGroup[] {
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term));
  if (grouping === 'category') {
    return CATEGORIES.map((category) => ({
      label: CATEGORY_LABELS[category] ?? category,
      entries: sorted.filter((entry) => entry.category === category),
    })).filter((group) => group.entries.length > 0);
  }
  const byLetter = new Map<string, CatalogueEntry[]>();
  for (const entry of sorted) {
    const letter = entry.term.charAt(0).toUpperCase();
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
  }
  return [...byLetter].map(([label, group]) => ({ label, entries: group }));
}

export function GlossaryBrowser({ catalogue, initialEntryId, autoFocus, onShowOnPage, pageCounts, onOpenChange, aboveList }: GlossaryBrowserProps) {
  const [query, setQuery] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('category');
  const [openId, setOpenId] = useState<string | undefined>(initialEntryId);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const returnFocusTo = useRef<string | undefined>(undefined);
  const search = useMemo(
    () => createGlossarySearch(catalogue.entries.map((entry) => ({ ...entry, id: entry.key }))),
    [catalogue],
  );

  useEffect(() => setOpenId(initialEntryId), [initialEntryId]);
  useEffect(() => {
    if (autoFocus && !openId) searchRef.current?.focus();
  }, []);
  useEffect(() => onOpenChange?.(openId), [openId]);

  const groups: EntryGroup[] = query.trim()
    ? [{ entries: search.search(query).flatMap((key) => catalogue.byKey.get(key) ?? []) }]
    : groupEntries(catalogue.entries, grouping);
  const resultCount = groups.reduce((sum, group) => sum + group.entries.length, 0);
  const open = openId ? catalogue.byKey.get(openId) : undefined;

  function openEntry(id: string) {
    returnFocusTo.current = id;
    setOpenId(id);
  }

  function back() {
    setOpenId(undefined);
    // Return focus to the entry the reader came from, or the search box.
    requestAnimationFrame(() => {
      const button = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.entry-list__button') ?? [])].find(
        (element) => element.dataset.entryId === returnFocusTo.current,
      );
      (button ?? searchRef.current)?.focus();
    });
  }

  if (open) {
    const count = pageCounts?.[open.key];
    return (
      <div
        class="glossary-browser__detail"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            back();
          }
        }}
      >
        <div class="glossary-browser__detail-actions">
          <button type="button" class="link-button" onClick={back} ref={(element) => element?.focus()}>
            ← All terms
          </button>
          {onShowOnPage && count ? (
            <button type="button" class="link-button" onClick={() => onShowOnPage(open.key)}>
              Show on page ({count})
            </button>
          ) : null}
        </div>
        <TermCard entry={open} source={open.glossary.source} related={catalogue.related(open)} onRelated={openEntry} />
      </div>
    );
  }

  return (
    <div class="glossary-browser">
      <div class="glossary-browser__search">
        <label class="visually-hidden" for="glossary-search">
          Search the glossary
        </label>
        <input
          id="glossary-search"
          ref={searchRef}
          type="search"
          placeholder="Search terms, e.g. SIRT"
          autoComplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              focusFirstEntry(listRef.current);
            } else if (event.key === 'Enter') {
              // preventDefault: focus moves to the detail's back button, which must not get this Enter too.
              event.preventDefault();
              const first = groups[0]?.entries[0];
              if (first) openEntry(first.key);
            } else if (event.key === 'Escape' && query) {
              event.preventDefault();
              event.stopPropagation();
              setQuery('');
            }
          }}
        />
        {!query.trim() && (
          <fieldset class="glossary-browser__grouping">
            <legend class="visually-hidden">Group terms</legend>
            {(['category', 'alphabet'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="grouping" value={value} checked={grouping === value} onChange={() => setGrouping(value)} />
                {value === 'category' ? 'By category' : 'A–Z'}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <p class="visually-hidden" role="status">
        {query.trim() ? `${resultCount} ${resultCount === 1 ? 'term' : 'terms'} found` : ''}
      </p>
      <div ref={listRef} {...ENTRY_NAVIGATION}>
        {!query.trim() && aboveList}
        {resultCount === 0 ? (
          <p class="glossary-browser__empty">No term matches “{query}”.</p>
        ) : (
          <EntryList
            groups={groups}
            onOpen={openEntry}
            onExitTop={() => searchRef.current?.focus()}
            listLabel={query.trim() ? 'Search results' : 'All terms'}
            note={(entry) => (pageCounts?.[entry.key] ? `${pageCounts[entry.key]} on this page` : undefined)}
          />
        )}
      </div>
    </div>
  );
}
