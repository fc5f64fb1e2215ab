/**
 * Where settings live: one versioned item in sync storage, so they follow the reader across browsers.
 * Reads go through `readSettings`, so a corrupt value never reaches the rest of the extension, and a
 * corrupt value is only replaced when the reader next changes a setting.
 */
import { storage } from 'wxt/utils/storage';
import { migrateSettingsV1toV2, readSettings, type ReadSettings, type Settings } from './settings-schema';

export const settingsItem = storage.defineItem<unknown>('sync:settings', {
  fallback: null,
  version: 2,
  migrations: { 2: migrateSettingsV1toV2 },
});

export async function loadSettings(): Promise<ReadSettings> {
  try {
    return readSettings(await settingsItem.getValue());
  } catch (error) {
    // A storage failure must not stop the page from working: use the defaults, and say so.
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
