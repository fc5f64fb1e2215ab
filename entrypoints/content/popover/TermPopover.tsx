/**
 * The popover's content: a non-modal dialog named by its term, holding the term card and a close
 * button. Keyboard: Tab moves through its buttons, Esc closes it (and focus returns where it was).
 */
import type { CatalogueEntry, RelatedTerm } from '@/glossary/catalogue';
import type { Theme } from '@/utils/settings-schema';
import { TermCard } from '@/components/TermCard';

export interface TermPopoverProps {
  entry: CatalogueEntry;
  form?: string;
  seenAs?: string;
  theme: Theme;
  related: readonly RelatedTerm[];
  onClose: () => void;
  onRelated: (key: string) => void;
  onOpenInGlossary: () => void;
  onPointerInside: (inside: boolean) => void;
}

const HEADING_ID = 'termlight-popover-heading';
/** A popover stays small next to the text; the glossary page lists every related term. */
const MAX_RELATED = 4;

export function TermPopover(props: TermPopoverProps) {
  const { entry, theme } = props;
  return (
    <div data-theme={theme}>
      <div
        class="popover"
        role="dialog"
        aria-modal="false"
        aria-labelledby={HEADING_ID}
        tabIndex={-1}
        onPointerEnter={() => props.onPointerInside(true)}
        onPointerLeave={() => props.onPointerInside(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            props.onClose();
          }
        }}
      >
        <button type="button" class="popover__close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
        <TermCard
          entry={entry}
          form={props.form}
          seenAs={props.seenAs}
          source={entry.glossary.source}
          related={props.related.slice(0, MAX_RELATED)}
          onRelated={props.onRelated}
          onOpenInGlossary={props.onOpenInGlossary}
          headingId={HEADING_ID}
        />
      </div>
    </div>
  );
}
