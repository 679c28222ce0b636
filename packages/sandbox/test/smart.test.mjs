// SMART App Launch: discovery, the EHR launch for both clinicians, refresh, the citizen's standalone
// launch, and every failure the EOJ can simulate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  APP_SCOPES,
  authorize,
  CPR_ROLE,
  CPR_SYSTEM,
  createLaunch,
  ehrLaunchToken,
  fhir,
  HANNE,
  INGE,
  MADS,
  pkcePair,
  POUL,
  startTestSandbox,
  tokenRequest,
} from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox?.stop();
});

const decode = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

describe('discovery', () => {
  it('serves a CapabilityStatement that advertises SMART', async () => {
    const { status, body } = await fhir(sandbox, undefined, 'metadata');
    assert.equal(status, 200);
    assert.equal(body.resourceType, 'CapabilityStatement');
    assert.equal(body.fhirVersion, '4.0.1');
    const security = body.rest[0].security;
    assert.equal(security.service[0].coding[0].code, 'SMART-on-FHIR');
    const uris = Object.fromEntries(security.extension[0].extension.map((e) => [e.url, e.valueUri]));
    assert.equal(uris.authorize, `${sandbox.url}/oidc/auth`);
    assert.equal(uris.token, `${sandbox.url}/oidc/token`);
    assert.ok(body.rest[0].resource.some((r) => r.type === 'QuestionnaireResponse'));
  });

  it('serves .well-known/smart-configuration under the FHIR base', async () => {
    const { status, body } = await fhir(sandbox, undefined, '.well-known/smart-configuration');
    assert.equal(status, 200);
    assert.equal(body.authorization_endpoint, `${sandbox.url}/oidc/auth`);
    assert.equal(body.token_endpoint, `${sandbox.url}/oidc/token`);
    assert.deepEqual(body.code_challenge_methods_supported, ['S256']);
    for (const capability of ['launch-ehr', 'launch-standalone', 'context-ehr-patient', 'context-standalone-patient', 'client-public', 'permission-v2', 'permission-v1', 'permission-patient', 'permission-user', 'sso-openid-connect', 'context-banner', 'context-style']) {
      assert.ok(body.capabilities.includes(capability), capability);
    }
  });
});

