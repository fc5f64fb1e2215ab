// Derives the corpus expectations (tests/fixtures/corpus/manifest.json) from the glossary rules in
// README.md, independently of the extension's own matcher and highlighter: a plain reading of the
// rules with regular expressions, run in Chromium WITHOUT the extension on each page (after its
// scripts ran, in its shadow roots and frames).
//
//   npx vite-node scripts/make-corpus.ts           compare with the manifest, list the differences
//   npx vite-node scripts/make-corpus.ts --write   write the derived counts into the manifest
//
// Use it when adding a page: add an entry without `highlights`, run with --write, then read the
// counts against the page before committing them. A difference from the extension is a question
// for one of the two: the corpus test reports it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { builtinGlossaryInput } from '../glossary/builtin/liver-cancer-article';
import { findChromium } from '../tests/browser/find-browser.mjs';
import { FIXTURES_DIR, startStaticServer } from '../tests/browser/support/static-server';

type Counts = Record<string, number>;
interface Entry {
  path: string;
  csp?: boolean;
  ready?: { selector?: string; title?: string };
  highlights?: Counts;
  frames?: { selector: string; highlights?: Counts }[];
  routes?: { hash: string; highlights?: Counts }[];
}
interface Form {
  entryId: string;
  form: string;
}

const MANIFEST = join(FIXTURES_DIR, 'corpus/manifest.json');
const write = process.argv.includes('--write');
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { csp: string; pages: Entry[] };
const forms: Form[] = builtinGlossaryInput.entries.flatMap((entry) =>
  [entry.term, ...(entry.aliases ?? [])].map((form) => ({ entryId: entry.id, form })),
);

/** README's rules, read plainly. Runs in the page; returns painted text -> count. */
function derive(glossaryForms: Form[]): Counts {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const plural = (f: string) => {
    if (/[A-Z0-9]$/.test(f)) return `${f}s`;
    const l = f.toLowerCase();
    if (l.endsWith('sis')) return `${f.slice(0, -2)}es`;
    if (/(s|x|z|ch|sh)$/.test(l)) return `${f}es`;
    if (/[^aeiou\s-]y$/.test(l)) return `${f.slice(0, -1)}ies`;
    return `${f}s`;
  };
  // Forms in capitals are case-sensitive acronyms; those of up to six letters are the ambiguous ones.
  const patterns = glossaryForms.flatMap(({ entryId, form }) => {
    const acronym = /^[A-Z]{2,}$/.test(form);
    const variants = [form, plural(form), `${form}'s`, ...(form.endsWith('s') ? [`${form}'`] : []), `${plural(form)}'`];
    return variants.map((variant) => ({
      entryId,
      form,
      ambiguous: acronym && form.length <= 6,
      re: new RegExp(variant.split(/[\s-]+/).map((word) => escape(word).replace(/'/g, "['\u2019]")).join('[\\s\\-\\u2010\\u2011]+'), acronym ? 'uy' : 'iuy'),
    }));
  });
  const WORD = /[\p{L}\p{M}\p{N}]/u;
  type Match = (typeof patterns)[number] & { start: number; end: number };
  const findAll = (text: string): Match[] => {
    const out: Match[] = [];
    for (let i = 0; i < text.length; ) {
      if (i > 0 && WORD.test(text[i - 1]!)) {
        i++;
        continue;
      }
      let best: Match | undefined;
      for (const pattern of patterns) {
        pattern.re.lastIndex = i;
        const found = pattern.re.exec(text);
        if (!found) continue;
        const end = i + found[0].length;
        if (end < text.length && WORD.test(text[end]!)) continue;
        if (!best || end > best.end) best = { ...pattern, start: i, end };
      }
      if (best) {
        out.push(best);
        i = best.end;
      } else i++;
    }
    return out;
  };

  // Blocks: inline elements join, every other element ends a run; code, forms, editors are skipped.
  const INLINE = new Set('a abbr acronym b bdi bdo big cite data del dfn em font i ins kbd label mark nobr q rb s samp small span strike strong sub sup time tt u var wbr'.split(' '));
  const BREAKS = new Set(['br', 'img', 'rp', 'rt']);
  const SKIPPED = new Set('script style noscript template textarea input select option button code pre svg math iframe frame object embed canvas video audio head title meta link'.split(' '));
  const skipped = (element: Element) =>
    SKIPPED.has(element.localName) ||
    (element.hasAttribute('contenteditable') ? element.getAttribute('contenteditable') !== 'false' : element.getAttribute('role') === 'textbox');
  const blocks: { raw: string; breaks: Set<number> }[] = [];
  const walk = (container: Node) => {
    let raw: string | null = null;
    let breaks: number[] = [];
    const flush = () => {
      if (raw !== null) blocks.push({ raw, breaks: new Set(breaks) });
      raw = null;
      breaks = [];
    };
    const visit = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) raw = (raw ?? '') + (child as Text).data;
        else if (child.nodeType === Node.ELEMENT_NODE) {
          const element = child as Element;
          if (INLINE.has(element.localName)) {
            if (!skipped(element)) visit(element);
          } else if (BREAKS.has(element.localName)) {
            if (raw) {
              breaks.push(raw.length);
              raw += '\n';
            }
          } else {
            flush();
            if (!skipped(element)) {
              if (element.shadowRoot) walk(element.shadowRoot);
              visit(element);
              flush();
            }
          }
        }
      }
    };
    visit(container);
    flush();
  };
  walk(document);

  // The ambiguity guard, rules 1-3.
  const STOP = new Set(['of', 'the', 'for', 'and', 'in', 'on', 'to', 'a', 'an', '&']);
  const initials = (text: string, count: number, leading: boolean) => {
    const words = (text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu) ?? []).filter((word) => !STOP.has(word.toLowerCase()));
    return (leading ? words.slice(0, count) : words.slice(-count)).map((word) => word[0]!.toUpperCase()).join('');
  };
  const inCapitals = (word: string) => word.length > 1 && /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
  const supports = new Set<string>();
  const conflicts = new Set<string>();
  const unambiguous = new Set<string>();
  const found: (Match & { painted: string; shouted: boolean })[] = [];
  for (const block of blocks) {
    // Soft hyphens are invisible: matched as if absent. `at[i]` is where text[i] is in the block.
    const at: number[] = [];
    let text = '';
    for (let r = 0; r < block.raw.length; r++) {
      if (block.raw[r] !== '\u00ad') {
        at.push(r);
        text += block.raw[r];
      }
    }
    const paintedText = (m: Match) => {
      let out = '';
      for (let r = at[m.start]!; r <= at[m.end - 1]!; r++) if (!block.breaks.has(r)) out += block.raw[r];
      return out;
    };
    const matches = findAll(text);
    matches.forEach((m, i) => {
      let shouted = false;
      if (!m.ambiguous) unambiguous.add(m.entryId);
      else {
        if (text[m.start - 1] === '(' && text[m.end] === ')') {
          const previous = matches[i - 1];
          if (previous && previous.entryId === m.entryId && text.slice(previous.end, m.start - 1).trim() === '') supports.add(m.entryId);
          else if (initials(text.slice(Math.max(0, m.start - 81), m.start - 1), m.form.length, false) === m.form) conflicts.add(m.entryId);
        } else {
          const parenthesis = /^\s?\(([^()]*)\)/.exec(text.slice(m.end, m.end + 82));
          if (parenthesis) {
            const next = matches[i + 1];
            if (next && next.entryId === m.entryId && next.start < m.end + parenthesis[0].length) supports.add(m.entryId);
            else if (initials(parenthesis[1]!, m.form.length, true) === m.form) conflicts.add(m.entryId);
          }
        }
        const before = /([\p{L}\p{N}]+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
        const after = /^[ \t\u00a0]+([\p{L}\p{N}]+)/u.exec(text.slice(m.end, m.end + 40));
        const previous = matches[i - 1];
        const next = matches[i + 1];
        const beforeIsTerm = !!previous && previous.end >= m.start - (before?.[0].length ?? 0);
        const afterIsTerm = !!next && next.start <= m.end + (after?.[0].length ?? 0);
        shouted = (!!before && !beforeIsTerm && inCapitals(before[1]!)) || (!!after && !afterIsTerm && inCapitals(after[1]!));
      }
      found.push({ ...m, painted: paintedText(m), shouted });
    });
  }
  const allowed = (entryId: string) =>
    supports.has(entryId) ||
    (!conflicts.has(entryId) && (unambiguous.has(entryId) || unambiguous.size - (unambiguous.has(entryId) ? 1 : 0) >= 2));
  const counts: Counts = {};
  for (const m of found) {
    if (m.ambiguous && (m.shouted || !allowed(m.entryId))) continue;
    counts[m.painted] = (counts[m.painted] ?? 0) + 1;
  }
  return counts;
}

