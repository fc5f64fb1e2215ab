import { describe, expect, it } from 'vitest';
import { builtinGlossary } from '../../glossary';
import { MAX_IMPORT_BYTES, glossaryFileText, readGlossaryFile } from '../../glossary/import-file';

const valid = () => JSON.parse(glossaryFileText(builtinGlossary));
const errorOf = (text: string, size?: number) => {
  const result = readGlossaryFile(text, size);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('readGlossaryFile', () => {
  it('reads back an exported glossary unchanged', () => {
    const result = readGlossaryFile(glossaryFileText(builtinGlossary));
    expect(result).toEqual({ ok: true, glossary: builtinGlossary });
  });

  it('refuses a file that is not JSON', () => {
    expect(errorOf('<html>not a glossary</html>')).toMatch(/^This file is not a glossary: it is not valid JSON \(/);
  });

  it('refuses JSON that is not a glossary object', () => {
    expect(errorOf('[1, 2, 3]')).toBe('This file is not a glossary: it holds no glossary object.');
    expect(errorOf('null')).toBe('This file is not a glossary: it holds no glossary object.');
  });

  it('refuses a file over 5 MB before reading it', () => {
    expect(errorOf('{}', MAX_IMPORT_BYTES + 1)).toBe('This file is 5.0 MB; glossary files can be at most 5 MB.');
    const big = JSON.stringify({ ...valid(), padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    expect(errorOf(big)).toMatch(/glossary files can be at most 5 MB/);
  });

  it('refuses a newer format version, saying so', () => {
    expect(errorOf(JSON.stringify({ ...valid(), format: 2 }))).toBe(
      'This glossary was made by a newer version of Termlight (format 2); this version reads format 1. Update Termlight to import it.',
    );
  });

  it('names the path of a bad field', () => {
    const data = valid();
    data.entries[3].quotes[0] = 42;
    expect(errorOf(JSON.stringify(data))).toBe('This glossary has an error: entries[3].quotes[0]: expected text.');
  });

  it('refuses duplicate ids, naming the id', () => {
    const data = valid();
    data.entries[5].id = data.entries[2].id;
    expect(errorOf(JSON.stringify(data))).toBe(
      `This glossary has an error: entries[5].id: duplicate id "${data.entries[2].id}" (ids must be unique).`,
    );
  });

  it('keeps markup in text as text', () => {
    const data = valid();
    data.entries[0].summary = '<img src=x onerror=alert(1)>';
    const result = readGlossaryFile(JSON.stringify(data));
    expect(result.ok && result.glossary.entries[0]!.summary).toBe('<img src=x onerror=alert(1)>');
  });
});