describe('EHR launch', () => {
  /** @type {any} */
  let mads;
  /** @type {any} */
  let hanne;
  before(async () => {
    mads = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE, intent: 'answer-on-behalf' });
    hanne = await ehrLaunchToken(sandbox, { practitioner: HANNE, patient: POUL, intent: 'answers', eojBanner: true });
  });

  it('returns the launch context in the token response', async () => {
    const inge = (await fhir(sandbox, mads.access_token, `Patient/${INGE}`)).body;
    const cpr = inge.identifier.find((i) => i.system === CPR_SYSTEM).value;
    assert.equal(mads.token_type, 'Bearer');
    assert.equal(mads.patient, INGE);
    assert.deepEqual(mads.fhirContext, [{ type: 'Patient', identifier: { system: CPR_SYSTEM, value: cpr }, role: CPR_ROLE }]);
    assert.equal(mads.intent, 'answer-on-behalf');
    assert.equal(mads.need_patient_banner, true);
    assert.equal(mads.smart_style_url, `${sandbox.url}/eoj/smart-style.json`);
    assert.ok(mads.refresh_token, 'online_access gives a refresh token');
    assert.ok(mads.id_token);
    assert.equal(decode(mads.id_token).fhirUser, `${sandbox.url}/fhir/Practitioner/${MADS}`);
    assert.equal(hanne.patient, POUL);
    assert.equal(hanne.intent, 'answers');
    assert.equal(hanne.need_patient_banner, false, 'the EOJ said it shows its own banner');
    const style = await fetch(mads.smart_style_url).then((r) => r.json());
    assert.ok(style.color_highlight);
  });

  it('issues RS256 JWT access tokens for the FHIR base', () => {
    const [header] = mads.access_token.split('.');
    assert.equal(JSON.parse(Buffer.from(header, 'base64url').toString()).alg, 'RS256');
    const claims = decode(mads.access_token);
    assert.equal(claims.aud, `${sandbox.url}/fhir`);
    assert.equal(claims.iss, `${sandbox.url}/oidc`);
    assert.equal(claims.patient, INGE);
    assert.equal(claims.client_id, 'kpro-app');
  });

  it("narrows the scopes to each clinician's role", () => {
    const madsScopes = mads.scope.split(' ');
    assert.ok(madsScopes.includes('patient/QuestionnaireResponse.cru'));
    assert.ok(madsScopes.includes('patient/*.rs'));
    assert.ok(madsScopes.includes('user/Questionnaire.rs'));
    const hanneScopes = hanne.scope.split(' ');
    assert.ok(hanneScopes.includes('patient/QuestionnaireResponse.r'), hanne.scope);
    for (const s of hanneScopes.filter((x) => x.includes('/') && !x.startsWith('launch'))) {
      const actions = s.split('.').pop();
      assert.ok(/^[rs]+$/.test(actions), `read-only scope expected, got ${s}`);
    }
    // Nobody writes AuditEvents (the FHIR server audits), and kpro-app gets no clinical user/ scope.
    for (const s of [...madsScopes, ...hanneScopes]) {
      assert.ok(!s.startsWith('patient/AuditEvent.') && !s.startsWith('user/AuditEvent.'), s);
      assert.ok(!/^user\/(\*|QuestionnaireResponse|Patient|CarePlan|ServiceRequest|Task|ClinicalImpression|Condition)\./.test(s), s);
    }
  });

  it('reads FHIR data with the token', async () => {
    const { status, body, headers } = await fhir(sandbox, mads.access_token, `Patient/${INGE}`);
    assert.equal(status, 200);
    assert.equal(body.id, INGE);
    assert.match(headers.get('etag'), /^W\/"[^"]+"$/);
  });

  it('refreshes with the client id and keeps the context', async () => {
    const { status, body } = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: mads.refresh_token, client_id: 'kpro-app' });
    assert.equal(status, 200, JSON.stringify(body));
    assert.notEqual(body.access_token, mads.access_token);
    assert.equal(body.patient, INGE);
    assert.equal(body.intent, 'answer-on-behalf');
    assert.ok(body.fhirContext);
    assert.equal((await fhir(sandbox, body.access_token, `Patient/${INGE}`)).status, 200);
  });

  it('refuses writes to a read-only clinician (403)', async () => {
    const qr = { resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: `Patient/${POUL}` } };
    const res = await fhir(sandbox, hanne.access_token, 'QuestionnaireResponse', { method: 'POST', body: qr });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('www-authenticate'), /insufficient_scope/);
  });

  it("keeps a token for one citizen out of another citizen's data (403) and constrains searches", async () => {
    assert.equal((await fhir(sandbox, mads.access_token, `Patient/${POUL}`)).status, 403);
    assert.equal((await fhir(sandbox, mads.access_token, `QuestionnaireResponse/${POUL}-start-svar`)).status, 403);
    const all = await fhir(sandbox, mads.access_token, 'QuestionnaireResponse');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 3);
    assert.ok(all.body.entry.every((e) => e.resource.subject.reference === `Patient/${INGE}`));
    const other = await fhir(sandbox, mads.access_token, `QuestionnaireResponse?subject=Patient/${POUL}`);
    assert.equal(other.body.total, 0);
    const patients = await fhir(sandbox, mads.access_token, 'Patient');
    assert.deepEqual(patients.body.entry.map((e) => e.resource.id), [INGE]);
    const write = await fhir(sandbox, mads.access_token, 'QuestionnaireResponse', { method: 'POST', body: { resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: `Patient/${POUL}` } } });
    assert.equal(write.status, 403);
  });

  it('lets user/ scopes read definitions outside the compartment', async () => {
    const q = await fhir(sandbox, hanne.access_token, 'Questionnaire?url=https://kpro.example.dk/fhir/Questionnaire/who-5');
    assert.equal(q.body.total, 2, 'WHO-5 1.0.0 and 0.9.0');
  });
});

