/**
 * The raw material of the generated pages and glossaries: an English word list (npm `word-list`,
 * ~274,000 words) and the sentences of the seed article (glossary/article.txt).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';
import type { Rng } from './prng';

export const ARTICLE_PATH = fileURLToPath(new URL('../glossary/article.txt', import.meta.url));

/** Words that make generated prose read like prose; never used as glossary terms. */
export const FUNCTION_WORDS = [
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'it', 'as', 'was', 'with', 'be', 'by', 'on',
  'not', 'he', 'she', 'this', 'are', 'or', 'his', 'her', 'from', 'at', 'which', 'but', 'have', 'an', 'had',
  'they', 'you', 'were', 'their', 'one', 'all', 'we', 'can', 'has', 'there', 'been', 'if', 'more', 'when',
  'will', 'would', 'who', 'so', 'no', 'than', 'into', 'its', 'our', 'after', 'also', 'about', 'over',
] as const;

export interface Vocabulary {
  /** Words by length (index = length), lowercase letters only, lengths 2..14. */
  byLength: string[][];
  /** All words of 4..12 letters: the stock of synthetic glossary terms. */
  termWords: string[];
}

let vocabulary: Vocabulary | undefined;

export function loadVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const stop = new Set<string>(FUNCTION_WORDS);
  const byLength: string[][] = Array.from({ length: 15 }, () => []);
  const termWords: string[] = [];
  for (const word of readFileSync(wordListPath, 'utf8').split('\n')) {
    if (!/^[a-z]+$/.test(word) || word.length < 2 || word.length > 14) continue;
    byLength[word.length]!.push(word);
    if (word.length >= 4 && word.length <= 12 && !stop.has(word)) termWords.push(word);
  }
  vocabulary = { byLength, termWords };
  return vocabulary;
}

/** Word lengths roughly as in English running text (content words; function words come apart). */
const LENGTH_WEIGHTS = [0, 0, 3, 8, 14, 14, 13, 12, 10, 8, 6, 4, 3, 2, 1];
const LENGTH_TOTAL = LENGTH_WEIGHTS.reduce((a, b) => a + b, 0);

export function randomWord(rng: Rng): string {
  const { byLength } = loadVocabulary();
  if (rng.chance(0.42)) return rng.pick(FUNCTION_WORDS);
  let r = rng.next() * LENGTH_TOTAL;
  let length = 2;
  while (length < LENGTH_WEIGHTS.length - 1 && r >= LENGTH_WEIGHTS[length]!) r -= LENGTH_WEIGHTS[length++]!;
  return rng.pick(byLength[length]!);
}

export function randomWords(rng: Rng, min: number, max: number): string {
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(randomWord(rng));
  return out.join(' ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sentence of random words, capitalised, with an occasional comma, ending in a full stop. */
export function randomSentence(rng: Rng): string {
  const n = rng.int(6, 24);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(randomWord(rng) + (i < n - 1 && rng.chance(0.07) ? ',' : ''));
  return `${capitalize(words.join(' '))}${rng.chance(0.05) ? '?' : '.'}`;
}

export interface Article {
  title: string;
  /** The article's paragraphs (blocks separated by blank lines), whitespace-normalised, title excluded. */
  paragraphs: string[];
  /** Its sentences, for mixing into generated prose. */
  sentences: string[];
}

let article: Article | undefined;

export function loadArticle(): Article {
  if (article) return article;
  const blocks = readFileSync(ARTICLE_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const [title, ...paragraphs] = blocks;
  const sentences = paragraphs
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-Z0-9])/))
    .filter((sentence) => sentence.length > 30);
  article = { title: title!, paragraphs, sentences };
  return article;
}
