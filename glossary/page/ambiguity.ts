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
 */
import { isCaseSensitiveForm } from '../matcher';
import type { BlockMatch } from './occurrences';

export const MIN_SUPPORTING_ENTRIES = 2;
const MAX_SHORT_FORM_LENGTH = 6;

/** Short forms written in capitals are the ambiguous ones; long forms and ordinary words are not. */
export function isAmbiguousForm(form: string): boolean {
  return form.length <= MAX_SHORT_FORM_LENGTH && isCaseSensitiveForm(form);
}

export type DefinitionKind = 'supports' | 'conflicts';
export interface DefinitionEvidence {
  entryId: string;
  kind: DefinitionKind;
}

/** What one block tells the guard. */
export interface BlockEvidence {
  definitions: DefinitionEvidence[];
  /** Entries seen through an unambiguous form. */
  unambiguousEntries: string[];
}

const STOP_WORDS = new Set(['of', 'the', 'for', 'and', 'in', 'on', 'to', 'a', 'an', '&']);
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const HAS_LOWERCASE = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;

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

function letterCount(shortForm: string): number {
  return shortForm.replace(/[^\p{L}]/gu, '').length;
}

const DEFINITION_WINDOW = 80;

/**
 * Reads a block's matches for definitions of short forms ("Long Form (SF)" and "SF (Long Form)") and
 * for the entries it shows unambiguously.
 */
export function collectEvidence(text: string, matches: readonly BlockMatch[]): BlockEvidence {
  const definitions: DefinitionEvidence[] = [];
  const unambiguous = new Set<string>();
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    if (!isAmbiguousForm(match.form)) {
      unambiguous.add(match.entryId);
      continue;
    }
    const definition = readDefinition(text, matches, i);
    if (definition) definitions.push({ entryId: match.entryId, kind: definition });
  }
  return { definitions, unambiguousEntries: [...unambiguous] };
}

function readDefinition(text: string, matches: readonly BlockMatch[], index: number): DefinitionKind | null {
  const match = matches[index]!;
  const letters = letterCount(match.form);
  // "Long Form (SF)"
  if (text[match.start - 1] === '(' && text[match.end] === ')') {
    const previous = matches[index - 1];
    const gap = previous ? text.slice(previous.end, match.start - 1) : '';
    if (previous && previous.entryId === match.entryId && gap.trim() === '') return 'supports';
    const before = text.slice(Math.max(0, match.start - 1 - DEFINITION_WINDOW), match.start - 1);
    return spellsOut(trailingInitials(before, letters), match.form) ? 'conflicts' : null;
  }
  // "SF (Long Form)"
  const afterMatch = text.slice(match.end, match.end + 2 + DEFINITION_WINDOW);
  const parenthesis = /^\s?\(([^()]*)\)/.exec(afterMatch);
  if (parenthesis) {
    const inside = parenthesis[1]!;
    const next = matches[index + 1];
    if (next && next.entryId === match.entryId && next.start < match.end + parenthesis[0].length) return 'supports';
    return spellsOut(leadingInitials(inside, letters), match.form) ? 'conflicts' : null;
  }
  return null;
}

/**
 * True when the word right before or after an ambiguous match is also in capitals and is not a term
 * itself: the capitals are then typography ("TARE WEIGHT"), not an acronym.
 */
export function isShouted(text: string, matches: readonly BlockMatch[], index: number): boolean {
  const match = matches[index]!;
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

function isCapitalWord(word: string): boolean {
  return word.length > 1 && HAS_LETTER.test(word) && !HAS_LOWERCASE.test(word);
}

/** The page-wide decision: which entries may show their ambiguous short forms. */
export function allowedAmbiguousEntries(evidence: Iterable<BlockEvidence>, ambiguousEntries: Iterable<string>): Set<string> {
  const supports = new Set<string>();
  const conflicts = new Set<string>();
  const unambiguous = new Set<string>();
  for (const block of evidence) {
    for (const definition of block.definitions) {
      (definition.kind === 'supports' ? supports : conflicts).add(definition.entryId);
    }
    for (const entryId of block.unambiguousEntries) unambiguous.add(entryId);
  }
  const allowed = new Set<string>();
  for (const entryId of ambiguousEntries) {
    if (supports.has(entryId)) {
      allowed.add(entryId);
      continue;
    }
    if (conflicts.has(entryId)) continue;
    const others = unambiguous.size - (unambiguous.has(entryId) ? 1 : 0);
    if (unambiguous.has(entryId) || others >= MIN_SUPPORTING_ENTRIES) allowed.add(entryId);
  }
  return allowed;
}
