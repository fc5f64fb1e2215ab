// The Firefox build passes Mozilla's add-on linter (`web-ext lint`, as addons.mozilla.org runs it) with
// no errors, warnings or notices. `npm run lint:firefox` runs the same check on a fresh build.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { FIREFOX_BUILD } from '../support/firefox';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

describe('Firefox: web-ext lint', () => {
  it('finds no errors, warnings or notices in .output/firefox-mv2', async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
      throw new Error(`No build at ${FIREFOX_BUILD}: run \`npm run build\` first (npm test does).`);
    }
    const webExt = join(dirname(createRequire(import.meta.url).resolve('web-ext')), 'bin/web-ext.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [webExt, 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery', '--no-input'],
      // No update check: the tests reach nothing beyond loopback.
      { env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      // It exits non-zero on errors; the report is still on stdout.
      if (!error.stdout) throw new Error(`web-ext lint failed: ${error.stderr}`);
      return { stdout: error.stdout };
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<'errors' | 'warnings' | 'notices', LintMessage[]>;
    const where = (messages: LintMessage[]) =>
      messages.map(({ code, message, file, line, column }) => `${code}: ${message}${file ? ` (${file}${line ? `:${line}:${column}` : ''})` : ''}`);
    expect({ errors: where(report.errors), warnings: where(report.warnings), notices: where(report.notices) }).toEqual({
      errors: [],
      warnings: [],
      notices: [],
    });
  });
});
