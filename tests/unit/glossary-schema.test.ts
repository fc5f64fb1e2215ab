import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import { CATEGORIES, GlossarySchema, parseGlossary, parseGlossarySteps } from '../../glossary/schema';

function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tare',
    term: 'Transarterial radioembolization',
    aliases: ['TARE'],
    category: 'procedure',
    summary: 'A treatment that delivers radioactive microspheres to the tumor.',
    quotes: ['TARE involves the targeted delivery of radioactive microspheres.'],
    related: [],
    ...overrides,
  };
}

function glossary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 1,
    id: 'test-glossary',
    title: 'Test glossary',
    source: { title: 'A source' },
    entries: [entry()],
    ...overrides,
  };
}

function errorOf(input: unknown): string {
  const result = parseGlossary(input);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.error;
}

describe('parseGlossary', () => {
  it('accepts a valid glossary', () => {
    const result = parseGlossary(glossary());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.glossary.entries[0]?.id).toBe('tare');
  });

  it('names the path of a quote that is not text', () => {
    const error = errorOf(glossary({ entries: [entry({ quotes: [42] })] }));
    expect(error.startsWith('entries[0].quotes[0]: expected text')).toBe(true);
  });

  it('formats deeper paths with the entry index', () => {
    const error = errorOf(glossary({ entries: [entry(), entry({ id: 'other', aliases: ['ok', 7] })] }));
    expect(error).toBe('entries[1].aliases[1]: expected text');
  });

  it('names the allowed categories for an unknown category', () => {
    const error = errorOf(glossary({ entries: [entry({ category: 'symptom' })] }));
    expect(error).toBe(`entries[0].category: expected one of: ${CATEGORIES.join(', ')}`);
    expect(error).toContain('condition, anatomy, procedure, drug, drug class, concept');
  });

  it('refuses two entries with the same id', () => {
    const result = parseGlossary(glossary({ entries: [entry(), entry({ term: 'Another' })] }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe('entries[1].id: duplicate id "tare" (ids must be unique)');
      expect(result.error.startsWith('entries')).toBe(true);
    }
  });

  it('refuses another format version', () => {
    expect(errorOf(glossary({ format: 2 }))).toBe('format: expected format version 1');
    expect(errorOf(glossary({ format: '1' }))).toBe('format: expected format version 1');
  });

  it.each([null, undefined, 'a glossary', 42, [], true])('refuses the non-object input %j', (input) => {
    const result = parseGlossary(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(typeof result.error).toBe('string');
      expect(result.error.length).toBeGreaterThan(0);
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });

  it('refuses a bad id', () => {
    expect(errorOf(glossary({ entries: [entry({ id: 'Bad Id' })] }))).toBe(
      'entries[0].id: expected an id of lowercase letters, digits and hyphens',
    );
  });

  it('requires at least one quote', () => {
    expect(errorOf(glossary({ entries: [entry({ quotes: [] })] }))).toBe(
      'entries[0].quotes: expected at least one quote',
    );
  });

  it('refuses blank text after trimming', () => {
    expect(errorOf(glossary({ entries: [entry({ summary: '   ' })] }))).toBe(
      'entries[0].summary: expected non-empty text',
    );
  });

  it('refuses entries that are not a list', () => {
    expect(errorOf(glossary({ entries: {} }))).toBe('entries: expected a list of entries');
  });

  it('reports every issue, not only the first', () => {
    const result = parseGlossary(glossary({ format: 3, entries: [entry({ category: 'x', quotes: [1] })] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeGreaterThanOrEqual(3);
  });

  it('defaults missing aliases and related to empty lists', () => {
    const bare = entry();
    delete bare.aliases;
    delete bare.related;
    const result = parseGlossary(glossary({ entries: [bare] }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.glossary.entries[0]?.aliases).toEqual([]);
      expect(result.glossary.entries[0]?.related).toEqual([]);
    }
  });

  it('trims text fields', () => {
    const result = parseGlossary(glossary({ entries: [entry({ term: '  Spaced term  ' })] }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.glossary.entries[0]?.term).toBe('Spaced term');
  });
});

describe('parseGlossarySteps', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => entry({ id: `entry-${i}`, term: `Term ${i}` }));

  /** Runs the steps to the end; returns the result and how many times they paused. */
  function run(input: unknown): { result: ReturnType<typeof parseGlossary>; pauses: number } {
    const steps = parseGlossarySteps(input);
    let pauses = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) return { result: step.value, pauses };
      pauses++;
    }
  }

  it('pauses between slices of a large glossary and accepts it as the schema does', () => {
    const input = glossary({ entries: many(1800) });
    const { result, pauses } = run(input);
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.glossary).toEqual(v.parse(GlossarySchema, input));
  });

  it('names entries by their place in the whole list, not in their slice', () => {
    const entries = many(1300);
    entries[1234] = entry({ id: 'entry-1234', quotes: [42] });
    expect(run(glossary({ entries })).result).toMatchObject({ ok: false, error: 'entries[1234].quotes[0]: expected text' });
  });

  it('finds an id repeated in another slice', () => {
    const entries = many(900);
    entries[700] = entry({ id: 'entry-3' });
    expect(run(glossary({ entries })).result).toMatchObject({
      ok: false,
      error: 'entries[700].id: duplicate id "entry-3" (ids must be unique)',
    });
  });

  it('reports the same issues as the schema, in its order', () => {
    const entries = many(1200);
    entries[3] = entry({ id: 'entry-3', category: 'symptom' });
    entries[1100] = entry({ id: 'entry-1100', summary: ' ' });
    const { result } = run(glossary({ title: '', entries }));
    const schema = v.safeParse(GlossarySchema, glossary({ title: '', entries }));
    expect(schema.success).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([
      'title: expected non-empty text',
      `entries[3].category: expected one of: ${CATEGORIES.join(', ')}`,
      'entries[1100].summary: expected non-empty text',
    ]);
    expect(schema.issues?.map((issue) => issue.message)).toEqual([
      'expected non-empty text',
      `expected one of: ${CATEGORIES.join(', ')}`,
      'expected non-empty text',
    ]);
  });
});
