import { readFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parseGlossary, type GlossaryEntry } from '../../glossary/schema';
import { builtinGlossaryInput } from '../../glossary/builtin/liver-cancer-article';
import { builtinGlossary } from '../../glossary/builtin';

// Vite rewrites the literal pattern `new URL('…', import.meta.url)` into a served asset URL
// (http://localhost:3000/…), which fs cannot read: so the base goes through a variable.
const testFileUrl = import.meta.url;
const article = readFileSync(fileURLToPath(new URL('../../glossary/article.txt', testFileUrl)), 'utf8');
const entries: GlossaryEntry[] = builtinGlossary.entries;

/** Every surface form of an entry: its term and its aliases. */
function namesOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.aliases];
}

/** Finds the entry with this term or alias (case-insensitively; the data has no case-only duplicates). */
function lookup(name: string): GlossaryEntry | undefined {
  const wanted = name.toLowerCase();
  return entries.find((entry) => namesOf(entry).some((n) => n.toLowerCase() === wanted));
}

function sentenceCount(text: string): number {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((part) => part.length > 0).length;
}

describe('built-in glossary', () => {
  it('validates with parseGlossary', () => {
    const result = parseGlossary(builtinGlossaryInput);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('is exported already parsed, with defaults applied', () => {
    expect(builtinGlossary.id).toBe('icc-tare-immunotherapy');
    expect(builtinGlossary.format).toBe(1);
    expect(builtinGlossary.source.title).toBe(
      'Revolutionizing ICC Treatment: TARE and Immunotherapy Breakthroughs',
    );
    expect(entries.length).toBe(builtinGlossaryInput.entries.length);
    for (const entry of entries) {
      expect(Array.isArray(entry.aliases)).toBe(true);
      expect(Array.isArray(entry.related)).toBe(true);
    }
  });

  it('has unique ids', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('quotes every sentence verbatim from the article', () => {
    const missing: string[] = [];
    for (const entry of entries) {
      for (const quote of entry.quotes) {
        if (!article.includes(quote)) missing.push(`${entry.id}: ${quote}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps each quote trimmed and within one sentence', () => {
    const bad: string[] = [];
    for (const entry of entries) {
      for (const quote of entry.quotes) {
        const trimmed = quote === quote.trim();
        const oneSentence = !/\n/.test(quote) && !/[.!?]\s+\S/.test(quote);
        if (!trimmed || !oneSentence) bad.push(`${entry.id}: ${quote}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has terms and aliases that are unique across all entries, case-insensitively', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of entries) {
      for (const name of namesOf(entry)) {
        const key = name.toLowerCase();
        const previous = owner.get(key);
        if (previous !== undefined) clashes.push(`"${name}" in ${entry.id} and ${previous}`);
        else owner.set(key, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('only relates to entries that exist, never to the entry itself, without repeats', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    const bad: string[] = [];
    for (const entry of entries) {
      if (new Set(entry.related).size !== entry.related.length) bad.push(`${entry.id}: repeated id`);
      for (const id of entry.related) {
        if (id === entry.id) bad.push(`${entry.id}: relates to itself`);
        else if (!ids.has(id)) bad.push(`${entry.id}: unknown related id ${id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has short summaries: non-empty, at most two sentences and 300 characters', () => {
    const bad: string[] = [];
    for (const entry of entries) {
      const { summary } = entry;
      if (summary.trim().length === 0) bad.push(`${entry.id}: empty`);
      if (summary.length > 300) bad.push(`${entry.id}: ${summary.length} characters`);
      if (sentenceCount(summary) > 2) bad.push(`${entry.id}: ${sentenceCount(summary)} sentences`);
    }
    expect(bad).toEqual([]);
  });

  it('covers the concepts the article explains', () => {
    const required = [
      'ICC',
      'intrahepatic cholangiocarcinoma',
      'bile duct',
      'intrahepatic bile duct',
      'TARE',
      'SIRT',
      'transarterial radioembolization',
      'selective internal radiation therapy',
      'radioembolization',
      'radioactive microsphere',
      'microsphere',
      'hepatic artery',
      'immunotherapy',
      'checkpoint inhibitor',
      'immune checkpoint inhibitor',
      'pembrolizumab',
      'nivolumab',
      'surgical resection',
      'liver transplantation',
      'liver transplant',
      'chemotherapy',
      'unresectable',
      'tumor shrinkage',
      'bridge to surgery',
      'jaundice',
      'combination therapy',
      'clinical trial',
      'multidisciplinary team',
      'oncology',
      'systemic treatment',
      'localized treatment',
    ];
    expect(required.filter((name) => lookup(name) === undefined)).toEqual([]);
  });

  it('resolves the abbreviations and long forms to the same entries', () => {
    const tare = lookup('TARE');
    expect(tare?.id).toBe('transarterial-radioembolization');
    expect(lookup('SIRT')?.id).toBe(tare?.id);
    expect(lookup('selective internal radiation therapy')?.id).toBe(tare?.id);
    expect(lookup('ICC')?.id).toBe('intrahepatic-cholangiocarcinoma');
    expect(lookup('immune checkpoint inhibitor')?.id).toBe(lookup('checkpoint inhibitor')?.id);
    expect(lookup('liver transplant')?.id).toBe(lookup('liver transplantation')?.id);
    expect(lookup('bridge to surgery')?.id).toBe(lookup('tumor shrinkage')?.id);
  });

  it('gives the expected categories', () => {
    expect(lookup('ICC')?.category).toBe('condition');
    expect(lookup('bile duct')?.category).toBe('anatomy');
    expect(lookup('hepatic artery')?.category).toBe('anatomy');
    expect(lookup('TARE')?.category).toBe('procedure');
    expect(lookup('checkpoint inhibitor')?.category).toBe('drug class');
    expect(lookup('pembrolizumab')?.category).toBe('drug');
    expect(lookup('nivolumab')?.category).toBe('drug');
  });

  it('relates the closely linked entries to each other', () => {
    const relatedOf = (name: string) => lookup(name)?.related ?? [];
    expect(relatedOf('TARE')).toEqual(
      expect.arrayContaining(['radioactive-microsphere', 'hepatic-artery', 'localized-treatment']),
    );
    expect(relatedOf('checkpoint inhibitor')).toEqual(
      expect.arrayContaining(['pembrolizumab', 'nivolumab', 'immunotherapy']),
    );
    expect(relatedOf('systemic treatment')).toContain('localized-treatment');
    expect(relatedOf('localized treatment')).toContain('systemic-treatment');
  });

  it('writes acronyms in capitals and other names without case-only duplicates', () => {
    for (const name of ['ICC', 'TARE', 'SIRT']) {
      const entry = lookup(name);
      expect(entry?.aliases).toContain(name);
      expect(entry?.aliases).not.toContain(name.toLowerCase());
    }
  });
});
