/**
 * Scoring abbreviation extraction against the Ab3P MED1250 gold standard
 * (tests/fixtures/abbrev/Ab3P-MED1250/README.md). Plain strings in, numbers out: the script
 * scripts/eval-abbrev.ts and the unit test read the files and call this.
 *
 * A predicted pair is a true positive when its short and long forms equal, as strings, a gold pair of
 * the same record; both sides are multisets (a pair defined twice in a record is two gold pairs).
 */
import type { AbbreviationPair } from './types';

export interface DevRecord {
  pmid: string;
  /** Title and abstract joined by a line break; a PMID listed twice has its parts joined too. */
  text: string;
}

export interface GoldPair {
  pmid: string;
  short: string;
  long: string;
}

export function parseRecords(unlabeled: string): DevRecord[] {
  const lines = unlabeled.split('\n');
  const byPmid = new Map<string, DevRecord>();
  for (let i = 0; i < lines.length; i++) {
    const pmid = (lines[i] ?? '').trim();
    if (!/^\d+$/.test(pmid)) continue;
    // Carriage returns stray inside some records: they are spacing, not line ends.
    const title = (lines[i + 1] ?? '').replace(/\r/g, ' ').trim();
    const abstract = (lines[i + 2] ?? '').replace(/\r/g, ' ').trim();
    const text = `${title}\n${abstract}`;
    const known = byPmid.get(pmid);
    if (known) known.text += `\n${text}`;
    else byPmid.set(pmid, { pmid, text });
    i += 2;
  }
  return [...byPmid.values()];
}

export function parseGold(tsv: string): GoldPair[] {
  const pairs: GoldPair[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const [pmid, short, long] = line.replace(/\r$/, '').split('\t');
    if (pmid && short !== undefined && long !== undefined) pairs.push({ pmid, short, long });
  }
  return pairs;
}

export interface Miss {
  pmid: string;
  short: string;
  long: string;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  missed: Miss[];
  wrong: Miss[];
}

/**
 * `normalise`, when given, is applied to both sides before comparing. The README scores exact strings,
 * so the headline figures never use it; the script prints a whitespace-trimmed figure only as a note
 * (six gold long forms start with a stray space, " dizygotic", that no extractor can produce).
 */
export function score(
  records: readonly DevRecord[],
  gold: readonly GoldPair[],
  extract: (text: string) => AbbreviationPair[],
  normalise: (form: string) => string = (form) => form,
): Score {
  const key = (short: string, long: string): string => `${normalise(short)}\u0000${normalise(long)}`;
  const goldByPmid = new Map<string, GoldPair[]>();
  for (const pair of gold) {
    const list = goldByPmid.get(pair.pmid) ?? [];
    list.push(pair);
    goldByPmid.set(pair.pmid, list);
  }
  const result: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 0, recall: 0, f1: 0, missed: [], wrong: [] };
  for (const record of records) {
    const remaining = new Map<string, number>();
    for (const pair of goldByPmid.get(record.pmid) ?? []) {
      const k = key(pair.short, pair.long);
      remaining.set(k, (remaining.get(k) ?? 0) + 1);
    }
    for (const found of extract(record.text)) {
      const k = key(found.short, found.long);
      const left = remaining.get(k) ?? 0;
      if (left > 0) {
        remaining.set(k, left - 1);
        result.truePositives++;
      } else {
        result.falsePositives++;
        result.wrong.push({ pmid: record.pmid, short: found.short, long: found.long });
      }
    }
    for (const [k, left] of remaining) {
      const [short = '', long = ''] = k.split('\u0000');
      for (let i = 0; i < left; i++) result.missed.push({ pmid: record.pmid, short, long });
      result.falseNegatives += left;
    }
  }
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = result;
  result.precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  result.recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  result.f1 = result.precision + result.recall === 0 ? 0 : (2 * result.precision * result.recall) / (result.precision + result.recall);
  return result;
}

/** Splits records in file order: the first `fraction` for tuning, the rest held out. */
export function splitRecords(records: readonly DevRecord[], fraction = 0.8): { tuning: DevRecord[]; heldOut: DevRecord[] } {
  const cut = Math.round(records.length * fraction);
  return { tuning: records.slice(0, cut), heldOut: records.slice(cut) };
}
