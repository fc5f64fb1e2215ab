/**
 * Definitional sentences in plain text, found with fixed phrases, no parser:
 *   "TARE involves the targeted delivery of …"                 subject + defining verb
 *   "…, immunotherapy has emerged as a revolutionary …"        subject + defining verb
 *   "X, also known as Y, …"                                     two names for one thing
 *   "Specific checkpoint inhibitors, like pembrolizumab and nivolumab, …"   a class and its members
 *
 * Each finder is deliberately narrow: a glossary made from a page must not fill up with sentence
 * fragments, so a subject or class must look like a term (a short noun phrase, no pronoun, no
 * generic word such as "options" or "symptoms"), and list members must end the list with "and"/"or".
 */
import type { Sentence } from './sentences';

export interface Span {
  start: number;
  end: number;
}

export interface DefiningSentence {
  /** The thing defined, e.g. "immunotherapy". */
  subject: Span;
  sentence: Sentence;
}

export interface Synonyms {
  first: Span;
  second: Span;
  sentence: Sentence;
}

export interface ClassList {
  /** The class as written, e.g. "checkpoint inhibitors" (plural). */
  category: Span;
  members: Span[];
  sentence: Sentence;
}

/** Verbs that introduce what a thing is. Fixed alternatives: one linear regex. */
const DEFINING_VERB =
  /\s(?:is|are) (?:an?|the|one of the) |\s(?:refers?|referred) to |\sinvolves? |\s(?:is|are) defined as |\s(?:means|denotes) |\s(?:has|have) emerged as |\s(?:is|are) (?:also )?known as |\s(?:is|are) characterized by |\sconsists? of /g;

const SYNONYM_MARKER = /,\s(?:also known as|also called|also termed|also referred to as|otherwise known as)\s/g;

const CLASS_MARKER = /,?\s(?:such as|like|including|e\.g\.,?)\s/g;

/** First words that make a phrase a pronoun or a reference, not a term. */
const NOT_TERM_START: ReadonlySet<string> = new Set([
  'this', 'these', 'that', 'those', 'it', 'its', 'they', 'their', 'them', 'we', 'our', 'us', 'you', 'your', 'he',
  'she', 'his', 'her', 'there', 'here', 'which', 'who', 'what', 'such', 'some', 'many', 'most', 'all', 'each',
  'both', 'one', 'another', 'any', 'every', 'several', 'few', 'much', 'more', 'less', 'other', 'others', 'also',
  'however', 'while', 'when', 'if', 'although', 'because', 'and', 'or', 'but', 'so', 'then', 'thus', 'in', 'on',
  'at', 'for', 'of', 'to', 'with', 'by', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'can', 'may', 'will',
  'should', 'must', 'would', 'could', 'do', 'does', 'did', 'not', 'no', 'yes', 'please', 'share', 'leave', 'click',
  'read', 'see', 'subscribe', 'follow', 'learn',
]);

/** Leading words that qualify a class without being part of its name ("Specific checkpoint inhibitors"). */
const CLASS_QUALIFIERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'specific', 'other', 'certain', 'several', 'various', 'many', 'some', 'common', 'traditional',
  'different', 'new', 'novel', 'promising', 'such', 'these', 'those', 'most', 'more', 'two', 'three', 'four',
  'various', 'numerous', 'particular', 'typical', 'existing', 'current', 'available', 'newer', 'older', 'key',
  'main', 'major', 'important', 'selected', 'individual',
]);

