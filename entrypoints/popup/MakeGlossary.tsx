/**
 * "Make a glossary from this page": the proposed entries, each with its quote; the reader unticks,
 * renames, edits summaries, names the glossary, then saves. Everything is shown as text.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseGlossary, type GlossaryInput } from '@/glossary';
import { addGlossary } from '@/utils/glossary-store';
import { proposeGlossary } from './read-article';

type EntryDraft = GlossaryInput['entries'][number] & { keep: boolean };

export function MakeGlossary({ tabId, onDone }: { tabId: number; onDone: (message?: string) => void }) {
  const [state, setState] = useState<{ kind: 'working' } | { kind: 'error'; error: string } | { kind: 'review'; glossary: GlossaryInput }>({ kind: 'working' });
  const [title, setTitle] = useState('');
  const [drafts, setDrafts] = useState<EntryDraft[]>([]);
  const [saveError, setSaveError] = useState('');

  useEffect(() => {
    void proposeGlossary(tabId).then((proposal) => {
      if (!proposal.ok) return setState({ kind: 'error', error: proposal.error });
      setTitle(proposal.glossary.title);
      setDrafts(proposal.glossary.entries.map((entry) => ({ ...entry, keep: true })));
      setState({ kind: 'review', glossary: proposal.glossary });
    });
  }, [tabId]);

  const update = (index: number, patch: Partial<EntryDraft>) => setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));

  async function save() {
    if (state.kind !== 'review') return;
    const kept = drafts.filter((draft) => draft.keep);
    const keptIds = new Set(kept.map((draft) => draft.id));
    const candidate = {
      ...state.glossary,
      title,
      entries: kept.map(({ keep: _keep, ...entry }) => ({ ...entry, related: (entry.related ?? []).filter((id) => keptIds.has(id)) })),
    };
    const parsed = parseGlossary(candidate);
    if (!parsed.ok) return setSaveError(`This glossary cannot be saved yet: ${parsed.error}.`);
    try {
      const saved = await addGlossary(parsed.glossary);
      onDone(`Saved “${saved.title}” with ${saved.entries.length} terms. They are highlighted on every page from now on.`);
    } catch (error) {
      setSaveError(`Saving failed: ${(error as Error).message}`);
    }
  }

  if (state.kind === 'working') return <p role="status">Reading the article on this page…</p>;
  if (state.kind === 'error') {
    return (
      <div>
        <p class="notice" role="alert">{state.error}</p>
        <button type="button" class="link-button" onClick={() => onDone()}>Back to the glossary</button>
      </div>
    );
  }
  const keptCount = drafts.filter((draft) => draft.keep).length;
  return (
    <form class="make-glossary" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <h2>New glossary from this page</h2>
      <label class="field">
        <span>Name</span>
        <input type="text" value={title} required maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <p class="muted">Source: {state.glossary.source.title}{state.glossary.source.url ? ` (${state.glossary.source.url})` : ''}</p>
      <ul class="make-glossary__entries">
        {drafts.map((draft, index) => (
          <li key={draft.id} class={draft.keep ? 'proposal' : 'proposal proposal--dropped'}>
            <label class="proposal__keep">
              <input type="checkbox" checked={draft.keep} onChange={(e) => update(index, { keep: e.currentTarget.checked })} />
              <span class="visually-hidden">Keep {draft.term}</span>
            </label>
            <div class="proposal__body">
              <label class="field">
                <span class="visually-hidden">Term</span>
                <input type="text" value={draft.term} disabled={!draft.keep} maxLength={120} onInput={(e) => update(index, { term: e.currentTarget.value })} />
              </label>
              {(draft.aliases ?? []).length > 0 && <p class="muted">Also: {(draft.aliases ?? []).join(', ')}</p>}
              <label class="field">
                <span class="visually-hidden">Summary of {draft.term}</span>
                <textarea rows={3} value={draft.summary} disabled={!draft.keep} maxLength={400} onInput={(e) => update(index, { summary: e.currentTarget.value })} />
              </label>
              <blockquote class="proposal__quote">{draft.quotes[0]}</blockquote>
            </div>
          </li>
        ))}
      </ul>
      {saveError && <p class="notice" role="alert">{saveError}</p>}
      <div class="make-glossary__actions">
        <button type="submit" class="primary-button" disabled={keptCount === 0}>Save {keptCount} terms</button>
        <button type="button" class="link-button" onClick={() => onDone()}>Cancel</button>
      </div>
    </form>
  );
}
