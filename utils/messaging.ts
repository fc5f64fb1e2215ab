/**
 * The one message protocol between popup, options page, content script and background.
 *
 * Every sender must expect no receiver: a tab the extension cannot read (browser pages, the store, the
 * PDF viewer) has no content script, and a tab still loading may not have one yet.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

/** What the content script of a tab's top frame reports about its page. */
export interface PageTerms {
  /** The host name the settings' per-site switch uses ("" for pages without one). */
  site: string;
  /** Whether Termlight is highlighting this page now (settings and the tab toggle allowing). */
  active: boolean;
  /** Highlighted occurrences per entry id. */
  counts: Record<string, number>;
}

export interface ProtocolMap {
  /** Popup → content (top frame): what is on this page. */
  getPageTerms(): PageTerms;
  /** Popup → content: scroll to the entry's next occurrence and open its popover there. */
  revealTerm(data: { entryId: string }): boolean;
  /** Background → content: a keyboard command moves to the next or previous term. */
  navigateTerms(data: { direction: 'next' | 'previous' }): void;
  /** Background → content: a keyboard command turns highlighting off or on in this tab. */
  toggleTab(): boolean;
  /**
   * Content → background: the distinct terms a frame shows, for the toolbar badge. `documentId` is
   * new for every page load and `pageStartedAt` is when it started (performance.timeOrigin), so a new
   * page in the top frame drops what frames of the old page reported, and keeps its own iframes'.
   */
  reportTerms(data: { entryIds: string[]; documentId: string; pageStartedAt: number }): void;
  /**
   * Popup → content (top frame): the page as it is now, for "Make a glossary from this page". The
   * popup extracts the article from it (Readability), so the content script stays small.
   */
  getPageForExtraction(): { html: string; url: string; title: string };
  /** Content → background: open the glossary at an entry (the popover's "Open in glossary" link). */
  openGlossaryEntry(data: { entryId: string }): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
