// `npm test`: type checks, lint and every browser test, ending with one bare "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

mkdirSync('.cache', { recursive: true });
rmSync('.cache/wtr-results.json', { force: true });
rmSync('.cache/node-tests.tap', { force: true });
// The whole run also measures coverage: the triage engine (colour rules are medical-device logic) must
// stay fully covered, and that is checked below.
rmSync('coverage/lcov.info', { force: true });
const wtrOk = step('Browser tests (headless Chromium)', 'npx', ['web-test-runner', ...(extraArgs.length ? extraArgs : ['--coverage'])]);
if (existsSync('.cache/wtr-results.json')) {
  const r = JSON.parse(readFileSync('.cache/wtr-results.json', 'utf8'));
  results.passed += r.passed;
  results.failed += r.failed + r.fileErrors;
  results.skipped += r.skipped;
  if (r.failed || r.fileErrors) failures.push('browser tests');
}
if (!wtrOk && !failures.includes('browser tests')) check('browser test run', false);
if (extraArgs.length === 0) check('triage engine coverage', triageFullyCovered());

// Node-side suites: the sandbox (FHIR engine, SMART server, EOJ) and the end-to-end launch through it in
// Chromium. Medplum's engine needs WebSocket, which Node 20 has behind a flag.
if (extraArgs.length === 0 || process.env.KPRO_E2E) {
  console.log('\n▶ Sandbox and end-to-end tests: node --test packages/sandbox/test test/docs test/e2e');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=development', '--experimental-websocket', '--no-warnings=ExperimentalWarning', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=.cache/node-tests.tap', 'packages/sandbox/test/', 'test/docs/', 'test/e2e/'],
    { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const tap = existsSync('.cache/node-tests.tap') ? readFileSync('.cache/node-tests.tap', 'utf8') : '';
  const pass = Number(tap.match(/^# pass (\d+)/m)?.[1] ?? 0);
  const fail = Number(tap.match(/^# fail (\d+)/m)?.[1] ?? 0);
  results.passed += pass;
  results.failed += fail;
  if (fail || r.status !== 0) failures.push('sandbox/end-to-end tests');
  if (r.status !== 0 && fail === 0) results.failed++;
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
process.exit(results.failed > 0 ? 1 : 0);

/**
 * Every line, branch and function of the triage engine (packages/core/src/triage, not its tests, test
 * helpers or the worked-example data) is run by the tests. Prints what is not.
 */
function triageFullyCovered() {
  if (!existsSync('coverage/lcov.info')) {
    console.log('\n✘ triage coverage: coverage/lcov.info is missing');
    return false;
  }
  const files = [];
  let current;
  for (const line of readFileSync('coverage/lcov.info', 'utf8').split('\n')) {
    if (line.startsWith('SF:')) {
      const path = line.slice(3);
      current = /packages\/core\/src\/triage\/(?!.*\.test\.ts$)(?!test-helpers\/)(?!worked-examples\.ts$)[^/]+\.ts$/.test(path) ? { path, missing: [] } : undefined;
      if (current) files.push(current);
    } else if (current) {
      const [kind, data] = line.split(':');
      if (kind === 'DA' && data.endsWith(',0')) current.missing.push(`line ${data.split(',')[0]}`);
      if (kind === 'BRDA' && /,(0|-)$/.test(data)) current.missing.push(`branch at line ${data.split(',')[0]}`);
      if (kind === 'FNDA' && data.startsWith('0,')) current.missing.push(`function ${data.slice(2)}`);
    }
  }
  const uncovered = files.filter((f) => f.missing.length);
  if (files.length === 0) console.log('\n✘ triage coverage: no triage files in coverage/lcov.info');
  for (const f of uncovered) console.log(`\n✘ triage coverage: ${f.path}: ${[...new Set(f.missing)].join(', ')}`);
  if (files.length && !uncovered.length) console.log(`\n✔ triage coverage: ${files.length} files, every line, branch and function run by the tests`);
  return files.length > 0 && uncovered.length === 0;
}