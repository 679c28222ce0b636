// Test helpers: start a sandbox on a free port with a temporary data folder, and run the SMART
// authorization-code + PKCE flow in code (fetch with manual redirects and a tiny cookie jar).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../src/main.mjs';

export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
export const CPR_ROLE = 'https://kpro.example.dk/fhir/smart-role/cpr-context';
export const HANNE = 'practitioner-hanne';
export const MADS = 'practitioner-mads';
export const INGE = 'inge-test-jensen';
export const POUL = 'poul-test-nielsen';

/** The scopes packages/app asks for (kept in step with packages/app/src/config.ts by hand). */
export const APP_SCOPES = [
  'launch openid fhirUser online_access patient/*.rs',
  'patient/QuestionnaireResponse.cru patient/CarePlan.cru patient/ServiceRequest.cru patient/Task.cru patient/ClinicalImpression.cru',
  'user/Questionnaire.rs user/PlanDefinition.rs user/ActivityDefinition.rs user/Basic.rs user/CareTeam.rs user/Practitioner.rs',
].join(' ');

/**
 * What the app asks for so that a launch without a citizen (intent tasks) can show the task overview; the
 * server grants the user/Task and user/Patient parts only to such launches.
 */
export const TASK_SCOPES = `${APP_SCOPES} user/Task.rus user/Patient.rs user/CareTeam.rsu`;

/** The token of a task overview launch (no citizen) for a clinician. */
export async function tasksLaunchToken(sandbox, practitioner = MADS, options = {}) {
  return ehrLaunchToken(sandbox, { practitioner, intent: 'tasks', ...options }, { scope: TASK_SCOPES });
}

/**
 * @param {{ dataDir?: string, tokenTtl?: number, port?: number, now?: string, maxBodyBytes?: number, log?: (line: string) => void }} [options]
 *   now: the sandbox's clock starts there (a test start time); without it, the machine's clock.
 */
