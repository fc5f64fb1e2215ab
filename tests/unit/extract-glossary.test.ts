import { readFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { extractGlossary } from '../../glossary/extract';
import { parseGlossary, type GlossaryInput } from '../../glossary/schema';
import { builtinGlossaryInput } from '../../glossary/builtin/liver-cancer-article';

// Vite rewrites the literal pattern `new URL('…', import.meta.url)` into a served asset URL, which fs
// cannot read: so the base goes through a variable (as in builtin-glossary.test.ts).
const testFileUrl = import.meta.url;
const raw = readFileSync(fileURLToPath(new URL('../../glossary/article.txt', testFileUrl)), 'utf8');
const firstBreak = raw.indexOf('\n');
const title = raw.slice(0, firstBreak).trim();
const article = raw.slice(firstBreak + 1);

type Entry = GlossaryInput['entries'][number];

const glossary = extractGlossary({ title, text: article });
const entries: Entry[] = glossary.entries;

const namesOf = (entry: { term: string; aliases?: string[] }): string[] => [entry.term, ...(entry.aliases ?? [])];

function entryNamed(name: string): Entry | undefined {
  const wanted = name.toLowerCase();
  return entries.find((entry) => namesOf(entry).some((n) => n.toLowerCase() === wanted));
}

describe('extractGlossary on the seed article', () => {
  it('validates with parseGlossary', () => {
    const result = parseGlossary(glossary);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(glossary.title).toBe('Revolutionizing ICC Treatment: TARE and Immunotherapy Breakthroughs');
    expect(glossary.source).toEqual({ title: glossary.title });
  });

  it('finds intrahepatic cholangiocarcinoma with ICC as its alias, explained by its apposition', () => {
    const icc = entryNamed('ICC');
    expect(icc?.term).toBe('Intrahepatic cholangiocarcinoma');
    expect(icc?.aliases).toEqual(['ICC']);
    expect(icc?.category).toBe('condition');
    expect(icc?.summary).toBe('A rare and aggressive form of liver cancer originating in the bile ducts within the liver.');
  });

  it('makes one entry of TARE, its two definitions and its other name SIRT', () => {
    const withTare = entries.filter((entry) => namesOf(entry).includes('TARE'));
    expect(withTare).toHaveLength(1);
    const tare = withTare[0] as Entry;
    expect(tare.term).toBe('Transarterial radioembolization');
    expect(tare.aliases).toEqual(expect.arrayContaining(['TARE', 'SIRT', 'selective internal radiation therapy']));
    expect(entryNamed('SIRT')).toBe(tare);
    expect(entryNamed('selective internal radiation therapy')).toBe(tare);
    expect(tare.category).toBe('procedure');
    expect(tare.quotes[0]).toBe(
      'Transarterial Radioembolization (TARE), also known as selective internal radiation therapy (SIRT), has emerged as a promising treatment option for ICC.',
    );
    expect(tare.quotes).toContain(
      'TARE involves the targeted delivery of radioactive microspheres directly to the tumor site via the hepatic artery.',
    );
  });

  it('finds immunotherapy from "immunotherapy has emerged as …"', () => {
    const immunotherapy = entryNamed('immunotherapy');
    expect(immunotherapy?.term).toBe('Immunotherapy');
    expect(immunotherapy?.summary).toBe('Immunotherapy has emerged as a revolutionary systemic treatment option.');
    expect(immunotherapy?.quotes).toContain('Immunotherapy harnesses the body’s own immune system to recognize and attack cancer cells.');
  });

  it('finds checkpoint inhibitors and their examples pembrolizumab and nivolumab, related both ways', () => {
    const inhibitor = entryNamed('checkpoint inhibitor');
    const pembrolizumab = entryNamed('pembrolizumab');
    const nivolumab = entryNamed('nivolumab');
    expect(inhibitor?.term).toBe('Checkpoint inhibitor');
    expect(inhibitor?.category).toBe('drug class');
    expect(pembrolizumab?.term).toBe('Pembrolizumab');
    expect(pembrolizumab?.category).toBe('drug');
    expect(nivolumab?.category).toBe('drug');
    expect(inhibitor?.related).toEqual(expect.arrayContaining([pembrolizumab?.id, nivolumab?.id]));
    expect(pembrolizumab?.related).toContain(inhibitor?.id);
    expect(nivolumab?.related).toContain(inhibitor?.id);
    const listSentence = 'Specific checkpoint inhibitors, like pembrolizumab and nivolumab, have shown promise in clinical trials for ICC.';
    for (const entry of [inhibitor, pembrolizumab, nivolumab]) expect(entry?.quotes).toContain(listSentence);
  });

  it('quotes whole sentences verbatim', () => {
    for (const entry of entries) {
      expect(entry.quotes.length).toBeGreaterThan(0);
      for (const quote of entry.quotes) {
        expect(article).toContain(quote);
        expect(quote).toBe(quote.trim());
        expect(quote).toMatch(/[.!?]$/);
        const at = article.indexOf(quote);
        // it starts a sentence: at a line start, after a list number, or after a full stop
        expect(article.slice(Math.max(0, at - 4), at)).toMatch(/(?:^|\n|[.!?]\s|\d\.\s)\s*$/);
      }
    }
  });

  it('has no junk: every entry is a term of the built-in glossary made from the same article', () => {
    const builtinNames = new Set(builtinGlossaryInput.entries.flatMap((entry) => namesOf(entry).map((n) => n.toLowerCase())));
    for (const entry of entries) {
      expect(namesOf(entry).some((name) => builtinNames.has(name.toLowerCase())), entry.term).toBe(true);
    }
    const allNames = entries.flatMap(namesOf).join('\n');
    expect(allNames).not.toMatch(/share on|leave a reply|email|facebook|required/i);
  });

  it('has unique ids, short summaries and no duplicate names', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[a-z0-9][a-z0-9-]{0,79}$/);
      expect(entry.summary.length).toBeLessThanOrEqual(400);
      const lower = namesOf(entry).map((n) => n.toLowerCase());
      expect(new Set(lower).size, entry.term).toBe(lower.length);
    }
    const allLower = entries.flatMap((entry) => namesOf(entry).map((n) => n.toLowerCase()));
    expect(new Set(allLower).size).toBe(allLower.length);
  });
});

