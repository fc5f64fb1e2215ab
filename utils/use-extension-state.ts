/**
 * Preact hooks for the popup and options page: the settings and the glossaries in use, kept up to date
 * when another context (another tab, the popup, sync) changes them.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { builtinGlossary } from '@/glossary/builtin';
import type { Glossary } from '@/glossary/schema';
import { buildCatalogue, type Catalogue } from '@/glossary/catalogue';
import { loadGlossaries, watchGlossaries } from './glossary-store';
import { loadSettings, saveSettings, watchSettings } from './settings-storage';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema';

export interface SettingsState {
  settings: Settings;
  /** Notices about stored values that were unreadable and fell back to defaults. */
  problems: string[];
  /** Changes settings: shown at once (controls must not lag behind a click), then stored. */
  save: (patch: Partial<Settings>) => void;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    void loadSettings().then((read) => {
      setSettings(read.settings);
      setProblems(read.problems);
    });
    return watchSettings((read) => setSettings(read.settings));
  }, []);
  const save = (patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    setProblems([]);
    void saveSettings(patch);
  };
  return { settings, problems, save };
}

export function useGlossaries(): { glossaries: Glossary[]; catalogue: Catalogue; problems: string[] } {
  const [state, setState] = useState<{ glossaries: Glossary[]; problems: string[] }>({ glossaries: [builtinGlossary], problems: [] });
  useEffect(() => {
    void loadGlossaries().then(setState);
    return watchGlossaries(setState);
  }, []);
  const catalogue = useMemo(() => buildCatalogue(state.glossaries), [state.glossaries]);
  return { ...state, catalogue };
}