describe('authorization rules', () => {
  it('requires PKCE S256', async () => {
    const launch = await createLaunch(sandbox);
    const none = await authorize(sandbox, { launch, omitChallenge: true });
    assert.equal(none.error, 'invalid_request');
    const plain = await authorize(sandbox, { launch, challengeMethod: 'plain' });
    assert.equal(plain.error, 'invalid_request');
  });

  it('rejects a wrong code_verifier', async () => {
    const launch = await createLaunch(sandbox);
    const result = await authorize(sandbox, { launch });
    const { status, body } = await tokenRequest(sandbox, { grant_type: 'authorization_code', code: result.code, redirect_uri: `${sandbox.url}/app/`, client_id: 'kpro-app', code_verifier: pkcePair().verifier });
    assert.equal(status, 400);
    assert.equal(body.error, 'invalid_grant');
  });

  it('requires aud to be the FHIR base and a known launch', async () => {
    const launch = await createLaunch(sandbox);
    const wrongAud = await authorize(sandbox, { launch, aud: 'https://elsewhere.example/fhir' });
    assert.equal(wrongAud.error, 'invalid_request');
    const unknownLaunch = await authorize(sandbox, { launch: 'not-a-launch' });
    assert.equal(unknownLaunch.error, 'invalid_request');
    const noLaunch = await authorize(sandbox, {});
    assert.equal(noLaunch.error, 'invalid_request', 'kpro-app is EHR-launched only');
  });

  it('rejects an unregistered redirect URI without redirecting to it', async () => {
    const launch = await createLaunch(sandbox);
    const result = await authorize(sandbox, { launch, redirectUri: 'https://evil.example/app/' });
    assert.equal(result.error, 'http-400');
  });

  it('accepts v1 scopes and answers in v1', async () => {
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE }, { scope: 'launch openid fhirUser patient/*.read patient/*.write' });
    const scopes = token.scope.split(' ');
    assert.ok(scopes.includes('patient/*.read'));
    assert.ok(scopes.includes('patient/QuestionnaireResponse.write'));
    assert.ok(!scopes.includes('patient/*.write'), 'Mads may not write every type');
    assert.equal((await fhir(sandbox, token.access_token, `Patient/${INGE}`)).status, 200);
    const hanne = await ehrLaunchToken(sandbox, { practitioner: HANNE, patient: INGE }, { scope: 'launch patient/*.read patient/*.write' });
    assert.deepEqual(hanne.scope.split(' ').sort(), ['launch', 'patient/*.read']);
  });
});

describe('standalone launch (citizen)', () => {
  it('shows a patient picker and binds the token to the chosen citizen', async () => {
    const pkce = pkcePair();
    const redirectUri = `${sandbox.url}/app/?view=citizen`;
    const result = await authorize(sandbox, {
      clientId: 'kpro-citizen',
      scope: 'launch/patient openid fhirUser online_access patient/*.rs patient/QuestionnaireResponse.cru user/Questionnaire.rs',
      redirectUri,
      pkce,
      interact: (html) => {
        assert.match(html, /data-testid="pick-patient-inge-test-jensen"/);
        return { action: 'confirm', form: { patient: INGE } };
      },
    });
    assert.ok(result.code, result.errorDescription);
    const { body } = await tokenRequest(sandbox, { grant_type: 'authorization_code', code: result.code, redirect_uri: redirectUri, client_id: 'kpro-citizen', code_verifier: pkce.verifier });
    assert.equal(body.patient, INGE);
    assert.equal(body.fhirContext, undefined);
    assert.equal(body.need_patient_banner, true);
    assert.equal(decode(body.id_token).fhirUser, `${sandbox.url}/fhir/Patient/${INGE}`);
    assert.equal((await fhir(sandbox, body.access_token, `Patient/${INGE}`)).status, 200);
    assert.equal((await fhir(sandbox, body.access_token, `Patient/${POUL}`)).status, 403);
  });

  it('lets the citizen refuse', async () => {
    const result = await authorize(sandbox, {
      clientId: 'kpro-citizen',
      scope: 'launch/patient openid patient/*.rs',
      interact: () => ({ action: 'abort' }),
    });
    assert.equal(result.error, 'access_denied');
  });
});

