// The embedding kit as a vendor meets it, in real headless Chromium against the real browser bundle
// (packages/elements/dist/kpro-elements.js) served by a plain static server on loopback:
//  - examples/plain-html: one script tag, static FHIR JSON, the four components, events handled by the page;
//  - examples/react: built by Vite here, the typed @lit/react wrappers, a React-handled submit in React state;
//  - a host page with Lit 2.8 and one of our tags already defined, then the bundle (and a second copy of it);
//  - CSS isolation: hostile host CSS does not change the components, theirs does not change the host.
//
// The bundle is built first (node scripts/build.mjs) when it is missing or older than its sources.
// KPRO_USE_BUILT_BUNDLE=1 skips that and tests whatever bundle is there (while a source does not compile).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'packages/elements/dist/kpro-elements.js');
const TAGS = ['kpro-questionnaire', 'kpro-answer-view', 'kpro-action-guide', 'kpro-plan-assigner'];

/** Newest modification time of what goes into the bundle (sources, not tests). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'test-helpers') walk(path);
      } else if (/\.(ts|json|css)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  walk(join(root, 'packages/core/src'));
  walk(join(root, 'packages/elements/src'));
  for (const f of ['vite.config.ts', 'scripts/build.mjs', 'packages/core/package.json', 'packages/elements/package.json']) {
    newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  // Someone else's build in progress (it empties dist/ first): give it two minutes to finish.
  const dist = dirname(bundle);
  for (let i = 0; i < 120 && !existsSync(bundle) && existsSync(dist) && Date.now() - statSync(dist).mtimeMs < 120_000; i++) {
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  if (process.env.KPRO_USE_BUILT_BUNDLE && existsSync(bundle)) return;
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) return;
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`npm run build failed (the embedding tests need packages/elements/dist/kpro-elements.js):\n${r.stdout}\n${r.stderr}`);
  }
  process.stderr.write(`embedding tests: built the bundle in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * Copies the bundle and its lazy chunks to a temporary folder that the tests serve in place of
 * packages/elements/dist/, so that a `npm run build` elsewhere during the run (it empties dist/ and the
 * chunk names change) cannot pull the files from under an open page. Waits out a build in progress.
 */
async function snapshotBundle() {
  const dist = dirname(bundle);
  for (let attempt = 0; attempt < 60; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'kpro-bundle-'));
    try {
      for (const f of readdirSync(dist).filter((n) => /^kpro-elements.*\.js$/.test(n))) copyFileSync(join(dist, f), join(dir, f));
      const entry = readFileSync(join(dir, 'kpro-elements.js'), 'utf8');
      const chunks = [...new Set(entry.match(/kpro-elements-[\w.-]+?\.js/g) ?? [])];
      if (chunks.every((c) => existsSync(join(dir, c)))) return dir;
    } catch {
      // dist/ is being rebuilt right now
    }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  throw new Error(`no complete bundle in ${dist}`);
}

/** Collects what must not happen on a page: uncaught errors, console errors, failed requests. */
function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return problems;
}

/** Waits until every tag renders real content in its shadow root. */
async function waitForComponents(page, tags = TAGS) {
  await page.waitForFunction(
    (tags) => {
      const has = (tag, sel) => !!document.querySelector(tag)?.shadowRoot?.querySelector(sel);
      const want = {
        'kpro-questionnaire': '[data-link-id]',
        'kpro-answer-view': '[data-link-id][data-significance]',
        'kpro-action-guide': '[data-guide-id], [data-state]',
        'kpro-plan-assigner': '[data-plan-id]',
      };
      return tags.every((t) => has(t, want[t]));
    },
    tags,
    { timeout: 15_000 },
  );
}

/** What each component shows, read from its shadow DOM. */
function summary(page) {
  return page.evaluate(() => {
    const sr = (tag) => document.querySelector(tag)?.shadowRoot ?? document.createDocumentFragment();
    const q = sr('kpro-questionnaire');
    const a = sr('kpro-answer-view');
    const g = sr('kpro-action-guide');
    const p = sr('kpro-plan-assigner');
    return {
      items: q.querySelectorAll('[data-link-id]').length,
      significances: [...a.querySelectorAll('[data-link-id][data-significance]')].map((r) => r.getAttribute('data-significance')),
      guides: [...g.querySelectorAll('[data-guide-id]')].map((x) => x.getAttribute('data-guide-id')),
      guideText: g.textContent.replace(/\s+/g, ' '),
      plans: [...p.querySelectorAll('[data-plan-id]')].map((x) => x.getAttribute('data-plan-id')),
      planText: p.textContent.replace(/\s+/g, ' '),
    };
  });
}

