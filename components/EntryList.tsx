/**
 * A list of glossary entries as buttons, optionally under group headings. Arrow keys move between the
 * buttons (and ArrowUp from the first returns to `onExitTop`, e.g. the search box); Enter opens one.
 */
import type { CatalogueEntry } from '@/glossary/catalogue';

export interface EntryGroup {
  label?: string;
  entries: CatalogueEntry[];
}

export interface EntryListProps {
  groups: EntryGroup[];
  onOpen: (entryId: string) => void;
  onExitTop?: () => void;
  /** Extra text per entry, e.g. "3 on this page". */
  note?: (entry: CatalogueEntry) => string | undefined;
  listLabel: string;
  /** Show each entry's first aliases under its term (off for compact lists). */
  showAliases?: boolean;
}

/** Marks an element whose entry lists the arrow keys move through as one. */
export const ENTRY_NAVIGATION = { 'data-entry-navigation': '' };

export function focusFirstEntry(container: HTMLElement | null): void {
  container?.querySelector<HTMLButtonElement>('.entry-list__button')?.focus();
}

function moveFocus(event: KeyboardEvent, onExitTop?: () => void): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
  const current = event.currentTarget as HTMLElement;
  // Arrows run through every list of the surrounding navigation area (e.g. "On this page", then all terms).
  const root = current.closest('[data-entry-navigation]') ?? current.closest('.entry-list');
  const buttons = [...(root?.querySelectorAll<HTMLButtonElement>('.entry-list__button') ?? [])];
  const index = buttons.indexOf(current as HTMLButtonElement);
  event.preventDefault();
  if (event.key === 'Home') return buttons[0]?.focus();
  if (event.key === 'End') return buttons[buttons.length - 1]?.focus();
  if (event.key === 'ArrowUp' && index === 0) return onExitTop?.();
  buttons[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
}

export function EntryList({ groups, onOpen, onExitTop, note, listLabel, showAliases = true }: EntryListProps) {
  return (
    <div class="entry-list" role="group" aria-label={listLabel}>
      {groups.map((group, groupIndex) => (
        <section key={group.label ?? groupIndex} class="entry-list__group">
          {group.label && <h3 class="entry-list__heading">{group.label}</h3>}
          <ul class="entry-list__items">
            {group.entries.map((entry) => {
              const extra = note?.(entry);
              return (
                <li key={entry.key}>
                  <button
                    type="button"
                    class="entry-list__button"
                    data-entry-id={entry.key}
                    onClick={() => onOpen(entry.key)}
                    onKeyDown={(event) => moveFocus(event, onExitTop)}
                  >
                    <span class="entry-list__term">{entry.term}</span>
                    {showAliases && entry.aliases.length > 0 && <span class="entry-list__aliases">{entry.aliases.slice(0, 3).join(', ')}</span>}
                    {extra && <span class="entry-list__note">{extra}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
