/**
 * The reader's settings: their shape, defaults and how a stored value is read back.
 *
 * A stored value is never trusted: each field is checked on its own, so one corrupt field falls back
 * to its default without costing the reader the others, and the problems are reported in words.
 */
import * as v from 'valibot';
import { CATEGORIES } from '@/glossary/schema';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const HOVER_DELAY_RANGE = { min: 0, max: 1000 } as const;

const fieldSchemas = {
  enabled: v.boolean(),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  firstOccurrenceOnly: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_RANGE.min), v.maxValue(HOVER_DELAY_RANGE.max)),
  theme: v.picklist(THEMES),
  /** Site keys (see siteKey) where highlighting is off, e.g. "news.example.com". */
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(253))), v.maxLength(10_000)),
  /** Categories whose terms are not highlighted. */
  hiddenCategories: v.array(v.picklist(CATEGORIES)),
  /** Ids of glossaries turned off (the built-in one included). */
  disabledGlossaries: v.pipe(v.array(v.string()), v.maxLength(1_000)),
};

export type Settings = { [K in keyof typeof fieldSchemas]: v.InferOutput<(typeof fieldSchemas)[K]> };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  highlightStyle: 'underline',
  firstOccurrenceOnly: false,
  hoverDelayMs: 300,
  theme: 'auto',
  disabledSites: [],
  hiddenCategories: [],
  disabledGlossaries: [],
});

export interface ReadSettings {
  settings: Settings;
  /** One line per field that was unreadable and fell back to its default. */
  problems: string[];
}

function freshDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], hiddenCategories: [], disabledGlossaries: [] };
}

/** Reads a stored value field by field; unknown fields are dropped, bad ones replaced by defaults. */
export function readSettings(stored: unknown): ReadSettings {
  const settings = freshDefaults();
  const problems: string[] = [];
  if (stored === null || stored === undefined) return { settings, problems };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings, problems: ['The stored settings were unreadable and have been reset to the defaults.'] };
  }
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(fieldSchemas) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const parsed = v.safeParse(fieldSchemas[key], record[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.output;
    else problems.push(`The stored setting "${key}" was invalid and has been reset to its default.`);
  }
  return { settings, problems };
}

/** A site's key in `disabledSites`: its host name in lower case, without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(siteKey(hostname));
}

/**
 * Version 1 kept host names as they were typed ("WWW.Example.com"); version 2 keeps site keys, so
 * "off for this site" matches however the site is spelled. Leaves anything it cannot read untouched:
 * readSettings reports it.
 */
export function migrateSettingsV1toV2(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const record = stored as Record<string, unknown>;
  if (!Array.isArray(record.disabledSites)) return stored;
  const sites = record.disabledSites.map((site) => (typeof site === 'string' ? siteKey(site) : site));
  return { ...record, disabledSites: [...new Set(sites)] };
}