function assertRealContent(s) {
  assert.ok(s.items >= 20, `questionnaire items with data-link-id: ${s.items}`);
  assert.ok(s.significances.length >= 20, `answer rows: ${s.significances.length}`);
  assert.ok(s.significances.every((x) => ['red', 'yellow', 'green', 'grey', 'none'].includes(x)), `significances: ${[...new Set(s.significances)]}`);
  assert.ok(s.significances.includes('red'), 'Inge\'s newest response has red answers');
  assert.ok(s.guides.includes('hv-01-mental-trivsel'), `guides: ${s.guides}`);
  assert.match(s.guideText, /Mental trivsel/);
  assert.ok(s.plans.includes('inge-test-jensen-hjerterehabilitering'), `plans: ${s.plans}`);
  assert.match(s.planText, /Hjerterehabilitering/);
}

let browser;
let server;
let snapshot;

before(async () => {
  await ensureBundle();
  snapshot = await snapshotBundle();
  server = await serveStatic(root, { mounts: { '/packages/elements/dist/': snapshot } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (snapshot) rmSync(snapshot, { recursive: true, force: true });
});

describe('examples/plain-html (no bundler, static FHIR JSON)', () => {
  test('loads the bundle with exactly one script tag and nothing from a server but static files', () => {
    const html = readFileSync(join(root, 'examples/plain-html/index.html'), 'utf8');
    const tags = html.match(/<script\b[^>]*kpro-elements\.js[^>]*>/g) ?? [];
    assert.equal(tags.length, 1, tags.join('\n'));
    assert.match(tags[0], /type="module"/);
    assert.match(tags[0], /src="\.\.\/\.\.\/packages\/elements\/dist\/kpro-elements\.js"/);
  });

  test('renders all four components from the JSON files, and the page handles their events', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/examples/plain-html/`);
    await waitForComponents(page);
    // The guide needs the answer view's triage result, which the page hands over after it is coloured.
    await page.waitForFunction(() => document.querySelector('kpro-action-guide').shadowRoot.querySelector('[data-guide-id]'));
    assertRealContent(await summary(page));
    assert.deepEqual(
      requested.filter((p) => !/\.(html|js|css|json)$|\/$/.test(p)),
      [],
      'only static files',
    );
    assert.ok(!requested.some((p) => p.startsWith('/fhir')), 'no FHIR server');

    // kpro-answer-select: the page logs it, and the action guide (for="answers") opens the guide for it.
    await page.locator('kpro-answer-view .expand-all').click();
    await page.locator('kpro-answer-view tr.answer[data-link-id="t1"]').first().click();
    await page.waitForFunction(() => document.getElementById('log').textContent.includes('kpro-answer-select: t1'));
    assert.equal(await page.locator('kpro-action-guide [data-guide-id="hv-01-mental-trivsel"] details').getAttribute('open'), '');
    // kpro-action-complete: "Drøftet med borgeren" on that guide.
    await page.locator('kpro-action-guide [data-guide-id="hv-01-mental-trivsel"] button.discuss').click();
    await page.waitForFunction(() => document.getElementById('log').textContent.includes('kpro-action-complete: hv-01-mental-trivsel'));

    // kpro-response-submit: answer one question, submit; the page "saves" it and the answer view shows it first.
    await page.locator('kpro-questionnaire [data-link-id="t1"] input[type="radio"]').first().check();
    await page.locator('kpro-questionnaire [part="submit"]').click();
    // One of five answered: the form asks once before it sends.
    await page.locator('kpro-questionnaire [data-action="send-anyway"]').click();
    await page.waitForFunction(() => document.getElementById('log').textContent.includes('kpro-response-submit'));
    await page.waitForFunction(() => document.querySelector('kpro-answer-view').responses.length === 4);
    assert.match(await page.locator('#log').textContent(), /kpro-response-change ×\d+/);

    // kpro-plan-assign without a data source: the page writes the bundle (in memory) and the plan appears.
    const before = (await summary(page)).plans.length;
    await page.locator('kpro-plan-assigner [data-action="assign"]').click();
    await page.locator('kpro-plan-assigner [data-template="diabetes"] input[type="radio"]').check();
    await page.locator('kpro-plan-assigner [data-action="next"]').click();
    await page.locator('kpro-plan-assigner [data-action="preview"]').click();
    await page.locator('kpro-plan-assigner [data-action="confirm"]').click();
    await page.waitForFunction(() => document.getElementById('log').textContent.includes('kpro-plan-assign'));
    await page.waitForFunction((n) => document.querySelector('kpro-plan-assigner').shadowRoot.querySelectorAll('[data-plan-id]').length === n + 1, before);
    assert.match((await summary(page)).planText, /Diabetes: start og slut/);

    // Language at run time: <html lang="en"> and the components follow.
    await page.locator('#controls select[name="lang"]').selectOption('en');
    await page.waitForFunction(() => document.querySelector('kpro-plan-assigner').shadowRoot.querySelector('h2')?.textContent.match(/plan/i) && document.querySelector('kpro-plan-assigner').shadowRoot.querySelector('section')?.getAttribute('lang') === 'en');

    const log = await page.locator('#log').textContent();
    assert.doesNotMatch(log, /kpro-error/, log);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('examples/react (React 19, typed @lit/react wrappers, built by Vite)', () => {
  let out;
  let reactServer;

  before(async () => {
    const { build } = await import('vite');
    out = mkdtempSync(join(tmpdir(), 'kpro-react-'));
    await build({ configFile: join(root, 'examples/react/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    reactServer = await serveStatic(out);
  });

  after(async () => {
    await reactServer?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('renders the four components, and a submit lands in React state (answer view and guide follow)', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${reactServer.url}/`);
    await waitForComponents(page);
    await page.waitForFunction(() => document.querySelector('kpro-action-guide').shadowRoot.querySelector('[data-guide-id]'));
    assertRealContent(await summary(page));
    assert.equal(await page.getByTestId('response-count').textContent(), '3');
    assert.equal(await page.getByTestId('overall').textContent(), 'red');

    // onAnswerSelect → React state → the guide's selectedLinkId prop.
    await page.locator('kpro-answer-view .expand-all').click();
    await page.locator('kpro-answer-view tr.answer[data-link-id="t1"]').first().click();
    assert.equal(await page.getByTestId('selected').textContent(), 't1');
    await page.waitForFunction(() => document.querySelector('kpro-action-guide').selectedLinkId === 't1');

    // onResponseSubmit → setResponses → <AnswerView responses> → a new triage result → <ActionGuide triage>.
    await page.locator('kpro-questionnaire [data-link-id="t1"] input[type="radio"]').first().check();
    await page.locator('kpro-questionnaire [part="submit"]').click();
    await page.locator('kpro-questionnaire [data-action="send-anyway"]').click();
    await page.getByTestId('response-count').filter({ hasText: '4' }).waitFor();
    await page.waitForFunction(() => document.querySelector('kpro-answer-view').responses.length === 4);
    await page.waitForFunction(() => document.querySelector('kpro-action-guide').triage?.responseId?.startsWith('react-'));
    assert.match(await page.getByTestId('event-log').textContent(), /kpro-response-submit: QuestionnaireResponse\/react-/);

    assert.doesNotMatch(await page.getByTestId('event-log').textContent(), /kpro-error/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a host page with Lit 2 and one of our tags already defined', () => {
  test('loading the bundle breaks nothing: no exception, Lit 2 still works, the taken tag keeps its class, the rest render', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/test/e2e/fixtures/version-clash.html`);
    await page.waitForFunction(() => window.kproReady === true, null, { timeout: 15_000 });
    await waitForComponents(page, ['kpro-questionnaire', 'kpro-answer-view', 'kpro-plan-assigner']);

    const state = await page.evaluate(() => ({
      errors: window.hostErrors,
      versions: window.litElementVersions,
      guideIsHosts: customElements.get('kpro-action-guide') === window.hostDefinitions.actionGuide,
      guideText: document.querySelector('kpro-action-guide').textContent,
      guideShadow: !!document.querySelector('kpro-action-guide').shadowRoot,
      counterIsHosts: customElements.get('host-counter') === window.hostDefinitions.counter,
    }));
    assert.deepEqual(state.errors, []);
    assert.ok(state.versions.some((v) => v.startsWith('3.')) && state.versions.some((v) => v.startsWith('4.')), `Lit 2 (lit-element 3.x) and Lit 3 (lit-element 4.x) on one page: ${state.versions}`);
    assert.ok(state.guideIsHosts, 'kpro-action-guide keeps the host\'s definition');
    assert.equal(state.guideText, 'the host’s own kpro-action-guide');
    assert.equal(state.guideShadow, false);
    assert.ok(state.counterIsHosts);

    // The host's Lit 2 element still renders and updates.
    const counter = page.locator('host-counter button');
    await counter.click();
    await counter.click();
    assert.match(await counter.textContent(), /: 2$/);

    // Our components still work: e.g. the questionnaire answers and fires its event.
    const changed = page.evaluate(() => new Promise((ok) => document.querySelector('kpro-questionnaire').addEventListener('kpro-response-change', (e) => ok(e.detail.resourceType), { once: true })));
    await page.locator('kpro-questionnaire [data-link-id="t1"] input[type="radio"]').first().check();
    assert.equal(await changed, 'QuestionnaireResponse');
    const s = await summary(page);
    assert.ok(s.items >= 20 && s.significances.includes('red') && s.plans.includes('inge-test-jensen-hjerterehabilitering'), JSON.stringify(s).slice(0, 300));

    // A second copy of the bundle (another vendor's widget on the same page) registers nothing twice and throws nothing.
    await page.evaluate(() => import('/packages/elements/dist/kpro-elements.js?second-copy'));
    const after = await page.evaluate(() => ({ errors: window.hostErrors, same: customElements.get('kpro-action-guide') === window.hostDefinitions.actionGuide }));
    assert.deepEqual(after, { errors: [], same: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('CSS isolation between a host page and the four components', () => {
  const PROPS = ['color', 'font-size', 'font-family', 'font-weight', 'font-style', 'letter-spacing', 'line-height', 'text-transform', 'text-align', 'white-space', 'word-spacing', 'display', 'visibility', 'position', 'opacity', 'background-color', 'margin-top', 'padding-top', 'border-top-width', 'width', 'height'];

  /** Computed styles of the host's probes (light DOM). */
  const probes = (page) =>
    page.evaluate((props) => {
      const out = {};
      for (const [i, el] of [...document.querySelectorAll('#probes, #probes *')].entries()) {
        const cs = getComputedStyle(el);
        out[`${i}:${el.localName}.${el.className}`] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    }, PROPS);

  /** Computed styles of elements inside each component's shadow root (the first few of each kind). */
  const internals = (page) =>
    page.evaluate(
      ({ tags, props }) => {
        const out = {};
        for (const tag of tags) {
          const root = document.querySelector(tag).shadowRoot;
          const picks = [...root.querySelectorAll('[part="base"], h2, h3, p, button, input, label, table, tr, td, li, summary, .badge, .visually-hidden, [data-link-id]')];
          const seen = new Map();
          for (const el of picks) {
            const key = `${el.localName}.${[...el.classList].join('.')}`;
            const n = seen.get(key) ?? 0;
            if (n >= 3) continue;
            seen.set(key, n + 1);
            const cs = getComputedStyle(el);
            out[`${tag} ${key}#${n}`] = Object.fromEntries(props.filter((p) => p !== 'width' && p !== 'height').map((p) => [p, cs.getPropertyValue(p)]));
          }
          const box = root.host.getBoundingClientRect();
          out[`${tag} (host box)`] = { width: Math.round(box.width) };
        }
        return out;
      },
      { tags: TAGS, props: PROPS },
    );

  test('hostile host CSS does not change the components, and their CSS does not change the host', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems = watch(page);
    await page.goto(`${server.url}/test/e2e/fixtures/css-isolation.html`);
    await page.waitForFunction(() => typeof window.loadKpro === 'function');
    const hostBefore = await probes(page);

    await page.evaluate(() => window.loadKpro());
    await waitForComponents(page);
    await page.waitForFunction(() => document.querySelector('kpro-action-guide').shadowRoot.querySelector('[data-guide-id]'));
    assert.deepEqual(await probes(page), hostBefore, 'the components\' styles reach the host page');

    const inside = await internals(page);
    assert.ok(Object.keys(inside).length >= 40, `measured ${Object.keys(inside).length} elements`);
    await page.evaluate(() => window.addHostileCss());
    // The hostile CSS bites the host page itself (so this test would see it if it reached inside) …
    const hostHostile = await probes(page);
    assert.equal(Object.values(hostHostile).find((s) => s.display !== 'none' && s.color !== 'rgb(255, 0, 0)'), undefined);
    // … and changes nothing inside the components.
    const insideHostile = await internals(page);
    const changed = Object.keys(inside).filter((k) => JSON.stringify(inside[k]) !== JSON.stringify(insideHostile[k]));
    assert.deepEqual(
      changed.map((k) => `${k}: ${PROPS.filter((p) => inside[k][p] !== insideHostile[k]?.[p]).map((p) => `${p} ${inside[k][p]} → ${insideHostile[k]?.[p]}`).join(', ')}`),
      [],
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
});
