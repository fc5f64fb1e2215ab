/**
 * The hover popover on one page: finds the term under the pointer, decides when to show it (hover
 * intent), renders it in a shadow-root UI and keeps it next to its term (floating-ui).
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Highlighter, Occurrence } from '@/glossary';
import type { Catalogue } from '@/glossary/catalogue';
import { occurrenceAtPoint, rectsOf } from '@/glossary/page/hit-test';
import type { Theme } from '@/utils/settings-schema';
import { HoverIntent, type PopoverState } from './hover-intent';
import { TermPopover } from './TermPopover';
import { createShadowHost, type ShadowHost } from './shadow-host';
import popoverCss from './popover.css?inline';
import termCardCss from '@/components/term-card.css?inline';

export interface PopoverController {
  setOptions(options: { hoverDelayMs: number; theme: Theme }): void;
  /** Moves to the next or previous occurrence on the page and opens its popover (keyboard command). */
  navigate(direction: 'next' | 'previous'): boolean;
  /** Scrolls to an entry's next occurrence and opens its popover there (from the toolbar popup). */
  reveal(entryKey: string): boolean;
  close(): void;
  destroy(): void;
}

interface Shown {
  occurrence: Occurrence;
  /** The entry on display (catalogue key): the occurrence's, or a related one the reader switched to. */
  entryKey: string;
  pointer?: { x: number; y: number };
}

