#!/usr/bin/env node
// Smoke test for the built Storybook: serves storybook-static, opens every story from index.json in
// headless Chromium (in Danish and in English, through the "Sprog" toolbar global) and fails when a
// story throws, logs a console error, or renders nothing.
//
// What "rendered" means for a <kpro-questionnaire> or <kpro-answer-view> (every one in the story):
//   - by default: its shadow root shows questions or answers ([data-link-id]), no error panel and no warnings;
//   - tag `expect:state`: the loading/empty text (.state) instead; tag `expect:error`: the error panel;
//   - tag `expect:<part>` (grid, progress, summary, draft-notice, submitted, submit-check, warnings): that part is shown too.
// Docs pages are opened once each and must render without errors.
//
// Usage: npm run build-storybook && node stories/check-stories.mjs [--dir storybook-static]
//        [--locales da,en] [--filter <text in story id>] [--no-docs]
// Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const dir = resolve(opt('dir', 'storybook-static'));
const locales = opt('locales', 'da,en').split(',').filter(Boolean);
const filter = opt('filter', '');
const withDocs = !argv.includes('--no-docs');
const TIMEOUT_MS = 20_000;
const PARALLEL = 4;

const out = (line) => process.stdout.write(`${line}\n`);

const PARTS = {
  grid: '[part~="grid"]',
  progress: '[part~="progress"]',
  summary: '[part~="summary"]',
  'draft-notice': '[part~="draft-notice"]',
  submitted: '[part~="submitted"]',
  'submit-check': '[part~="submit-check"]',
  conflict: '[part~="status"].conflict',
  warnings: '[part~="warnings"]',
};

// ---- a tiny static server ---------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function serve(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- what a story must show (runs in the page) -------------------------------------------------------

/** Returns null when the story looks right, else what is wrong. */
function inspect({ expect, locale, parts, docs }) {
  const errorDisplay = document.body.classList.contains('sb-show-errordisplay');
  if (errorDisplay) return `Storybook error: ${document.querySelector('#error-message')?.textContent?.trim() ?? '?'}`;
  const root = docs ? document.querySelector('#storybook-docs') : document.querySelector('#storybook-root');
  const els = [...(root?.querySelectorAll('kpro-questionnaire, kpro-answer-view, kpro-action-guide, kpro-plan-assigner, kpro-task-overview') ?? [])];
  if (!els.length) return docs ? null : 'no kpro component rendered';
  for (const [i, el] of els.entries()) {
    const at = els.length > 1 ? ` (element ${i + 1})` : '';
    const sr = el.shadowRoot;
    if (!sr) return `no shadow root${at}`;
    const text = (sel) => sr.querySelector(sel)?.textContent?.trim() ?? '';
    if (docs) {
      if (!sr.querySelector('[data-link-id], [data-task-id], .state, .error-state')) return `empty render${at}`;
      continue;
    }
    if (expect.includes('error')) {
      if (!text('.error-state')) return `expected the error panel${at}`;
      continue;
    }
    if (sr.querySelector('.error-state')) return `unexpected error${at}: ${text('.error-state')}`;
    if (sr.querySelector('[part~="warnings"]') && !expect.includes('warnings')) return `unexpected warnings${at}: ${text('[part~="warnings"]')}`;
    if (expect.includes('state')) {
      if (!text('.state')) return `expected the loading/empty text${at}`;
    } else if (!sr.querySelector('[data-link-id], [data-task-id]')) {
      return `no questions or tasks ([data-link-id], [data-task-id]) rendered${at}`;
    }
    for (const p of expect) if (parts[p] && !sr.querySelector(parts[p])) return `expected part "${p}"${at}`;
    const form = sr.querySelector('.form[lang]');
    const want = el.getAttribute('lang') || locale;
    if (form && form.getAttribute('lang') !== want) return `rendered in "${form.getAttribute('lang')}", expected "${want}"${at}`;
  }
  return null;
}

// ---- run ---------------------------------------------------------------------------------------------

const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => e.id.includes(filter));
const jobs = [];
for (const e of entries) {
  const expect = (e.tags ?? []).filter((t) => t.startsWith('expect:')).map((t) => t.slice('expect:'.length));
  if (e.type === 'story') for (const locale of locales) jobs.push({ id: e.id, locale, expect, docs: false });
  else if (e.type === 'docs' && withDocs) jobs.push({ id: e.id, locale: locales[0] ?? 'da', expect, docs: true });
}
if (!jobs.length) {
  out(`No stories found in ${join(dir, 'index.json')}${filter ? ` matching "${filter}"` : ''}.`);
  process.exit(1);
}

const server = await serve(dir);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext();

async function check(job) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // The browser asks for /favicon.ico on its own; Storybook's iframe has none. Not a story problem.
    if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) problems.push(`console error: ${msg.text()}`);
  });
  const url = `${base}/iframe.html?id=${encodeURIComponent(job.id)}&viewMode=${job.docs ? 'docs' : 'story'}&globals=locale:${job.locale}`;
  try {
    await page.goto(url, { waitUntil: 'load' });
    const args = { expect: job.expect, locale: job.locale, parts: PARTS, docs: job.docs };
    if (job.docs) await page.waitForSelector('#storybook-docs .sbdocs', { timeout: TIMEOUT_MS });
    try {
      // Poll until nothing is wrong; a story may need time (lazy FHIRPath, play functions).
      await page.waitForFunction(`(${inspect})(${JSON.stringify(args)}) === null`, undefined, { timeout: TIMEOUT_MS, polling: 100 });
    } catch {
      problems.push((await page.evaluate(inspect, args)) ?? `timed out after ${TIMEOUT_MS} ms`);
    }
    // Let late work (lazy FHIRPath, play functions, draft saves) report errors before we leave.
    await page.waitForTimeout(job.docs ? 1500 : 300);
  } catch (e) {
    problems.push(`could not open: ${e.message}`);
  }
  await page.close();
  return { ...job, problems };
}

const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    while (next < jobs.length) {
      const r = await check(jobs[next++]);
      results.push(r);
      const label = `${r.docs ? 'docs ' : ''}${r.id} [${r.locale}]`;
      out(r.problems.length ? `✗ ${label}\n    ${r.problems.join('\n    ')}` : `✓ ${label}`);
    }
  }),
);

await browser.close();
server.close();

const failed = results.filter((r) => r.problems.length);
const stories = new Set(results.filter((r) => !r.docs).map((r) => r.id));
const storiesFailed = new Set(failed.filter((r) => !r.docs).map((r) => r.id));
const docs = results.filter((r) => r.docs);
out(
  `\n${stories.size - storiesFailed.size}/${stories.size} stories passed in ${locales.join(' and ')} ` +
    `(${results.filter((r) => !r.docs && !r.problems.length).length}/${results.filter((r) => !r.docs).length} visits)` +
    (docs.length ? `; ${docs.filter((r) => !r.problems.length).length}/${docs.length} docs pages passed` : '') +
    '.',
);
process.exit(failed.length ? 1 : 0);
