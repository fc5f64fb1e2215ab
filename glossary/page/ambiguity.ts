/**
 * The ambiguity guard: short forms such as ICC, TARE or SIRT mean other things on other pages (the
 * International Criminal Court, a tare weight, the SIRT1 gene is already excluded by word boundaries).
 * A short form is highlighted only where the page supports the glossary's sense:
 *
 * 1. A page that defines the short form as something else ("International Cricket Council (ICC)") never
 *    gets it, unless it also defines it the glossary's way ("intrahepatic cholangiocarcinoma (ICC)").
 * 2. Otherwise the page must show the glossary's subject: the entry's own long form appears, or at
 *    least MIN_SUPPORTING_ENTRIES other entries appear through unambiguous (long) forms.
 * 3. A short form standing among other words in capitals ("TARE WEIGHT: 12 KG") carries no case signal,
 *    so that occurrence is left alone.
 * 4. A short form with a hyphen and a number after it ("SIRT-1", "ICC-2") is the name of something else
 *    (a gene, a protein, a product: SIRT-1 is the SIRT1 gene written with a hyphen), so that occurrence
 *    is left alone too.
 */
import { isCaseSensitiveForm } from '../matcher';
import { keepShape } from './keep-shape';
import type { BlockMatch } from './occurrences';

export const MIN_SUPPORTING_ENTRIES = 2;
const MAX_SHORT_FORM_LENGTH = 6;

/** Decisions of isAmbiguousForm per form: asked for every match, about a glossary's few forms. */
const ambiguousForms = new Map<string, boolean>();

/** Short forms written in capitals are the ambiguous ones; long forms and ordinary words are not. */
export function isAmbiguousForm(form: string): boolean {
  if (form.length > MAX_SHORT_FORM_LENGTH) return false;
  let ambiguous = ambiguousForms.get(form);
  if (ambiguous === undefined) {
    ambiguous = isCaseSensitiveForm(form);
    if (ambiguousForms.size > 100_000) ambiguousForms.clear(); // glossaries come and go: stay bounded
    ambiguousForms.set(form, ambiguous);
  }
  return ambiguous;
}

export type DefinitionKind = 'supports' | 'conflicts';
export interface DefinitionEvidence {
  /** The entry's index (BlockMatch.entry). */
  entry: number;
  kind: DefinitionKind;
}

/** Per match (BlockEvidence.flags): a short form the guard decides about. */
export const AMBIGUOUS = 1;
/** Per match: a short form among words in capitals or numbered (rules 3 and 4), left alone whatever the guard decides. */
export const LEFT_ALONE = 2;

/** What one block tells the guard. Entries are indices (BlockMatch.entry). */
export interface BlockEvidence {
  /** AMBIGUOUS and LEFT_ALONE per match, or null when no match is of an ambiguous form (most blocks). */
  flags: Uint8Array | null;
  definitions: readonly DefinitionEvidence[];
  /** Entries seen through an unambiguous form, each once. */
  unambiguousEntries: readonly number[];
}

/** Most blocks define nothing: they share this. */
const NO_DEFINITIONS: readonly DefinitionEvidence[] = Object.freeze([]);

const STOP_WORDS = new Set(['of', 'the', 'for', 'and', 'in', 'on', 'to', 'a', 'an', '&']);
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const HAS_LOWERCASE = /\p{Ll}/u;
/**
 * A word in capitals needs an uppercase letter: words of scripts without case (Hebrew, Arabic, Han)
 * have no lowercase letters either, and next to them a short form is still an acronym.
 */
const HAS_UPPERCASE = /\p{Lu}/u;