export function createPopoverController({
  ctx,
  catalogue,
  highlighter,
  shadowRoots,
  onOpenInGlossary,
}: {
  ctx: ContentScriptContext;
  catalogue: Catalogue;
  highlighter: Highlighter;
  /** Open shadow roots the engine has read: hit-testing must look inside them. */
  shadowRoots: () => ShadowRoot[];
  onOpenInGlossary: (entryKey: string) => void;
}): PopoverController {
  let theme: Theme = 'auto';
  let ui: ShadowHost | undefined;
  let shown: Shown | undefined;
  let stopPositioning: (() => void) | undefined;
  let focusBefore: Element | null = null;
  let lastPointer: { x: number; y: number } | undefined;
  let lastPointerType = 'mouse';
  let frameRequested = false;
  let lastNavigated: Occurrence | undefined;

  const intent = new HoverIntent<Occurrence>({ showDelayMs: 300, onChange: (state) => apply(state) });

  /** Created on first use: most pages are read without ever opening a popover. */
  function mountUi(): ShadowHost {
    ui ??= createShadowHost({ name: 'termlight-popover', css: `${popoverCss}\n${termCardCss}` });
    return ui;
  }

  function apply(state: PopoverState<Occurrence>): void {
    if (state.kind === 'closed') {
      hide();
      return;
    }
    const entryKey = shown?.occurrence === state.target ? shown.entryKey : state.target.entryId;
    shown = { occurrence: state.target, entryKey, pointer: state.openedBy === 'pointer' ? lastPointer : undefined };
    show(state.openedBy === 'keyboard');
  }

  function show(takeFocus: boolean): void {
    const current = shown;
    if (!current) return;
    const entry = catalogue.byKey.get(current.entryKey);
    if (!entry) return;
    const { container } = mountUi();
    const switched = current.entryKey !== current.occurrence.entryId;
    render(
      <TermPopover
        entry={entry}
        form={switched ? undefined : current.occurrence.form}
        seenAs={switched ? undefined : current.occurrence.text}
        theme={theme}
        related={catalogue.related(entry)}
        onClose={closeAndRestoreFocus}
        onRelated={(key) => {
          if (!shown) return;
          shown = { ...shown, entryKey: key };
          intent.pin(); // the reader is using the popover: keep it
          show(false);
          focusPopover();
        }}
        onOpenInGlossary={() => onOpenInGlossary(entry.key)}
        onPointerInside={(inside) => intent.pointerOverPopover(inside)}
      />,
      container,
    );
    position(current);
    if (takeFocus) focusPopover();
  }

  function popoverElement(): HTMLElement | null {
    return ui?.container.querySelector<HTMLElement>('.popover') ?? null;
  }

  function focusPopover(): void {
    const element = popoverElement();
    if (!element) return;
    const active = document.activeElement;
    if (active !== ui?.host) focusBefore = active;
    element.focus({ preventScroll: true });
  }

  function position({ occurrence, pointer }: Shown): void {
    stopPositioning?.();
    const floating = popoverElement();
    if (!floating) return;
    const { startContainer } = occurrence.range;
    const reference = {
      getBoundingClientRect: () => liveRange(occurrence).getBoundingClientRect(),
      getClientRects: () => liveRange(occurrence).getClientRects(),
      contextElement: startContainer.parentElement ?? undefined,
    };
    const update = () =>
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(pointer),
          offset(6),
          // Flip to whichever side has room, then keep inside the viewport without covering the term.
          flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'], padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              elements.floating.style.maxHeight = `${Math.max(120, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    stopPositioning = autoUpdate(reference, floating, update, { animationFrame: false });
  }

  function hide(): void {
    stopPositioning?.();
    stopPositioning = undefined;
    shown = undefined;
    if (ui) render(null, ui.container);
  }

  function closeAndRestoreFocus(): void {
    const restore = focusBefore;
    const hadFocus = !!ui && document.activeElement === ui.host;
    intent.close();
    focusBefore = null;
    if (hadFocus && restore instanceof HTMLElement) restore.focus({ preventScroll: true });
    else if (hadFocus) (document.activeElement as HTMLElement | null)?.blur?.();
  }

  function isOwnUi(target: EventTarget | null): boolean {
    return !!ui && target === ui.host;
  }

  function hitTest(x: number, y: number): Occurrence | undefined {
    return occurrenceAtPoint({ highlighter, x, y, shadowRoots: shadowRoots() });
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    lastPointer = { x: event.clientX, y: event.clientY };
    if (isOwnUi(event.target) || frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      if (!lastPointer) return;
      intent.pointerOverTerm(hitTest(lastPointer.x, lastPointer.y));
    });
  }

  function onPointerDown(event: PointerEvent): void {
    lastPointerType = event.pointerType;
  }

  function onClick(event: MouseEvent): void {
    if (isOwnUi(event.target)) return;
    const occurrence = hitTest(event.clientX, event.clientY);
    const state = intent.current;
    if (!occurrence) {
      if (state.kind === 'open') intent.close(); // a click or tap elsewhere dismisses it
      return;
    }
    // A term inside a link or button keeps the page's behaviour: the click goes where it went.
    const element = occurrence.range.startContainer.parentElement;
    if (element?.closest('a[href], button, [role="button"], [role="link"]')) return;
    lastPointer = { x: event.clientX, y: event.clientY };
    if (state.kind === 'open' && state.target === occurrence) intent.pin();
    else intent.openNow(occurrence, lastPointerType === 'touch' ? 'touch' : 'click');
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && intent.current.kind === 'open') closeAndRestoreFocus();
  }

  function open(occurrence: Occurrence): void {
    const element = occurrence.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    lastNavigated = occurrence;
    intent.openNow(occurrence, 'keyboard');
  }

  const listen = { capture: true, passive: true } as const;
  ctx.addEventListener(document, 'pointermove', onPointerMove, listen);
  ctx.addEventListener(document, 'pointerdown', onPointerDown, listen);
  ctx.addEventListener(document, 'click', onClick, { capture: true });
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });

  return {
    setOptions(options) {
      intent.setShowDelay(options.hoverDelayMs);
      if (theme !== options.theme) {
        theme = options.theme;
        if (shown) show(false);
      }
    },
    navigate(direction) {
      const all = highlighter.occurrences();
      if (all.length === 0) return false;
      const current = (intent.current.kind === 'open' ? intent.current.target : undefined) ?? lastNavigated;
      const index = current ? all.indexOf(current) : -1;
      let next: Occurrence | undefined;
      if (index >= 0) {
        next = all[(index + (direction === 'next' ? 1 : -1) + all.length) % all.length];
      } else {
        // Nothing chosen yet: start from what is on screen.
        const firstVisible = all.findIndex((occurrence) => (rectsOf(occurrence)[0]?.bottom ?? -1) >= 0);
        next = direction === 'next' ? all[Math.max(0, firstVisible)] : all[(Math.max(0, firstVisible) - 1 + all.length) % all.length];
      }
      if (!next) return false;
      open(next);
      return true;
    },
    reveal(entryKey) {
      const all = highlighter.occurrences().filter((occurrence) => occurrence.entryId === entryKey);
      if (all.length === 0) return false;
      const index = lastNavigated ? all.indexOf(lastNavigated) : -1;
      open(all[(index + 1) % all.length]!);
      return true;
    },
    close: () => intent.close(),
    destroy() {
      intent.dispose();
      hide();
      ui?.remove();
    },
  };
}

function liveRange(occurrence: Occurrence): Range {
  const { range } = occurrence;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}
