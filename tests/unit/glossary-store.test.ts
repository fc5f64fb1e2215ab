import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinGlossary } from '../../glossary/builtin';
import type { Glossary } from '../../glossary/schema';
import { addGlossary, loadGlossaries, moveLegacyGlossaries, removeGlossary, renameGlossary, restoreGlossary } from '../../utils/glossary-store';

beforeEach(() => fakeBrowser.reset());

const glossary = (id: string, title = `Glossary ${id}`): Glossary => ({
  format: 1,
  id,
  title,
  source: { title: 'An article' },
  entries: [{ id: 'tace', term: 'TACE', aliases: [], category: 'procedure', summary: 'A treatment.', quotes: ['TACE is a treatment.'], related: [] }],
});

const stored = async () => fakeBrowser.storage.local.get(null);

describe('glossary storage', () => {
  it('keeps the glossaries as one JSON string, in the order they were added', async () => {
    await addGlossary(glossary('a'));
    await addGlossary(glossary('b'));
    const { glossariesJson } = await stored();
    expect(typeof glossariesJson).toBe('string');
    expect(JSON.parse(glossariesJson as string).map((g: Glossary) => g.id)).toEqual(['a', 'b']);
    const { glossaries, problems } = await loadGlossaries();
    expect(problems).toEqual([]);
    expect(glossaries.map((g) => g.id)).toEqual([builtinGlossary.id, 'a', 'b']);
  });

  it('renames, removes and puts back', async () => {
    await addGlossary(glossary('a'));
    await addGlossary(glossary('b'));
    await renameGlossary('a', '  Liver words ');
    const removed = await removeGlossary('a');
    expect((await loadGlossaries()).glossaries.map((g) => g.id)).toEqual([builtinGlossary.id, 'b']);
    await restoreGlossary(removed!);
    const { glossaries } = await loadGlossaries();
    expect(glossaries.map((g) => [g.id, g.title])).toEqual([
      [builtinGlossary.id, builtinGlossary.title],
      ['a', 'Liver words'],
      ['b', 'Glossary b'],
    ]);
  });

  it("reads version 1's list of objects where it is, and moves it to the string without losing it", async () => {
    await fakeBrowser.storage.local.set({ glossaries: [glossary('old')] });
    expect((await loadGlossaries()).glossaries.map((g) => g.id)).toEqual([builtinGlossary.id, 'old']);
    await moveLegacyGlossaries(); // what the background does when the extension is updated
    const after = await stored();
    expect(after.glossaries).toBeUndefined();
    expect(JSON.parse(after.glossariesJson as string)).toEqual([glossary('old')]);
    expect((await loadGlossaries()).glossaries.map((g) => g.id)).toEqual([builtinGlossary.id, 'old']);
  });

  it("keeps version 1's list when a glossary is added before it was moved", async () => {
    await fakeBrowser.storage.local.set({ glossaries: [glossary('old')] });
    await addGlossary(glossary('new'));
    expect((await stored()).glossaries).toBeUndefined();
    expect((await loadGlossaries()).glossaries.map((g) => g.id)).toEqual([builtinGlossary.id, 'old', 'new']);
  });

  it('reports unreadable stored text and leaves it as it is', async () => {
    await fakeBrowser.storage.local.set({ glossariesJson: '[{"format": 1, "id": "a"' });
    const { glossaries, problems } = await loadGlossaries();
    expect(glossaries.map((g) => g.id)).toEqual([builtinGlossary.id]);
    expect(problems).toEqual(['Your stored glossaries are unreadable; they were left as they are and are not used.']);
    await moveLegacyGlossaries();
    expect((await stored()).glossariesJson).toBe('[{"format": 1, "id": "a"');
  });

  it('reports a damaged glossary by name and still uses the others', async () => {
    await fakeBrowser.storage.local.set({ glossariesJson: JSON.stringify([{ ...glossary('bad'), entries: 'none' }, glossary('good')]) });
    const { glossaries, problems } = await loadGlossaries();
    expect(glossaries.map((g) => g.id)).toEqual([builtinGlossary.id, 'good']);
    expect(problems).toEqual(['Stored glossary “Glossary bad” is damaged (entries: expected a list of entries) and is not used; it was left as it is.']);
  });

  it('validates a large glossary in slices, letting the page run between them', async () => {
    const [entry] = glossary('x').entries;
    const entries = Array.from({ length: 1600 }, (_, i) => ({ ...entry!, id: `entry-${i}` }));
    await fakeBrowser.storage.local.set({ glossariesJson: JSON.stringify([{ ...glossary('large'), entries }]) });
    // Every slice's budget is spent at once, and each time the page gets the main thread is counted.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const global = globalThis as { scheduler?: unknown };
    const scheduler = global.scheduler;
    let yields = 0;
    global.scheduler = { yield: () => (yields++, Promise.resolve()) };
    try {
      const { glossaries, problems } = await loadGlossaries();
      expect(problems).toEqual([]);
      expect(glossaries.map((g) => [g.id, g.entries.length])).toEqual([[builtinGlossary.id, builtinGlossary.entries.length], ['large', 1600]]);
      expect(yields).toBeGreaterThanOrEqual(3); // after entries 500, 1,000 and 1,500
    } finally {
      now.mockRestore();
      global.scheduler = scheduler;
    }
  });
});
