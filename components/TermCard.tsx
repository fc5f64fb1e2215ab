/**
 * One glossary entry as the reader sees it: in the hover popover and in the toolbar popup.
 * All glossary text is rendered as text (JSX children), never as HTML.
 */
import type { GlossaryEntry, GlossarySource } from '@/glossary';
import type { RelatedTerm } from '@/glossary/catalogue';
import { entryNames } from '@/glossary/display-name';

export interface TermCardProps {
  entry: GlossaryEntry;
  /** The form the reader met on the page ("SIRT"), which chooses the heading. */
  form?: string;
  /** The text as the page has it ("SIRT’s"), when it differs from the heading. */
  seenAs?: string;
  source: GlossarySource;
  /** Related entries, for the related-term buttons. */
  related: readonly RelatedTerm[];
  onRelated?: (key: string) => void;
  onOpenInGlossary?: () => void;
  headingId?: string;
}

export function TermCard({ entry, form, seenAs, source, related, onRelated, onOpenInGlossary, headingId }: TermCardProps) {
  const names = entryNames(entry, form);
  return (
    <article class="term-card">
      <header class="term-card__header">
        <h2 class="term-card__heading" id={headingId}>
          {names.heading}
        </h2>
        <span class="term-card__category">{entry.category}</span>
      </header>
      {seenAs && !names.heading.toLowerCase().includes(seenAs.toLowerCase()) && (
        <p class="term-card__seen-as">On this page: “{seenAs}”</p>
      )}
      {names.alsoKnownAs.length > 0 && (
        <p class="term-card__aka">Also known as {names.alsoKnownAs.join(', ')}</p>
      )}
      <p class="term-card__summary">{entry.summary}</p>
      <figure class="term-card__quote">
        <blockquote>{entry.quotes[0]}</blockquote>
        <figcaption>
          From <cite>{source.url ? <a href={source.url} target="_blank" rel="noreferrer noopener">{source.title}</a> : source.title}</cite>
        </figcaption>
      </figure>
      {related.length > 0 && onRelated && (
        <nav class="term-card__related" aria-label="Related terms">
          {related.map(({ key, name }) => (
            <button type="button" class="term-card__related-button" key={key} onClick={() => onRelated(key)}>
              {name}
            </button>
          ))}
        </nav>
      )}
      <footer class="term-card__footer">
        <p class="term-card__disclaimer">From the article above. It explains words; it is not medical advice.</p>
        {onOpenInGlossary && (
          <button type="button" class="term-card__open" onClick={onOpenInGlossary}>
            Open in glossary
          </button>
        )}
      </footer>
    </article>
  );
}
