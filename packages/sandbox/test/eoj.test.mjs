// The simulated EOJ and the request log: stable test ids, the CPR on the page but never in a URL or
// a log line, the launch page's iframe, and the CPR-in-URL alarm.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { CPR_SYSTEM, createLaunch, ehrLaunchToken, eojSessionOf, fhir, HANNE, INGE, MADS, startTestSandbox } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox?.stop();
});

const page = (path, headers = {}) => fetch(`${sandbox.url}${path}`, { headers }).then(async (r) => ({ status: r.status, html: await r.text(), headers: r.headers }));

describe('EOJ page', () => {
  it('lists the citizens with formatted CPR and age, and has the controls tests use', async () => {
    const { status, html, headers } = await page('/');
    assert.equal(status, 200);
    assert.match(headers.get('set-cookie'), /^kpro_eoj_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Lax$/, 'the EOJ starts a browser session');
    assert.match(html, /<html lang="da">/);
    for (const id of ['practitioner-select', 'intent-select', 'simulate-select', 'open-pro']) assert.match(html, new RegExp(`data-testid="${id}"`));
    assert.match(html, new RegExp(`data-testid="citizen-${INGE}"`));
    assert.match(html, /Inge Test Jensen/);
    assert.match(html, /\b\d{6}-\d{4}\b/, 'CPR as DDMMYY-XXXX');
    assert.match(html, /Sygeplejerske Hanne Holm/);
    assert.match(html, /Terapeut Mads Madsen/);
    for (const intent of ['Besvarelser', 'Planer', 'Besvar på borgers vegne']) assert.ok(html.includes(intent), intent);
    assert.match(html, /value="answer-on-behalf"/);
    for (const simulate of ['none', 'consent', 'expired', 'unknown', 'fhir-down']) assert.match(html, new RegExp(`value="${simulate}"`));
  });

  it('"Åbn PRO" creates a launch and shows the app in an iframe with only iss and launch', async () => {
    const launch = await createLaunch(sandbox, { practitioner: HANNE, patient: INGE, intent: 'plans', eojBanner: true });
    assert.match(launch, /^[A-Za-z0-9_-]{20,}$/);
    const { status, html } = await page(`/eoj/session/${launch}`, { cookie: eojSessionOf(launch).header() });
    assert.equal(status, 200);
    const src = /<iframe id="pro-frame"[^>]*src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(src, 'iframe#pro-frame');
    const url = new URL(src, sandbox.url);
    assert.equal(url.pathname, '/app/launch.html');
    assert.deepEqual([...url.searchParams.keys()], ['iss', 'launch']);
    assert.equal(url.searchParams.get('iss'), `${sandbox.url}/fhir`);
    assert.equal(url.searchParams.get('launch'), launch);
    assert.match(html, /data-testid="eoj-banner"/, 'the EOJ shows its own banner when asked to');
  });

  it('refuses a launch without a valid citizen', async () => {
    const res = await fetch(`${sandbox.url}/eoj/launch`, { method: 'POST', body: new URLSearchParams({ practitioner: MADS, patient: 'nobody', intent: 'answers', simulate: 'none' }), redirect: 'manual' });
    assert.equal(res.status, 400);
  });

  it('serves the EOJ style for smart_style_url', async () => {
    const style = await fetch(`${sandbox.url}/eoj/smart-style.json`).then((r) => r.json());
    assert.ok(style.color_background && style.font_family_body);
  });

  it('serves the app (or its placeholder) at /app/launch.html', async () => {
    const res = await fetch(`${sandbox.url}/app/launch.html?iss=x&launch=y`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/html/);
  });

  it('answers only loopback host names', async () => {
    // fetch will not send a foreign Host header; node:http will.
    const status = await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port: sandbox.port, path: '/', headers: { host: `evil.example:${sandbox.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    assert.equal(status, 421);
  });

  it('never serves the data folder', async () => {
    assert.equal((await fetch(`${sandbox.url}/.sandbox-data/smart-keys.json`)).status, 404);
  });
});

describe('request log', () => {
  it('records FHIR requests with patient, client and scopes, and no CPR', async () => {
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    const cpr = token.fhirContext[0].identifier.value;
    const found = await fhir(sandbox, token.access_token, 'Patient/_search', { method: 'POST', body: new URLSearchParams({ identifier: `${CPR_SYSTEM}|${cpr}` }) });
    assert.equal(found.body.total, 1);
    await fhir(sandbox, token.access_token, `QuestionnaireResponse?subject=Patient/${INGE}`);
    const log = await fetch(`${sandbox.url}/__sandbox/requests`).then((r) => r.json());
    const search = log.find((e) => e.path === '/fhir/Patient/_search');
    assert.ok(search);
    assert.equal(search.method, 'POST');
    assert.equal(search.status, 200);
    assert.equal(search.patient, INGE);
    assert.equal(search.client, 'kpro-app');
    assert.ok(search.scopes.includes('patient/*.rs'));
    assert.ok(search.time);
    const qrSearch = log.find((e) => e.path === '/fhir/QuestionnaireResponse');
    assert.deepEqual(qrSearch.query, ['subject'], 'parameter names only');
    assert.ok(log.some((e) => e.path === '/eoj/launch'));
    assert.ok(log.some((e) => e.path === '/oidc/token'));
    const text = JSON.stringify(log);
    assert.ok(!text.includes(cpr), 'no CPR anywhere in the log');
    const stats = await fetch(`${sandbox.url}/__sandbox/stats`).then((r) => r.json());
    assert.equal(stats.cprInUrl, 0);
  });

  it('redacts and counts a URL that carries a CPR', async () => {
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    const cpr = token.fhirContext[0].identifier.value;
    await fhir(sandbox, token.access_token, `Patient?identifier=${encodeURIComponent(`${CPR_SYSTEM}|${cpr}`)}`);
    const log = await fetch(`${sandbox.url}/__sandbox/requests`).then((r) => r.json());
    assert.ok(!JSON.stringify(log).includes(cpr));
    assert.ok(log.some((e) => e.path === '[redacted]'));
    const stats = await fetch(`${sandbox.url}/__sandbox/stats`).then((r) => r.json());
    assert.equal(stats.cprInUrl, 1);
  });
});

describe('test hooks', () => {
  it('refuse state changes from other origins', async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE', headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
  });

  it('reset only with a same-origin Origin header', async () => {
    const token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE })).access_token;
    const created = await fhir(sandbox, token, 'QuestionnaireResponse', {
      method: 'POST',
      body: { resourceType: 'QuestionnaireResponse', status: 'in-progress', subject: { reference: `Patient/${INGE}` } },
    });
    assert.equal(created.status, 201);
    for (const headers of [{}, { origin: 'https://evil.example' }, { origin: 'null' }]) {
      const res = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST', headers });
      assert.equal(res.status, 403, JSON.stringify(headers));
    }
    assert.equal((await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`)).status, 200, 'nothing was reset');
    const res = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST', headers: { origin: sandbox.url } });
    assert.equal(res.status, 200);
    assert.equal((await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`)).status, 404, 'back to the seed');
  });
});
