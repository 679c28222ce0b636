// SMART App Launch 2.2 authorization server on oidc-provider: EHR launch from the simulated EOJ
// (opaque launch id, single-use, bound to the EOJ session, five minutes; automatic log-in as the EOJ's
// clinician), standalone launch for citizens with a patient picker, PKCE S256, v2/v1 scopes narrowed to
// the user's role (user/ scopes only for definitions), RS256 JWT access tokens for the FHIR base with the
// launch's correlation id in them, verified by the FHIR endpoint on every request, and RFC 7009 revocation
// of those JWTs (oidc-provider revokes only opaque tokens).
//
// One oidc-provider per origin (127.0.0.1:<port> and localhost:<port>): the browser runs the whole
// flow inside the EOJ's iframe, and oidc-provider's interaction cookies only reach a same-site
// issuer there. Issuer, FHIR base and token audience therefore follow the host the browser used.
import Provider, { errors } from 'oidc-provider';
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from 'jose';
import { CPR_SYSTEM } from './cpr.mjs';
import { eojSessionOf } from './eoj-page.mjs';
import { readBody, parseForm, sendHtml, sendJson } from './http-util.mjs';
import { createRevocationList } from './revocations.mjs';
import { CITIZEN_PERMISSIONS, practitionerById } from './roles.mjs';
import { NON_RESOURCE_SCOPES, narrowScopes, parseResourceScope } from './scopes.mjs';
import { createAdapterClass } from './oidc-adapter.mjs';
import { consentPage, errorPage, patientPickerPage } from './smart-pages.mjs';
import { loadOrCreateKeys } from './smart-keys.mjs';

/** Role of the fhirContext item that carries the citizen's CPR (ours: SMART has none for this). */
export const CPR_CONTEXT_ROLE = 'https://kpro.example.dk/fhir/smart-role/cpr-context';
export const APP_CLIENT_ID = 'kpro-app';
export const CITIZEN_CLIENT_ID = 'kpro-citizen';
/** The clients' names, as MinLog shows the system a look-up was made in. */
export const CLIENT_NAMES = { [APP_CLIENT_ID]: 'kpro (PRO i EOJ)', [CITIZEN_CLIENT_ID]: 'kpro borger' };

/**
 * The error_description of a refused launch (with error=invalid_request at the app's redirect URI). The
 * app recognises "launch" in it and shows its "open the citizen again from the EOJ" screen.
 */
export const LAUNCH_REFUSED =
  'The launch is unknown, already used, expired or not from this EOJ session (a launch works once, for five minutes, in the EOJ that made it): open the citizen again from the EOJ';

const CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-standalone-patient',
  'context-banner',
  'context-style',
  'permission-v2',
  'permission-v1',
  'permission-patient',
  'permission-user',
  'permission-offline',
  'permission-online',
  'sso-openid-connect',
];

/**
 * @param {{
 *   dataDir: string,
 *   repo: import('./fhir-repository.mjs').SandboxRepository,
 *   launches: ReturnType<import('./launches.mjs').createLaunchStore>,
 *   origins: () => string[],
 *   tokenTtl: number,
 * }} options
 */
