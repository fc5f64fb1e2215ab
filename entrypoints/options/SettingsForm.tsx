/**
 * The reader's settings. Every change is saved at once and reaches open tabs through storage events.
 */
import { CATEGORIES } from '@/glossary';
import { HIGHLIGHT_STYLES, HOVER_DELAY_RANGE, THEMES, type Settings } from '@/utils/settings-schema';

const STYLE_LABELS = { underline: 'Dotted underline', background: 'Soft background', none: 'None (popover and glossary only)' };
const THEME_LABELS = { auto: 'Follow the browser', light: 'Light', dark: 'Dark' };

export function SettingsForm({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => void }) {
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <label class="switch-row">
        <span>Highlight terms on pages</span>
        <input type="checkbox" role="switch" checked={settings.enabled} onChange={(e) => save({ enabled: e.currentTarget.checked })} />
      </label>
      <label class="switch-row">
        <span>Highlight only the first occurrence of each term</span>
        <input type="checkbox" checked={settings.firstOccurrenceOnly} onChange={(e) => save({ firstOccurrenceOnly: e.currentTarget.checked })} />
      </label>

      <fieldset>
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="choice">
            <input type="radio" name="style" checked={settings.highlightStyle === style} onChange={() => save({ highlightStyle: style })} />
            {STYLE_LABELS[style]}
          </label>
        ))}
      </fieldset>

      <label class="field">
        <span>
          Hover delay: <output for="hover-delay">{settings.hoverDelayMs} ms</output>
        </span>
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => save({ hoverDelayMs: Number(e.currentTarget.value) })}
        />
        <small>How long the pointer rests on a term before its explanation shows.</small>
      </label>

      <label class="field">
        <span>Theme of the popover and these pages</span>
        <select value={settings.theme} onChange={(e) => save({ theme: e.currentTarget.value as Settings['theme'] })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
      </label>

      <fieldset>
        <legend>Categories to highlight</legend>
        {CATEGORIES.map((category) => (
          <label key={category} class="choice">
            <input
              type="checkbox"
              checked={!settings.hiddenCategories.includes(category)}
              onChange={(e) => {
                const others = settings.hiddenCategories.filter((hidden) => hidden !== category);
                save({ hiddenCategories: e.currentTarget.checked ? others : [...others, category] });
              }}
            />
            {category}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
