/**
 * The reader's own glossaries (made from a page or imported), in local storage: they can be larger
 * than sync storage allows. Every stored glossary is validated when read; one that fails is reported
 * and left in storage untouched (never deleted by a failed read), and the others still work.
 *
 * They are stored as one JSON string, not as objects: every page's content script reads them, and the
 * browser hands over a stored string far faster than the same data as objects (10,000 entries, 2 MB:
 * ~17 ms plus 5–8 ms of JSON.parse, against 80–94 ms, during which the page could not respond).
 * Version 1 stored a list of objects under `glossaries`; it is read while it is there, and moved to
 * the string by the background when the extension is updated (moveLegacyGlossaries) or by any change.
 */
import { storage } from 'wxt/utils/storage';
import { builtinGlossary } from '@/glossary/builtin';
import { SliceBudget, runInSlices } from '@/glossary/page/yield-to-main';
import { parseGlossary, parseGlossarySteps, type Glossary } from '@/glossary/schema';

/** The glossaries as a JSON list (see above); null until the reader adds one. */
export const glossariesJsonItem = storage.defineItem<string | null>('local:glossariesJson', { fallback: null });

/** Version 1: the same list as objects. */
const legacyGlossariesItem = storage.defineItem<unknown>('local:glossaries', { fallback: null, version: 1 });

export interface LoadedGlossaries {
  /** The built-in glossary first, then the reader's, in the order they were added. */
  glossaries: Glossary[];
  problems: string[];
}

const UNREADABLE = 'Your stored glossaries are unreadable; they were left as they are and are not used.';

/** What is stored, as it is stored: the JSON text parsed, or version 1's value; null if nothing is. */
async function readStored(): Promise<unknown> {
  const text = await glossariesJsonItem.getValue();
  if (text === null) return legacyGlossariesItem.getValue();
  try {
    return JSON.parse(text);
  } catch {
    return text; // not a list, so reported as unreadable and left as it is
  }
}

/** The stored list, or an empty one if nothing readable is stored (for changes to it). */
async function readRaw(): Promise<unknown[]> {
  const raw = await readStored();
  return Array.isArray(raw) ? raw : [];
}

/** Stores the list as JSON, then removes version 1's copy if there is one (in that order: nothing is lost). */
async function writeRaw(list: unknown[]): Promise<void> {
  await glossariesJsonItem.setValue(JSON.stringify(list));
  await legacyGlossariesItem.removeValue(); // nothing happens when there is none
}

/** Moves version 1's list, if readable, to the JSON string (the background does this on update). */
export async function moveLegacyGlossaries(): Promise<void> {
  if ((await glossariesJsonItem.getValue()) !== null) return;
  const legacy = await legacyGlossariesItem.getValue();
  if (Array.isArray(legacy)) await writeRaw(legacy);
}

function describe(item: unknown, index: number): string {
  const title = (item as { title?: unknown } | null)?.title;
  return typeof title === 'string' ? `“${title}”` : `number ${index + 1}`;
}

export async function loadGlossaries(): Promise<LoadedGlossaries> {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = (await readStored()) ?? [];
  } catch (error) {
    return { glossaries: [builtinGlossary], problems: [`Your glossaries could not be read (${String(error)}).`] };
  }
  if (!Array.isArray(raw)) return { glossaries: [builtinGlossary], problems: [UNREADABLE] };
  const glossaries: Glossary[] = [builtinGlossary];
  const budget = new SliceBudget(SLICE_MS);
  budget.start();
  for (const [index, item] of raw.entries()) {
    // Every page's content script does this as the page loads: 10,000 entries validated in one go
    // made a task of 50–60 ms there.
    const parsed = await runInSlices(parseGlossarySteps(item), budget);
    if (parsed.ok) glossaries.push(parsed.glossary);
    else problems.push(`Stored glossary ${describe(item, index)} is damaged (${parsed.error}) and is not used; it was left as it is.`);
  }
  return { glossaries, problems };
}

/** Longest stretch of validation before the page gets the main thread back, in milliseconds. */
const SLICE_MS = 8;

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
  await writeRaw([...(await readRaw()), parsed.glossary]);
  return parsed.glossary;
}

export async function renameGlossary(id: string, title: string): Promise<void> {
  const trimmed = title.trim();
  if (!trimmed) throw new Error('A glossary needs a name.');
  const raw = await readRaw();
  await writeRaw(raw.map((item) => ((item as { id?: unknown })?.id === id ? { ...(item as object), title: trimmed } : item)));
}

/** Removes a glossary; returns it and its position so that "Undo" can put it back. */
export async function removeGlossary(id: string): Promise<{ item: unknown; index: number } | undefined> {
  const raw = await readRaw();
  const index = raw.findIndex((item) => (item as { id?: unknown } | null)?.id === id);
  if (index < 0) return undefined;
  await writeRaw(raw.filter((_, i) => i !== index));
  return { item: raw[index], index };
}

export async function restoreGlossary({ item, index }: { item: unknown; index: number }): Promise<void> {
  const raw = await readRaw();
  await writeRaw([...raw.slice(0, index), item, ...raw.slice(index)]);
}

export function watchGlossaries(callback: (loaded: LoadedGlossaries) => void): () => void {
  return glossariesJsonItem.watch(() => void loadGlossaries().then(callback));
}
