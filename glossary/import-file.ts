/**
 * Reading a glossary file the reader chose to import. Every refusal says what is wrong in words; the
 * caller stores nothing unless this returns ok, so a bad file can never damage stored glossaries.
 */
import { GLOSSARY_FORMAT_VERSION, parseGlossary, type Glossary } from './schema';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportResult = { ok: true; glossary: Glossary } | { ok: false; error: string };

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function readGlossaryFile(text: string, size = byteLength(text)): ImportResult {
  if (size > MAX_IMPORT_BYTES) {
    return { ok: false, error: `This file is ${(size / 1024 / 1024).toFixed(1)} MB; glossary files can be at most 5 MB.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not a glossary: it is not valid JSON (${(error as Error).message}).` };
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > GLOSSARY_FORMAT_VERSION) {
    return {
      ok: false,
      error: `This glossary was made by a newer version of Termlight (format ${format}); this version reads format ${GLOSSARY_FORMAT_VERSION}. Update Termlight to import it.`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'This file is not a glossary: it holds no glossary object.' };
  }
  const parsed = parseGlossary(data);
  if (!parsed.ok) {
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more problem${parsed.issues.length > 2 ? 's' : ''})` : '';
    return { ok: false, error: `This glossary has an error: ${parsed.error}${more}.` };
  }
  return { ok: true, glossary: parsed.glossary };
}

/** The file a glossary is exported as: readable, and read back unchanged by readGlossaryFile. */
export function glossaryFileText(glossary: Glossary): string {
  return `${JSON.stringify(glossary, null, 2)}\n`;
}
