/**
 * The glossaries in use: turn each on or off; rename, export or delete (with undo) the reader's own;
 * import a glossary file. A refused import says why and changes nothing that is stored.
 */
import { useState } from 'preact/hooks';
import { builtinGlossary, type Glossary } from '@/glossary';
import { glossaryFileText, readGlossaryFile } from '@/glossary/import-file';
import { addGlossary, removeGlossary, renameGlossary, restoreGlossary } from '@/utils/glossary-store';
import type { Settings } from '@/utils/settings-schema';

interface Props {
  glossaries: Glossary[];
  settings: Settings;
  save: (patch: Partial<Settings>) => void;
}

function download(glossary: Glossary): void {
  const url = URL.createObjectURL(new Blob([glossaryFileText(glossary)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${glossary.id}.termlight.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function GlossariesSection({ glossaries, settings, save }: Props) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [undo, setUndo] = useState<{ title: string; removed: { item: unknown; index: number } } | undefined>();
  const [renaming, setRenaming] = useState<{ id: string; title: string } | undefined>();

  async function importFile(file: File) {
    const result = readGlossaryFile(await file.text(), file.size);
    if (!result.ok) return setStatus({ kind: 'error', text: `${file.name} was not imported. ${result.error}` });
    const stored = await addGlossary(result.glossary);
    setStatus({ kind: 'ok', text: `Imported “${stored.title}” with ${stored.entries.length} terms.` });
  }

  async function remove(glossary: Glossary) {
    const removed = await removeGlossary(glossary.id);
    if (removed) setUndo({ title: glossary.title, removed });
  }

  return (
    <div>
      <ul class="glossaries">
        {glossaries.map((glossary) => {
          const on = !settings.disabledGlossaries.includes(glossary.id);
          const builtIn = glossary.id === builtinGlossary.id;
          return (
            <li key={glossary.id} class="glossaries__item">
              <label class="switch-row">
                <span>
                  <strong>{glossary.title}</strong> ({builtIn ? 'built in, ' : ''}
                  {glossary.entries.length} terms)
                  <br />
                  <small class="muted">From “{glossary.source.title}”</small>
                </span>
                <input
                  type="checkbox"
                  role="switch"
                  aria-label={`Use ${glossary.title}`}
                  checked={on}
                  onChange={(e) => {
                    const others = settings.disabledGlossaries.filter((id) => id !== glossary.id);
                    save({ disabledGlossaries: e.currentTarget.checked ? others : [...others, glossary.id] });
                  }}
                />
              </label>
              <div class="glossaries__actions">
                <button type="button" class="link-button" onClick={() => download(glossary)}>
                  Export<span class="visually-hidden"> {glossary.title}</span>
                </button>
                {!builtIn && (
                  <>
                    <button type="button" class="link-button" onClick={() => setRenaming({ id: glossary.id, title: glossary.title })}>
                      Rename<span class="visually-hidden"> {glossary.title}</span>
                    </button>
                    <button type="button" class="link-button" onClick={() => void remove(glossary)}>
                      Delete<span class="visually-hidden"> {glossary.title}</span>
                    </button>
                  </>
                )}
              </div>
              {renaming?.id === glossary.id && (
                <form
                  class="glossaries__rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void renameGlossary(glossary.id, renaming.title).then(() => setRenaming(undefined));
                  }}
                >
                  <label>
                    New name{' '}
                    <input type="text" value={renaming.title} required maxLength={300} onInput={(e) => setRenaming({ id: glossary.id, title: e.currentTarget.value })} />
                  </label>
                  <button type="submit" class="link-button">Save name</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {undo && (
        <p class="notice notice--ok" role="status">
          Deleted “{undo.title}”.{' '}
          <button type="button" class="link-button" onClick={() => void restoreGlossary(undo.removed).then(() => setUndo(undefined))}>
            Undo
          </button>
        </p>
      )}
      <label class="field">
        <span>Import a glossary file (JSON, at most 5 MB)</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {status && (
        <p class={status.kind === 'error' ? 'notice' : 'notice notice--ok'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
