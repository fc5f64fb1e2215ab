/**
 * Finds bracketed groups "( … )" and "[ … ]" in one linear pass, nested groups included.
 *
 * A stack instead of a regular expression: regexes cannot balance nesting, and the obvious ones
 * backtrack badly on hostile input such as 200 KB of "(((((". The stack is capped and cleared at
 * every line break, so unbalanced text costs O(length) time and O(1) extra memory per line.
 */

export type BracketKind = '(' | '[';

export interface BracketGroup {
  kind: BracketKind;
  /** Index of the opening bracket. */
  open: number;
  /** Index of the closing bracket. */
  close: number;
}

/** Deeper nesting than this is never a definition; beyond it the oldest openings are forgotten. */
const MAX_DEPTH = 16;

const CLOSER_OF: Readonly<Record<string, BracketKind>> = { ')': '(', ']': '[' };

/**
 * Returns the groups ordered by their opening bracket. Groups whose content is longer than
 * `maxInner` characters are skipped: a definition's parenthesis is short, and skipping long ones keeps
 * the later per-group work bounded.
 */
export function findBracketGroups(text: string, maxInner: number): BracketGroup[] {
  const groups: BracketGroup[] = [];
  const stack: { kind: BracketKind; open: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') {
      if (stack.length === MAX_DEPTH) stack.shift();
      stack.push({ kind: ch, open: i });
    } else if (ch === ')' || ch === ']') {
      const kind = CLOSER_OF[ch];
      // A stray closer (e.g. "1) first item") must not pop an unrelated opener of the other kind.
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth]?.kind !== kind) depth--;
      if (depth < 0) continue;
      const opener = stack[depth];
      stack.length = depth;
      if (opener && i - opener.open - 1 <= maxInner) groups.push({ kind: opener.kind, open: opener.open, close: i });
    } else if (ch === '\n') {
      stack.length = 0;
    }
  }
  return groups.sort((a, b) => a.open - b.open);
}
