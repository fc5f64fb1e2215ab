/**
 * The glossary file format, version 1.
 *
 * One schema serves the built-in glossary, glossaries made from a page and imported files, so that
 * whatever reaches the highlighter has been through the same checks. Glossary text is plain text
 * everywhere: nothing here is ever rendered as HTML.
 */
import * as v from 'valibot';

export const GLOSSARY_FORMAT_VERSION = 1;

export const CATEGORIES = [
  'condition',
  'anatomy',
  'procedure',
  'drug',
  'drug class',
  'concept',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ids are used as keys in storage and in related-entry lists: keep them URL- and CSS-safe. */
const Id = v.pipe(
  v.string('expected text'),
  v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'expected an id of lowercase letters, digits and hyphens'),
);

const Text = (max: number) =>
  v.pipe(
    v.string('expected text'),
    v.trim(),
    v.nonEmpty('expected non-empty text'),
    v.maxLength(max, `expected at most ${max} characters`),
  );

export const EntrySchema = v.object({
  id: Id,
  /** The name shown in the popover heading and the popup list, e.g. "Intrahepatic cholangiocarcinoma". */
  term: Text(120),
  /** Other surface forms that mean the same thing: abbreviations, long forms, synonyms. */
  aliases: v.optional(v.array(Text(120), 'expected a list of texts'), []),
  category: v.picklist(CATEGORIES, `expected one of: ${CATEGORIES.join(', ')}`),
  /** One or two plain sentences that use only what the source says. */
  summary: Text(400),
  /** Sentences copied verbatim from the source. */
  quotes: v.pipe(
    v.array(Text(1000), 'expected a list of texts'),
    v.minLength(1, 'expected at least one quote'),
  ),
  related: v.optional(v.array(Id, 'expected a list of ids'), []),
});

export const SourceSchema = v.object({
  title: Text(300),
  url: v.optional(v.pipe(v.string('expected text'), v.url('expected a URL'))),
});

export const GlossarySchema = v.pipe(
  v.object({
    format: v.literal(GLOSSARY_FORMAT_VERSION, `expected format version ${GLOSSARY_FORMAT_VERSION}`),
    id: Id,
    title: Text(300),
    source: SourceSchema,
    entries: v.array(EntrySchema, 'expected a list of entries'),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        addIssue({
          message: `duplicate id "${entry.id}" (ids must be unique)`,
          path: [
            { type: 'object', origin: 'value', input: dataset.value, key: 'entries', value: dataset.value.entries },
            { type: 'array', origin: 'value', input: dataset.value.entries, key: index, value: entry },
            { type: 'object', origin: 'value', input: entry, key: 'id', value: entry.id },
          ],
        });
      }
      seen.add(entry.id);
    });
  }),
);

export type GlossaryEntry = v.InferOutput<typeof EntrySchema>;
export type GlossarySource = v.InferOutput<typeof SourceSchema>;
export type Glossary = v.InferOutput<typeof GlossarySchema>;
export type GlossaryInput = v.InferInput<typeof GlossarySchema>;

export type ParseResult =
  | { ok: true; glossary: Glossary }
  | { ok: false; error: string; issues: string[] };

/**
 * Validates unknown input (a parsed JSON file, a stored value) as a glossary.
 * Errors name the path of the bad field, e.g. `entries[3].quotes[0]: expected text`.
 */
export function parseGlossary(input: unknown): ParseResult {
  const result = v.safeParse(GlossarySchema, input);
  if (result.success) return { ok: true, glossary: result.output };
  const issues = result.issues.map(describeIssue);
  return { ok: false, error: issues[0] ?? 'invalid glossary', issues };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = formatPath(issue.path ?? []);
  return path ? `${path}: ${issue.message}` : issue.message;
}

function formatPath(path: readonly { key: unknown }[]): string {
  let out = '';
  for (const { key } of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
