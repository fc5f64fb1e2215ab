/**
 * Sentence splitting with offsets, for quotes that must be copied verbatim.
 *
 * Pages reach us as plain text whose line breaks separate blocks (headings, paragraphs, list items,
 * "Share on facebook"), so every line break ends a sentence. Inside a line a sentence ends at ".", "!"
 * or "?" followed by a space and a capital, digit or quote, except after abbreviations that rarely end
 * one ("e.g.", "Fig.", "Dr.", single initials such as "T. brucei"). A list number at the start of a
 * sentence ("1. Localized Treatment: …") is left out of it.
 */
import { isDigit, isSpace, isUpper } from './chars';

export interface Sentence {
  start: number;
  end: number;
  /** text.slice(start, end), trimmed. */
  text: string;
}

/** Periods after these words end no sentence ("e.g. tumour necrosis factor (TNF)", "Fig. 2"). */
export const NON_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'vs', 'cf', 'al', 'approx', 'ca', 'fig', 'figs', 'no', 'nos', 'dr', 'mr', 'mrs', 'ms',
  'prof', 'st', 'etc', 'ref', 'refs', 'vol', 'pp', 'inc', 'ltd', 'jr', 'sr',
]);

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    let to = end;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    // "1. ", "2) ", "a) ", "• " opening a list item
    const bullet = /^(?:\(?\d{1,2}[.)]|[a-z][.)]|[•·▪‣◦*-])\s+/.exec(text.slice(from, Math.min(to, from + 8)));
    if (bullet) from += bullet[0].length;
    if (to > from) sentences.push({ start: from, end: to, text: text.slice(from, to) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
    } else if ((ch === '.' || ch === '!' || ch === '?') && isSpace(text[i + 1]) && text[i + 1] !== '\n') {
      let j = i + 1;
      while (j < text.length && isSpace(text[j]) && text[j] !== '\n') j++;
      const next = text[j];
      if (!(isUpper(next) || isDigit(next) || next === '"' || next === '“' || next === '(')) continue;
      if (ch === '.' && !endsSentence(text, start, i)) continue;
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return sentences;
}

function endsSentence(text: string, sentenceStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && !isSpace(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, dot).replace(/^[("'“‘[]+/, '');
  if (word.length === 1 && isUpper(word)) return false; // an initial, "T. brucei"
  if (/^\d{1,2}$/.test(word) && text.slice(sentenceStart, wordStart).trim() === '') return false; // "1. Item"
  return !NON_FINAL_ABBREVIATIONS.has(word.toLowerCase());
}
