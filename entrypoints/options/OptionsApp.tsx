/**
 * The options page: the whole glossary (an entry can be opened directly with #entry=ID, as the
 * popover's "Open in glossary" does) and the reader's settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { builtinGlossary } from '@/glossary';
import { TermCard } from '@/components/TermCard';

function entryFromHash(): string | undefined {
  const match = /^#entry=([a-z0-9-]+)$/.exec(location.hash);
  return match?.[1];
}

export function OptionsApp() {
  const glossary = builtinGlossary;
  const relatedNames = new Map(glossary.entries.map((entry) => [entry.id, entry.term]));
  const [selected, setSelected] = useState(entryFromHash);

  useEffect(() => {
    const onHash = () => setSelected(entryFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!selected) return;
    const element = document.getElementById(`entry-${selected}`);
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [selected]);

  const entries = [...glossary.entries].sort((a, b) => a.term.localeCompare(b.term));
  return (
    <div class="page" data-theme="auto">
      <header class="page__header">
        <h1>Termlight glossary</h1>
        <p>{glossary.title}: {entries.length} terms drawn from “{glossary.source.title}”.</p>
      </header>
      <main>
        <ul class="entries">
          {entries.map((entry) => (
            <li key={entry.id} id={`entry-${entry.id}`} tabIndex={-1} class={entry.id === selected ? 'entries__item entries__item--selected' : 'entries__item'}>
              <TermCard
                entry={entry}
                source={glossary.source}
                relatedNames={relatedNames}
                onRelated={(id) => (location.hash = `entry=${id}`)}
              />
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
