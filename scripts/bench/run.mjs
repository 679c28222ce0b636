// `npm run bench [-- --runs 7 --sizes 50,200,1000 --build --strict]`: <kpro-questionnaire> from the built bundle
// against a plain-DOM floor (vanilla.js) in headless Chromium; medians, ratios and targets, plus bundle sizes.
// Results also go to bench-results/bench.json. To add a benchmark: write one function like
// `questionnaireBench` (fresh page in, metrics out) and list it in BENCHMARKS with its metrics and targets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../ensure-chromium.mjs';
import { serveStatic } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'packages/elements/dist');
const { values: opts } = parseArgs({
  options: {
    // 15 by default: single runs of the same render spread over 2x on this kind of machine (fresh page,
    // frame alignment, collections), and medians of 7 moved by 0.3x between bench runs.
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '15' },
    sizes: { type: 'string', default: '50,200,1000' },
    build: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false }, // exit 1 when a target is missed (for CI, later)
    only: { type: 'string' }, // run only the benchmarks whose name contains this (e.g. `--only answer-view`)
    bundle: { type: 'string' }, // the answer-view bench loads this bundle (a path under the repository) instead of dist's
    profile: { type: 'string' }, // write a Chromium CPU profile of the answer-view's first measured run to this file
    'profile-given': { type: 'string' }, // the same for its render with the triage results given
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const SIZES = opts.sizes.split(',').map(Number);
const RENDERERS = ['kpro', 'vanilla'];
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------- benchmarks

/** Heap after a full GC: V8's JS heap and Blink's (DOM, cppgc) heap, in bytes. */
async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage'); // a second pass frees what the first one's finalizers released
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0 };
}

/** Render, reveal and memory for one generated questionnaire on a fresh page with `renderer` loaded. */
async function questionnaireBench({ page, cdp, url }, renderer, size) {
  await page.goto(`${url}/scripts/bench/page.html`);
  await page.waitForFunction(() => window.kproBenchReady === true);
  await page.evaluate(([r, n]) => window.kproBench.prepare(r, n), [renderer, size]);
  const before = await heap(cdp);
  const mount = await page.evaluate(() => window.kproBench.mount());
  const reveal = await page.evaluate(() => window.kproBench.reveal());
  const after = await heap(cdp);
  const problems = [];
  if (!mount.complete) problems.push(`render incomplete (${mount.items} items with data-link-id)`);
  if (!reveal.complete) problems.push(reveal.error ?? `reveal incomplete (${reveal.items} items with data-link-id)`);
  return {
    metrics: {
      mountMs: mount.ms,
      revealMs: reveal.ms,
      heapMB: (after.js - before.js) / MB,
      domMB: (after.dom - before.dom) / MB,
      totalHeapMB: after.js / MB,
    },
    problems,
  };
}

/** Responses per answer view in the answer-view benchmark; `size` is the number of items. */
const ANSWER_VIEW_RESPONSES = 20;
let answerViewRuns = 0;

/**
 * <kpro-answer-view> with ANSWER_VIEW_RESPONSES responses to a generated questionnaire of `size` items
 * (answer-view-data.js: colour rules and calculated scores as in the sample content), on a fresh page
 * (answer-view.html + answer-view-harness.js). Three timings from setting the properties: the painted
 * frame with the newest response's colours, the one with every response in the course (the triage of
 * each response counts), and the same render with the triage results handed in (no colouring).
 */
