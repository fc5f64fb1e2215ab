/**
 * npm run eval:abbrev — scores glossary/extract's abbreviation finder on the Ab3P MED1250 set
 * (tests/fixtures/abbrev/Ab3P-MED1250/). Prints precision, recall and F1 for all records, for the
 * first 80% (used while tuning the rules) and for the last 20% (held out), then the misses.
 *
 * Options: --limit=N misses listed per kind (default 25), --part=all|tuning|held-out which records the
 * misses come from (default all), --context to show the text around each miss.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAbbreviations } from '../glossary/extract/abbreviations';
import { parseGold, parseRecords, score, splitRecords, type DevRecord, type Miss, type Score } from '../glossary/extract/evaluation';

const dir = fileURLToPath(new URL('../tests/fixtures/abbrev/Ab3P-MED1250/', import.meta.url));
// The input is cp1252 (see the README); TextDecoder knows it as windows-1252.
const records = parseRecords(new TextDecoder('windows-1252').decode(readFileSync(`${dir}MED1250_unlabeled.txt`)));
const gold = parseGold(readFileSync(`${dir}MED1250_gold_pairs.tsv`, 'utf8'));

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const limit = Number(option('limit') ?? 25);
const part = option('part') ?? 'all';
const showContext = args.includes('--context');

const started = performance.now();
const { tuning, heldOut } = splitRecords(records);
const all = score(records, gold, extractAbbreviations);
const tuned = score(tuning, gold, extractAbbreviations);
const held = score(heldOut, gold, extractAbbreviations);
const elapsed = performance.now() - started;

const pct = (x: number): string => x.toFixed(3);
function line(name: string, s: Score): string {
  return `${name.padEnd(22)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives})`;
}

console.log(`Ab3P MED1250: ${records.length} records, ${gold.length} gold pairs (${elapsed.toFixed(0)} ms, three scoring passes)`);
console.log(line('all', all));
console.log(line(`tuning (first ${tuning.length})`, tuned));
console.log(line(`held out (last ${heldOut.length})`, held));
const trimmed = score(records, gold, extractAbbreviations, (form) => form.trim().replace(/\s+/g, ' '));
console.log(`${line('all, spaces trimmed', trimmed)}   (note only: the README scores exact strings)`);
console.log('Reference: Ab3P P 0.965 R 0.832; Schwartz & Hearst (Medstract) P 0.96 R 0.82.');

const chosen = part === 'tuning' ? tuned : part === 'held-out' ? held : all;
const textOf = new Map<string, DevRecord>(records.map((r) => [r.pmid, r]));

function context(miss: Miss): string {
  if (!showContext) return '';
  const text = textOf.get(miss.pmid)?.text ?? '';
  let at = text.indexOf(`${miss.long} (${miss.short}`);
  if (at < 0) at = text.indexOf(`(${miss.short}`);
  if (at < 0) at = text.indexOf(miss.short);
  if (at < 0) return '';
  return `   «${text.slice(Math.max(0, at - 60), at + miss.long.length + miss.short.length + 40).replace(/\s+/g, ' ')}»`;
}

function list(title: string, misses: readonly Miss[]): void {
  console.log(`\n${title}: ${misses.length}${misses.length > limit ? ` (first ${limit} shown)` : ''}`);
  for (const miss of misses.slice(0, limit)) console.log(`  ${miss.pmid}\t${miss.short} | ${miss.long}${context(miss)}`);
}
list(`False negatives (${part})`, chosen.missed);
list(`False positives (${part})`, chosen.wrong);