describe('extractGlossary on other text', () => {
  const glossaryOf = (text: string, extra: { url?: string } = {}): GlossaryInput => {
    const result = extractGlossary({ title: 'A test page', text, ...extra });
    const parsed = parseGlossary(result);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    return result;
  };

  it('turns an empty page into an empty, valid glossary', () => {
    expect(glossaryOf('').entries).toEqual([]);
    expect(extractGlossary({ title: '  ', text: '' }).title).toBe('Glossary');
  });

  it('uses "X is a …" and "X refers to …" sentences', () => {
    const text = 'Cholangitis is an infection of the bile ducts. Hepatomegaly refers to an enlarged liver.';
    const result = glossaryOf(text);
    expect(result.entries.map((e) => [e.term, e.summary, e.category])).toEqual([
      ['Cholangitis', 'Cholangitis is an infection of the bile ducts.', 'condition'],
      ['Hepatomegaly', 'Hepatomegaly refers to an enlarged liver.', 'concept'],
    ]);
  });

  it('joins "X, also known as Y" into one entry', () => {
    const result = glossaryOf('Acetaminophen, also known as paracetamol, relieves pain.');
    expect(result.entries.map((e) => namesOf(e))).toEqual([['Acetaminophen', 'paracetamol']]);
  });

  it('ignores lists whose class is too general to be a term', () => {
    const text = 'Traditional treatment options, such as surgery and chemotherapy, have limits. It can ease symptoms, such as pain and jaundice.';
    expect(glossaryOf(text).entries).toEqual([]);
  });

  it('keeps a valid URL and leaves out an invalid one', () => {
    expect(glossaryOf('x', { url: 'https://example.org/post' }).source).toEqual({ title: 'A test page', url: 'https://example.org/post' });
    expect(glossaryOf('x', { url: 'not a url' }).source).toEqual({ title: 'A test page' });
  });

  it('quotes at most 1000 characters of a very long sentence, verbatim', () => {
    const text = `Tumor necrosis factor (TNF) ${'rises and falls '.repeat(100)}in the blood.`;
    const [entry] = glossaryOf(text).entries;
    expect(entry?.quotes[0]?.length).toBeLessThanOrEqual(1000);
    expect(text.startsWith(entry?.quotes[0] ?? '-')).toBe(true);
  });

  it('survives hostile input', () => {
    expect(glossaryOf('('.repeat(200_000)).entries).toEqual([]);
    expect(glossaryOf('a (b (c '.repeat(25_000)).entries).toEqual([]);
    expect(glossaryOf('x, also known as '.repeat(12_000)).entries).toEqual([]);
    expect(glossaryOf('drugs, like a and b, '.repeat(10_000)).entries).toEqual([]);
  });
});