/**
 * Words too general to be glossary terms on their own, as a class ("treatment options, such as …") or
 * as a defined subject ("The approach involves …").
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'option', 'options', 'treatment', 'treatments', 'modality', 'modalities', 'approach', 'approaches', 'method',
  'methods', 'technique', 'techniques', 'symptom', 'symptoms', 'sign', 'signs', 'factor', 'factors', 'thing',
  'things', 'way', 'ways', 'case', 'cases', 'patient', 'patients', 'people', 'person', 'individuals', 'study',
  'studies', 'result', 'results', 'outcome', 'outcomes', 'effect', 'effects', 'benefit', 'benefits', 'area',
  'areas', 'issue', 'issues', 'problem', 'problems', 'condition', 'conditions', 'disease', 'diseases', 'drug',
  'drugs', 'medication', 'medications', 'medicine', 'medicines', 'substance', 'substances', 'product', 'products',
  'food', 'foods', 'activity', 'activities', 'country', 'countries', 'example', 'examples', 'type', 'types',
  'kind', 'kinds', 'form', 'forms', 'part', 'parts', 'change', 'changes', 'measure', 'measures', 'test', 'tests',
  'procedure', 'procedures', 'service', 'services', 'resource', 'resources', 'tool', 'tools', 'feature',
  'features', 'event', 'events', 'research', 'researchers', 'team', 'data', 'information', 'decision',
  'decisions', 'process', 'system', 'systems', 'process', 'processes', 'step', 'steps', 'goal', 'goals',
  'reply', 'comment', 'comments', 'post', 'article', 'blog', 'page', 'site', 'website', 'email', 'address',
]);

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;

/**
 * Sentences longer than this are skipped: they cannot be quoted whole (the schema's limit is 1000),
 * and on hostile text ("x, also known as x, also known as …" without a full stop) a sentence can be
 * megabytes long, which would make the look-backs below quadratic.
 */
const MAX_SENTENCE = 1000;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/**
 * A noun phrase that can head a glossary entry: 1 to 5 words of letters, digits and hyphens, not
 * starting with a pronoun or function word, not a lone generic word.
 */
export function isTermLike(phrase: string): boolean {
  const parts = words(phrase);
  if (parts.length === 0 || parts.length > 5) return false;
  if (!parts.every((w) => WORD.test(w))) return false;
  const first = (parts[0] as string).toLowerCase();
  if (NOT_TERM_START.has(first)) return false;
  if (parts.length === 1 && GENERIC_WORDS.has(first)) return false;
  return /\p{L}{3}/u.test(phrase);
}

/** Offsets of `phrase` trimmed within text[start, end). */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** The subject before a defining verb: the last clause before it, without a trailing "(SF)". */
function subjectBefore(text: string, sentence: Sentence, verbAt: number): Span | null {
  let end = verbAt;
  // "Transarterial Radioembolization (TARE) involves": the bracket names the same thing.
  let span = trimmed(text, sentence.start, end);
  let clause = text.slice(span.start, span.end);
  const bracket = /\s*[([][^()[\]]*[)\]],?$/.exec(clause);
  if (bracket) {
    end = span.start + bracket.index;
    span = trimmed(text, span.start, end);
    clause = text.slice(span.start, span.end);
  }
  const cut = Math.max(clause.lastIndexOf(', '), clause.lastIndexOf('; '), clause.lastIndexOf(': '));
  let start = cut >= 0 ? span.start + cut + 2 : span.start;
  // Drop a leading article: "The liver is an organ" defines "liver".
  const article = /^(?:the|a|an)\s+/i.exec(text.slice(start, span.end));
  if (article) start += article[0].length;
  const subject = trimmed(text, start, span.end);
  return isTermLike(text.slice(subject.start, subject.end)) ? subject : null;
}

export function findDefiningSentences(text: string, sentences: readonly Sentence[]): DefiningSentence[] {
  const found: DefiningSentence[] = [];
  for (const sentence of sentences) {
    if (sentence.text.length > MAX_SENTENCE) continue;
    DEFINING_VERB.lastIndex = 0;
    const match = DEFINING_VERB.exec(sentence.text);
    if (!match) continue;
    const subject = subjectBefore(text, sentence, sentence.start + match.index);
    if (subject) found.push({ subject, sentence });
  }
  return found;
}

/** "X, also known as Y, …": both must look like terms. */
export function findSynonyms(text: string, sentences: readonly Sentence[]): Synonyms[] {
  const found: Synonyms[] = [];
  for (const sentence of sentences) {
    if (sentence.text.length > MAX_SENTENCE) continue;
    SYNONYM_MARKER.lastIndex = 0;
    for (let match = SYNONYM_MARKER.exec(sentence.text); match; match = SYNONYM_MARKER.exec(sentence.text)) {
      const at = sentence.start + match.index;
      const before = text.slice(sentence.start, at).replace(/\s*[([][^()[\]]*[)\]]$/, '');
      const firstStart = sentence.start + Math.max(0, before.lastIndexOf(', ') + (before.lastIndexOf(', ') >= 0 ? 2 : 0));
      const first = trimmed(text, firstStart, sentence.start + before.length);
      const afterStart = at + match[0].length;
      const rest = text.slice(afterStart, sentence.end);
      const stop = rest.search(/[,;:()[\].]/);
      const second = trimmed(text, afterStart, afterStart + (stop >= 0 ? stop : rest.length));
      const a = text.slice(first.start, first.end).replace(/^(?:the|a|an)\s+/i, '');
      const b = text.slice(second.start, second.end).replace(/^(?:the|a|an)\s+/i, '');
      if (!isTermLike(a) || !isTermLike(b)) continue;
      found.push({
        first: { start: first.end - a.length, end: first.end },
        second: { start: second.end - b.length, end: second.end },
        sentence,
      });
    }
  }
  return found;
}

