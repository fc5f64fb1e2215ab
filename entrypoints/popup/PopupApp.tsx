/**
 * The toolbar popup: switches, the terms on this page, the searchable glossary, and "Make a glossary
 * from this page".
 */
import { useMemo, useState } from 'preact/hooks';
import { GlossaryBrowser } from '@/components/GlossaryBrowser';
import { EntryList } from '@/components/EntryList';
import { buildCatalogue } from '@/glossary/catalogue';
import { sendMessage } from '@/utils/messaging';
import { useGlossaries, useSettings } from '@/utils/use-extension-state';
import { usePageTerms } from './use-page-terms';
import { MakeGlossary } from './MakeGlossary';

export function PopupApp() {
  const { settings, problems, save } = useSettings();
  const { glossaries, problems: glossaryProblems } = useGlossaries();
  const [page, refreshPage] = usePageTerms(settings);
  const [making, setMaking] = useState(false);
  const [message, setMessage] = useState('');
  const catalogue = useMemo(
    () => buildCatalogue(glossaries.filter((glossary) => !settings.disabledGlossaries.includes(glossary.id))),
    [glossaries, settings.disabledGlossaries],
  );

  const site = page.kind === 'ready' ? page.terms.site : '';
  const siteOff = site !== '' && settings.disabledSites.includes(site);
  const counts = page.kind === 'ready' ? page.terms.counts : {};
  const onPage = catalogue.entries
    .filter((entry) => counts[entry.key])
    .sort((a, b) => counts[b.key]! - counts[a.key]! || a.term.localeCompare(b.term));

  async function reveal(entryKey: string) {
    if (page.kind !== 'ready') return;
    const shown = await sendMessage('revealTerm', { entryId: entryKey }, { tabId: page.tabId, frameId: 0 }).catch(() => false);
    if (shown) window.close(); // let the reader see the term and its explanation
  }

  const notices = [...problems, ...glossaryProblems];
  return (
    <div class="app popup" data-theme={settings.theme}>
      <header class="popup__header">
        <img src="/icon/32.png" alt="" />
        <h1>Termlight</h1>
        <a class="link-button" href="/options.html" target="_blank">
          Settings
        </a>
      </header>
      <main>
        {notices.length > 0 && (
          <div class="notice" role="status">
            {notices.join(' ')}
          </div>
        )}
        {message && (
          <p class="notice notice--ok" role="status">
            {message}
          </p>
        )}
        {making && page.kind === 'ready' ? (
          <MakeGlossary
            tabId={page.tabId}
            onDone={(done) => {
              setMaking(false);
              setMessage(done ?? '');
              refreshPage();
            }}
          />
        ) : (
          <>
            <div class="popup__controls">
              <label class="switch-row">
                <span>Highlight terms on pages</span>
                <input type="checkbox" role="switch" checked={settings.enabled} onChange={(event) => save({ enabled: event.currentTarget.checked })} />
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
                      save({ disabledSites: off ? [...others, site] : others });
                    }}
                  />
                </label>
              )}
              {page.kind === 'ready' && (
                <button type="button" class="link-button" onClick={() => setMaking(true)}>
                  Make a glossary from this page
                </button>
              )}
            </div>
            {page.kind === 'unreadable' && (
              <p class="popup__unreadable" role="status">
                Termlight can’t read this page. Browsers keep extensions out of their own pages, the extension store and
                the PDF viewer. The glossary below still works.
              </p>
            )}
            <GlossaryBrowser
              catalogue={catalogue}
              autoFocus
              pageCounts={counts}
              onShowOnPage={(key) => void reveal(key)}
              aboveList={
                page.kind === 'ready' && (
                  <section aria-labelledby="on-this-page">
                    <h2 id="on-this-page">On this page</h2>
                    {onPage.length > 0 ? (
                      <EntryList
                        groups={[{ entries: onPage }]}
                        onOpen={(key) => void reveal(key)}
                        listLabel="Terms on this page"
                        showAliases={false}
                        note={(entry) => `${counts[entry.key]}×`}
                      />
                    ) : (
                      <p class="popup__unreadable">{page.terms.active ? 'No glossary terms on this page.' : 'Highlighting is off on this page.'}</p>
                    )}
                    <h2>All terms</h2>
                  </section>
                )
              }
            />
          </>
        )}
      </main>
      <footer class="popup__footer">Explanations come from each glossary’s source article. They explain words and are not medical advice.</footer>
    </div>
  );
}
