/**
 * How far back a long form may reach: to the start of its clause.
 *
 * Schwartz & Hearst look for the long form within the sentence; here the window also stops at a
 * semicolon or colon, at an unclosed bracket (a definition inside "(P < .002; odds ratio [OR] …)"
 * stays inside), after another bracketed remark, and after a verb or clause opener ("was", "which",
 * "we"), none of which ever sits inside a name.
 */
import type { Word } from './alignment';
import { bareWord, isSpace, isUpper, tokenStartBefore } from './chars';
import { NON_FINAL_ABBREVIATIONS } from './sentences';

/** A long form is a phrase, not a paragraph: look back at most this far. */
export const MAX_WINDOW_CHARS = 300;

/**
 * Where the clause holding `end` starts, looking back from `end` to at most `limit`: a line break,
 * the end of a sentence, a semicolon, a colon, or an unclosed bracket (so a definition inside
 * "(P < .002; odds ratio [OR] …)" does not reach outside the parenthesis).
 */
export function clauseStart(text: string, end: number, limit: number): number {
  let depth = 0;
  for (let i = end - 1; i >= limit; i--) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if (ch === ')' || ch === ']') {
      // A bracket group standing apart and closed before a space ends a remark or another
      // definition, "tidal volume (VT) and minute ventilation (VE)": the long form starts after it.
      // Groups attached to a word, as in "(AIDS)-related", "1,25-(OH)2D3" or "prostaglandin E(2)",
      // are part of the name.
      if (isSpace(text[i + 1]) || /[,;:.]/.test(text[i + 1] ?? '')) {
        const open = matchingOpener(text, i, limit);
        if (open < 0 || open === 0 || isSpace(text[open - 1])) return i + 1;
        i = open;
        continue;
      }
      depth++;
    } else if (ch === '(' || ch === '[') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (ch === ';') return i + 1;
    else if ((ch === ':' || ch === '.' || ch === '!' || ch === '?') && isSpace(text[i + 1])) {
      if (ch === '.' && !endsSentence(text, i)) continue;
      return i + 1;
    }
  }
  return limit;
}

/** The opening bracket of the group closed at `close`, looking back no further than `limit`; -1 if none. */
function matchingOpener(text: string, close: number, limit: number): number {
  let depth = 0;
  for (let i = close; i >= limit; i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') {
      depth--;
      if (depth === 0) return i;
    } else if (ch === '\n') return -1;
  }
  return -1;
}

/** Whether the period at `dot` ends a sentence, rather than an initial ("T. brucei") or "e.g.". */
function endsSentence(text: string, dot: number): boolean {
  const start = tokenStartBefore(text, dot);
  if (start < 0) return true;
  const word = text.slice(start, dot);
  if (word.length === 1 && isUpper(word)) return false;
  return !NON_FINAL_ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Verbs and clause openers never sit inside a long form: "Finger arterial pressure was monitored
 * continuously (Finapres)" cannot make "pressure was monitored" part of a name. The words before the
 * last of them are out of reach.
 */
const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'that', 'which', 'who', 'whom',
  'whose', 'where', 'when', 'while', 'whereas', 'although', 'because', 'if', 'than', 'then', 'thus',
  'we', 'they', 'it', 'its', 'this', 'these', 'those', 'such', 'called', 'termed', 'named', 'known',
]);

/** No word of a name is this long; a longer token (a URL, a hash, hostile text) ends the window. */
const MAX_WORD_LENGTH = 100;

export function clauseWords(text: string, words: Word[]): Word[] {
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w] as Word;
    if (word.end - word.start > MAX_WORD_LENGTH) return words.slice(w + 1);
    const bare = bareWord(text, word.start, word.end);
    if (CLAUSE_WORDS.has(bare)) return words.slice(w + 1);
  }
  return words;
}

