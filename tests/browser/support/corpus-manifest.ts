// The real-world corpus's manifest (tests/fixtures/corpus/manifest.json), read once for the Chromium
// and the Firefox corpus tests: what each page must show, and how to serve the pages that need a CSP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, type StaticServer } from './static-server';

export interface Expected {
  /** Painted text -> how many times. */
  highlights: Record<string, number>;
}
export interface CorpusPage extends Expected {
  path: string;
  kind: string;
  about: string;
  csp?: boolean;
  ready?: { selector?: string; title?: string };
  frames?: (Expected & { selector: string })[];
  routes?: (Expected & { hash: string })[];
}
export interface Manifest {
  csp: string;
  pages: CorpusPage[];
}

export const manifest = JSON.parse(readFileSync(join(FIXTURES_DIR, 'corpus/manifest.json'), 'utf8')) as Manifest;

/** Serves the pages marked `csp` with the manifest's Content-Security-Policy header. */
export function serveCspPages(server: StaticServer): void {
  for (const entry of manifest.pages.filter((candidate) => candidate.csp)) {
    server.route(`/${entry.path}`, {
      body: readFileSync(join(FIXTURES_DIR, entry.path), 'utf8'),
      headers: { 'Content-Security-Policy': manifest.csp },
    });
  }
}

/** Painted ranges as text -> count, the manifest's shape. */
export function tally(ranges: { text: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { text } of ranges) counts[text] = (counts[text] ?? 0) + 1;
  return counts;
}
