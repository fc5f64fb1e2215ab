/**
 * The toolbar popup: switches, the terms on this page, and the searchable glossary.
 */
import { useEffect, useState } from 'preact/hooks';
import { builtinGlossary } from '@/glossary';
import { GlossaryBrowser } from '@/components/GlossaryBrowser';
import { EntryList } from '@/components/EntryList';
import { sendMessage } from '@/utils/messaging';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings-storage';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';
import { usePageTerms } from './use-page-terms';

export function PopupApp() {
  const glossary = builtinGlossary;
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<string[]>([]);
  const [page, refreshPage] = usePageTerms();

  useEffect(() => {
    void loadSettings().then((read) => {
      setSettings(read.settings);
      setProblems(read.problems);
    });
    return watchSettings((read) => {
      setSettings(read.settings);
      // The content script applies settings asynchronously; ask again for what the page shows.
      setTimeout(refreshPage, 150);
    });
  }, []);

  const site = page.kind === 'ready' ? page.terms.site : '';
  const siteOff = site !== '' && settings.disabledSites.includes(site);
  const counts = page.kind === 'ready' ? page.terms.counts : {};
  const onPage = glossary.entries
    .filter((entry) => counts[entry.id])
    .sort((a, b) => counts[b.id]! - counts[a.id]! || a.term.localeCompare(b.term));

  async function reveal(entryId: string) {
    if (page.kind !== 'ready') return;
    const shown = await sendMessage('revealTerm', { entryId }, { tabId: page.tabId, frameId: 0 }).catch(() => false);
    if (shown) window.close(); // let the reader see the term and its explanation
  }

  return (
    <div class="app popup" data-theme={settings.theme}>
      <header class="popup__header">
        <img src="/icon/32.png" alt="" />
        <h1>Termlight</h1>
        <a class="link-button" href="/options.html" target="_blank">
          Settings
        </a>
      </header>
      {problems.length > 0 && (
        <div class="notice" role="status">
          {problems.join(' ')}
        </div>
      )}
      <main>
      <div class="popup__controls">
        <label class="switch-row">
          <span>Highlight terms on pages</span>
          <input type="checkbox" role="switch" checked={settings.enabled} onChange={(event) => void saveSettings({ enabled: event.currentTarget.checked })} />
        </label>
        {site && (
          <label class="switch-row">
            <span>Off for {site}</span>
            <input
              type="checkbox"
              checked={siteOff}
              onChange={(event) => {
                const off = event.currentTarget.checked;
                const others = settings.disabledSites.filter((entry) => entry !== site);
                void saveSettings({ disabledSites: off ? [...others, site] : others });
              }}
            />
          </label>
        )}
      </div>

      {page.kind === 'unreadable' && (
        <p class="popup__unreadable" role="status">
          Termlight can’t read this page. Browsers keep extensions out of their own pages, the extension store and
          the PDF viewer. The glossary below still works.
        </p>
      )}
      <GlossaryBrowser
        glossary={glossary}
        autoFocus
        pageCounts={counts}
        onShowOnPage={(id) => void reveal(id)}
        aboveList={
          page.kind === 'ready' && (
            <section aria-labelledby="on-this-page">
              <h2 id="on-this-page">On this page</h2>
              {onPage.length > 0 ? (
                <EntryList
                  groups={[{ entries: onPage }]}
                  onOpen={(id) => void reveal(id)}
                  listLabel="Terms on this page"
                  showAliases={false}
                  note={(entry) => `${counts[entry.id]}×`}
                />
              ) : (
                <p class="popup__unreadable">{page.terms.active ? 'No glossary terms on this page.' : 'Highlighting is off on this page.'}</p>
              )}
              <h2>All terms</h2>
            </section>
          )
        }
      />
      </main>
      <footer class="popup__footer">Explanations come from “{glossary.source.title}”. They explain words and are not medical advice.</footer>
    </div>
  );
}
