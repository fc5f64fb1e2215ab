/**
 * extractGlossary: turns an article (plain text) into a glossary that parseGlossary accepts.
 *
 * Entries come only from explicit evidence in the text, so that a page's boilerplate ("Share on
 * facebook", "Leave a Reply") never becomes a term:
 *   - every defined abbreviation (abbreviations.ts): the long form is the term, the short form an
 *     alias; two definitions of the same abbreviation make one entry, and "LF1 (SF1), also known as
 *     LF2 (SF2)" makes one entry with all four names;
 *   - "X, also known as Y" (synonyms), "X is a … / involves … / refers to … / has emerged as …"
 *     (definitions.ts);
 *   - "Specific checkpoint inhibitors, like pembrolizumab and nivolumab": the class and each member,
 *     related to each other.
 * Quotes are whole sentences copied verbatim (sentences.ts). The summary is what the text says the
 * thing is: an apposition after the definition ("ICC, a rare and aggressive form of liver cancer …"),
 * else the defining sentence, else the first quote itself.
 */
import type { Category, GlossaryInput } from '../schema';
import { extractAbbreviations, MAX_TEXT_LENGTH } from './abbreviations';
import { guessCategory } from './category';
import { findClassLists, findDefiningSentences, findSynonyms, type Span } from './definitions';
import { splitSentences, type Sentence } from './sentences';
import { headingForm, isAcronymLike, singularPhrase, singularWord, slugify, uniqueId } from './term-form';
import type { AbbreviationPair } from './types';

export interface ArticleInput {
  title: string;
  url?: string;
  text: string;
}

type GlossaryEntryInput = GlossaryInput['entries'][number];

/** The schema's limits: summaries up to 400 characters, quotes up to 1000, terms up to 120. */
const MAX_SUMMARY = 400;
const MAX_QUOTE = 1000;
const MAX_NAME = 120;
const MAX_QUOTES = 3;
/** A page is not a dictionary: past this many entries the rest are dropped (in order of appearance). */
const MAX_ENTRIES = 300;

interface Draft {
  /** Long names first (the first becomes the term), then short forms. */
  names: string[];
  shortForms: string[];
  /** Sentences about the entry, by start offset, with their rank (lower is more telling); the best become its quotes. */
  defining: Map<number, { sentence: Sentence; rank: number }>;
  summaries: string[];
  members: Draft[];
  classes: Draft[];
  firstSeen: number;
  merged?: Draft;
}

export function extractGlossary(article: ArticleInput): GlossaryInput {
  const text = article.text.length > MAX_TEXT_LENGTH ? article.text.slice(0, MAX_TEXT_LENGTH) : article.text;
  const sentences = splitSentences(text);
  const book = new DraftBook();

  addAbbreviations(book, text, sentences, extractAbbreviations(text));
  for (const { first, second, sentence } of findSynonyms(text, sentences)) {
    const a = book.find(text.slice(first.start, first.end)) ?? book.find(text.slice(second.start, second.end));
    const draft = a ?? book.create(text.slice(first.start, first.end), first.start);
    book.addName(draft, text.slice(first.start, first.end));
    book.addName(draft, text.slice(second.start, second.end));
    const other = book.find(text.slice(second.start, second.end));
    if (other && other !== draft) book.merge(draft, other);
    addDefining(resolve(draft), sentence, RANK_DEFINES);
  }
  for (const { subject, sentence } of findDefiningSentences(text, sentences)) {
    const name = text.slice(subject.start, subject.end);
    const draft = book.find(name) ?? book.find(singularPhrase(name)) ?? book.create(name, subject.start);
    addDefining(draft, sentence, RANK_DEFINES);
    // The summary starts at the subject: "…, immunotherapy has emerged as …" → "Immunotherapy has emerged as …".
    const clause = text.slice(subject.start, sentence.end);
    draft.summaries.push(`${clause.charAt(0).toUpperCase()}${clause.slice(1)}`);
  }
  for (const list of findClassLists(text, sentences)) {
    const written = text.slice(list.category.start, list.category.end);
    const className = singularPhrase(written);
    const category = book.find(className) ?? book.find(written) ?? book.create(className, list.category.start);
    addDefining(category, list.sentence, RANK_INTRODUCES);
    const memberNames = list.members.map((m: Span) => text.slice(m.start, m.end));
    category.summaries.push(`Examples named in the source: ${joinNames(memberNames)}.`);
    list.members.forEach((member, i) => {
      const name = memberNames[i] as string;
      const draft = book.find(name) ?? book.create(name, member.start);
      if (draft === category) return;
      addDefining(draft, list.sentence, RANK_INTRODUCES);
      const others = memberNames.filter((_, j) => j !== i);
      draft.summaries.push(`One of the ${written.toLowerCase()} named in the source${others.length ? `, with ${joinNames(others)}` : ''}.`);
      if (!category.members.includes(draft)) category.members.push(draft);
      if (!draft.classes.includes(category)) draft.classes.push(category);
    });
  }

  const drafts = book.all().sort((a, b) => a.firstSeen - b.firstSeen).slice(0, MAX_ENTRIES);
  const byFirstWord = indexByFirstWord(sentences);
  for (const draft of drafts) addSubjectSentences(draft, byFirstWord);
  return {
    format: 1,
    id: slugify(article.title, 'glossary'),
    title: clip(article.title.trim() || 'Glossary', 300),
    source: sourceOf(article),
    entries: toEntries(drafts),
  };
}