/** The initials of the last `count` content words of `text`, upper-cased. */
function trailingInitials(text: string, count: number): string {
  const words = (text.match(WORD) ?? []).filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  return words
    .slice(-count)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

function leadingInitials(text: string, count: number): string {
  const words = (text.match(WORD) ?? []).filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  return words
    .slice(0, count)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** Does the text look like a spelled-out definition of `shortForm` (its initials spell it)? */
function spellsOut(initials: string, shortForm: string): boolean {
  const letters = shortForm.replace(/[^\p{L}]/gu, '').toUpperCase();
  return letters.length > 1 && initials === letters;
}

/** Letters per short form, asked for every match of one: a glossary has few short forms. */
const letterCounts = new Map<string, number>();

function letterCount(shortForm: string): number {
  let count = letterCounts.get(shortForm);
  if (count === undefined) {
    count = shortForm.replace(/[^\p{L}]/gu, '').length;
    if (letterCounts.size > 100_000) letterCounts.clear(); // as for ambiguousForms
    letterCounts.set(shortForm, count);
  }
  return count;
}

const DEFINITION_WINDOW = 80;

/**
 * Reads a block's matches, in one pass: which are of ambiguous forms and which of those to leave alone
 * (rules 3 and 4), the definitions of short forms ("Long Form (SF)" and "SF (Long Form)"), and the entries
 * the block shows unambiguously.
 */
export function collectEvidence(text: string, matches: readonly BlockMatch[]): BlockEvidence {
  let flags: Uint8Array | null = null;
  let definitions: DefinitionEvidence[] | null = null;
  // A block has a handful of matches: an array's `includes` beats a Set here.
  const unambiguous: number[] = [];
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    if (!isAmbiguousForm(match.form)) {
      if (!unambiguous.includes(match.entry)) unambiguous.push(match.entry);
      continue;
    }
    flags ??= new Uint8Array(matches.length);
    flags[i] = isNumberedName(text, match.end) || isShouted(text, matches, i) ? AMBIGUOUS | LEFT_ALONE : AMBIGUOUS;
    const definition = readDefinition(text, matches, i);
    if (definition) (definitions ??= []).push({ entry: match.entry, kind: definition });
  }
  return { flags, definitions: definitions ?? NO_DEFINITIONS, unambiguousEntries: unambiguous };
}

function readDefinition(text: string, matches: readonly BlockMatch[], index: number): DefinitionKind | null {
  const match = matches[index]!;
  const letters = letterCount(match.form);
  // "Long Form (SF)"
  if (text[match.start - 1] === '(' && text[match.end] === ')') {
    const previous = matches[index - 1];
    const gap = previous ? text.slice(previous.end, match.start - 1) : '';
    if (previous && previous.entry === match.entry && gap.trim() === '') return 'supports';
    const before = text.slice(Math.max(0, match.start - 1 - DEFINITION_WINDOW), match.start - 1);
    return spellsOut(trailingInitials(before, letters), match.form) ? 'conflicts' : null;
  }
  // "SF (Long Form)": the parenthesis opens right after the match or after one whitespace character.
  if (text.charCodeAt(match.end) !== 0x28 && text.charCodeAt(match.end + 1) !== 0x28) return null;
  const afterMatch = text.slice(match.end, match.end + 2 + DEFINITION_WINDOW);
  const parenthesis = /^\s?\(([^()]*)\)/.exec(afterMatch);
  if (parenthesis) {
    const inside = parenthesis[1]!;
    const next = matches[index + 1];
    if (next && next.entry === match.entry && next.start < match.end + parenthesis[0].length) return 'supports';
    return spellsOut(leadingInitials(inside, letters), match.form) ? 'conflicts' : null;
  }
  return null;
}

/** Hyphens a numbered name is written with: hyphen-minus, hyphen, non-breaking hyphen. */
const NAME_HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

/** True when a hyphen and a digit follow a short form ending at `end` (rule 4: "SIRT-1"). */
function isNumberedName(text: string, end: number): boolean {
  if (!NAME_HYPHENS.has(text.charCodeAt(end))) return false;
  const digit = text.charCodeAt(end + 1);
  return digit >= 0x30 && digit <= 0x39;
}

/**
 * True when the word right before or after an ambiguous match is also in capitals and is not a term
 * itself: the capitals are then typography ("TARE WEIGHT"), not an acronym.
 */
export function isShouted(text: string, matches: readonly BlockMatch[], index: number): boolean {
  const match = matches[index]!;
  // Most short forms sit in ordinary prose: the word next to them on either side, if any, ends or
  // starts with a lowercase ASCII letter, or there is no space-separated word there. Then neither
  // side can be a word in capitals, and the regular expressions below need not run.
  if (!mayBeCapitalWord(text, match.start, -1) && !mayBeCapitalWord(text, match.end, 1)) return false;
  const before = /([\p{L}\p{N}]+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, match.start - 40), match.start));
  const after = /^[ \t\u00a0]+([\p{L}\p{N}]+)/u.exec(text.slice(match.end, match.end + 40));
  const previous = matches[index - 1];
  const next = matches[index + 1];
  const beforeIsTerm = previous !== undefined && previous.end >= match.start - (before?.[0].length ?? 0);
  const afterIsTerm = next !== undefined && next.start <= match.end + (after?.[0].length ?? 0);
  return (
    (!!before && !beforeIsTerm && isCapitalWord(before[1]!)) ||
    (!!after && !afterIsTerm && isCapitalWord(after[1]!))
  );
}

