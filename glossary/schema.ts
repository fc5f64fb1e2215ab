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

/** The glossary's own fields; its entries are EntrySchema, in a list. */
const GlossaryFields = {
  format: v.literal(GLOSSARY_FORMAT_VERSION, `expected format version ${GLOSSARY_FORMAT_VERSION}`),
  id: Id,
  title: Text(300),
  source: SourceSchema,
};

const EntryListSchema = v.array(EntrySchema, 'expected a list of entries');

export const GlossarySchema = v.pipe(
  v.object({ ...GlossaryFields, entries: EntryListSchema }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { entries } = dataset.value;
    for (const index of repeatedIds(entries)) {
      const entry = entries[index]!;
      addIssue({
        message: duplicateIdMessage(entry.id),
        path: [
          { type: 'object', origin: 'value', input: dataset.value, key: 'entries', value: entries },
          { type: 'array', origin: 'value', input: entries, key: index, value: entry },
          { type: 'object', origin: 'value', input: entry, key: 'id', value: entry.id },
        ],
      });
    }
  }),
);

/** The indices of the entries whose id an earlier entry already has. */
function repeatedIds(entries: readonly { id: string }[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  entries.forEach(({ id }, index) => {
    if (seen.has(id)) repeated.push(index);
    seen.add(id);
  });
  return repeated;
}

const duplicateIdMessage = (id: string) => `duplicate id "${id}" (ids must be unique)`;

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
  const steps = parseGlossarySteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The glossary's fields, with its entries only checked to be a list: parseGlossarySteps checks them. */
const HeaderSchema = v.object({ ...GlossaryFields, entries: v.array(v.unknown(), 'expected a list of entries') });

/** Entries validated between two pauses of parseGlossarySteps (about 1 ms of work). */
const ENTRIES_PER_STEP = 500;

/**
 * The work of parseGlossary (GlossarySchema, with the same results and messages) in steps: it pauses
 * (yields) every ENTRIES_PER_STEP entries, so that a caller on a page's main thread can let the page
 * run in between. Every page's content script validates the reader's stored glossaries, and 10,000
 * entries took 23–26 ms of validation, and the garbage collection it set off, in one task.
 */
export function* parseGlossarySteps(input: unknown): Generator<void, ParseResult, void> {
  const header = v.safeParse(HeaderSchema, input);
  // Issues in GlossarySchema's order: the glossary's own fields, then its entries one by one.
  const issues = header.success ? [] : header.issues.map((issue) => describeIssue(issue));
  const listed = (input as { entries?: unknown } | null)?.entries;
  const raw: readonly unknown[] = typeof input === 'object' && Array.isArray(listed) ? listed : [];
  const entries: GlossaryEntry[] = [];
  for (let start = 0; start < raw.length; start += ENTRIES_PER_STEP) {
    if (start > 0) yield;
    const checked = v.safeParse(EntryListSchema, raw.slice(start, start + ENTRIES_PER_STEP));
    if (checked.success) entries.push(...checked.output);
    else issues.push(...checked.issues.map((issue) => describeIssue(issue, start)));
  }
  if (header.success && issues.length === 0) {
    for (const index of repeatedIds(entries)) issues.push(`entries[${index}].id: ${duplicateIdMessage(entries[index]!.id)}`);
  }
  if (!header.success || issues.length > 0) return { ok: false, error: issues[0] ?? 'invalid glossary', issues };
  return { ok: true, glossary: { ...header.output, entries } };
}

/** An issue as text; `firstEntry` for an issue of a slice of the entries, whose paths start at 0. */
function describeIssue(issue: v.BaseIssue<unknown>, firstEntry?: number): string {
  let path = formatPath(issue.path ?? []);
  if (firstEntry !== undefined) {
    const [, index, rest] = /^\[(\d+)\](.*)$/.exec(path) ?? [];
    path = index === undefined ? 'entries' : `entries[${firstEntry + Number(index)}]${rest}`;
  }
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
