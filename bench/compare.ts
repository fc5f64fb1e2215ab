/**
 * Before/after for engine changes: the engine of a git revision against the working tree's, each in
 * page loads of its own, alternating load by load (so that load on the machine hits both alike).
 *
 *   npx vite-node bench/compare.ts [revision] [page] [glossary] [runs] [loads]
 *   e.g. npx vite-node bench/compare.ts HEAD huge builtin 7 4
 *
 * With BENCH_WORLD=isolated, each engine runs as a content script does: in an isolated world of the
 * page, every run on a fresh copy of the page whose nodes have no JS wrapper yet.
 *
 * One engine per page load: two engines bundled into one page differed by up to 25 % between two
 * identical copies, depending on the load, so that each gets `loads` fresh pages (default 4), with
 * one untimed run and then `runs` timed runs in each.
 *
 * The revision's glossary/ is exported with `git archive` into a temporary folder and bundled with
 * this tree's in-page runner; the working tree is bundled as `npm run bench` bundles it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ISOLATION_HEADERS, launchBrowser, openIsolatedWorld, startStaticServer } from './browser';
import { makeGlossary, type GlossaryName } from './glossaries';
import type { Timing } from './in-page';
import { generatePage, type PageName } from './pages';
import { median } from './stats';

const [revision = 'HEAD', pageName = 'huge', glossaryName = 'builtin', runsArg = '7', loadsArg = '4'] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const isolated = process.env.BENCH_WORLD === 'isolated';
const nodeModules = join(root, 'node_modules');

async function bundle(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    nodePaths: [nodeModules],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const temp = mkdtempSync(join(tmpdir(), 'termlight-compare-'));
const server = await startStaticServer();
const browser = await launchBrowser({ exposeGc: true });
try {
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(revision)} glossary | tar -x -C ${JSON.stringify(temp)}`], { cwd: root });
  const runner = readFileSync(join(root, 'bench', 'in-page.ts'), 'utf8').replace("from '../glossary'", "from './glossary'");
  writeFileSync(join(temp, 'in-page.ts'), runner);
  const before = await bundle(join(temp, 'in-page.ts'), 'Before');
  const after = await bundle(join(root, 'bench', 'in-page.ts'), 'After');

  server.route('/page.html', { body: generatePage(pageName as PageName).html, headers: ISOLATION_HEADERS });
  const glossary = makeGlossary(glossaryName as GlossaryName);
  const config = { entries: glossary.entries, forms: glossary.forms, regexSource: glossary.regexSource };
  const bundles: Record<string, string> = { Before: before, After: after };
  const timings: Record<string, Timing[]> = { Before: [], After: [] };
  const runs = Number(runsArg);
  const loads = Number(loadsArg);
  for (let load = 0; load < loads; load++) {
    for (const which of load % 2 ? ['Before', 'After'] : ['After', 'Before']) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/page.html`, { timeout: 120_000 });
      type Bench = Record<string, (arg?: unknown) => unknown>;
      let call: (fn: string, arg?: unknown) => Promise<unknown>;
      if (isolated) {
        const world = await openIsolatedWorld(page);
        await world.evaluate(bundles[which]!);
        call = (fn, arg) => world.evaluate(`${which}[${JSON.stringify(fn)}](${arg === undefined ? '' : JSON.stringify(arg)})`);
      } else {
        await page.addScriptTag({ content: bundles[which]! });
        call = (fn, arg) =>
          page.evaluate(([w, f, a]) => (window as unknown as Record<string, Bench>)[w as string]![f as string]!(a), [which, fn, arg] as const);
      }
      await call('setup', config);
      for (let run = 0; run <= runs; run++) {
        await call(isolated ? 'firstReadStart' : 'settle');
        const timing = (await call('termlight')) as Timing;
        if (run > 0) timings[which]!.push(timing); // the first run of a load warms the engine up
      }
      await page.close();
    }
  }
  console.log(`${pageName} × ${glossary.label}, ${loads} loads × ${runs} runs each${isolated ? ', isolated world, fresh nodes' : ''} (ms, median [min]):`);
  for (const [which, list] of Object.entries(timings)) {
    const stat = (key: keyof Timing) => {
      const values = list.map((t) => t[key] as number);
      return `${median(values).toFixed(1)} [${Math.min(...values).toFixed(1)}]`;
    };
    const label = which === 'Before' ? revision : 'working tree';
    console.log(
      `  ${label.padEnd(12)} total ${stat('ms')}  busy ${stat('busyMs')}  rendered ${stat('renderedMs')}  compile ${stat('compileMs')}  matches ${list[0]?.matches}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(temp, { recursive: true, force: true });
}