/** Plural common noun: the head of a class ("inhibitors", "therapies"). */
function isPluralNoun(word: string): boolean {
  return /^\p{Ll}[\p{Ll}-]*s$/u.test(word) && !/(?:ss|us|is)$/.test(word);
}

function classBefore(text: string, sentence: Sentence, markerAt: number): Span | null {
  const before = text.slice(sentence.start, markerAt);
  const tokens = [...before.matchAll(/\S+/g)];
  const kept: RegExpMatchArray[] = [];
  for (let i = tokens.length - 1; i >= 0 && kept.length < 4; i--) {
    const token = tokens[i] as RegExpMatchArray;
    const word = token[0];
    if (!WORD.test(word)) {
      // A comma may end the phrase's last word: "inhibitors, like …".
      if (kept.length === 0 && /^[\p{L}\p{N}][\p{L}\p{N}-]*,$/u.test(word)) {
        kept.unshift(token);
        continue;
      }
      break;
    }
    if (NOT_TERM_START.has(word.toLowerCase()) && !CLASS_QUALIFIERS.has(word.toLowerCase())) break;
    kept.unshift(token);
  }
  while (kept.length > 0 && CLASS_QUALIFIERS.has((kept[0]?.[0] ?? '').toLowerCase())) kept.shift();
  const firstToken = kept[0];
  const lastToken = kept[kept.length - 1];
  if (!firstToken || !lastToken) return null;
  const start = sentence.start + (firstToken.index ?? 0);
  let end = sentence.start + (lastToken.index ?? 0) + lastToken[0].length;
  if (text[end - 1] === ',') end--;
  const phrase = text.slice(start, end);
  const head = phrase.split(/\s+/).pop() ?? '';
  if (!isPluralNoun(head) || GENERIC_WORDS.has(head.toLowerCase()) || !isTermLike(phrase)) return null;
  return { start, end };
}

/** "A and B", "A, B, and C", "A or B": each member a short term-like phrase, the last after "and"/"or". */
function membersAfter(text: string, from: number, sentenceEnd: number): Span[] {
  const members: Span[] = [];
  let i = from;
  let closed = false;
  while (i < sentenceEnd && members.length < 8) {
    const rest = text.slice(i, sentenceEnd);
    const item = /^([\p{L}\p{N}][\p{L}\p{N}'’-]*(?: [\p{L}\p{N}][\p{L}\p{N}'’-]*){0,2}?)(?=,? and |,? or |, |[,;:.)]|$)/u.exec(rest);
    if (!item || !item[1] || !isTermLike(item[1])) break;
    members.push({ start: i, end: i + item[1].length });
    i += item[1].length;
    if (closed) break;
    const separator = /^(?:,? (and|or) |, )/.exec(text.slice(i, sentenceEnd));
    if (!separator) break;
    if (separator[1]) closed = true;
    i += separator[0].length;
  }
  return closed && members.length >= 2 ? members : [];
}

export function findClassLists(text: string, sentences: readonly Sentence[]): ClassList[] {
  const found: ClassList[] = [];
  for (const sentence of sentences) {
    if (sentence.text.length > MAX_SENTENCE) continue;
    CLASS_MARKER.lastIndex = 0;
    for (let match = CLASS_MARKER.exec(sentence.text); match; match = CLASS_MARKER.exec(sentence.text)) {
      const at = sentence.start + match.index;
      const category = classBefore(text, sentence, at);
      if (!category) continue;
      const members = membersAfter(text, at + match[0].length, sentence.end);
      if (members.length > 0) found.push({ category, members, sentence });
    }
  }
  return found;
}
