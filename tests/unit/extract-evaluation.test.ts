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

  // A behaviour guarantee, not a timing: these are the figures the rules reach, rounded down (npm run
  // eval:abbrev prints them with the misses: P 0.984, R 0.900 on all records, TP 1099 of 1221). Ab3P
  // itself scores precision 0.965, recall 0.832 on this set. The target, recall 0.90 at precision
  // 0.97, is reached, narrowly: most remaining misses are gold long forms that do not spell their short
  // form at all ("phenytoin (DPH)", "pyruvate dehydrogenase (E1)"), that are not in the text as written
  // ("day after parturition" for "day one after parturition"), or that start with a space in the gold file.
  it('keeps precision at or above 0.98 and recall at or above 0.90', () => {
    const all = score(records, gold, extractAbbreviations);
    expect(all.precision).toBeGreaterThanOrEqual(0.98);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches recall 0.90 at precision 0.98 on the first 80% of records, used for tuning', () => {
    const { tuning } = splitRecords(records);
    const tuned = score(tuning, gold, extractAbbreviations);
    expect(tuned.precision).toBeGreaterThanOrEqual(0.98);
    expect(tuned.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('does about as well on the held-out last 20% of records', () => {
    const { heldOut } = splitRecords(records);
    const held = score(heldOut, gold, extractAbbreviations);
    expect(held.precision).toBeGreaterThanOrEqual(0.99);
    expect(held.recall).toBeGreaterThanOrEqual(0.86);
  });
});
