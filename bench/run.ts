/**
 * `npm run bench [-- options]`: the performance benchmark of issue 7. See bench/PERFORMANCE.md.
 *
 *   --json               also write the figures to bench-results/bench.json
 *   --runs=N             timed runs per tool (default 5; plus one warm-up)
 *   --pages=a,b          of article, dense, huge (default all)
 *   --glossaries=a,b     of builtin, 1k, 10k (default all)
 *   --mark-cap=S         cut mark.js mark(array) off after S seconds (default 45 with the built-in
 *                        glossary, 10 with the others)
 *   --no-extension       skip the measurements of the built extension
 *   --rebuild            run `npm run build` first even if .output/chrome-mv3 exists
 *   --from-json=FILE     measure nothing: print the report of an earlier --json run
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { findChromium } from '../tests/browser/find-browser.mjs';
import { ISOLATION_HEADERS, buildState, launchBrowser, startStaticServer } from './browser';
import { bundlePageScripts } from './bundle';
import { benchCase, type CaseResult } from './engine-bench';
import { contentScriptSize, measureDomChange, measureHover, measureLongTasks, measureScrolling, type ExtensionResult } from './extension-bench';
import { GLOSSARY_NAMES, makeGlossary, storedGlossary, type GlossaryName } from './glossaries';
import { PAGE_NAMES, generatePage, type PageName } from './pages';
import { evaluateTargets, printReport, type BenchResults } from './report';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const list = <T extends string>(name: string, all: readonly T[]): T[] => {
  const value = option(name);
  if (!value) return [...all];
  const picked = value.split(',') as T[];
  for (const item of picked) if (!all.includes(item)) throw new Error(`--${name}: unknown "${item}" (one of ${all.join(', ')})`);
  return picked;
};

const fromJson = option('from-json');
if (fromJson) {
  const earlier = JSON.parse(readFileSync(fromJson, 'utf8')) as BenchResults;
  earlier.targets = evaluateTargets(earlier);
  console.log(printReport(earlier));
  process.exit(0);
}

const runs = Number(option('runs') ?? 5);
const pages = list<PageName>('pages', PAGE_NAMES);
const glossaries = list<GlossaryName>('glossaries', GLOSSARY_NAMES);
const withExtension = !flag('no-extension');
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = Date.now();
const loadAtStart = loadavg()[0]!;

if (withExtension) {
  const state = buildState();
  if (!state.exists || flag('rebuild')) {
    log(state.exists ? 'Rebuilding the extension (--rebuild)…' : 'No build at .output/chrome-mv3: running `npm run build`…');
    const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 2] });
    if (build.status !== 0) throw new Error('npm run build failed');
  } else if (state.stale) {
    log('Warning: glossary/ or entrypoints/content/ changed since .output/chrome-mv3 was built; `--rebuild` measures the current code.');
  }
}

const chromiumVersion = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const server = await startStaticServer();
const urlOf = (name: PageName) => `${server.origin}/${name}.html`;
try {
  log('Generating pages and bundling the engine…');
  for (const name of new Set<PageName>([...pages, ...(withExtension ? (['article', 'huge'] as const) : [])])) {
    const page = generatePage(name);
    server.route(`/${name}.html`, { body: page.html, headers: ISOLATION_HEADERS });
  }
  const scripts = await bundlePageScripts();

  const cases: CaseResult[] = [];
  const browser = await launchBrowser({ exposeGc: true });
  try {
    for (const pageName of pages) {
      for (const glossaryName of glossaries) {
        const glossary = makeGlossary(glossaryName);
        const caseStart = Date.now();
        log(`${pageName} × ${glossary.label}…`);
        const result = await benchCase(browser, urlOf(pageName), scripts, glossary, {
          runs,
          // The built-in glossary's mark(array) decides a target: let it finish; the others are cut short.
          markArrayCapMs: Number(option('mark-cap') ?? (glossaryName === 'builtin' ? 45 : 10)) * 1000,
          markArrayBudgetMs: 25_000,
          log,
        });
        const t = result.tools;
        log(
          `  read ${t.floorRead?.medianMs.toFixed(1)} regex ${t.floorRegex?.medianMs.toFixed(1)}` +
            `${t.sameRulesRegex ? ` (same rules ${t.sameRulesRegex.medianMs.toFixed(1)})` : ''} Termlight ${t.termlight?.medianMs.toFixed(1)} ` +
            `(busy ${t.termlight?.busyMs?.toFixed(1)}) markRegExp ${t.markRegExp?.medianMs.toFixed(0)} mark(array) ${t.markArray?.medianMs.toFixed(0)}` +
            `${t.markArray?.cappedAtMs ? ' capped' : ''}${t.markArray?.error ? ` ${t.markArray.error}` : ''} [${((Date.now() - caseStart) / 1000).toFixed(0)} s]`,
        );
        cases.push(result);
      }
    }
  } finally {
    await browser.close();
  }

  let extension: ExtensionResult | undefined;
  if (withExtension) {
    log('Extension: long tasks on huge (3 loads with, 3 without)…');
    const longTasks = await measureLongTasks(urlOf('huge'), 3, log);
    log('Extension: long tasks on the article with a 10,000-entry glossary stored (3 loads with, 3 without)…');
    const longTasksLargeGlossary = await measureLongTasks(urlOf('article'), 3, log, storedGlossary(10_000));
    log('Extension: DOM change → highlight…');
    const domChange = await measureDomChange(
      [
        { page: 'article', url: urlOf('article') },
        { page: 'huge', url: urlOf('huge') },
      ],
      7,
    );
    log('Extension: hover → popover…');
    const hover = await measureHover(urlOf('article'), 9);
    log('Extension: scrolling through dense and huge…');
    const scrolling = await measureScrolling(
      [
        { page: 'dense', url: urlOf('dense') },
        { page: 'huge', url: urlOf('huge') },
      ],
      240,
    );
    extension = { contentScript: contentScriptSize(), longTasks, longTasksLargeGlossary, domChange, hover, scrolling };
  }

  const results: BenchResults = {
    environment: {
      chromium: chromiumVersion,
      node: process.version,
      cpus: cpus().length,
      runs,
      date: new Date().toISOString(),
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
    },
    cases,
    extension,
    targets: [],
  };
  results.targets = evaluateTargets(results);
  console.log(printReport(results));
  if (flag('json')) {
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
    log('Wrote bench-results/bench.json');
  }
  log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  await server.close();
}