/**
 * Quote ranks: a sentence that says what the thing is (a defining verb, a synonym, an apposition)
 * before one that merely introduces an abbreviation or lists the thing, before one that only starts
 * with its name.
 */
const RANK_DEFINES = 0;
const RANK_INTRODUCES = 1;
const RANK_MENTIONS = 2;

function addDefining(draft: Draft, sentence: Sentence, rank: number): void {
  const known = draft.defining.get(sentence.start);
  if (known) known.rank = Math.min(known.rank, rank);
  else draft.defining.set(sentence.start, { sentence, rank });
}

/** The draft that `draft` was merged into, if any. */
function resolve(draft: Draft): Draft {
  let current = draft;
  while (current.merged) current = current.merged;
  return current;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Finds and merges drafts by name: short forms exactly, other names without regard to case. */
class DraftBook {
  private readonly drafts: Draft[] = [];
  private readonly byName = new Map<string, Draft>();

  create(name: string, at: number): Draft {
    const draft: Draft = { names: [], shortForms: [], defining: new Map(), summaries: [], members: [], classes: [], firstSeen: at };
    this.drafts.push(draft);
    this.addName(draft, name);
    return draft;
  }

  find(name: string): Draft | undefined {
    const draft = this.byName.get(nameKey(name));
    return draft ? resolve(draft) : undefined;
  }

  addName(draft: Draft, name: string, short = false): void {
    const target = resolve(draft);
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    const key = nameKey(clean);
    if (!this.byName.has(key)) this.byName.set(key, target);
    const list = short ? target.shortForms : target.names;
    if (!list.some((n) => nameKey(n) === key)) list.push(clean);
  }

  merge(into: Draft, from: Draft): void {
    const a = resolve(into);
    const b = resolve(from);
    if (a === b) return;
    b.merged = a;
    for (const n of b.names) if (!a.names.some((m) => nameKey(m) === nameKey(n))) a.names.push(n);
    for (const n of b.shortForms) if (!a.shortForms.includes(n)) a.shortForms.push(n);
    for (const d of b.defining.values()) addDefining(a, d.sentence, d.rank);
    a.summaries.push(...b.summaries);
    a.members.push(...b.members.filter((m) => !a.members.includes(m)));
    a.classes.push(...b.classes.filter((c) => !a.classes.includes(c)));
    a.firstSeen = Math.min(a.firstSeen, b.firstSeen);
    // byName may still point at b: find() resolves through `merged`.
  }

  all(): Draft[] {
    return this.drafts.filter((d) => !d.merged);
  }
}

/** Acronyms are matched as written ("ICC" is not "icc"); other names without regard to case. */
function nameKey(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  return isAcronymLike(clean) && !/\s/.test(clean) ? `=${clean}` : `~${clean.toLowerCase()}`;
}

function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function addAbbreviations(book: DraftBook, text: string, sentences: readonly Sentence[], pairs: readonly AbbreviationPair[]): void {
  const ordered = [...pairs].sort((a, b) => Math.min(a.longStart, a.shortStart) - Math.min(b.longStart, b.shortStart));
  let previous: { pair: AbbreviationPair; draft: Draft } | undefined;
  for (const pair of ordered) {
    const short = /\p{Lu}s$/u.test(pair.short) ? singularWord(pair.short) : pair.short;
    const long = /\p{Lu}s$/u.test(pair.short) ? singularPhrase(pair.long) : pair.long;
    let draft = book.find(short) ?? book.find(long);
    if (!draft) draft = book.create(long, Math.min(pair.longStart, pair.shortStart));
    book.addName(draft, long);
    book.addName(draft, short, true);
    const other = book.find(long);
    if (other && other !== resolve(draft)) book.merge(draft, other);
    draft = resolve(draft);
    const sentence = sentenceAt(sentences, pair.shortStart);
    const apposition = appositionAfter(text, pair, sentence);
    if (sentence) addDefining(draft, sentence, apposition ? RANK_DEFINES : RANK_INTRODUCES);
    if (apposition) draft.summaries.unshift(apposition);
    // "Transarterial Radioembolization (TARE), also known as selective internal radiation therapy (SIRT)"
    if (previous && isSynonymLink(text, previous.pair, pair)) {
      book.merge(previous.draft, draft);
      if (sentence) addDefining(resolve(draft), sentence, RANK_DEFINES);
    }
    previous = { pair, draft: resolve(draft) };
  }
}

/** Offset just after the bracket holding the short form of a "long form (SF)" definition, or -1. */
function closeAfterShort(text: string, pair: AbbreviationPair): number {
  if (pair.shortStart < pair.longStart) return -1;
  const close = text.slice(pair.shortEnd, pair.shortEnd + 80).search(/[)\]]/);
  return close < 0 ? -1 : pair.shortEnd + close + 1;
}

