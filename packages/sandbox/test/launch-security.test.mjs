// Launches as an attacker would try them: a captured launch id used again, used without the EOJ session
// that made it, used after five minutes; the id in logs; user-level clinical scopes asked for; a token
// that should be dead after revocation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock, nowMillis, setClock } from '@kpro/core';
import {
  APP_SCOPES,
  authorize,
  CookieJar,
  createLaunch,
  ehrLaunchToken,
  fhir,
  INGE,
  MADS,
  pkcePair,
  POUL,
  revokeToken,
  startTestSandbox,
  tokenRequest,
} from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
/** Every line the sandbox would print to its console. */
const printed = [];
before(async () => {
  sandbox = await startTestSandbox({ log: (line) => printed.push(line) });
});
after(async () => {
  setClock();
  await sandbox?.stop();
});

const exchange = async (code, pkce, clientId = 'kpro-app', redirectUri = `${sandbox.url}/app/`) =>
  tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: pkce.verifier });

describe('launch ids', () => {
  it('work once: a second authorization with the same launch is refused', async () => {
    const launch = await createLaunch(sandbox, { practitioner: MADS, patient: INGE });
    const first = await authorize(sandbox, { launch });
    assert.ok(first.code, first.errorDescription);
    const second = await authorize(sandbox, { launch });
    assert.equal(second.code, undefined);
    assert.equal(second.error, 'invalid_request');
    assert.match(second.errorDescription, /launch/);
  });

  it('work only in the EOJ session that made them', async () => {
    const launch = await createLaunch(sandbox);
    const noCookies = await authorize(sandbox, { launch, session: null, scope: `${APP_SCOPES} user/*.rs` });
    assert.equal(noCookies.error, 'invalid_request', 'a captured id alone gets nothing');
    const otherSession = new CookieJar();
    await createLaunch(sandbox, { session: otherSession }); // another clinician's EOJ session
    const wrongSession = await authorize(sandbox, { launch, session: otherSession });
    assert.equal(wrongSession.error, 'invalid_request');
    // Failed attempts do not use it up: the clinician who made it still can.
    const own = await authorize(sandbox, { launch });
    assert.ok(own.code, own.errorDescription);
  });

  it('expire within five minutes', async () => {
    const launch = await createLaunch(sandbox);
    const later = await createLaunch(sandbox);
    const start = nowMillis();
    try {
      setClock(fixedClock(start + 4.5 * 60_000));
      assert.ok((await authorize(sandbox, { launch })).code, 'still valid after four and a half minutes');
      setClock(fixedClock(start + 5 * 60_000 + 1000));
      const expired = await authorize(sandbox, { launch: later });
      assert.equal(expired.error, 'invalid_request');
      assert.match(expired.errorDescription, /launch/);
    } finally {
      setClock();
    }
  });

  it('never appear in the request log or a console line', async () => {
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    const session = new CookieJar();
    const launch = await createLaunch(sandbox, { session });
    const page = await fetch(`${sandbox.url}/eoj/session/${launch}`, { headers: { cookie: session.header() } });
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes(launch), 'the EOJ page hands it to the app');
    await fetch(`${sandbox.url}/app/launch.html?iss=${encodeURIComponent(sandbox.fhirBase)}&launch=${launch}`);
    const { code } = await authorize(sandbox, { launch });
    assert.ok(code);
    const log = await fetch(`${sandbox.url}/__sandbox/requests`).then((r) => r.text());
    assert.ok(log.includes('/eoj/session/'), 'the EOJ page is logged');
    assert.ok(!log.includes(launch), 'but not the launch id');
    assert.ok(printed.length > 0 && printed.some((l) => l.includes('/eoj/session/')), 'console lines were printed');
    assert.ok(printed.every((l) => !l.includes(launch)), printed.find((l) => l.includes(launch)));
  });

  it('open the EOJ page only in their own session', async () => {
    const launch = await createLaunch(sandbox);
    assert.equal((await fetch(`${sandbox.url}/eoj/session/${launch}`)).status, 404);
  });
});

