/**
 * The reader's settings: their shape, defaults and how a stored value is read back.
 *
 * A stored value is never trusted: each field is checked on its own, so one corrupt field falls back
 * to its default without costing the reader the others, and the problems are reported in words.
 */
import * as v from 'valibot';

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
  /** Host names where highlighting is off, e.g. "news.example.com". */
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(253))), v.maxLength(10_000)),
};

export type Settings = { [K in keyof typeof fieldSchemas]: v.InferOutput<(typeof fieldSchemas)[K]> };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  highlightStyle: 'underline',
  firstOccurrenceOnly: false,
  hoverDelayMs: 300,
  theme: 'auto',
  disabledSites: [],
});

export interface ReadSettings {
  settings: Settings;
  /** One line per field that was unreadable and fell back to its default. */
  problems: string[];
}

/** Reads a stored value field by field; unknown fields are dropped, bad ones replaced by defaults. */
export function readSettings(stored: unknown): ReadSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
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

/** A site's key in `disabledSites`: its host name, without a leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(siteKey(hostname));
}
