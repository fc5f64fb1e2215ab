/**
 * The scripts injected into benchmark pages: the engine with the in-page runner, bundled by esbuild
 * into an IIFE exposing `TermlightBench`, and mark.js's own dist file (global `Mark`).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface PageScripts {
  runner: string;
  markJs: string;
}

export async function bundlePageScripts(): Promise<PageScripts> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./in-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'TermlightBench',
    platform: 'browser',
    target: 'chrome120',
    // Minified as the extension ships it; BENCH_MINIFY=0 keeps names readable in profiles (profile.ts).
    minify: process.env.BENCH_MINIFY !== '0',
    write: false,
    logLevel: 'silent',
  });
  const require = createRequire(import.meta.url);
  const markJs = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  return { runner: result.outputFiles[0]!.text, markJs };
}