async function answerViewBench({ page, cdp, url }, _renderer, size) {
  await page.goto(`${url}/scripts/bench/answer-view.html`);
  await page.waitForFunction(() => window.kproAnswerBenchReady === true);
  await page.evaluate(([n, count, bundle]) => window.kproAnswerBench.prepare(n, count, bundle), [size, ANSWER_VIEW_RESPONSES, opts.bundle]);
  const before = await heap(cdp);
  // --profile: a CPU profile of one measured mount (the warm-up run is skipped), for chrome://inspect or speedscope.
  const profiling = (opts.profile || opts['profile-given']) && ++answerViewRuns === 2;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const mount = await page.evaluate(() => window.kproAnswerBench.mount());
  if (profiling) {
    const { profile } = await cdp.send('Profiler.stop');
    if (opts.profile) writeFileSync(opts.profile, JSON.stringify(profile));
  }
  const after = await heap(cdp);
  if (profiling && opts['profile-given']) await cdp.send('Profiler.start');
  const given = await page.evaluate(() => window.kproAnswerBench.mountWithResults());
  if (profiling && opts['profile-given']) writeFileSync(opts['profile-given'], JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const expand = await page.evaluate(() => window.kproAnswerBench.expandCourse());
  const problems = [];
  if (!expand.complete) problems.push(expand.error ?? `course questions incomplete (${expand.rows} rows)`);
  if (!mount.complete) problems.push(`render incomplete (${mount.rows} answer rows, ${mount.columns} course columns)`);
  if (!given.complete) problems.push(`render with results incomplete (${given.rows} answer rows, ${given.columns} course columns)`);
  return {
    metrics: { mountMs: mount.ms, newestMs: mount.newestMs, renderMs: given.ms, expandMs: expand.ms, heapMB: (after.js - before.js) / MB },
    problems,
  };
}

const within = (factor) => ({ text: `≤ ${factor}× vanilla`, ok: (kpro, vanilla) => kpro <= factor * vanilla });
const below = (limit, unit) => ({ text: `< ${limit} ${unit}`, ok: (kpro) => kpro < limit });

const BENCHMARKS = [
  {
    name: 'questionnaire',
    run: questionnaireBench,
    metrics: [
      { key: 'mountMs', label: 'render → painted', unit: 'ms', target: { size: 1000, ...within(1.5) } },
      { key: 'revealMs', label: 'click Yes → painted', unit: 'ms', target: { size: 1000, ...within(1.5) } },
      { key: 'heapMB', label: 'JS heap Δ (after GC)', unit: 'MB', target: { size: 1000, ...below(10, 'MB') } },
      { key: 'domMB', label: 'DOM heap Δ (after GC)', unit: 'MB' },
      { key: 'totalHeapMB', label: 'JS heap, whole page', unit: 'MB' },
    ],
  },
  {
    name: `answer-view ×${ANSWER_VIEW_RESPONSES}`,
    // One element, no floor to compare with; `size` is the number of items per response.
    renderers: ['kpro'],
    sizes: [50],
    run: answerViewBench,
    metrics: [
      // The target is the render's (triage results given). Colouring 20 responses here first is triage work
      // (about 2.5 ms a response) on top of it; reported, with the newest response's time, without a target.
      { key: 'renderMs', label: 'set → painted, triage results given (render)', unit: 'ms', target: { size: 50, ...below(50, 'ms') } },
      { key: 'mountMs', label: 'set → painted, all responses coloured here', unit: 'ms' },
      { key: 'newestMs', label: 'set → painted, newest response', unit: 'ms' },
      { key: 'expandMs', label: 'click "show all questions" in the course → painted', unit: 'ms' },
      { key: 'heapMB', label: 'JS heap Δ (after GC)', unit: 'MB' },
    ],
  },
];
/** `--only`: the benchmarks to run (all by default). */
const SELECTED = BENCHMARKS.filter((b) => !opts.only || b.name.includes(opts.only));

// -------------------------------------------------------------------------------------------------- driver

function ensureBundle() {
  const bundle = join(dist, 'kpro-elements.js');
  if (opts.build || !existsSync(bundle) || !existsSync(join(dist, 'kpro-elements.meta.json'))) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
    return;
  }
  const built = statSync(bundle).mtimeMs;
  const sources = ['packages/core/src', 'packages/elements/src'].flatMap((d) =>
    readdirSync(join(root, d), { recursive: true }).map((f) => join(root, d, String(f))),
  );
  if (sources.some((f) => statSync(f).mtimeMs > built)) {
    console.warn('⚠ sources changed since the last build: measuring the old bundle (pass --build to rebuild)');
  }
}

/** Gzip sizes from the build's chunk list: what loads before first render, and each lazy engine. */
function bundleSizes() {
  const { chunks, components = {} } = JSON.parse(readFileSync(join(dist, 'kpro-elements.meta.json'), 'utf8'));
  const gzip = (list) => list.reduce((n, c) => n + c.gzip, 0);
  const lazy = chunks.filter((c) => !c.eager);
  const has = (pkg) => (c) => c.packages.includes(pkg);
  return {
    // The renderer is <kpro-questionnaire> on its own; the whole bundle (every component) is reported too.
    eagerGzip: components['kpro-questionnaire']?.eagerGzip ?? gzip(chunks.filter((c) => c.eager)),
    bundleGzip: gzip(chunks.filter((c) => c.eager)),
    components,
    fhirpathGzip: gzip(lazy.filter(has('fhirpath'))),
    markedGzip: gzip(lazy.filter((c) => has('marked')(c) && !has('fhirpath')(c))),
    otherLazyGzip: gzip(lazy.filter((c) => !has('fhirpath')(c) && !has('marked')(c))),
    chunks: chunks.map(({ file, eager, packages, bytes, gzip: gz }) => ({ file, eager, packages, bytes, gzip: gz })),
  };
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, unit) => (Number.isFinite(x) ? x.toFixed(unit === 'ms' ? 1 : 2) : '–');

