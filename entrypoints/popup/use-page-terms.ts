/**
 * What the active tab's page contains, asked of its content script. A tab without one (browser pages,
 * the extension store, the PDF viewer, a page still loading) answers nothing: that is a state to show
 * in words, not an error.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings-schema';
import { sendMessage, type PageTerms } from '@/utils/messaging';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'unreadable' }
  | { kind: 'ready'; tabId: number; terms: PageTerms };

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function readPage(): Promise<PageState> {
  const tabId = await activeTabId();
  if (tabId === undefined) return { kind: 'unreadable' };
  try {
    const terms = await sendMessage('getPageTerms', undefined, { tabId, frameId: 0 });
    if (!terms || typeof terms !== 'object' || typeof terms.counts !== 'object') return { kind: 'unreadable' };
    return { kind: 'ready', tabId, terms };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** The page's terms, asked again whenever settings change (the content script applies them first). */
export function usePageTerms(settings: Settings): [PageState, () => void] {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const refresh = () => void readPage().then(setState);
  useEffect(() => {
    refresh();
    const again = setTimeout(refresh, 200);
    return () => clearTimeout(again);
  }, [settings]);
  return [state, refresh];
}
