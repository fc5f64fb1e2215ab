import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, settingsItem } from '../../utils/settings-storage';
import { DEFAULT_SETTINGS } from '../../utils/settings-schema';

beforeEach(() => fakeBrowser.reset());

describe('settings storage', () => {
  it('migrates version 1 site lists to site keys', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { enabled: false, disabledSites: ['WWW.Example.com', 'example.com', 'News.org'] },
      settings$: { v: 1 },
    });
    await settingsItem.migrate(); // what happens when the extension starts
    const { settings, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['example.com', 'news.org'] });
    expect((await fakeBrowser.storage.sync.get('settings$'))['settings$']).toEqual({ v: 2 });
  });

  it('keeps a corrupt stored value until the reader saves, and then keeps the good fields', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: false, theme: 42 }, settings$: { v: 2 } });
    const { settings, problems } = await loadSettings();
    expect(settings.enabled).toBe(false);
    expect(problems).toEqual(['The stored setting "theme" was invalid and has been reset to its default.']);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ enabled: false, theme: 42 });
    await saveSettings({ highlightStyle: 'background' });
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, enabled: false, highlightStyle: 'background' });
  });

  it('survives a migration of a value that is not an object', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage', settings$: { v: 1 } });
    await settingsItem.migrate();
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });
});

describe('settings from a newer version of Termlight', () => {
  it('reads the fields it knows and leaves the stored value as it is', async () => {
    const newer = { enabled: false, futureField: { x: 1 } };
    await fakeBrowser.storage.sync.set({ settings: newer, settings$: { v: 9 } });
    await expect(settingsItem.migrate()).rejects.toThrow(/downgrade/);
    const { settings } = await loadSettings();
    expect(settings.enabled).toBe(false);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(newer);
  });
});