function isSynonymLink(text: string, before: AbbreviationPair, after: AbbreviationPair): boolean {
  const from = closeAfterShort(text, before);
  if (from < 0 || after.longStart < from || after.longStart - from > 40) return false;
  return /^\s*,?\s*(?:also known as|also called|also termed|otherwise known as|or|i\.e\.,?)\s+$/i.test(text.slice(from, after.longStart));
}

/** "Intrahepatic cholangiocarcinoma (ICC), a rare and aggressive form of liver cancer …, presents": the apposition. */
function appositionAfter(text: string, pair: AbbreviationPair, sentence: Sentence | undefined): string | null {
  const from = closeAfterShort(text, pair);
  if (from < 0 || !sentence) return null;
  const rest = text.slice(from, Math.min(sentence.end, from + MAX_SUMMARY));
  const start = /^,\s+(?=(?:a|an|the)\s)/i.exec(rest);
  if (!start) return null;
  let depth = 0;
  let end = rest.length;
  for (let i = start[0].length; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && (ch === ',' || ch === ';')) {
      end = i;
      break;
    }
  }
  const phrase = rest.slice(start[0].length, end).trim().replace(/[.!?]$/, '');
  if (phrase.split(/\s+/).length < 3) return null;
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
}

/** Sentences by their first word, lower-cased, so that finding those that open with a name is a lookup. */
function indexByFirstWord(sentences: readonly Sentence[]): Map<string, Sentence[]> {
  const index = new Map<string, Sentence[]>();
  for (const sentence of sentences) {
    if (sentence.text.length > MAX_QUOTE) continue;
    const key = firstWordKey(sentence.text);
    const list = index.get(key);
    if (list) list.push(sentence);
    else index.set(key, [sentence]);
  }
  return index;
}

