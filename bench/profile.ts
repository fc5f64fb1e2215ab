/**
 * Profiles one tool on one generated page with Chromium's DevTools protocol Profiler and prints the
 * functions with the most self time. For finding hotspots, not for figures (the profiler slows
 * what it samples):
 *
 *   BENCH_MINIFY=0 npx vite-node bench/profile.ts [page] [glossary] [tool] [runs]
 *   e.g. BENCH_MINIFY=0 npx vite-node bench/profile.ts huge builtin termlight 3
 *
 * It also writes the last run's profile to bench-results/profile.cpuprofile (open it in DevTools).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { ISOLATION_HEADERS, launchBrowser, startStaticServer } from './browser';
import { bundlePageScripts } from './bundle';
import { makeGlossary, type GlossaryName } from './glossaries';
import { generatePage, type PageName } from './pages';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [pageName = 'huge', glossaryName = 'builtin', tool = 'termlight', runsArg = '3'] = process.argv.slice(2);
const server = await startStaticServer();
const browser = await launchBrowser({ exposeGc: true });
try {
  server.route('/page.html', { body: generatePage(pageName as PageName).html, headers: ISOLATION_HEADERS });
  const scripts = await bundlePageScripts();
  const glossary = makeGlossary(glossaryName as GlossaryName);
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/page.html`, { timeout: 120_000 });
  await page.addScriptTag({ content: scripts.markJs });
  await page.addScriptTag({ content: scripts.runner });
  type Bench = Record<string, (arg?: unknown) => unknown>;
  const call = (name: string, arg?: unknown) =>
    page.evaluate(([fn, a]) => (window as unknown as { TermlightBench: Bench }).TermlightBench[fn as string]!(a), [name, arg] as const);
  await call('setup', { entries: glossary.entries, forms: glossary.forms, regexSource: glossary.regexSource });
  await call('settle');
  await call(tool); // warm-up
  if (tool.startsWith('mark')) await call('restore');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const selfTime = new Map<string, number>();
  let last: Profile | undefined;
  for (let run = 0; run < Number(runsArg); run++) {
    await call('settle');
    await cdp.send('Profiler.start');
    console.log(JSON.stringify(await call(tool)));
    last = (await cdp.send('Profiler.stop')).profile as Profile;
    if (tool.startsWith('mark')) await call('restore');
    const byId = new Map(last.nodes.map((node) => [node.id, node]));
    last.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
      selfTime.set(key, (selfTime.get(key) ?? 0) + (last!.timeDeltas[i] ?? 0));
    });
  }
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
  console.log(`\nself time over ${runsArg} runs of ${tool} on ${pageName} with the ${glossary.label} glossary:`);
  for (const [key, us] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/profile.cpuprofile', JSON.stringify(last));
} finally {
  await browser.close();
  await server.close();
}
