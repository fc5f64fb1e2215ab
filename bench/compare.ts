/**
 * Before/after for engine changes: the engine of a git revision against the working tree's, both in
 * one page load, alternating run by run (so that load on the machine hits both alike).
 *
 *   npx vite-node bench/compare.ts [revision] [page] [glossary] [runs]
 *   e.g. npx vite-node bench/compare.ts HEAD huge builtin 7
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
import { ISOLATION_HEADERS, launchBrowser, startStaticServer } from './browser';
import { makeGlossary, type GlossaryName } from './glossaries';
import type { Timing } from './in-page';
import { generatePage, type PageName } from './pages';
import { median } from './stats';

const [revision = 'HEAD', pageName = 'huge', glossaryName = 'builtin', runsArg = '7'] = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
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
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/page.html`, { timeout: 120_000 });
  await page.addScriptTag({ content: before });
  await page.addScriptTag({ content: after });
  const glossary = makeGlossary(glossaryName as GlossaryName);
  const config = { entries: glossary.entries, forms: glossary.forms, regexSource: glossary.regexSource };
  type Bench = Record<string, (arg?: unknown) => unknown>;
  const call = (which: string, fn: string, arg?: unknown) =>
    page.evaluate(([w, f, a]) => (window as unknown as Record<string, Bench>)[w as string]![f as string]!(a), [which, fn, arg] as const);
  await call('Before', 'setup', config);
  await call('After', 'setup', config);

  const timings: Record<string, Timing[]> = { Before: [], After: [] };
  const runs = Number(runsArg);
  for (let round = 0; round <= runs; round++) {
    for (const which of round % 2 ? ['Before', 'After'] : ['After', 'Before']) {
      await call(which, 'settle');
      const timing = (await call(which, 'termlight')) as Timing;
      if (round > 0) timings[which]!.push(timing); // round 0 warms both up
    }
  }
  console.log(`${pageName} × ${glossary.label}, ${runs} alternating runs (ms, median [min]):`);
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