describe('scopes', () => {
  it('are never clinical user/ scopes, whatever the app asks for', async () => {
    const pkce = pkcePair();
    const launch = await createLaunch(sandbox, { practitioner: MADS, patient: INGE });
    const asked = `${APP_SCOPES} user/*.rs user/*.cruds user/QuestionnaireResponse.rs user/Patient.rs user/AuditEvent.cruds user/*.read`;
    const { code } = await authorize(sandbox, { launch, pkce, scope: asked });
    const { body } = await exchange(code, pkce);
    const userScopes = body.scope.split(' ').filter((s) => s.startsWith('user/'));
    const definitions = ['Questionnaire', 'PlanDefinition', 'ActivityDefinition', 'Basic', 'ValueSet', 'CodeSystem', 'Library', 'CareTeam', 'Practitioner', 'PractitionerRole', 'Organization'];
    for (const s of userScopes) {
      const [, type, actions] = /^user\/([A-Za-z*]+)\.(\w+)$/.exec(s);
      assert.ok(definitions.includes(type), `no user/ scope for ${type}: ${s}`);
      // The one write: a care team's members change who is in it (participants only, checked by the server).
      const allowed = type === 'CareTeam' ? ['rs', 'r', 's', 'read', 'rus'] : ['rs', 'r', 's', 'read'];
      assert.ok(allowed.includes(actions), `definitions are read-only: ${s}`);
    }
    // With that token nothing of another citizen comes back.
    const responses = await fhir(sandbox, body.access_token, 'QuestionnaireResponse?_count=1000');
    assert.ok(responses.body.total >= 3);
    assert.ok(responses.body.entry.every((e) => e.resource.subject.reference === `Patient/${INGE}`));
    assert.equal((await fhir(sandbox, body.access_token, `Patient/${POUL}`)).status, 403);
    assert.deepEqual((await fhir(sandbox, body.access_token, 'Patient')).body.entry.map((e) => e.resource.id), [INGE]);
    assert.equal((await fhir(sandbox, body.access_token, 'Questionnaire?_count=1')).status, 200, 'definitions stay readable');
  });

  it('give a citizen nothing of other citizens, even asked for user/*', async () => {
    const pkce = pkcePair();
    const redirectUri = `${sandbox.url}/app/?view=citizen`;
    const result = await authorize(sandbox, {
      clientId: 'kpro-citizen',
      scope: 'launch/patient openid fhirUser patient/*.rs user/*.rs user/QuestionnaireResponse.cruds',
      redirectUri,
      pkce,
      interact: () => ({ action: 'confirm', form: { patient: INGE } }),
    });
    const { body } = await exchange(result.code, pkce, 'kpro-citizen', redirectUri);
    assert.ok(!body.scope.split(' ').some((s) => /^user\/(\*|QuestionnaireResponse|Patient)\./.test(s)), body.scope);
    const responses = await fhir(sandbox, body.access_token, 'QuestionnaireResponse?_count=1000');
    assert.ok(responses.body.entry.every((e) => e.resource.subject.reference === `Patient/${INGE}`));
  });
});

describe('revocation (RFC 7009)', () => {
  it('is advertised, and a revoked access token gets 401 at once', async () => {
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    assert.equal((await fhir(sandbox, token.access_token, `Patient/${INGE}`)).status, 200);
    const revoked = await revokeToken(sandbox, { token: token.access_token, hint: 'access_token' });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const after = await fhir(sandbox, token.access_token, `Patient/${INGE}`);
    assert.equal(after.status, 401);
    assert.match(after.headers.get('www-authenticate'), /invalid_token/);
    // The grant went with it: its refresh token gives no new access token.
    const refreshed = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: 'kpro-app' });
    assert.equal(refreshed.status, 400);
  });

  it('revokes by refresh token too, and the access tokens of that grant stop working', async () => {
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    assert.equal((await revokeToken(sandbox, { token: token.refresh_token })).status, 200);
    assert.equal((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: 'kpro-app' })).status, 400);
    assert.equal((await fhir(sandbox, token.access_token, `Patient/${INGE}`)).status, 401);
  });

  it('does not let another client revoke a token, and answers 200 for unknown tokens', async () => {
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    const other = await revokeToken(sandbox, { token: token.access_token, clientId: 'kpro-citizen' });
    assert.equal(other.status, 400);
    assert.equal(other.body.error, 'unauthorized_client');
    assert.equal((await fhir(sandbox, token.access_token, `Patient/${INGE}`)).status, 200);
    assert.equal((await revokeToken(sandbox, { token: 'not-a-token' })).status, 200);
  });

  it('stays revoked after a restart', async () => {
    const first = await startTestSandbox();
    let token;
    try {
      token = await ehrLaunchToken(first, { practitioner: MADS, patient: INGE });
      assert.equal((await revokeToken(first, { token: token.access_token })).status, 200);
    } finally {
      await first.stop({ keepData: true });
    }
    const second = await startTestSandbox({ dataDir: first.dataDir, port: first.port });
    try {
      assert.equal((await fhir(second, token.access_token, `Patient/${INGE}`)).status, 401);
    } finally {
      await second.stop();
    }
  });
});
