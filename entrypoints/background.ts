/**
 * The background: keyboard commands, the toolbar badge and opening the glossary page.
 * It holds no state that matters across restarts: badge counts are re-reported by content scripts.
 */
import { moveLegacyGlossaries } from '@/utils/glossary-store';
import { onMessage, sendMessage } from '@/utils/messaging';

interface FrameReport {
  entryIds: string[];
  reportedAt: number;
}

/** Distinct entry ids each frame of each tab shows, and the document its top frame had then. */
const termsByTab = new Map<number, Map<number, FrameReport>>();
const topDocumentByTab = new Map<number, string>();

async function updateBadge(tabId: number): Promise<void> {
  const frames = termsByTab.get(tabId);
  const distinct = new Set([...(frames?.values() ?? [])].flatMap((report) => report.entryIds));
  const text = distinct.size > 0 ? String(distinct.size) : '';
  try {
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#0d5c63' });
    await browser.action.setTitle({
      tabId,
      title: distinct.size > 0 ? `Termlight: ${distinct.size} glossary term${distinct.size === 1 ? '' : 's'} on this page` : 'Termlight glossary',
    });
  } catch {
    // The tab closed meanwhile.
  }
}

export default defineBackground(() => {
  // Glossaries that version 1 stored as objects move to the JSON string every page reads faster
  // (utils/glossary-store.ts). Until then they are read where they are.
  browser.runtime.onInstalled.addListener(() => void moveLegacyGlossaries().catch(() => {}));

  onMessage('reportTerms', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !Array.isArray(data?.entryIds)) return;
    const frames = termsByTab.get(tabId) ?? new Map<number, FrameReport>();
    // A new document in the top frame: forget reports from before it started (the old page's frames).
    if (sender.frameId === 0 && topDocumentByTab.get(tabId) !== data.documentId) {
      topDocumentByTab.set(tabId, String(data.documentId));
      const startedAt = Number(data.pageStartedAt) || Date.now();
      for (const [frameId, report] of frames) if (report.reportedAt < startedAt) frames.delete(frameId);
    }
    frames.set(sender.frameId ?? 0, {
      entryIds: data.entryIds.filter((id): id is string => typeof id === 'string'),
      reportedAt: Date.now(),
    });
    termsByTab.set(tabId, frames);
    void updateBadge(tabId);
  });

  onMessage('openGlossaryEntry', ({ data }) => {
    const entryId = typeof data?.entryId === 'string' ? data.entryId : '';
    // The key goes into the options page's address; the options page validates it before use.
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#entry=${encodeURIComponent(entryId)}`) });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    termsByTab.delete(tabId);
    topDocumentByTab.delete(tabId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    const tabId = tab?.id;
    if (tabId === undefined) return;
    const toTopFrame = { tabId, frameId: 0 };
    if (command === 'next-term' || command === 'previous-term') {
      sendMessage('navigateTerms', { direction: command === 'next-term' ? 'next' : 'previous' }, toTopFrame).catch(() => {});
    } else if (command === 'toggle-highlighting') {
      sendMessage('toggleTab', undefined, toTopFrame).catch(() => {});
    }
  });
});
