/**
 * Coordinated modifiers that share one head noun, each with its own short form:
 *   "scanning (SEM) and transmission (TEM) electron microscopy",
 *   "polychromatic (PCE) and normochromatic (NCE) erythrocytes",
 *   "phthalic acid esters (dimethyl-[DMP], diethyl-[DEP] and di-n-octyl [DnOP] phthalate)".
 * Each short form abbreviates its modifier joined to the shared head ("scanning electron microscopy"),
 * a phrase the text never writes out in one piece. Such a pair carries `longParts`: `long` is the
 * modifier and the head joined by a space (or by nothing after a trailing hyphen, "dimethyl-phthalate").
 *
 * The chain must have at least two links, separated by ", ", " and " or " or ", each link a single
 * word followed by its bracket, and every short form must spell its own modifier plus the head strictly
 * (every word spelled from its start, nothing left over), with the same head of one to three words.
 */
import { alignmentIsStrict } from './alignment';
import type { BracketGroup } from './brackets';
import { isSpace, tokenStartBefore } from './chars';
import { chooseLongForm } from './long-form';
import { keyForShortForm } from './short-form-keys';
import { looksLikeAbbreviation } from './short-form';
import type { AbbreviationPair } from './types';

/** What may stand between one link's bracket and the next link's word. */
const LINK_GAP = /^(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)([^\s()[\],;]+?)\s?$/;
/** A word of the shared head: letters first, then letters, digits, hyphens. */
const HEAD_WORD = /^\s+(\p{L}[\p{L}\p{N}-]*)/u;
const MAX_HEAD_WORDS = 3;

interface Link {
  group: BracketGroup;
  modifierStart: number;
  modifierEnd: number;
  short: string;
  shortStart: number;
  shortEnd: number;
}

export function findSharedHeadDefinitions(text: string, groups: readonly BracketGroup[]): AbbreviationPair[] {
  const pairs: AbbreviationPair[] = [];
  let i = 0;
  while (i < groups.length) {
    const chain = chainFrom(text, groups, i);
    if (chain.length >= 2) {
      pairs.push(...definitionsOf(text, chain));
      i += chain.length;
    } else {
      i++;
    }
  }
  return pairs;
}

function chainFrom(text: string, groups: readonly BracketGroup[], from: number): Link[] {
  const first = groups[from] as BracketGroup;
  const firstEnd = isSpace(text[first.open - 1]) ? first.open - 1 : first.open;
  let firstStart = tokenStartBefore(text, firstEnd);
  while (firstStart >= 0 && firstStart < firstEnd && /["'“‘([]/.test(text[firstStart] ?? '')) firstStart++;
  if (firstStart < 0 || firstEnd <= firstStart) return [];
  const firstLink = linkOf(text, first, firstStart, firstEnd);
  if (!firstLink) return [];
  const chain = [firstLink];
  for (let g = from + 1; g < groups.length; g++) {
    const previous = chain[chain.length - 1] as Link;
    const group = groups[g] as BracketGroup;
    if (group.open <= previous.group.close) break;
    const gap = text.slice(previous.group.close + 1, group.open);
    const match = LINK_GAP.exec(gap);
    if (!match) break;
    const word = match[1] as string;
    const start = previous.group.close + 1 + gap.lastIndexOf(word, gap.length - (gap.endsWith(' ') ? 1 : 0));
    const link = linkOf(text, group, start, start + word.length);
    if (!link) break;
    chain.push(link);
  }
  return chain;
}

function linkOf(text: string, group: BracketGroup, modifierStart: number, modifierEnd: number): Link | null {
  let shortStart = group.open + 1;
  let shortEnd = group.close;
  while (shortStart < shortEnd && isSpace(text[shortStart])) shortStart++;
  while (shortEnd > shortStart && isSpace(text[shortEnd - 1])) shortEnd--;
  const short = text.slice(shortStart, shortEnd);
  if (!looksLikeAbbreviation(short) || keyForShortForm(short).length < 2) return null;
  if (!/^\p{L}/u.test(text.slice(modifierStart, modifierEnd))) return null;
  return { group, modifierStart, modifierEnd, short, shortStart, shortEnd };
}

function definitionsOf(text: string, chain: readonly Link[]): AbbreviationPair[] {
  const last = chain[chain.length - 1] as Link;
  let at = last.group.close + 1;
  const head: { start: number; end: number }[] = [];
  while (head.length < MAX_HEAD_WORDS) {
    const match = HEAD_WORD.exec(text.slice(at, at + 80));
    if (!match) break;
    const start = at + match[0].length - (match[1] as string).length;
    const end = start + (match[1] as string).length;
    head.push({ start, end });
    at = end;
    // A head ends at punctuation: "… electron microscopy, and …".
    if (!isSpace(text[end])) break;
  }
  for (let words = 1; words <= head.length; words++) {
    const headStart = (head[0] as { start: number }).start;
    const headEnd = (head[words - 1] as { end: number }).end;
    const headText = text.slice(headStart, headEnd);
    const pairs: AbbreviationPair[] = [];
    for (const link of chain) {
      const modifier = text.slice(link.modifierStart, link.modifierEnd);
      const long = `${modifier}${modifier.endsWith('-') ? '' : ' '}${headText}`;
      const key = keyForShortForm(link.short);
      const match = chooseLongForm(long, key, 0, long.length, { maxWords: Number.MAX_SAFE_INTEGER, fromFirstWord: true });
      if (!match || match.start !== 0 || match.end !== long.length || !alignmentIsStrict(match.alignment)) break;
      // The head must hold letters of the short form: a modifier that spells it alone is its own long form.
      const bare = modifier.replace(/-$/, '');
      if (chooseLongForm(bare, key, 0, bare.length, { maxWords: Number.MAX_SAFE_INTEGER, fromFirstWord: true })) break;
      pairs.push({
        short: link.short,
        long,
        shortStart: link.shortStart,
        shortEnd: link.shortEnd,
        longStart: link.modifierStart,
        longEnd: headEnd,
        longParts: [
          { start: link.modifierStart, end: link.modifierEnd },
          { start: headStart, end: headEnd },
        ],
      });
    }
    if (pairs.length === chain.length) return pairs;
  }
  return [];
}
