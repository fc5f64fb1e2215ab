/**
 * Termlight's domain core: glossary data and format, the term matcher and the page highlight engine.
 * Plain TypeScript and DOM, no extension APIs, so benchmarks, evaluations and tests use it anywhere.
 */
export {
  parseGlossary,
  GlossarySchema,
  EntrySchema,
  CATEGORIES,
  GLOSSARY_FORMAT_VERSION,
  type Category,
  type Glossary,
  type GlossaryEntry,
  type GlossaryInput,
  type GlossarySource,
  type ParseResult,
} from './schema';
export { builtinGlossary } from './builtin';
export { compileMatcher, isCaseSensitiveForm, type Matcher, type MatcherTerm, type TermMatch } from './matcher';
export {
  createHighlighter,
  DEFAULT_HIGHLIGHT_NAME,
  type Highlighter,
  type HighlighterOptions,
  type HighlightResult,
  type ContainerChange,
  type Occurrence,
  type Container,
} from './page/highlighter';
export { watchMutations, type MutationWatcher } from './page/mutation-watcher';
export { walkBlocks, type TextBlock } from './page/text-index';
export { isAmbiguousForm } from './page/ambiguity';
export { extractAbbreviations, extractGlossary, type AbbreviationPair, type ArticleInput } from './extract';
export { readGlossaryFile, glossaryFileText, MAX_IMPORT_BYTES, type ImportResult } from './import-file';
export { buildCatalogue, entryKey, type Catalogue, type CatalogueEntry, type RelatedTerm } from './catalogue';
export { createGlossarySearch, type GlossarySearch } from './search';
