#!/usr/bin/env node
/**
 * Runs every check: typecheck, extension build, unit tests, then browser and dev-node tests.
 * Ends with one summary line `N passed, N failed` (typecheck and build count as one check each).
 * Extra arguments are passed to vitest (e.g. `npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
let passed = 0;
let failed = 0;

function step(title, command, args) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

for (const [title, command, args] of [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['build extension', bin('vite'), ['build', '--logLevel', 'warn']],
]) {
  if (step(title, command, args)) passed++;
  else failed++;
}

const report = resolve(root, '.vitest-report.json');
rmSync(report, { force: true });
step('vitest (unit, browser, dev node)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that fails before its tests run (import error, failing beforeAll) has no failed test;
  // count it so a broken suite can never look green.
  for (const file of results.testResults) {
    const anyFailedTest = file.assertionResults.some((t) => t.status === 'failed');
    if (file.status === 'failed' && !anyFailedTest) {
      failed++;
      console.log(`suite failed without a failing test: ${file.name}: ${file.message ?? ''}`);
    }
  }
  rmSync(report, { force: true });
} else {
  failed++;
  console.log('vitest produced no report');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
