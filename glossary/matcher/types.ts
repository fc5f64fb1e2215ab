/** A glossary entry as the matcher needs it; structurally a subset of `GlossaryEntry` (glossary/schema.ts). */
export interface MatcherTerm {
  id: string;
  term: string;
  aliases?: readonly string[];
}

/** One occurrence of a term in a text. */
export interface TermMatch {
  entryId: string;
  /**
   * The entry's index in the terms given to `compileMatcher`: callers that count matches per entry
   * can use arrays indexed by it rather than maps keyed by id.
   */
  entry: number;
  /** UTF-16 offset of the first code unit of the occurrence. */
  start: number;
  /** UTF-16 offset just past the occurrence: `text.slice(start, end)` is exactly what matched. */
  end: number;
  /** The declared form (term or alias, trimmed) that matched, e.g. 'checkpoint inhibitor' for "Checkpoint-Inhibitors". */
  form: string;
}

export interface Matcher {
  /**
   * Every occurrence, leftmost-longest and non-overlapping, in text order. Most texts have none: they
   * all get one shared empty array, which is why the result is read-only.
   */
  findAll(text: string): readonly TermMatch[];
  /** How many distinct surface forms were compiled: declared forms plus generated plurals and possessives. */
  readonly formCount: number;
}

export interface MatcherOptions {
  /** Decides per declared form whether case matters; defaults to `isCaseSensitiveForm`. */
  caseSensitive?: (form: string) => boolean;
}
