#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, continuing past a failure so one run shows
 * everything that is wrong. Ends with one plain line `N passed, N failed` totalling all suites
 * (CI records it); skipped tests are reported on their own line and never counted as passed.
 * Typecheck, lint and build each count as one check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const results = join(process.cwd(), 'test-results');
rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'e2e.json'), { force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return { ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function suite(label, command, args, reportFile, count) {
  const { ok, seconds } = run(label, command, args);
  const report = existsSync(reportFile) ? count(JSON.parse(readFileSync(reportFile, 'utf8'))) : null;
  if (!report) {
    totals.failed += 1;
    lines.push(`${label}: FAILED before reporting (${seconds} s)`);
    return;
  }
  // A runner that exits non-zero with no failed test (an error outside tests) still fails the run.
  if (!ok && report.failed === 0) report.failed = 1;
  totals.passed += report.passed;
  totals.failed += report.failed;
  totals.skipped += report.skipped;
  lines.push(`${label}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${seconds} s)`);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('typecheck (node)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck (web)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
check('lint', npx, ['eslint', '.', '--max-warnings', '0']);
check('format', npx, ['prettier', '--check', '.', '--log-level', 'warn']);
suite(
  'unit',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`],
  join(results, 'vitest.json'),
  (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  }),
);
const built = check('build', npx, ['electron-vite', 'build']);
if (built) {
  suite('end-to-end', npx, ['playwright', 'test'], join(results, 'e2e.json'), (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  }));
} else {
  totals.failed += 1;
  lines.push('end-to-end: not run (the build failed)');
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
console.log(`\n━━ Summary\n${lines.join('\n')}\nskipped (not counted as passed): ${totals.skipped}\n${summary}`);
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
process.exit(totals.failed === 0 ? 0 : 1);
