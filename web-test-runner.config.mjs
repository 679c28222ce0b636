// Web Test Runner: every unit and component test runs in real headless Chromium (Debian's).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/ensure-chromium.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/** Folders of third-party questionnaires the conformance test walks (ours, plus any given by env or shared/). */
function conformanceDirs() {
  const dirs = [join(root, 'test/conformance/questionnaires')];
  const shared = resolve(root, '../shared/conformance/questionnaires');
  if (existsSync(shared)) dirs.push(shared);
  if (process.env.KPRO_CONFORMANCE_DIR) dirs.push(resolve(process.env.KPRO_CONFORMANCE_DIR));
  return dirs;
}

/** Serves the list and contents of the conformance questionnaires, since a browser cannot list folders. */
const conformancePlugin = {
  name: 'kpro-conformance',
  serve(context) {
    if (context.path === '/__conformance__/index.json') {
      const names = new Map();
      for (const dir of conformanceDirs()) {
        for (const f of readdirSync(dir)) if (f.endsWith('.json')) names.set(f, join(dir, f));
      }
      return { body: JSON.stringify([...names.keys()].sort()), type: 'json' };
    }
    const m = context.path.match(/^\/__conformance__\/([\w.@-]+\.json)$/);
    if (m) {
      for (const dir of conformanceDirs()) {
        const p = join(dir, m[1]);
        if (existsSync(p)) return { body: readFileSync(p, 'utf8'), type: 'json' };
      }
    }
    return undefined;
  },
};

/**
 * fhirpath's R4 model is CommonJS (with JSON) behind an ES wrapper. Vite converts it when bundling;
 * in tests we serve it pre-bundled as one ES module with esbuild, which reads CommonJS and JSON natively.
 */
let fhirpathModel;
const fhirpathModelPlugin = {
  name: 'kpro-fhirpath-model',
  async serve(context) {
    if (!context.path.endsWith('/node_modules/fhirpath/fhir-context/r4/index.mjs')) return undefined;
    fhirpathModel ??= build({
      stdin: { contents: "export { default } from 'fhirpath/fhir-context/r4';", resolveDir: root },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0].text);
    return { body: await fhirpathModel, type: 'js' };
  },
};

/** Counts passed and failed tests over all files so `npm test` can print one bare summary line. */
function countingReporter() {
  const count = (suite, acc) => {
    for (const t of suite.tests ?? []) {
      if (t.skipped) acc.skipped++;
      else if (t.passed) acc.passed++;
      else acc.failed++;
    }
    for (const s of suite.suites ?? []) count(s, acc);
    return acc;
  };
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const s of sessions) {
        if (s.testResults) count(s.testResults, acc);
        if (!s.passed && (s.errors?.length ?? 0) > 0) acc.fileErrors++;
      }
      mkdirSync(join(root, '.cache'), { recursive: true });
      writeFileSync(join(root, '.cache/wtr-results.json'), JSON.stringify(acc));
    },
  };
}

/** One group per package or component, so `npm test -- --group questionnaire` runs just that one. */
function hasTests(dir) {
  const abs = join(root, dir);
  return existsSync(abs) && readdirSync(abs, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}
const groups = [
  { name: 'core', dir: 'packages/core/src' },
  { name: 'questionnaire', dir: 'packages/elements/src/questionnaire' },
  { name: 'answer-view', dir: 'packages/elements/src/answer-view' },
  { name: 'action-guide', dir: 'packages/elements/src/action-guide' },
  { name: 'plan-assigner', dir: 'packages/elements/src/plan-assigner' },
  { name: 'task-overview', dir: 'packages/elements/src/task-overview' },
  { name: 'shared', dir: 'packages/elements/src/shared' },
  { name: 'app', dir: 'packages/elements/src/app' },
  { name: 'integration', dir: 'test' },
]
  .filter((g) => hasTests(g.dir))
  .map((g) => ({ name: g.name, files: `${g.dir}/**/*.test.ts` }));

export default {
  rootDir: root,
  groups,
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  // The whole run on 2 cores (axe checks, FHIRPath, ~800 tests) may take several minutes.
  testsFinishTimeout: 1200000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: join(root, 'tsconfig.json'), target: 'es2022' }),
    conformancePlugin,
    fhirpathModelPlugin,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      // Two test pages run at once: keep the one in the background from having its timers and frames throttled
      // (a throttled page made waits for drafts and frames flaky on a loaded machine).
      launchOptions: {
        executablePath: ensureChromium(),
        args: [...CHROMIUM_ARGS, '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
        headless: true,
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