describe('simulated failures', () => {
  it('consent: shows Approve/Deny, and Deny reaches the app as access_denied', async () => {
    const launch = await createLaunch(sandbox, { simulate: 'consent' });
    const denied = await authorize(sandbox, {
      launch,
      interact: (html) => {
        assert.match(html, /data-testid="consent-deny"/);
        // What the app may do, in Danish words; raw scopes only inside the technical details.
        const words = /<ul class="scopes" data-testid="scope-words">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
        assert.match(words, /Læse borgerens oplysninger/);
        assert.match(words, /Læse, oprette og ændre borgerens besvarelser/);
        assert.doesNotMatch(words, /patient\/|user\/|\.rs\b|\.cru\b/);
        return { action: 'abort' };
      },
    });
    assert.equal(denied.error, 'access_denied');
    const launch2 = await createLaunch(sandbox, { simulate: 'consent' });
    const approved = await authorize(sandbox, { launch: launch2, interact: () => ({ action: 'confirm' }) });
    assert.ok(approved.code);
  });

  it('expired: the access token is already expired (401) and refreshing is refused', async () => {
    const token = await ehrLaunchToken(sandbox, { simulate: 'expired' });
    assert.equal(token.expires_in, 0);
    const res = await fhir(sandbox, token.access_token, `Patient/${INGE}`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate'), /error="invalid_token"/);
    const refreshed = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: 'kpro-app' });
    assert.equal(refreshed.status, 400);
    assert.equal(refreshed.body.error, 'invalid_grant');
  });

  it('unknown citizen: no patient, only a CPR the server does not know', async () => {
    const token = await ehrLaunchToken(sandbox, { simulate: 'unknown' });
    assert.equal(token.patient, undefined);
    const cpr = token.fhirContext[0].identifier.value;
    assert.match(cpr, /^\d{10}$/);
    const found = await fhir(sandbox, token.access_token, 'Patient/_search', { method: 'POST', body: new URLSearchParams({ identifier: `${CPR_SYSTEM}|${cpr}` }) });
    assert.equal(found.status, 200);
    assert.equal(found.body.total, 0);
  });

  it('FHIR server down: the launch works, FHIR answers 503', async () => {
    const token = await ehrLaunchToken(sandbox, { simulate: 'fhir-down' });
    const res = await fhir(sandbox, token.access_token, `Patient/${INGE}`);
    assert.equal(res.status, 503);
    assert.equal(res.body.issue[0].code, 'transient');
  });
});

describe('tokens at the FHIR endpoint', () => {
  it('answers 401 without a token, with a bad token, and with a token for another origin', async () => {
    const none = await fhir(sandbox, undefined, `Patient/${INGE}`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate'), /^Bearer realm=/);
    const bad = await fhir(sandbox, 'not.a.jwt', `Patient/${INGE}`);
    assert.equal(bad.status, 401);
    const token = await ehrLaunchToken(sandbox);
    const [h, p, s] = token.access_token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, patient: POUL })).toString('base64url')}.${s}`;
    assert.equal((await fhir(sandbox, forged, `Patient/${POUL}`)).status, 401, 'a changed payload breaks the signature');
    const viaLocalhost = await fetch(`${sandbox.url.replace('127.0.0.1', 'localhost')}/fhir/Patient/${INGE}`, { headers: { authorization: `Bearer ${token.access_token}` } });
    assert.equal(viaLocalhost.status, 401, 'aud is the FHIR base of the origin that issued it');
  });

  it('honours a short token lifetime (tokenTtl / SANDBOX_TOKEN_TTL)', async () => {
    // Long enough that the first read lands in time on a loaded machine, short enough to wait out.
    const short = await startTestSandbox({ tokenTtl: 4 });
    try {
      const token = await ehrLaunchToken(short);
      assert.equal(token.expires_in, 4);
      assert.equal((await fhir(short, token.access_token, `Patient/${INGE}`)).status, 200);
      const exp = JSON.parse(Buffer.from(token.access_token.split('.')[1], 'base64url').toString()).exp;
      await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1100));
      assert.equal((await fhir(short, token.access_token, `Patient/${INGE}`)).status, 401);
    } finally {
      await short.stop();
    }
  });
});

describe('scopes asked for by packages/app', () => {
  it('are all well-formed', () => {
    for (const s of APP_SCOPES.split(' ')) assert.match(s, /^(launch|openid|fhirUser|online_access|(patient|user)\/(\*|[A-Z]\w+)\.[cruds]+)$/);
  });
});
