/**
 * Extraction of glossaries from plain text: defined abbreviations and definitional sentences. No DOM,
 * no extension APIs, so it runs in the content script, a worker, tests and scripts alike.
 */
export { extractAbbreviations, MAX_TEXT_LENGTH } from './abbreviations';
export { extractGlossary, type ArticleInput } from './extract-glossary';
export { splitSentences, type Sentence } from './sentences';
export type { AbbreviationPair } from './types';
