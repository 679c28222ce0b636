// `npm test`: type checks, lint and every browser test, ending with one bare "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const extraArgs = process.argv.slice(2);

function step(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function check(name, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
}

process.env.CHROME_PATH = ensureChromium();

if (extraArgs.length === 0) {
  check('typecheck', step('Type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
  check('lint', step('Lint', 'npx', ['eslint', '.', '--max-warnings=0']));
}

rmSync('.cache/wtr-results.json', { force: true });
const wtrOk = step('Browser tests (headless Chromium)', 'npx', ['web-test-runner', ...extraArgs]);
if (existsSync('.cache/wtr-results.json')) {
  const r = JSON.parse(readFileSync('.cache/wtr-results.json', 'utf8'));
  results.passed += r.passed;
  results.failed += r.failed + r.fileErrors;
  results.skipped += r.skipped;
  if (r.failed || r.fileErrors) failures.push('browser tests');
}
if (!wtrOk && !failures.includes('browser tests')) check('browser test run', false);

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
process.exit(results.failed > 0 ? 1 : 0);
