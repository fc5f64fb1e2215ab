/**
 * Where settings live: one versioned item in sync storage, so they follow the reader across browsers.
 * Reads go through `readSettings`, so a corrupt value never reaches the rest of the extension.
 */
import { storage } from 'wxt/utils/storage';
import { readSettings, type ReadSettings, type Settings } from './settings-schema';

export const settingsItem = storage.defineItem<Record<string, unknown> | null>('sync:settings', {
  fallback: null,
  version: 1,
});

export async function loadSettings(): Promise<ReadSettings> {
  try {
    return readSettings(await settingsItem.getValue());
  } catch (error) {
    // A migration or storage failure must not stop the page from working: use the defaults.
    return { ...readSettings(null), problems: [`Settings could not be read (${String(error)}); using the defaults.`] };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = { ...settings, ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Calls back with the fresh settings whenever they change in any context (popup, options, sync). */
export function watchSettings(callback: (read: ReadSettings) => void): () => void {
  return settingsItem.watch((value) => callback(readSettings(value)));
}
