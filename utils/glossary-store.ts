/**
 * The reader's own glossaries (made from a page or imported), in local storage: they can be larger
 * than sync storage allows. Every stored glossary is validated when read; one that fails is reported
 * and left in storage untouched (never deleted by a failed read), and the others still work.
 */
import { storage } from 'wxt/utils/storage';
import { builtinGlossary } from '@/glossary/builtin';
import { parseGlossary, type Glossary } from '@/glossary/schema';

export const userGlossariesItem = storage.defineItem<unknown>('local:glossaries', {
  fallback: [],
  version: 1,
});

export interface LoadedGlossaries {
  /** The built-in glossary first, then the reader's, in the order they were added. */
  glossaries: Glossary[];
  problems: string[];
}

async function readRaw(): Promise<unknown[]> {
  const raw = await userGlossariesItem.getValue();
  return Array.isArray(raw) ? raw : [];
}

function describe(item: unknown, index: number): string {
  const title = (item as { title?: unknown } | null)?.title;
  return typeof title === 'string' ? `“${title}”` : `number ${index + 1}`;
}

export async function loadGlossaries(): Promise<LoadedGlossaries> {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = await userGlossariesItem.getValue();
  } catch (error) {
    return { glossaries: [builtinGlossary], problems: [`Your glossaries could not be read (${String(error)}).`] };
  }
  if (!Array.isArray(raw)) {
    return { glossaries: [builtinGlossary], problems: ['Your stored glossaries are unreadable; they were left as they are and are not used.'] };
  }
  const glossaries: Glossary[] = [builtinGlossary];
  raw.forEach((item, index) => {
    const parsed = parseGlossary(item);
    if (parsed.ok) glossaries.push(parsed.glossary);
    else problems.push(`Stored glossary ${describe(item, index)} is damaged (${parsed.error}) and is not used; it was left as it is.`);
  });
  return { glossaries, problems };
}

/** An id not yet used by the built-in glossary or a stored one: "id", then "id-2", "id-3"… */
async function freeId(wanted: string): Promise<string> {
  const taken = new Set([builtinGlossary.id, ...(await readRaw()).map((item) => (item as { id?: unknown } | null)?.id)]);
  if (!taken.has(wanted)) return wanted;
  const base = wanted.slice(0, 70);
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Stores a new glossary (validated again here) and returns it with the id it was stored under. */
export async function addGlossary(glossary: Glossary): Promise<Glossary> {
  const parsed = parseGlossary({ ...glossary, id: await freeId(glossary.id) });
  if (!parsed.ok) throw new Error(parsed.error);
  await userGlossariesItem.setValue([...(await readRaw()), parsed.glossary]);
  return parsed.glossary;
}

export async function renameGlossary(id: string, title: string): Promise<void> {
  const trimmed = title.trim();
  if (!trimmed) throw new Error('A glossary needs a name.');
  const raw = await readRaw();
  await userGlossariesItem.setValue(raw.map((item) => ((item as { id?: unknown })?.id === id ? { ...(item as object), title: trimmed } : item)));
}

/** Removes a glossary; returns it and its position so that "Undo" can put it back. */
export async function removeGlossary(id: string): Promise<{ item: unknown; index: number } | undefined> {
  const raw = await readRaw();
  const index = raw.findIndex((item) => (item as { id?: unknown } | null)?.id === id);
  if (index < 0) return undefined;
  await userGlossariesItem.setValue(raw.filter((_, i) => i !== index));
  return { item: raw[index], index };
}

export async function restoreGlossary({ item, index }: { item: unknown; index: number }): Promise<void> {
  const raw = await readRaw();
  await userGlossariesItem.setValue([...raw.slice(0, index), item, ...raw.slice(index)]);
}

export function watchGlossaries(callback: (loaded: LoadedGlossaries) => void): () => void {
  return userGlossariesItem.watch(() => void loadGlossaries().then(callback));
}
