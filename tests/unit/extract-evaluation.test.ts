import { readFileSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { extractAbbreviations } from '../../glossary/extract';
import { parseGold, parseRecords, score, splitRecords } from '../../glossary/extract/evaluation';

// See extract-glossary.test.ts for why the base URL goes through a variable.
const testFileUrl = import.meta.url;
const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/abbrev/Ab3P-MED1250/${name}`, testFileUrl)));

const records = parseRecords(new TextDecoder('windows-1252').decode(fixture('MED1250_unlabeled.txt')));
const gold = parseGold(fixture('MED1250_gold_pairs.tsv').toString('utf8'));

describe('abbreviation extraction on the Ab3P MED1250 development set', () => {
  it('reads the whole set', () => {
    expect(records).toHaveLength(1250);
    expect(gold).toHaveLength(1221);
  });

  // A behaviour guarantee, not a timing: these are the figures the rules reach (npm run eval:abbrev
  // prints them with the misses). Ab3P itself scores precision 0.965, recall 0.832 on this set.
  it('keeps precision at or above 0.97 and recall at or above 0.87', () => {
    const all = score(records, gold, extractAbbreviations);
    expect(all.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.recall).toBeGreaterThanOrEqual(0.87);
  });

  it('does as well on the held-out last 20% of records as on the rest', () => {
    const { heldOut } = splitRecords(records);
    const held = score(heldOut, gold, extractAbbreviations);
    expect(held.precision).toBeGreaterThanOrEqual(0.97);
    expect(held.recall).toBeGreaterThanOrEqual(0.84);
  });

  // The target. Most of the remaining misses are gold long forms that do not spell their short
  // form in order ("cyclosporine (CsA)", "phenytoin (DPH)"), that are not next to it, or that do not
  // occur in the text as written; see the report of npm run eval:abbrev.
  it.todo('reaches recall 0.90 with precision 0.97');
});
