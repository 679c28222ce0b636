// The FHIR REST layer over Medplum's engine: validation, atomic transactions, conditional requests,
// headers, POST search by CPR, paging and unknown types.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CPR_SYSTEM, ehrLaunchToken, fhir, INGE, MADS, POUL, questionnaireResponse, startTestSandbox } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
/** Mads (may write answers and plans) with Inge in context */
let token;
let ingeCpr;
before(async () => {
  sandbox = await startTestSandbox();
  token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE })).access_token;
  const inge = await fhir(sandbox, token, `Patient/${INGE}`);
  ingeCpr = inge.body.identifier.find((i) => i.system === CPR_SYSTEM).value;
});
after(async () => {
  await sandbox?.stop();
});

describe('create, read, update', () => {
  it('creates with 201, Location, ETag and Last-Modified', async () => {
    const res = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE) });
    assert.equal(res.status, 201);
    const { id, meta } = res.body;
    assert.equal(res.headers.get('location'), `${sandbox.url}/fhir/QuestionnaireResponse/${id}/_history/${meta.versionId}`);
    assert.equal(res.headers.get('etag'), `W/"${meta.versionId}"`);
    assert.equal(new Date(res.headers.get('last-modified')).getTime(), Math.floor(new Date(meta.lastUpdated).getTime() / 1000) * 1000);
    const read = await fhir(sandbox, token, `QuestionnaireResponse/${id}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), `W/"${meta.versionId}"`);
  });

  it('validates every create and update (400 OperationOutcome)', async () => {
    const bad = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { status: 'finished-ish' }) });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.resourceType, 'OperationOutcome');
    const unknownField = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { colour: 'red' }) });
    assert.equal(unknownField.status, 400);
    const created = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE) });
    const update = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`, { method: 'PUT', body: { ...created.body, authored: 'yesterday' } });
    assert.equal(update.status, 400);
  });

  it('refuses a stale If-Match with 412 and accepts the current one', async () => {
    const created = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { status: 'in-progress' }) });
    const v1 = created.body.meta.versionId;
    const ok = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`, { method: 'PUT', body: { ...created.body, status: 'completed' }, headers: { 'if-match': `W/"${v1}"` } });
    assert.equal(ok.status, 200);
    assert.notEqual(ok.body.meta.versionId, v1);
    const stale = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`, { method: 'PUT', body: { ...created.body, status: 'amended' }, headers: { 'if-match': `W/"${v1}"` } });
    assert.equal(stale.status, 412);
    const history = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}/_history`);
    assert.equal(history.body.entry.length, 2);
  });

  it('does not duplicate with If-None-Exist (a retried submit)', async () => {
    const identifier = { system: 'https://kpro.example.dk/fhir/submission', value: 'retry-test-1' };
    const body = questionnaireResponse(INGE, { identifier });
    const headers = { 'if-none-exist': `identifier=${identifier.system}|${identifier.value}` };
    const first = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body, headers });
    const second = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body, headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    const search = await fhir(sandbox, token, `QuestionnaireResponse?identifier=${identifier.system}|${identifier.value}`);
    assert.equal(search.body.total, 1);
  });

  it('answers 404 for unknown types and missing resources', async () => {
    assert.equal((await fhir(sandbox, token, 'Foo/1')).status, 404);
    assert.equal((await fhir(sandbox, token, 'Foo')).status, 404);
    assert.equal((await fhir(sandbox, token, 'QuestionnaireResponse/does-not-exist')).status, 404);
  });
});

describe('transactions', () => {
  const entry = (resource) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource, request: { method: 'POST', url: resource.resourceType } });

  it('is atomic: one failing entry leaves nothing written', async () => {
    const marker = { system: 'https://kpro.example.dk/fhir/test', value: 'atomic-1' };
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [entry(questionnaireResponse(INGE, { identifier: marker })), entry(questionnaireResponse(INGE, { status: 'not-a-status', identifier: marker }))],
    };
    const res = await fhir(sandbox, token, '', { method: 'POST', body: bundle });
    assert.equal(res.status, 400);
    const search = await fhir(sandbox, token, `QuestionnaireResponse?identifier=${marker.system}|${marker.value}`);
    assert.equal(search.body.total, 0);
  });

  it('is atomic when an entry is forbidden too', async () => {
    const marker = { system: 'https://kpro.example.dk/fhir/test', value: 'atomic-2' };
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [entry(questionnaireResponse(INGE, { identifier: marker })), entry(questionnaireResponse(POUL, { identifier: marker }))],
    };
    const res = await fhir(sandbox, token, '', { method: 'POST', body: bundle });
    assert.equal(res.status, 403);
    const search = await fhir(sandbox, token, `QuestionnaireResponse?identifier=${marker.system}|${marker.value}`);
    assert.equal(search.body.total, 0);
  });

  it('commits a good transaction with resolved urn:uuid references', async () => {
    const task = { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: `Patient/${INGE}` } }, request: { method: 'POST', url: 'Task' } };
    const qr = entry(questionnaireResponse(INGE, { basedOn: [{ reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' }] }));
    qr.resource.basedOn = undefined;
    const bundle = { resourceType: 'Bundle', type: 'transaction', entry: [task, qr] };
    const res = await fhir(sandbox, token, '', { method: 'POST', body: bundle });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.type, 'transaction-response');
    assert.ok(res.body.entry.every((e) => e.response.status.startsWith('201')));
  });
});

describe('search', () => {
  it('finds a citizen by CPR with a form-body POST search', async () => {
    const res = await fhir(sandbox, token, 'Patient/_search', { method: 'POST', body: new URLSearchParams({ identifier: `${CPR_SYSTEM}|${ingeCpr}` }) });
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 1);
    assert.equal(res.body.entry[0].resource.id, INGE);
    assert.equal(res.body.entry[0].fullUrl, `${sandbox.url}/fhir/Patient/${INGE}`);
    for (const link of res.body.link) assert.ok(!link.url.includes(ingeCpr), `no CPR in ${link.url}`);
  });

  it("does not find another citizen's CPR with a token bound to one citizen", async () => {
    const poul = await poulCpr();
    const res = await fhir(sandbox, token, 'Patient/_search', { method: 'POST', body: new URLSearchParams({ identifier: `${CPR_SYSTEM}|${poul}` }) });
    assert.equal(res.body.total, 0);
  });

  it('pages with _count and links; POST searches page without their parameters in the URL', async () => {
    // Inge has three course requests and one follow-up WHO-5 still waiting.
    const page1 = await fhir(sandbox, token, `ServiceRequest?subject=Patient/${INGE}&_count=3`);
    assert.equal(page1.body.total, 4);
    assert.equal(page1.body.entry.length, 3);
    const next = page1.body.link.find((l) => l.relation === 'next');
    assert.ok(next);
    const page2 = await fetch(next.url, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    assert.equal(page2.entry.length, 1);

    const post1 = await fhir(sandbox, token, 'ServiceRequest/_search', { method: 'POST', body: new URLSearchParams({ subject: `Patient/${INGE}`, _count: '3' }) });
    const postNext = post1.body.link.find((l) => l.relation === 'next');
    assert.match(postNext.url, /_getpages=/);
    assert.ok(!postNext.url.includes('subject'));
    const post2 = await fetch(postNext.url, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    assert.equal(post2.entry.length, 1);
  });

  it('supports _include and _revinclude, checked against the token', async () => {
    const res = await fhir(sandbox, token, `QuestionnaireResponse?subject=Patient/${INGE}&_include=QuestionnaireResponse:based-on`);
    const types = res.body.entry.map((e) => e.resource.resourceType);
    assert.ok(types.includes('ServiceRequest'), types.join());
    const rev = await fhir(sandbox, token, `Patient?_id=${POUL}&_revinclude=QuestionnaireResponse:subject`);
    assert.equal(rev.body.entry, undefined, "another citizen's data does not come back through an include");
  });

  it('refuses system-level search', async () => {
    assert.equal((await fhir(sandbox, token, '?_type=Patient')).status, 400);
  });

  /** Poul's CPR, read through a launch with Poul in context. */
  async function poulCpr() {
    const poulToken = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: POUL })).access_token;
    const poul = await fhir(sandbox, poulToken, `Patient/${POUL}`);
    return poul.body.identifier.find((i) => i.system === CPR_SYSTEM).value;
  }
});

describe('CORS', () => {
  it('answers preflights and allows loopback origins', async () => {
    const pre = await fetch(`${sandbox.url}/fhir/Patient`, { method: 'OPTIONS', headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'GET' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
    const other = await fetch(`${sandbox.url}/fhir/metadata`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});
