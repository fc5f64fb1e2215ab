/**
 * The options page: the whole glossary (an entry opens directly with #entry=ID, as the popover's
 * "Open in glossary" does), the reader's settings, the sites where Termlight is off, the glossaries in
 * use and the keyboard shortcuts.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { GlossaryBrowser } from '@/components/GlossaryBrowser';
import { buildCatalogue } from '@/glossary/catalogue';
import { useGlossaries, useSettings } from '@/utils/use-extension-state';
import { SettingsForm } from './SettingsForm';
import { Shortcuts } from './Shortcuts';
import { GlossariesSection } from './GlossariesSection';

/** The entry key in the address (#entry=glossaryId/entryId), when it is well formed. */
function entryFromHash(): string | undefined {
  return /^#entry=([a-z0-9-]+\/[a-z0-9-]+)$/.exec(decodeURIComponent(location.hash))?.[1];
}

export function OptionsApp() {
  const { settings, problems, save } = useSettings();
  const { glossaries, problems: glossaryProblems } = useGlossaries();
  const [entryId, setEntryId] = useState(entryFromHash);
  const catalogue = useMemo(
    () => buildCatalogue(glossaries.filter((glossary) => !settings.disabledGlossaries.includes(glossary.id))),
    [glossaries, settings.disabledGlossaries],
  );

  useEffect(() => {
    const onHash = () => setEntryId(entryFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (entryId) document.getElementById('glossary')?.scrollIntoView({ block: 'start' });
  }, [entryId]);


  return (
    <div class="app options" data-theme={settings.theme}>
      <header class="options__header">
        <img src="/icon/48.png" alt="" width="40" height="40" />
        <div>
          <h1>Termlight</h1>
          <p>Glossary terms highlighted on the pages you read, explained in the words of their source article.</p>
        </div>
      </header>
      <main class="options__main">
        {problems.length > 0 && (
          <div class="notice" role="status">
            {problems.join(' ')} Change any setting to save the repaired settings.
          </div>
        )}
        {glossaryProblems.length > 0 && (
          <div class="notice" role="status">
            {glossaryProblems.join(' ')}
          </div>
        )}
        <section id="glossary" aria-labelledby="glossary-title" class="card">
          <h2 id="glossary-title">Glossary</h2>
          <GlossaryBrowser
            catalogue={catalogue}
            initialEntryId={entryId}
            onOpenChange={(id) => history.replaceState(null, '', id ? `#entry=${id}` : location.pathname)}
          />
        </section>

        <section aria-labelledby="settings-title" class="card">
          <h2 id="settings-title">Highlighting</h2>
          <SettingsForm settings={settings} save={save} />
        </section>

        <section aria-labelledby="sites-title" class="card">
          <h2 id="sites-title">Sites where Termlight is off</h2>
          {settings.disabledSites.length === 0 ? (
            <p class="muted">None. Turn Termlight off for a site from the toolbar popup.</p>
          ) : (
            <ul class="sites">
              {settings.disabledSites.map((site) => (
                <li key={site}>
                  <span>{site}</span>
                  <button type="button" class="link-button" onClick={() => save({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                    Turn back on<span class="visually-hidden"> for {site}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="glossaries-title" class="card">
          <h2 id="glossaries-title">Glossaries in use</h2>
          <GlossariesSection glossaries={glossaries} settings={settings} save={save} />
        </section>

        <section aria-labelledby="shortcuts-title" class="card">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <Shortcuts />
        </section>
        <p class="muted">Termlight explains words in the words of its sources. It is not medical advice.</p>
      </main>
    </div>
  );
}
