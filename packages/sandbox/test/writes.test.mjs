// A token for one citizen writes only into that citizen's record: every Patient reference in a written
// resource, and the citizen of every resource it points at, must be the citizen in context (403 with an
// OperationOutcome otherwise), in single writes, transactions and batches alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APP_SCOPES, authorize, ehrLaunchToken, fhir, INGE, MADS, pkcePair, questionnaireResponse, startTestSandbox, tokenRequest } from './helpers.mjs';

const JENS = 'jens-test-pedersen';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
/** Mads (may write answers and plans) with Inge in context */
let token;
before(async () => {
  sandbox = await startTestSandbox();
  token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE }, { scope: `${APP_SCOPES} patient/QuestionnaireResponse.cruds` })).access_token;
});
after(async () => {
  await sandbox?.stop();
});

/** Jens's responses as the server has them (read with a token for Jens). */
async function jensResponses() {
  const jensToken = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: JENS })).access_token;
  return (await fhir(sandbox, jensToken, `QuestionnaireResponse?subject=Patient/${JENS}&_count=1000`)).body.total;
}

const refused = (res, what) => {
  assert.equal(res.status, 403, `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  assert.equal(res.body.resourceType, 'OperationOutcome', what);
};

describe('writes name only the citizen in context', () => {
  it('refuses a response for Inge that names Jens as author, source or anywhere else', async () => {
    const before = await jensResponses();
    const cases = {
      author: { author: { reference: `Patient/${JENS}` } },
      source: { source: { reference: `Patient/${JENS}` } },
      'absolute source': { source: { reference: `${sandbox.fhirBase}/Patient/${JENS}` } },
      'an answer': { item: [{ linkId: 'x', answer: [{ valueReference: { reference: `Patient/${JENS}` } }] }] },
      'an extension': { extension: [{ url: 'https://example.org/x', valueReference: { reference: `Patient/${JENS}/_history/1` } }] },
      'basedOn a request of Jens': { basedOn: [{ reference: `ServiceRequest/${JENS}-start` }] },
    };
    for (const [what, extra] of Object.entries(cases)) {
      refused(await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, extra) }), what);
    }
    // The same through update and patch of one of Inge's own responses.
    const own = (await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE) })).body;
    refused(await fhir(sandbox, token, `QuestionnaireResponse/${own.id}`, { method: 'PUT', body: { ...own, source: { reference: `Patient/${JENS}` } } }), 'update');
    refused(
      await fhir(sandbox, token, `QuestionnaireResponse/${own.id}`, { method: 'PATCH', body: [{ op: 'add', path: '/author', value: { reference: `Patient/${JENS}` } }], headers: { 'content-type': 'application/json-patch+json' } }),
      'patch',
    );
    assert.equal(await jensResponses(), before, "nothing landed in Jens's record");
    const read = await fhir(sandbox, token, `QuestionnaireResponse/${own.id}`);
    assert.equal(read.body.author, undefined, 'the patch was rolled back');
  });

  it('accepts the citizen in context anywhere, and Practitioners', async () => {
    const ok = await fhir(sandbox, token, 'QuestionnaireResponse', {
      method: 'POST',
      body: questionnaireResponse(INGE, { author: { reference: `Practitioner/${MADS}` }, source: { reference: `${sandbox.fhirBase}/Patient/${INGE}` }, basedOn: [{ reference: `ServiceRequest/${INGE}-start` }] }),
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it('refuses the same inside a transaction (nothing written) and a batch entry (that entry only)', async () => {
    const before = await jensResponses();
    const entry = (resource) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource, request: { method: 'POST', url: resource.resourceType } });
    const marker = { system: 'https://kpro.example.dk/fhir/test', value: 'writes-tx' };
    const tx = await fhir(sandbox, token, '', {
      method: 'POST',
      body: { resourceType: 'Bundle', type: 'transaction', entry: [entry(questionnaireResponse(INGE, { identifier: marker })), entry(questionnaireResponse(INGE, { source: { reference: `Patient/${JENS}` } }))] },
    });
    refused(tx, 'transaction');
    assert.equal((await fhir(sandbox, token, `QuestionnaireResponse?identifier=${marker.system}|${marker.value}`)).body.total, 0, 'atomic');
    const plan = {
      resourceType: 'CarePlan',
      status: 'active',
      intent: 'plan',
      subject: { reference: `Patient/${INGE}` },
      activity: [{ reference: { reference: `ServiceRequest/${JENS}-mid` } }],
    };
    refused(await fhir(sandbox, token, '', { method: 'POST', body: { resourceType: 'Bundle', type: 'transaction', entry: [entry(plan)] } }), 'a plan pointing at Jens');
    const batch = await fhir(sandbox, token, '', {
      method: 'POST',
      body: { resourceType: 'Bundle', type: 'batch', entry: [entry(questionnaireResponse(INGE)), entry(questionnaireResponse(INGE, { author: { reference: `Patient/${JENS}` } }))] },
    });
    assert.equal(batch.status, 200);
    assert.deepEqual(batch.body.entry.map((e) => e.response.status.slice(0, 3)), ['201', '403']);
    assert.equal(await jensResponses(), before);
  });

  it("holds for the citizen's own (standalone) token too", async () => {
    const pkce = pkcePair();
    const redirectUri = `${sandbox.url}/app/?view=citizen`;
    const { code } = await authorize(sandbox, { clientId: 'kpro-citizen', scope: 'launch/patient openid fhirUser patient/*.rs patient/QuestionnaireResponse.cru', redirectUri, pkce, interact: () => ({ action: 'confirm', form: { patient: INGE } }) });
    const { body } = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'kpro-citizen', code_verifier: pkce.verifier });
    refused(await fhir(sandbox, body.access_token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { author: { reference: `Patient/${JENS}` } }) }), 'citizen');
    assert.equal((await fhir(sandbox, body.access_token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { author: { reference: `Patient/${INGE}` } }) })).status, 201);
  });
});

describe('a completed response says something', () => {
  it('refuses a completed (or amended) response without a single answer; a draft may be empty', async () => {
    for (const status of ['completed', 'amended']) {
      const blank = questionnaireResponse(INGE, { status, item: [{ linkId: 'trivsel', item: [{ linkId: 't1' }] }] });
      const res = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: blank });
      assert.equal(res.status, 400, `${status}: ${res.status}`);
      assert.equal(res.body.resourceType, 'OperationOutcome');
      assert.match(JSON.stringify(res.body), /at least one answer/);
    }
    const draft = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { status: 'in-progress', item: [] }) });
    assert.equal(draft.status, 201);
    const answered = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE) });
    assert.equal(answered.status, 201);
  });
});
