/**
 * Keeps highlights in step with a changing page (infinite scroll, single-page apps, live updates).
 *
 * Mutations are batched: a change after a quiet spell is redone in the next task or before the next
 * frame, whichever comes first (a page's own render usually makes all its changes in one task, which
 * the observer reports together), and changes that follow are collected until `delayMs` after that
 * flush and redone together, container by container.
 * A page that mutates constantly thus costs one small flush per `delayMs`, however fast it mutates,
 * while a single change is highlighted at once. Changes inside our own UI and inside editors are ignored.
 */
import { INLINE_TAGS, OWN_UI_ATTRIBUTE, SKIPPED_SELECTOR, isSkippedElement } from './dom-rules';
import type { ContainerChange, Highlighter, HighlightResult } from './highlighter';
import { containerOf, type Container } from './text-index';

export interface MutationWatcher {
  /** Watches another root too (an open shadow root found later). */
  observe(root: Node): void;
  disconnect(): void;
}

export interface WatchOptions {
  highlighter: Highlighter;
  delayMs?: number;
  /** Called after each flush with what the page now shows, e.g. to update the toolbar badge. */
  onUpdate?: (result: HighlightResult) => void;
}

/**
 * Text and structure, and the attributes that make an element an editor: a section a site turns
 * editable in place must lose its highlights, and get them back when it stops being editable.
 */
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: ['contenteditable', 'role'],
  attributeOldValue: true,
};

function isOwnUi(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(OWN_UI_ATTRIBUTE);
}

export function watchMutations({ highlighter, delayMs = 50, onUpdate }: WatchOptions): MutationWatcher {
  const pending = new Map<Container, boolean>(); // container -> deep
  let removedSomething = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let lastFlush = -Infinity;

  function mark(container: Container | null, deep: boolean): void {
    if (!container) return;
    pending.set(container, deep || pending.get(container) === true);
  }

  function handle(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        mark(containerOf(record.target, SKIPPED_SELECTOR), false);
        continue;
      }
      if (record.type === 'attributes') {
        // An element became an editor or stopped being one: redo the block around it, whose walk
        // skips the element now or reads it again.
        const element = record.target as Element;
        if (record.attributeName === 'role' && record.oldValue !== 'textbox' && element.getAttribute('role') !== 'textbox') continue;
        const parent = element.parentNode;
        if (!parent || isOwnUi(element)) continue;
        mark(parent.nodeType === Node.ELEMENT_NODE ? containerOf(parent, SKIPPED_SELECTOR) : (parent as Container), true);
        continue;
      }
      const added = [...record.addedNodes].filter((node) => !isOwnUi(node));
      const removed = [...record.removedNodes].filter((node) => !isOwnUi(node));
      if (added.length === 0 && removed.length === 0) continue;
      const container = containerOf(record.target, SKIPPED_SELECTOR);
      if (!container) continue; // inside an editor, code block or our UI
      if (removed.length > 0) removedSomething = true;
      let touchesText = removed.some((node) => !isBlockElement(node));
      for (const node of added) {
        if (isBlockElement(node)) {
          if (!isSkippedElement(node as Element, (node as Element).localName)) mark(node as Element, true);
        } else {
          touchesText = true;
          // An inline element may bring block descendants of its own.
          if (node.nodeType === Node.ELEMENT_NODE && (node as Element).firstElementChild) mark(container, true);
        }
      }
      if (touchesText) mark(container, false);
    }
    if (pending.size > 0 || removedSomething) schedule();
  }

  /**
   * A change after a quiet spell is redone at once: in the next task, or in the next animation frame
   * if the browser renders before that task runs. It does on a heavy page (a frame of the 5 MB bench
   * page takes ~140 ms to render an added paragraph), and the new content then showed unhighlighted
   * for that frame; done in the frame's callbacks, the highlight is painted with the content.
   */
  function schedule(): void {
    if (timer !== undefined) return;
    const wait = Math.max(0, lastFlush + delayMs - performance.now());
    timer = setTimeout(flush, wait);
    if (wait === 0 && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flush);
  }

  function cancelFlush(): void {
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    timer = undefined;
    frame = undefined;
  }

  function flush(): void {
    cancelFlush();
    lastFlush = performance.now();
    const changes: ContainerChange[] = [];
    const deepOnes = [...pending].filter(([, deep]) => deep).map(([container]) => container);
    for (const [container, deep] of pending) {
      // Skip what a deep change of an enclosing container redoes anyway.
      const covered = deepOnes.some((outer) => outer !== container && outer.contains(container));
      if (!covered) changes.push({ container, deep });
    }
    const removed = removedSomething;
    pending.clear();
    removedSomething = false;
    void highlighter.update(changes, removed).then((result) => onUpdate?.(result));
  }

  const observer = new MutationObserver(handle);
  return {
    observe(root) {
      observer.observe(root, OBSERVE);
    },
    disconnect() {
      observer.disconnect();
      cancelFlush();
      pending.clear();
    },
  };
}

function isBlockElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && !INLINE_TAGS.has((node as Element).localName);
}