export async function startTestSandbox(options = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kpro-sandbox-test-'));
  const sandbox = await startSandbox({ port: options.port ?? 0, dataDir, quiet: true, tokenTtl: options.tokenTtl, now: options.now ?? '', maxBodyBytes: options.maxBodyBytes, log: options.log });
  return {
    ...sandbox,
    async stop({ keepData = false } = {}) {
      await sandbox.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export class CookieJar {
  /** @type {Map<string, string>} */
  cookies = new Map();
  /** @param {CookieJar} [from] */
  constructor(from) {
    if (from) this.cookies = new Map(from.cookies);
  }
  /** @param {Response} res */
  store(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** The EOJ browser session (its cookie) each launch was created in, so `authorize` can send it. */
const eojSessions = new Map();

/**
 * The EOJ session a launch belongs to: the cookies of the "browser" that pressed "Åbn PRO".
 * @param {string} launch @returns {CookieJar | undefined}
 */
export function eojSessionOf(launch) {
  return eojSessions.get(launch);
}

/**
 * Creates an EHR launch the way the EOJ page does (POST form), returning the opaque launch id. The EOJ
 * sets its session cookie on the way; pass `session` to launch again in the same EOJ session.
 * @param {{ url: string }} sandbox
 * @param {{ practitioner?: string, patient?: string, intent?: string, simulate?: string, eojBanner?: boolean, session?: CookieJar }} launch
 */
export async function createLaunch(sandbox, { practitioner = MADS, patient = INGE, intent = 'answers', simulate = 'none', eojBanner = false, session = new CookieJar() } = {}) {
  const body = new URLSearchParams({ practitioner, patient, intent, simulate, ...(eojBanner ? { eojBanner: '1' } : {}) });
  const res = await fetch(`${sandbox.url}/eoj/launch`, { method: 'POST', body, redirect: 'manual', headers: { cookie: session.header() } });
  if (res.status !== 303) throw new Error(`launch: ${res.status} ${await res.text()}`);
  session.store(res);
  const location = res.headers.get('location') ?? '';
  const id = location.split('/').pop();
  eojSessions.set(id, session);
  return id;
}

/**
 * Runs the authorization request through redirects until the app's redirect URI is reached.
 * `interact` answers a page (consent or patient picker): return { action: 'confirm'|'abort', form }.
 * The browser carries the EOJ session the launch was created in, unless `session` says otherwise
 * (null: no cookies, as an attacker who only captured the launch id).
 * @returns {Promise<{ code?: string, error?: string, errorDescription?: string, state?: string, redirect: URL, pages: string[] }>}
 */
export async function authorize(sandbox, { clientId = 'kpro-app', scope = APP_SCOPES, launch, redirectUri, aud, pkce = pkcePair(), challengeMethod = 'S256', interact, omitChallenge = false, session } = {}) {
  const base = sandbox.url;
  const redirect = redirectUri ?? `${base}/app/`;
  const state = randomBytes(8).toString('hex');
  const params = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirect, scope, state, aud: aud ?? `${base}/fhir` });
  if (launch) params.set('launch', launch);
  if (!omitChallenge) {
    params.set('code_challenge', challengeMethod === 'plain' ? pkce.verifier : pkce.challenge);
    params.set('code_challenge_method', challengeMethod);
  }
  const jar = new CookieJar(session === undefined ? eojSessionOf(launch) : (session ?? undefined));
  const pages = [];
  let next = `${base}/oidc/auth?${params}`;
  let init = { method: 'GET' };
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(next, { ...init, headers: { ...(init.headers ?? {}), cookie: jar.header() }, redirect: 'manual' });
    jar.store(res);
    if ([302, 303].includes(res.status)) {
      const location = new URL(res.headers.get('location') ?? '', next);
      if (location.href.startsWith(redirect.split('?')[0]) && (location.searchParams.has('code') || location.searchParams.has('error'))) {
        return {
          code: location.searchParams.get('code') ?? undefined,
          error: location.searchParams.get('error') ?? undefined,
          errorDescription: location.searchParams.get('error_description') ?? undefined,
          state: location.searchParams.get('state') ?? undefined,
          redirect: location,
          pages,
        };
      }
      next = location.href;
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    pages.push(html);
    if (res.status !== 200 || !interact) return { error: `http-${res.status}`, errorDescription: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300), redirect: new URL(next), pages };
    const { action, form = {} } = interact(html);
    const uid = new URL(next).pathname.split('/')[3];
    next = `${base}/oidc/interaction/${uid}/${action}`;
    init = { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('authorize: too many redirects');
}

/** Exchanges a code (or refreshes) at the token endpoint. Returns { status, body }. */
export async function tokenRequest(sandbox, form) {
  const res = await fetch(`${sandbox.url}/oidc/token`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, body: await res.json() };
}

/**
 * The whole EHR launch: EOJ launch -> authorize -> token. Returns the token response body.
 */
export async function ehrLaunchToken(sandbox, launchOptions = {}, { scope = APP_SCOPES } = {}) {
  const launch = await createLaunch(sandbox, launchOptions);
  const pkce = pkcePair();
  const result = await authorize(sandbox, { launch, scope, pkce });
  if (!result.code) throw new Error(`authorize failed: ${result.error} ${result.errorDescription}`);
  const { status, body } = await tokenRequest(sandbox, {
    grant_type: 'authorization_code',
    code: result.code,
    redirect_uri: `${sandbox.url}/app/`,
    client_id: 'kpro-app',
    code_verifier: pkce.verifier,
  });
  if (status !== 200) throw new Error(`token: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A FHIR request with a bearer token; JSON bodies are sent as application/fhir+json. */
export async function fhir(sandbox, token, path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { accept: 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
  if (body instanceof URLSearchParams) {
    init.body = body;
    init.headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] ??= 'application/fhir+json';
  }
  const url = `${sandbox.url}/fhir/${path}`;
  // After a restart on the same port, Node's fetch may first try a pooled keep-alive socket the old server
  // closed ("other side closed"); browsers retry idempotent requests on a new connection, and so do we.
  const res = await fetch(url, init).catch((err) => {
    if (method === 'GET' && err.cause?.code === 'UND_ERR_SOCKET') return fetch(url, init);
    throw new Error(`${method} ${path}: ${err.message} (${err.cause?.message ?? err.cause})`);
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** A minimal valid QuestionnaireResponse for a patient. */
export function questionnaireResponse(patientId, extra = {}) {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: 'https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0',
    subject: { reference: `Patient/${patientId}` },
    authored: '2026-11-01T10:00:00Z',
    item: [{ linkId: 'trivsel', item: [{ linkId: 't1', answer: [{ valueCoding: { system: 'https://kpro.example.dk/fhir/CodeSystem/who5-svar', code: 'hele-tiden' } }] }] }],
    ...extra,
  };
}

/** RFC 7009 token revocation at the advertised endpoint. Returns { status, body }. */
export async function revokeToken(sandbox, { token, clientId = 'kpro-app', hint }) {
  const form = new URLSearchParams({ token, client_id: clientId, ...(hint ? { token_type_hint: hint } : {}) });
  const endpoint = (await fetch(`${sandbox.url}/fhir/.well-known/smart-configuration`).then((r) => r.json())).revocation_endpoint;
  const res = await fetch(endpoint, { method: 'POST', body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
