// `npm test`: everything a change must pass, in the order a fresh machine needs it.
// 1. `wxt prepare` writes .wxt/tsconfig.json, which tsconfig.json and Vitest extend.
// 2. The extension is built, because the browser tests load the real build.
// 3. Vitest runs the unit tests (happy-dom) and the browser tests (real Chromium).
// It ends with the line `N passed, N failed` counted from the JUnit report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const extraArgs = process.argv.slice(2);

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status ?? 1;
}

const report = 'test-results/junit.xml';
rmSync(report, { force: true });

let status = run('npx', ['wxt', 'prepare']);
if (status === 0) status = run('npm', ['run', 'build']);
if (status === 0) status = run('npx', ['vitest', 'run', ...extraArgs]);

if (existsSync(report)) {
  const xml = readFileSync(report, 'utf8');
  const cases = xml.match(/<testcase\b[^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  const failed = cases.filter((c) => /<(failure|error)\b/.test(c)).length;
  const skipped = cases.filter((c) => /<skipped\b/.test(c)).length;
  const passed = cases.length - failed - skipped;
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (skipped && status === 0) {
    console.error('Skipped tests are not allowed: remove or fix them.');
    status = 1;
  }
} else {
  console.log('\n0 passed, 1 failed');
  console.error('No test report was written: the run stopped before the tests.');
  if (status === 0) status = 1;
}
process.exit(status);