const derived = (target: Page | Frame) => target.evaluate(derive, forms);

function differences(where: string, expected: Counts | undefined, actual: Counts): string[] {
  const keys = new Set([...Object.keys(expected ?? {}), ...Object.keys(actual)]);
  return [...keys]
    .filter((key) => (expected?.[key] ?? 0) !== (actual[key] ?? 0))
    .map((key) => `${where}: ${JSON.stringify(key)} manifest ${expected?.[key] ?? 0}, rules ${actual[key] ?? 0}`);
}

const server = await startStaticServer();
for (const entry of manifest.pages.filter((candidate) => candidate.csp)) {
  server.route(`/${entry.path}`, {
    body: readFileSync(join(FIXTURES_DIR, entry.path), 'utf8'),
    headers: { 'Content-Security-Policy': manifest.csp },
  });
}
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
  viewport: { width: 1280, height: 800 },
});
const report: string[] = [];
try {
  const page = await context.newPage();
  for (const entry of manifest.pages) {
    await page.goto(`${server.origin}/${entry.path}`);
    if (entry.ready?.selector) await page.waitForSelector(entry.ready.selector, { state: 'attached' });
    if (entry.ready?.title) await page.waitForFunction((title) => document.title === title, entry.ready.title);
    await page.waitForTimeout(300);
    const counts = await derived(page);
    report.push(...differences(entry.path, entry.highlights, counts));
    entry.highlights = counts;
    for (const frame of entry.frames ?? []) {
      const content = await (await page.waitForSelector(frame.selector, { state: 'attached' })).contentFrame();
      if (!content) throw new Error(`${entry.path}: ${frame.selector} has no frame`);
      const frameCounts = await derived(content);
      report.push(...differences(`${entry.path} ${frame.selector}`, frame.highlights, frameCounts));
      frame.highlights = frameCounts;
    }
    for (const route of entry.routes ?? []) {
      await page.evaluate((hash) => void (location.hash = hash), route.hash);
      await page.waitForFunction(() => document.title === 'hydration-ok');
      const routeCounts = await derived(page);
      report.push(...differences(`${entry.path}${route.hash}`, route.highlights, routeCounts));
      route.highlights = routeCounts;
    }
  }
} finally {
  await context.close();
  await server.close();
}

console.log(report.length ? report.join('\n') : `The manifest agrees with the rules on all ${manifest.pages.length} pages.`);
if (write) {
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2).replace(/\u00ad/g, '\\u00ad')}\n`);
  console.log(`Wrote ${MANIFEST}`);
} else if (report.length) {
  process.exitCode = 1;
}
