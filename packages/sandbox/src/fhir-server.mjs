// HTTP glue around Medplum's FhirRouter: what a FHIR REST server adds on top of the engine
// (see ../shared/reference/platform-notes.md): authentication, headers (ETag, Location, Last-Modified),
// CapabilityStatement, SMART discovery, fullUrl and paging links, form-body POST searches,
// 404 for unknown types, one request at a time so transactions and snapshots stay atomic, and no answer
// before what the request wrote is on disk.
import './websocket-shim.mjs';
import { randomUUID } from 'node:crypto';
import { localDate, nowMillis } from '@kpro/core';
import { getSearchParameters, getStatus, normalizeOperationOutcome } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import { allResourceTypes, isResourceType } from './fhir-definitions.mjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, scopedRepository } from './fhir-access.mjs';
import { createTouchCollector } from './fhir-audit.mjs';
import { jsonShapeProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES, prototypePropertyIn } from './body-limits.mjs';
import { DEFAULT_MAX_BODY_BYTES, parseForm, readBody, sendJson } from './http-util.mjs';
import { CITIZEN_CLIENT_ID } from './smart-auth.mjs';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const PAGE_TOKEN_TTL_MS = 60 * 60 * 1000;
const MAX_PAGE_TOKENS = 500;

/** @param {string} text @param {string} [code] */
function outcome(text, code = 'processing') {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

/**
 * @typedef {{ scopes: string[], patient?: string, clientId: string, sub: string, simulate?: string, correlationId: string }} Grant
 * @typedef {{
 *   repo: import('./fhir-repository.mjs').SandboxRepository,
 *   store: ReturnType<import('./fhir-persistence.mjs').createDurableStore>,
 *   audit: ReturnType<import('./fhir-audit.mjs').createServerAudit>,
 *   verifyToken: (token: string, base: string) => Promise<Grant>,
 *   smartConfiguration: (base: string) => object,
 *   maxBodyBytes?: number,
 * }} FhirServerOptions
 */

/** @param {FhirServerOptions} options */
/** What the citizen's own client may not read (staff work items and assessments). */
const CITIZEN_HIDDEN_TYPES = new Set(['Task', 'ClinicalImpression']);

export function createFhirServer({ repo, store, audit, verifyToken, smartConfiguration, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }) {
  const router = new FhirRouter();
  /** @type {Map<string, { type: string, params: Record<string, string | string[]>, created: number }>} */
  const pageTokens = new Map();
  /** @type {Map<string, object>} */
  const capabilityCache = new Map();

  /** Remembers a POST search's parameters so its paging links need no identifiers in the URL. */
  const rememberSearch = (type, params) => {
    const now = nowMillis();
    for (const [key, value] of pageTokens) {
      if (pageTokens.size < MAX_PAGE_TOKENS && now - value.created < PAGE_TOKEN_TTL_MS) break;
      pageTokens.delete(key);
    }
    const token = randomUUID();
    pageTokens.set(token, { type, params, created: now });
    return token;
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {{ base: string, info: Record<string, unknown> }} ctx  base: this origin's FHIR base URL; info: request-log fields
   */
  async function handle(req, res, ctx) {
    const { base, info } = ctx;
    const url = new URL(req.url, base);
    const rel = url.pathname.slice(new URL(base).pathname.length).replace(/^\/+/, '');
    const method = req.method ?? 'GET';
    const send = (status, body, headers = {}) => sendJson(res, status, body, headers, FHIR_JSON);

    // CORS for pages on other loopback origins (Storybook, the examples' dev server) that talk to this base.
    const requestOrigin = String(req.headers.origin ?? '');
    if (/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(requestOrigin)) {
      res.setHeader('access-control-allow-origin', requestOrigin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'ETag, Location, Last-Modified, WWW-Authenticate');
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept, If-Match, If-None-Exist, If-None-Match, Prefer',
        'access-control-max-age': '600',
      });
      return res.end();
    }

    if (method === 'GET' && rel === 'metadata') return send(200, capability(base));
    if (method === 'GET' && rel === '.well-known/smart-configuration') {
      return sendJson(res, 200, smartConfiguration(base));
    }

    // Every other request needs a valid access token for this FHIR base.
    const auth = req.headers.authorization ?? '';
    const realm = `Bearer realm="${base}"`;
    if (!/^Bearer\s+\S+$/i.test(auth)) {
      return send(401, outcome('Missing bearer token', 'login'), { 'www-authenticate': realm });
    }
    /** @type {Grant} */
    let grant;
    try {
      grant = await verifyToken(auth.replace(/^Bearer\s+/i, ''), base);
    } catch (err) {
      const description = { ERR_JWT_EXPIRED: 'The access token has expired', ERR_TOKEN_REVOKED: 'The access token has been revoked' }[err?.code] ?? 'The access token is not valid';
      return send(401, outcome(description, 'login'), {
        'www-authenticate': `${realm}, error="invalid_token", error_description="${description}"`,
      });
    }
    Object.assign(info, { patient: grant.patient, client: grant.clientId, scopes: grant.scopes });
    if (grant.simulate === 'fhir-down') {
      // The EOJ asked for "FHIR server down": the launch works, every FHIR call then fails like an outage.
      return send(503, outcome('FHIR server unavailable (simulated by the EOJ)', 'transient'), { 'retry-after': '5' });
    }

    const [first] = rel.split('/');
    // The citizen's own app sees her answers, plans and who looked at her data, not the staff's work items
    // and assessments (tasks with their notes, triage results): those are for the clinicians' conversation.
    if (grant.clientId === CITIZEN_CLIENT_ID && CITIZEN_HIDDEN_TYPES.has(first)) {
      return send(403, outcome(`${first} is for the staff, not for the citizen's own app`, 'forbidden'));
    }
    if (rel === '' && method === 'GET') return send(400, outcome('System-level search is not supported; search one resource type', 'not-supported'));
    if (rel !== '' && !isResourceType(first)) return send(404, outcome(`Unknown resource type or path: ${first}`, 'not-found'));

    let body;
    let routeUrl = rel + url.search;
    let routeMethod = method;
    let searchParams; // for paging links
    let searchToken;
    try {
      if (['POST', 'PUT', 'PATCH'].includes(method)) {
        const text = await readBody(req, maxBodyBytes);
        const type = String(req.headers['content-type'] ?? '');
        if (type.includes('application/x-www-form-urlencoded')) body = parseForm(text);
        else if (text) {
          // Checked on the text, before parsing: no real resource nests this deep or holds this many values,
          // and validating or copying one that does would hold the one-at-a-time server for seconds.
          const problem = jsonShapeProblem(text);
          if (problem === 'depth') return send(400, outcome(`The request body is nested deeper than ${MAX_JSON_DEPTH} JSON levels`, 'structure'));
          if (problem === 'values') return send(413, outcome(`The request body holds more than ${MAX_JSON_VALUES} JSON values`, 'too-costly'));
          body = JSON.parse(text);
          const name = prototypePropertyIn(body);
          if (name !== undefined) return send(400, outcome(`Unknown property "${name}": not a FHIR element`, 'structure'));
        }
      }
    } catch (err) {
      if (err.status === 413) return send(413, outcome(err.message, 'too-costly'));
      return send(400, outcome(`Could not read the request body: ${err.message}`, 'structure'));
    }

    const isTypeSearch = /^[A-Za-z]+$/.test(rel) && method === 'GET';
    const isPostSearch = /^[A-Za-z]+\/_search$/.test(rel) && method === 'POST';
    if (isTypeSearch && url.searchParams.has('_getpages')) {
      // A paging link of an earlier POST search: its parameters come from memory, not from the URL.
      const stored = pageTokens.get(url.searchParams.get('_getpages') ?? '');
      if (!stored || stored.type !== first) return send(410, outcome('This search page has expired; search again', 'not-found'));
      searchToken = url.searchParams.get('_getpages');
      body = { ...stored.params };
      for (const key of ['_offset', '_count']) if (url.searchParams.has(key)) body[key] = url.searchParams.get(key);
      routeMethod = 'POST';
      routeUrl = `${first}/_search`;
    }
    if (isTypeSearch || isPostSearch || searchToken) {
      searchParams = body && routeMethod === 'POST' ? body : Object.fromEntries(url.searchParams);
      if (routeMethod === 'POST' && body && typeof body === 'object') {
        const { _offset: _o, _count: _c, ...params } = body;
        searchToken ??= rememberSearch(first, params);
      }
    }

    const fhirRequest = {
      method: routeMethod,
      url: routeUrl,
      pathname: '',
      body,
      params: {},
      query: {},
      headers: req.headers,
      config: { transactions: true },
    };
    if (store.failure) return send(503, outcome('The FHIR data could not be saved to disk; restart the sandbox', 'transient'));
    const touched = createTouchCollector();
    const [result, resource] = await store.exclusive(async () => {
      let answer;
      try {
        answer = await router.handleRequest(fhirRequest, scopedRepository(repo, grant, touched));
      } catch (err) {
        return [normalizeOperationOutcome(err)];
      }
      // The server's own audit (MinLog), in the same exclusive section: no request goes unaudited, and
      // its AuditEvents are on disk before the answer. Nothing was read or written by a refused request.
      if (getStatus(answer[0]) < 400) await audit.record({ grant, interaction: interactionOf(routeMethod, routeUrl), touches: touched.touches });
      return answer;
    });
    // "201 means on disk": no answer before the journal holds what this request (and any before it) wrote.
    try {
      await store.durable();
    } catch (err) {
      return send(500, outcome(err.message, 'exception'));
    }
    const status = getStatus(result);
    const headers = {};
    if (status === 403) headers['www-authenticate'] = `${realm}, error="insufficient_scope"`;
    if (!resource) return send(status, result, headers);

    if (resource.resourceType === 'Bundle') {
      decorateBundle(resource, base, { type: first, searchParams, searchToken, fromGet: isTypeSearch && !searchToken, url });
    } else if (resource.meta?.versionId) {
      headers.etag = `W/"${resource.meta.versionId}"`;
      if (resource.meta.lastUpdated) headers['last-modified'] = new Date(resource.meta.lastUpdated).toUTCString();
      if (status === 201) headers.location = `${base}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
    }
    const minimal = /return=minimal/.test(String(req.headers.prefer ?? '')) && status < 300 && method !== 'GET';
    if (minimal) {
      res.writeHead(status, { 'content-type': FHIR_JSON, ...headers });
      return res.end();
    }
    return send(status, resource, headers);
  }

  /**
   * The FHIR interaction of a request, for its audit (a transaction's entries are audited by what each did).
   * @param {string} method @param {string} url relative to the base
   * @returns {import('@kpro/core').AuditInteraction}
   */
  function interactionOf(method, url) {
    const path = url.split('?')[0];
    const parts = path.split('/').filter(Boolean);
    if (method === 'POST' && parts[1] === '_search') return 'search-type';
    if (method === 'GET') {
      if (parts.length <= 1) return 'search-type';
      if (parts[2] === '_history') return parts.length > 3 ? 'vread' : 'history-instance';
      return 'read';
    }
    return { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[method] ?? 'read';
  }

  /**
   * Adds fullUrl to every entry and, for searches, total-aware paging links.
   * GET searches page with their own parameters; POST searches with an opaque token so that search
   * values (a CPR above all) never end up in a URL.
   */
  function decorateBundle(bundle, base, { type, searchParams, searchToken, fromGet, url }) {
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.id && !entry.fullUrl) entry.fullUrl = `${base}/${entry.resource.resourceType}/${entry.resource.id}`;
    }
    if (bundle.type !== 'searchset' || !searchParams) return;
    const count = Math.min(Number(searchParams._count ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = Number(searchParams._offset ?? 0) || 0;
    const pageUrl = (o) => {
      if (fromGet) {
        const params = new URLSearchParams(url.search);
        params.set('_count', String(count));
        params.set('_offset', String(o));
        return `${base}/${type}?${params}`;
      }
      return `${base}/${type}?_getpages=${searchToken}&_offset=${o}&_count=${count}`;
    };
    const link = [{ relation: 'self', url: pageUrl(offset) }, { relation: 'first', url: pageUrl(0) }];
    if (offset > 0) link.push({ relation: 'previous', url: pageUrl(Math.max(0, offset - count)) });
    if (bundle.total !== undefined && offset + count < bundle.total) link.push({ relation: 'next', url: pageUrl(offset + count) });
    bundle.link = link;
  }

  /** CapabilityStatement for one origin's base, advertising SMART (oauth-uris) as SMART 2.2 asks. */
  function capability(base) {
    const cached = capabilityCache.get(base);
    if (cached) return cached;
    const smart = smartConfiguration(base);
    const interactions = ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'];
    const statement = {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: localDate(),
      publisher: 'kpro sandbox',
      kind: 'instance',
      software: { name: 'kpro sandbox (Medplum fhir-router, in memory)' },
      implementation: { description: 'kpro development sandbox: synthetic data only', url: base },
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [
        {
          mode: 'server',
          security: {
            cors: true,
            service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
            extension: [
              {
                url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                extension: [
                  { url: 'authorize', valueUri: smart.authorization_endpoint },
                  { url: 'token', valueUri: smart.token_endpoint },
                  { url: 'revoke', valueUri: smart.revocation_endpoint },
                ],
              },
            ],
          },
          interaction: [{ code: 'transaction' }, { code: 'batch' }],
          resource: allResourceTypes().map((type) => ({
            type,
            interaction: interactions.map((code) => ({ code })),
            versioning: 'versioned',
            readHistory: true,
            conditionalCreate: true,
            conditionalUpdate: true,
            conditionalDelete: 'single',
            searchParam: Object.values(getSearchParameters(type) ?? {}).map((p) => ({ name: p.code, type: p.type })),
          })),
        },
      ],
    };
    capabilityCache.set(base, statement);
    return statement;
  }

  return { handle };
}