export function createSmartAuth({ dataDir, repo, launches, origins, tokenTtl }) {
  const keys = loadOrCreateKeys(dataDir);
  const jwks = createLocalJWKSet({ keys: [keys.publicJwk] });
  const signingKey = importJWK(keys.privateJwk, 'RS256');
  /** @type {Map<string, Provider>} */
  const providers = new Map();
  const Adapter = createAdapterClass();
  const revocations = createRevocationList(dataDir);

  /**
   * Redirect URIs: the app page on every origin the sandbox answers. The citizen's standalone launch
   * (packages/app/citizen.html) comes back to `./?view=citizen`; redirect URIs match exactly, query included.
   * @param {string} clientId
   */
  const redirectUris = (clientId) =>
    origins().flatMap((o) => [`${o}/app/`, `${o}/app/index.html`, ...(clientId === CITIZEN_CLIENT_ID ? [`${o}/app/?view=citizen`] : [])]);

  /** @param {string} origin */
  function endpoints(origin) {
    const issuer = `${origin}/oidc`;
    return {
      issuer,
      fhirBase: `${origin}/fhir`,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      revocation_endpoint: `${issuer}/token/revocation`,
      introspection_endpoint: `${issuer}/token/introspection`,
      jwks_uri: `${issuer}/jwks`,
    };
  }

  /** The token response's launch context (SMART 2.2 "Launch context arrives with your access_token"). */
  function tokenContext(context, origin) {
    const out = { need_patient_banner: context.needPatientBanner, scope: context.scope };
    if (context.patient) out.patient = context.patient;
    if (context.ehrLaunch) {
      out.smart_style_url = `${origin}/eoj/smart-style.json`;
      // The CPR travels in the token response body (TLS in production), never in a URL.
      if (context.cpr) {
        out.fhirContext = [{ type: 'Patient', identifier: { system: CPR_SYSTEM, value: context.cpr }, role: CPR_CONTEXT_ROLE }];
      }
    }
    if (context.intent) out.intent = context.intent;
    // SMART Web Messaging: where the app may post messages (the EOJ page around its frame) and the handle
    // that names this launch in them (the task overview's "open citizen").
    if (context.ehrLaunch && context.messagingHandle) {
      out.smart_web_messaging_origin = origin;
      out.smart_web_messaging_handle = context.messagingHandle;
    }
    // The EHR user's language (our convention, like the CPR role): the app starts in it.
    if (context.locale) out.locale = context.locale;
    return out;
  }

  /** simulate=expired: the same token, re-signed with exp = iat, so it is expired whenever it is used. */
  async function expireToken(token) {
    const payload = decodeJwt(token);
    return new SignJWT({ ...payload, exp: payload.iat }).setProtectedHeader(decodeProtectedHeader(token)).sign(await signingKey);
  }

  /** @param {string} origin */
  function providerFor(origin) {
    const existing = providers.get(origin);
    if (existing) return existing;
    const urls = endpoints(origin);
    const { fhirBase } = urls;
    const client = (client_id, client_name) => ({
      client_id,
      client_name,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: redirectUris(client_id),
    });

    const provider = new Provider(urls.issuer, {
      adapter: Adapter,
      clients: [client(APP_CLIENT_ID, CLIENT_NAMES[APP_CLIENT_ID]), client(CITIZEN_CLIENT_ID, CLIENT_NAMES[CITIZEN_CLIENT_ID])],
      jwks: { keys: [keys.privateJwk] },
      cookies: { keys: keys.cookieKeys },
      scopes: NON_RESOURCE_SCOPES,
      claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['name'] },
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        revocation: { enabled: true },
        introspection: { enabled: true },
        userinfo: { enabled: false },
        rpInitiatedLogout: { enabled: false },
        resourceIndicators: {
          enabled: true,
          // SMART apps send `aud`, not RFC 8707 `resource`: every token is for this origin's FHIR base.
          defaultResource: () => fhirBase,
          useGrantedResource: () => true,
          getResourceServerInfo(ctx, indicator) {
            if (indicator !== fhirBase) throw new errors.InvalidTarget(`the only resource is ${fhirBase}`);
            // Any well-formed SMART resource scope may be asked for; the grant narrows it per role.
            const asked = ctx.oidc.params?.scope ?? ctx.oidc.entities?.AuthorizationCode?.scope ?? ctx.oidc.entities?.RefreshToken?.scope ?? '';
            const scope = String(asked).split(' ').filter((s) => parseResourceScope(s)).join(' ');
            return {
              scope,
              audience: fhirBase,
              accessTokenTTL: tokenTtl,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
      extraParams: {
        aud(_ctx, value) {
          // SMART: the server must refuse a token request for a resource server it does not know.
          if (!value) throw new errors.InvalidRequest('aud is required: the FHIR base URL');
          if (String(value).replace(/\/+$/, '') !== fhirBase) throw new errors.InvalidRequest(`aud must be ${fhirBase}`);
        },
        launch(_ctx, value, clientModel) {
          if (clientModel?.clientId === APP_CLIENT_ID && !value) {
            throw new errors.InvalidRequest('kpro-app is opened from the EOJ: an EHR launch (launch parameter) is required');
          }
          if (clientModel?.clientId === CITIZEN_CLIENT_ID && value) {
            throw new errors.InvalidRequest('kpro-citizen uses the standalone launch (no launch parameter)');
          }
          // A launch id is a one-time ticket: this authorization uses it up, and only the EOJ browser
          // session that created it may (a captured id alone opens nothing).
          if (value && !launches.claim(String(value), eojSessionOf(_ctx.req))) throw new errors.InvalidRequest(LAUNCH_REFUSED);
        },
      },
      async findAccount(_ctx, sub) {
        const [type, id] = String(sub).split('/');
        if (!['Practitioner', 'Patient'].includes(type)) return undefined;
        const resource = await repo.readResource(type, id).catch(() => undefined);
        if (!resource) return undefined;
        const name = resource.name?.[0];
        return {
          accountId: sub,
          claims: () => ({ sub, fhirUser: `${fhirBase}/${sub}`, name: name ? [...(name.given ?? []), name.family].join(' ') : undefined }),
        };
      },
      async extraTokenClaims(_ctx, token) {
        if (token.kind !== 'AccessToken') return undefined;
        const context = launches.grant(token.grantId);
        if (!context) return undefined;
        // The FHIR endpoint reads the patient binding, the launch's correlation id (for the audit it
        // writes), the grant (for revocation) and the simulated failure from the token itself.
        return {
          fhirUser: `${fhirBase}/${context.accountId}`,
          kpro_correlation: context.correlationId,
          kpro_grant: token.grantId,
          ...(context.patient ? { patient: context.patient } : {}),
          ...(context.simulate ? { kpro_simulate: context.simulate } : {}),
        };
      },
      interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
      // Every authorization gets a fresh grant from the interaction: a second launch in the same browser
      // must carry its own patient and clinician, never a previous session's grant.
      async loadExistingGrant(ctx) {
        const grantId = ctx.oidc.result?.consent?.grantId;
        return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
      },
      // SMART: offline_access and online_access both ask for a refresh token.
      async issueRefreshToken(_ctx, clientModel, code) {
        return clientModel.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || code.scopes.has('online_access'));
      },
      ttl: {
        AccessToken: tokenTtl,
        AuthorizationCode: 120,
        IdToken: 3600,
        RefreshToken: 24 * 3600,
        Interaction: 3600,
        Session: 24 * 3600,
        Grant: 24 * 3600,
      },
      clientBasedCORS: () => true,
      async renderError(ctx, out) {
        ctx.type = 'html';
        ctx.body = errorPage(out.error, out.error_description);
      },
    });

    provider.use(async (ctx, next) => {
      // OpenID Connect drops offline_access unless prompt=consent; SMART apps (fhirclient) do not send
      // prompt. Every authorization here goes through an interaction anyway, so asking for it is free.
      if (ctx.path === '/auth' && ctx.method === 'GET' && /(^|\s)offline_access(\s|$)/.test(String(ctx.query.scope ?? '')) && !ctx.query.prompt) {
        ctx.query = { ...ctx.query, prompt: 'consent' };
      }
      await next();
      if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.access_token) return;
      const context = launches.grant(ctx.oidc?.entities?.AccessToken?.grantId);
      if (!context) return;
      if (context.simulate === 'expired') {
        if (ctx.oidc.params?.grant_type === 'refresh_token') {
          ctx.status = 400;
          ctx.body = { error: 'invalid_grant', error_description: 'The refresh token has expired (simulated by the EOJ)' };
          return;
        }
        ctx.body.access_token = await expireToken(ctx.body.access_token);
        ctx.body.expires_in = 0;
      }
      Object.assign(ctx.body, tokenContext(context, origin));
    });

    providers.set(origin, provider);
    return provider;
  }

  /**
   * Completes an interaction: creates the grant with the scopes the role allows and logs the user in.
   * The interaction's requested scope is replaced by the narrowed one before resuming, because
   * oidc-provider issues only scopes that were both requested and granted.
   */
  async function grantAndFinish(provider, origin, req, res, details, { accountId, permissions, context }) {
    const narrowed = narrowScopes(String(details.params.scope ?? '').split(' ').filter(Boolean), permissions, { worklist: !!context.worklist });
    const oidcScopes = narrowed.filter((s) => NON_RESOURCE_SCOPES.includes(s));
    const resourceScopes = narrowed.filter((s) => !NON_RESOURCE_SCOPES.includes(s));
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
    if (resourceScopes.length) grant.addResourceScope(endpoints(origin).fhirBase, resourceScopes.join(' '));
    const grantId = await grant.save();
    launches.setGrant(grantId, { ...context, accountId, scope: narrowed.join(' ') });
    details.params.scope = narrowed.join(' ');
    // `exp` is oidc-provider's, on the machine's clock (see oidc-adapter.mjs).
    await details.save(Math.max(1, details.exp - Math.floor(Date.now() / 1000)));
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  /** Log-in and consent pages (ours, not oidc-provider's dev pages). */
  async function handleInteraction(req, res, provider, origin, uid, action) {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (err) {
      return sendHtml(res, 400, errorPage('session_not_found', `Log-ind-sessionen findes ikke længere (${err.message}). Åbn appen igen fra EOJ.`));
    }
    if (details.uid !== uid) return sendHtml(res, 400, errorPage('invalid_request', 'Forkert log-ind-session.'));
    const { params } = details;
    const launch = launches.claimed(params.launch);
    const form = req.method === 'POST' ? parseForm(await readBody(req)) : {};

    if (action === 'abort') {
      const denied = launch ? 'Samtykke blev afvist (simuleret af EOJ)' : 'Borgeren afviste adgang';
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: denied }, { mergeWithLastSubmission: false });
    }

    if (launch) {
      const practitioner = practitionerById(launch.practitionerId);
      if (!practitioner) return sendHtml(res, 400, errorPage('invalid_request', 'Ukendt behandler i launch.'));
      // The clinician is already logged in to the EOJ: log in as them and grant at once, unless the
      // EOJ asked to show the consent step (so tests can produce "denied consent").
      if (launch.simulate === 'consent' && action !== 'confirm') {
        // Show what would be granted (the role's share of the request), not the raw request.
        const granted = narrowScopes(String(params.scope ?? '').split(' ').filter(Boolean), practitioner.permissions, { worklist: launch.intent === 'tasks' }).join(' ');
        return sendHtml(res, 200, consentPage({ uid, clientId: params.client_id, scopes: granted, who: practitioner, launch }));
      }
      return grantAndFinish(provider, origin, req, res, details, {
        accountId: `Practitioner/${practitioner.id}`,
        permissions: practitioner.permissions,
        context: {
          patient: launch.patientId,
          cpr: launch.cpr,
          intent: launch.intent,
          locale: launch.locale,
          simulate: ['expired', 'fhir-down'].includes(launch.simulate) ? launch.simulate : undefined,
          // The task overview (intent tasks): no citizen in context, so no banner and the worklist's scopes.
          needPatientBanner: launch.intent !== 'tasks' && !launch.eojShowsBanner,
          worklist: launch.intent === 'tasks',
          messagingHandle: launch.messagingHandle,
          ehrLaunch: true,
        },
      });
    }

    // Standalone launch: the citizen "logs in" by picking themselves (a stand-in for MitID).
    if (action === 'confirm' && typeof form.patient === 'string') {
      const patient = await repo.readResource('Patient', form.patient).catch(() => undefined);
      if (patient) {
        return grantAndFinish(provider, origin, req, res, details, {
          accountId: `Patient/${patient.id}`,
          permissions: CITIZEN_PERMISSIONS,
          context: { patient: patient.id, needPatientBanner: true, ehrLaunch: false },
        });
      }
    }
    const bundle = await repo.search({ resourceType: 'Patient', sortRules: [{ code: 'family' }] });
    const patients = (bundle.entry ?? []).map((e) => e.resource);
    return sendHtml(res, 200, patientPickerPage({ uid, clientId: params.client_id, scopes: params.scope, patients, error: action === 'confirm' }));
  }

  /** The claims of a JWT access token this origin issued (signature and issuer checked; expiry not). */
  async function ourAccessToken(token, origin) {
    try {
      const { payload, protectedHeader } = await compactVerify(token, jwks, { algorithms: ['RS256'] });
      const claims = JSON.parse(new TextDecoder().decode(payload));
      return protectedHeader.typ === 'at+jwt' && claims.iss === `${origin}/oidc` ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * RFC 7009 for every token we issue: a JWT access token is revoked with its whole grant (its refresh
   * token and every access token of the launch), as is a refresh token. Public clients name themselves
   * with client_id; a token issued to another client is not theirs to revoke.
   */
  async function revoke(req, res, provider, origin) {
    const cors = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(String(req.headers.origin ?? '')) ? { 'access-control-allow-origin': String(req.headers.origin), vary: 'Origin' } : {};
    let form;
    try {
      form = parseForm(await readBody(req, 64 * 1024));
    } catch {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'unreadable body' }, cors);
    }
    const token = typeof form.token === 'string' ? form.token : '';
    const clientId = typeof form.client_id === 'string' ? form.client_id : '';
    if (!token || !clientId) return sendJson(res, 400, { error: 'invalid_request', error_description: 'token and client_id are required' }, cors);
    if (![APP_CLIENT_ID, CITIZEN_CLIENT_ID].includes(clientId)) return sendJson(res, 401, { error: 'invalid_client' }, cors);
    const notTheirs = () => sendJson(res, 400, { error: 'unauthorized_client', error_description: 'the token was issued to another client' }, cors);

    const claims = token.split('.').length === 3 ? await ourAccessToken(token, origin) : undefined;
    let grantId;
    if (claims) {
      if (claims.client_id !== clientId) return notTheirs();
      revocations.revoke({ jti: claims.jti, exp: claims.exp, grant: typeof claims.kpro_grant === 'string' ? claims.kpro_grant : undefined });
      grantId = claims.kpro_grant;
    } else {
      const refresh = await provider.RefreshToken.find(token).catch(() => undefined);
      if (refresh) {
        if (refresh.clientId !== clientId) return notTheirs();
        grantId = refresh.grantId;
        revocations.revokeGrant(grantId);
      }
    }
    if (typeof grantId === 'string') {
      await Promise.all([provider.RefreshToken.revokeByGrantId(grantId), provider.AuthorizationCode.revokeByGrantId(grantId), provider.Grant.adapter.destroy(grantId)]);
    }
    // Unknown and already-dead tokens are answered the same way (RFC 7009 section 2.2).
    res.writeHead(200, { 'cache-control': 'no-store', 'content-length': '0', ...cors }).end();
  }

  return {
    /**
     * Handles /oidc/*.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {string} origin
     */
    async handle(req, res, origin) {
      const provider = providerFor(origin);
      const path = new URL(req.url, origin).pathname;
      const m = /^\/oidc\/interaction\/([^/]+)(?:\/(confirm|abort))?$/.exec(path);
      if (m) return handleInteraction(req, res, provider, origin, m[1], m[2]);
      if (path === '/oidc/token/revocation' && req.method === 'POST') return revoke(req, res, provider, origin);
      // Mount oidc-provider under /oidc: it derives its mount path from originalUrl minus url.
      req.originalUrl = req.url;
      req.url = req.url.slice('/oidc'.length) || '/';
      return provider.callback()(req, res);
    },

    /**
     * Verifies an access token for one FHIR base (signature, issuer, audience, expiry).
     * @param {string} token
     * @param {string} fhirBase
     */
    async verifyToken(token, fhirBase) {
      const origin = new URL(fhirBase).origin;
      const { payload } = await jwtVerify(token, jwks, {
        issuer: `${origin}/oidc`,
        audience: fhirBase,
        algorithms: ['RS256'],
        typ: 'at+jwt',
      });
      if (revocations.isRevoked({ jti: payload.jti, grant: payload.kpro_grant })) {
        throw Object.assign(new Error('The access token has been revoked'), { code: 'ERR_TOKEN_REVOKED' });
      }
      return {
        scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
        patient: typeof payload.patient === 'string' ? payload.patient : undefined,
        clientId: String(payload.client_id ?? ''),
        sub: String(payload.sub ?? ''),
        simulate: typeof payload.kpro_simulate === 'string' ? payload.kpro_simulate : undefined,
        // Set by us at launch, signed: the audit takes it from here, never from the client.
        correlationId: typeof payload.kpro_correlation === 'string' ? payload.kpro_correlation : String(payload.kpro_grant ?? payload.jti ?? ''),
      };
    },

    /** /fhir/.well-known/smart-configuration for one FHIR base. @param {string} fhirBase */
    smartConfiguration(fhirBase) {
      const { issuer, authorization_endpoint, token_endpoint, revocation_endpoint, introspection_endpoint, jwks_uri } = endpoints(new URL(fhirBase).origin);
      return {
        issuer,
        jwks_uri,
        authorization_endpoint,
        token_endpoint,
        revocation_endpoint,
        introspection_endpoint,
        token_endpoint_auth_methods_supported: ['none'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: [
          ...NON_RESOURCE_SCOPES,
          'patient/*.cruds',
          'user/*.cruds',
          'patient/*.read',
          'patient/*.write',
          'user/*.read',
          'user/*.write',
        ],
        capabilities: CAPABILITIES,
      };
    },

    redirectUris,
  };
}