function firstWordKey(text: string): string {
  const space = text.search(/\s/);
  return (space < 0 ? text : text.slice(0, space)).replace(/(?:['’]s)?[^\p{L}\p{N}]*$/u, '').toLowerCase();
}

/**
 * Sentences that open with one of the entry's names: "Immunotherapy harnesses the body’s own immune
 * system …". At most MAX_SCAN candidates sharing the first word are looked at per entry, so text where
 * every sentence starts alike costs linear time.
 */
function addSubjectSentences(draft: Draft, byFirstWord: ReadonlyMap<string, readonly Sentence[]>): void {
  const names = [...draft.names, ...draft.shortForms];
  const candidates = new Set<Sentence>();
  for (const name of names) {
    for (const sentence of (byFirstWord.get(firstWordKey(name)) ?? []).slice(0, MAX_SCAN)) candidates.add(sentence);
  }
  let added = 0;
  for (const sentence of [...candidates].sort((a, b) => a.start - b.start)) {
    if (added >= MAX_QUOTES) return;
    if (names.some((name) => startsWithName(sentence.text, name))) {
      addDefining(draft, sentence, RANK_MENTIONS);
      added++;
    }
  }
}

const MAX_SCAN = 2_000;

function startsWithName(sentence: string, name: string): boolean {
  const head = sentence.slice(0, name.length);
  const same = isAcronymLike(name) ? head === name : head.toLowerCase() === name.toLowerCase();
  if (!same) return false;
  const next = sentence.slice(name.length);
  // "ICC originates …", "Immunotherapy’s …", not "ICCs" or "Immunotherapy: A Game-Changer" (a heading)
  return /^(?:['’]s)?\s+\p{Ll}/u.test(next);
}

/** Whether `sentence` mentions `name` as a whole word (a plural or possessive ending allowed). */
function mentions(sentence: string, name: string): boolean {
  const haystack = isAcronymLike(name) ? sentence : sentence.toLowerCase();
  const needle = isAcronymLike(name) ? name : name.toLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack.slice(at + needle.length);
    if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) continue;
    if (/^(?:e?s|['’]s)?(?![\p{L}\p{N}])/u.test(after)) return true;
  }
  return false;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A verbatim quote: the whole sentence, or, past the schema's limit, its start up to a word break. */
function quoteOf(sentence: Sentence): string {
  if (sentence.text.length <= MAX_QUOTE) return sentence.text;
  const cut = sentence.text.slice(0, MAX_QUOTE);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_QUOTE / 2 ? cut.slice(0, space) : cut).trimEnd();
}

function toEntries(drafts: readonly Draft[]): GlossaryEntryInput[] {
  const taken = new Set<string>();
  const built = drafts
    .map((draft) => {
      const names = [...draft.names, ...draft.shortForms].map((n) => clip(n, MAX_NAME));
      const termSource = draft.names[0] ?? draft.shortForms[0];
      if (!termSource || draft.defining.size === 0) return null;
      const term = clip(headingForm(termSource), MAX_NAME);
      const aliases: string[] = [];
      for (const name of names) {
          if (![term, ...aliases].some((n) => nameKey(n) === nameKey(name))) aliases.push(name);
      }
      // Stable sort: equal ranks keep their order of appearance.
      const best = [...draft.defining.values()].sort((a, b) => a.rank - b.rank || a.sentence.start - b.sentence.start);
      const quotes = best.slice(0, MAX_QUOTES).map((d) => quoteOf(d.sentence));
      const summary = clip(draft.summaries[0] ?? quotes[0] ?? term, MAX_SUMMARY);
      return { draft, term, aliases, quotes, summary, id: uniqueId(slugify(term), taken) };
    })
    .filter((e): e is NonNullable<typeof e> => e !== null);

  const categories = new Map<Draft, Category>();
  for (const e of built) {
    if (e.draft.members.length === 0) categories.set(e.draft, guessCategory(e.term));
  }
  for (const e of built) {
    if (e.draft.members.length > 0) {
      categories.set(e.draft, guessCategory(e.term, e.draft.members.map((m) => categories.get(resolve(m)) ?? 'concept')));
    }
  }

  const idOf = new Map(built.map((e) => [e.draft, e.id]));
  return built.map((e) => {
    const related = new Set<string>();
    for (const other of built) {
      if (other === e) continue;
      const linked =
        e.draft.members.some((m) => resolve(m) === other.draft) ||
        e.draft.classes.some((c) => resolve(c) === other.draft) ||
        e.quotes.some((q) => [other.term, ...other.aliases].some((n) => mentions(q, n))) ||
        other.quotes.some((q) => [e.term, ...e.aliases].some((n) => mentions(q, n)));
      if (linked) related.add(idOf.get(other.draft) as string);
    }
    return {
      id: e.id,
      term: e.term,
      aliases: e.aliases,
      category: categories.get(e.draft) ?? 'concept',
      summary: e.summary,
      quotes: e.quotes,
      related: [...related],
    };
  });
}

function sourceOf(article: ArticleInput): GlossaryInput['source'] {
  const title = clip(article.title.trim() || 'Glossary', 300);
  if (article.url && /^https?:\/\/[^\s]+$/i.test(article.url)) {
    try {
      new URL(article.url);
      return { title, url: article.url };
    } catch {
      // not a URL after all: leave it out rather than fail validation
    }
  }
  return { title };
}
