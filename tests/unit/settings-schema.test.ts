import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteDisabled, readSettings, siteKey } from '../../utils/settings-schema';

describe('readSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid fields and resets only the corrupt ones, saying which', () => {
    const { settings, problems } = readSettings({
      enabled: false,
      highlightStyle: 'rainbow',
      hoverDelayMs: 5000,
      disabledSites: ['example.com'],
      unknown: 1,
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['example.com'] });
    expect(problems).toEqual([
      'The stored setting "highlightStyle" was invalid and has been reset to its default.',
      'The stored setting "hoverDelayMs" was invalid and has been reset to its default.',
    ]);
  });

  it('resets everything, with a notice, when the stored value is not an object', () => {
    for (const junk of ['{"enabled":', 42, [true]]) {
      const { settings, problems } = readSettings(junk);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toEqual(['The stored settings were unreadable and have been reset to the defaults.']);
    }
  });
});

describe('sites', () => {
  it('treats www and case as the same site', () => {
    expect(siteKey('WWW.Example.COM')).toBe('example.com');
    expect(isSiteDisabled({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] }, 'www.example.com')).toBe(true);
    expect(isSiteDisabled({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] }, 'other.org')).toBe(false);
  });
});
