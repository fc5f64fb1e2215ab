// Changes the extension's stored settings the way the popup and options page do (settings through
// chrome.storage.sync, glossaries through chrome.storage.local), from the service worker.
import type { Worker } from 'playwright-core';
import type { Settings } from '../../../utils/settings-schema';

// Runs inside the service worker, where `chrome` exists; Node's type check does not know it.
declare const chrome: any;

export async function setStoredSettings(serviceWorker: Worker, patch: Partial<Settings> | unknown): Promise<void> {
  await serviceWorker.evaluate(async (value) => {
    const { settings } = await chrome.storage.sync.get('settings');
    const next = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(settings ?? {}), ...value } : value;
    await chrome.storage.sync.set({ settings: next });
  }, patch);
}

export async function resetStoredSettings(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => chrome.storage.sync.clear());
}

/** Replaces the reader's stored glossaries: one JSON string in local storage, as utils/glossary-store.ts keeps them. */
export async function storeGlossaries(serviceWorker: Worker, glossaries: unknown[]): Promise<void> {
  await serviceWorker.evaluate((json) => chrome.storage.local.set({ glossariesJson: json }), JSON.stringify(glossaries));
}

/** The reader's stored glossaries, as utils/glossary-store.ts keeps them (an empty list if none). */
export async function storedGlossaries(serviceWorker: Worker): Promise<any[]> {
  const json = await serviceWorker.evaluate(async () => (await chrome.storage.local.get('glossariesJson')).glossariesJson ?? '[]');
  return JSON.parse(json);
}