/**
 * False when the word `isShouted` would find before (`step` -1, from `at` = the match's start) or after
 * (`step` 1, from the match's end) certainly is no word in capitals: the neighbouring character is no
 * space or tab (no such word then), the first character past the spaces is ASCII punctuation (no word
 * either), the word has an ASCII lowercase letter, or the spaces run past the 40-character window the
 * expressions look at. True whenever the expressions must decide (a word in capitals, or non-ASCII).
 */
function mayBeCapitalWord(text: string, at: number, step: -1 | 1): boolean {
  let p = step < 0 ? at - 1 : at;
  const limit = step < 0 ? Math.max(0, at - 40) : Math.min(text.length, at + 40);
  const inWindow = () => (step < 0 ? p >= limit : p < limit);
  if (!inWindow() || !isSpaceOrTab(text.charCodeAt(p))) return false;
  while (inWindow() && isSpaceOrTab(text.charCodeAt(p))) p += step;
  if (!inWindow()) return false;
  // Read the word: ASCII letters and digits are decided here, anything else by the expressions.
  let first = true;
  for (; inWindow(); p += step, first = false) {
    const c = text.charCodeAt(p);
    if (c >= 0x80) return true;
    if (c >= 0x61 && c <= 0x7a) return false;
    const isUpperOrDigit = (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    if (!isUpperOrDigit) return !first; // punctuation: the word ended (or there was none)
  }
  return true;
}

function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

function isCapitalWord(word: string): boolean {
  return word.length > 1 && HAS_UPPERCASE.test(word) && !HAS_LOWERCASE.test(word);
}

/**
 * The evidence of every block seen so far, counted, so that the page-wide decision (rules 1 and 2 at
 * the top of this file) can be asked per entry after each block is added or removed without going
 * over every block again. Counts are kept in arrays indexed by entry: a page has thousands of matches.
 */
export class EvidenceTally {
  private readonly supports: Int32Array;
  private readonly conflicts: Int32Array;
  /** Blocks showing each entry through an unambiguous form. */
  private readonly unambiguous: Int32Array;
  /** How many entries have a count in `unambiguous`. */
  private unambiguousEntries = 0;

  constructor(entryCount: number) {
    this.supports = new Int32Array(entryCount);
    this.conflicts = new Int32Array(entryCount);
    this.unambiguous = new Int32Array(entryCount);
  }

  add(evidence: BlockEvidence): void {
    this.count(evidence, 1);
  }

  remove(evidence: BlockEvidence): void {
    this.count(evidence, -1);
  }

  /**
   * Whether an entry may show its ambiguous short forms: the page defines it the glossary's way; or
   * it does not define it otherwise, and shows the entry's own long form or at least
   * MIN_SUPPORTING_ENTRIES other entries through unambiguous forms.
   */
  allows(entry: number): boolean {
    if (this.supports[entry]! > 0) return true;
    if (this.conflicts[entry]! > 0) return false;
    const seen = this.unambiguous[entry]! > 0;
    return seen || this.unambiguousEntries - (seen ? 1 : 0) >= MIN_SUPPORTING_ENTRIES;
  }

  private count(evidence: BlockEvidence, by: 1 | -1): void {
    for (const { entry, kind } of evidence.definitions) (kind === 'supports' ? this.supports : this.conflicts)[entry]! += by;
    const { unambiguous } = this;
    for (const entry of evidence.unambiguousEntries) {
      const before = unambiguous[entry]!;
      unambiguous[entry] = before + by;
      if (before === 0) this.unambiguousEntries++;
      else if (before + by === 0) this.unambiguousEntries--;
    }
  }
}
keepShape(new EvidenceTally(0));
