/**
 * Wires the engine to one page (one frame): reads it, keeps it highlighted as it changes, and follows
 * the reader's settings live. Everything here can be torn down without a trace.
 */
// Deep imports, not the '@/glossary' barrel: the content script runs on every page and must not
// carry the extractor or search that the barrel also exports.
import { createHighlighter, type Highlighter, type HighlightResult } from '@/glossary/page/highlighter';
import { watchMutations, type MutationWatcher } from '@/glossary/page/mutation-watcher';
import { visibleRegion } from '@/glossary/page/visible-region';
import type { Catalogue } from '@/glossary/catalogue';
import { isSiteDisabled, type Settings } from '@/utils/settings-schema';

export interface PageHighlighting {
  applySettings(settings: Settings): void;
  /** Turns highlighting off or on in this tab only, until the page is reloaded (keyboard command). */
  toggleForTab(): boolean;
  /** Whether the page is highlighted now. */
  readonly active: boolean;
  readonly highlighter: Highlighter;
  /** The open shadow roots the engine has read (hit-testing looks inside them). */
  shadowRoots(): ShadowRoot[];
  destroy(): void;
}

const STYLE_NAMES = { underline: 'glossary-underline', background: 'glossary-background', none: '' } as const;

/** Keys of the entries the reader turned off, by category or by glossary. */
export function hiddenEntryKeys(catalogue: Catalogue, settings: Settings): Set<string> {
  const hiddenCategories = new Set<string>(settings.hiddenCategories);
  const disabledGlossaries = new Set(settings.disabledGlossaries);
  return new Set(
    catalogue.entries
      .filter((entry) => hiddenCategories.has(entry.category) || disabledGlossaries.has(entry.glossary.id))
      .map((entry) => entry.key),
  );
}

export function startPageHighlighting({
  catalogue,
  settings,
  shadowRootCss,
  onUpdate,
}: {
  catalogue: Catalogue;
  settings: Settings;
  /** The highlight rules, adopted by open shadow roots (document rules do not reach into them). */
  shadowRootCss: string;
  /** Called with what the page shows after every change (the badge and popup use it). */
  onUpdate?: (result: HighlightResult) => void;
}): PageHighlighting {
  let watcher: MutationWatcher | undefined;
  let active = false;
  let sheet: CSSStyleSheet | undefined;
  let settingsNow = settings;
  let offInTab = false;
  const shadowRoots: ShadowRoot[] = [];

  // A run or update resolves with its result: counting every match of the page again is not needed then.
  const notify = (result: HighlightResult = highlighter.result()) => onUpdate?.(result);
  // The engine knows entries by their catalogue key, unique across glossaries.
  const terms = catalogue.entries.map((entry) => ({ id: entry.key, term: entry.term, aliases: entry.aliases }));
  const highlighter = createHighlighter(terms, {
    highlightName: STYLE_NAMES[settings.highlightStyle],
    firstOccurrenceOnly: settings.firstOccurrenceOnly,
    hiddenEntryIds: hiddenEntryKeys(catalogue, settings),
    onShadowRoot(root) {
      shadowRoots.push(root);
      watcher?.observe(root);
      adoptStyles(root);
    },
  });

  function adoptStyles(root: ShadowRoot): void {
    try {
      sheet ??= new CSSStyleSheet();
      sheet.replaceSync(shadowRootCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A page that froze adoptedStyleSheets keeps its shadow DOM as it is: no highlight style there.
    }
  }

  function start(): void {
    if (active) return;
    active = true;
    watcher = watchMutations({ highlighter, onUpdate: notify });
    watcher.observe(document);
    for (const root of shadowRoots) watcher.observe(root);
    void highlighter.run(document, { first: visibleRegion() }).then(notify);
  }

  function stop(): void {
    if (!active) return;
    active = false;
    watcher?.disconnect();
    watcher = undefined;
    highlighter.clear();
    notify();
  }

  function applySettings(next: Settings): void {
    settingsNow = next;
    const wanted = next.enabled && !offInTab && !isSiteDisabled(next, location.hostname);
    highlighter.configure({
      highlightName: STYLE_NAMES[next.highlightStyle],
      firstOccurrenceOnly: next.firstOccurrenceOnly,
      hiddenEntryIds: hiddenEntryKeys(catalogue, next),
    });
    if (wanted) start();
    else stop();
    notify();
  }

  applySettings(settings);
  return {
    applySettings,
    toggleForTab() {
      offInTab = !offInTab;
      applySettings(settingsNow);
      return active;
    },
    get active() {
      return active;
    },
    highlighter,
    shadowRoots: () => shadowRoots.filter((root) => root.host.isConnected),
    destroy: stop,
  };
}