async function main() {
  ensureBundle();
  // Timings mean little on a busy machine; say so rather than print numbers that look precise.
  const load = loadavg()[0];
  if (load > availableParallelism()) {
    console.warn(`⚠ load average ${load.toFixed(1)} on ${availableParallelism()} cores: timings will be noisy`);
  }
  const server = await serveStatic(root);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  const version = browser.version();
  const results = [];
  try {
    for (const bench of SELECTED) {
      // Fresh context and page for every run; renderers interleaved so drift (heat, other load) hits both.
      const once = async (renderer, size) => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        try {
          const cdp = await context.newCDPSession(page);
          const r = await bench.run({ page, cdp, url: server.url }, renderer, size);
          return { ...r, problems: [...r.problems, ...errors] };
        } catch (e) {
          return { metrics: {}, problems: [...errors, e.message.split('\n')[0]] };
        } finally {
          await context.close();
        }
      };
      const renderers = bench.renderers ?? RENDERERS;
      for (const renderer of renderers) await once(renderer, (bench.sizes ?? SIZES)[0]); // warm-up, not counted
      for (const size of bench.sizes ?? SIZES) {
        const samples = Object.fromEntries(renderers.map((r) => [r, []]));
        const problems = Object.fromEntries(renderers.map((r) => [r, new Set()]));
        for (let i = 0; i < RUNS; i++) {
          for (const renderer of renderers) {
            const r = await once(renderer, size);
            samples[renderer].push(r.metrics);
            r.problems.forEach((p) => problems[renderer].add(p));
          }
        }
        process.stdout.write(`  ${bench.name} ${size}: ${RUNS} runs × ${renderers.join(' + ')} done\n`);
        for (const renderer of renderers) {
          const medians = Object.fromEntries(bench.metrics.map((m) => [m.key, median(samples[renderer].map((s) => s[m.key]))]));
          results.push({ benchmark: bench.name, size, renderer, medians, samples: samples[renderer], problems: [...problems[renderer]] });
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(results, version);
}

function report(results, browserVersion) {
  const rows = [];
  const targets = [];
  for (const bench of SELECTED) {
    for (const size of bench.sizes ?? SIZES) {
      const get = (renderer) => results.find((r) => r.benchmark === bench.name && r.size === size && r.renderer === renderer);
      const [kpro, vanilla] = [get('kpro'), get('vanilla')];
      for (const m of bench.metrics) {
        const [k, v] = [kpro.medians[m.key], vanilla?.medians[m.key] ?? NaN];
        const t = m.target?.size === size ? m.target : undefined;
        const ok = t && Number.isFinite(k) ? t.ok(k, v) : undefined;
        if (t) targets.push({ benchmark: bench.name, size, metric: m.key, target: t.text, kpro: k, vanilla: v, ok: ok ?? false });
        rows.push([
          bench.name,
          String(size),
          `${m.label} (${m.unit})`,
          fmt(k, m.unit),
          fmt(v, m.unit),
          Number.isFinite(k / v) && v > 0 ? `${(k / v).toFixed(2)}×` : '–',
          t ? `${t.text} ${ok ? '✔' : '✘'}` : '',
        ]);
      }
    }
  }
  // Sizes come from `npm run build`'s chunk list; a run of another bundle (--bundle) has none.
  const sizes = !opts.bundle && existsSync(join(dist, 'kpro-elements.meta.json')) ? bundleSizes() : undefined;
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  const bundleOk = sizes ? sizes.eagerGzip < 40 * 1024 : undefined;
  if (sizes) targets.push({ benchmark: 'bundle', metric: 'eagerGzip', target: '< 40 kB gzip', kpro: sizes.eagerGzip, ok: bundleOk });

  const header = ['benchmark', 'items', 'metric', 'kpro', 'vanilla', 'kpro/vanilla', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`\nMedians of ${RUNS} runs, fresh page each, ${browserVersion} headless:\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  if (sizes) {
    console.log(`\nBundle (gzip): renderer (<kpro-questionnaire> alone) without lazy chunks ${kB(sizes.eagerGzip)} (target < 40 kB ${bundleOk ? '✔' : '✘'}),`);
    console.log(`  kpro-elements.js (every component) ${kB(sizes.bundleGzip)};${Object.entries(sizes.components).map(([n, c]) => ` ${n} alone ${kB(c.eagerGzip)}`).join(',')}`);
    console.log(`  FHIRPath chunks ${kB(sizes.fhirpathGzip)}, marked ${kB(sizes.markedGzip)}, other lazy ${kB(sizes.otherLazyGzip)}`);
  } else console.log(`\nBundle sizes: no build meta for ${opts.bundle ?? 'dist'} (run npm run build)`);
  for (const r of results.filter((x) => x.problems.length)) {
    console.log(`⚠ ${r.renderer} ${r.benchmark} ${r.size}: ${r.problems.slice(0, 3).join(' | ')}`);
  }
  const failed = targets.filter((t) => !t.ok);
  console.log(`\nTargets: ${targets.length - failed.length}/${targets.length} met${failed.length ? ` (missed: ${failed.map((t) => `${t.metric}${t.size ? ` @${t.size}` : ''}`).join(', ')})` : ''}`);

  mkdirSync(join(root, 'bench-results'), { recursive: true });
  // A partial run (--only) gets its own file, so it does not overwrite the full results.
  const out = join(root, `bench-results/bench${opts.only ? `-${opts.only.replace(/[^\w-]+/g, '_')}` : ''}.json`);
  const json = { date: new Date().toISOString(), browser: browserVersion, node: process.version, loadavg: loadavg(), runs: RUNS, sizes: SIZES, bundle: sizes, targets, results };
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Written: ${out.slice(root.length + 1)}`);
  if (opts.strict && failed.length) process.exitCode = 1;
}

await main();
