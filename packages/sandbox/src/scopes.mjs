// SMART App Launch scopes: v2 (`patient/QuestionnaireResponse.crus`) and v1 (`patient/*.read`),
// narrowed to what the user's role allows, and checked for each FHIR interaction.

const ACTION_ORDER = ['c', 'r', 'u', 'd', 's'];
const V1 = { read: 'rs', write: 'cud', '*': 'cruds' };
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|[cruds]+)(\?.*)?$/;

/**
 * The only types a `user/` scope is granted for, and only to read and search: definitions (questionnaires,
 * plan templates, action guides in Basic, terminology) and the directory the plan assigner shows (care
 * teams, staff). Clinical data is reached only through `patient/` scopes, bound to the citizen in context,
 * so a launch id or token for one citizen never opens another's record. (Even for these types the FHIR
 * endpoint hides any resource that belongs to another citizen, e.g. a Basic or CareTeam with a subject.)
 */
export const USER_SCOPE_TYPES = ['Questionnaire', 'PlanDefinition', 'ActivityDefinition', 'Basic', 'ValueSet', 'CodeSystem', 'Library', 'CareTeam', 'Practitioner', 'PractitionerRole', 'Organization'];
const USER_SCOPE_ACTIONS = 'rs';
/**
 * Beyond reading: a care team's members may change who is in it (its participants only, with If-Match;
 * fhir-worklist.mjs), when their role may (roles.mjs).
 */
const USER_SCOPE_MORE = { CareTeam: 'u' };
/**
 * Only for a launch without a citizen (the task overview, intent `tasks`): the tasks of the user's care
 * teams (read, search, and update their owner, status, note and execution period) and the names of the
 * citizens they are for. The FHIR endpoint narrows both to the user's teams (fhir-worklist.mjs); no other
 * clinical data, and no patient/ scopes, since there is no citizen in context.
 */
export const WORKLIST_SCOPE_TYPES = { Task: 'rsu', Patient: 'rs' };

/** Scopes that are not about FHIR resources; granted as requested (when the client may have them). */
export const NON_RESOURCE_SCOPES = ['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'offline_access', 'online_access'];

/**
 * @typedef {{ context: 'patient'|'user'|'system', type: string, actions: Set<string>, v1: boolean, query?: string }} ResourceScope
 */

/**
 * @param {string} scope
 * @returns {ResourceScope | undefined}
 */
export function parseResourceScope(scope) {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m) return undefined;
  const [, context, type, actionText, query] = m;
  const v1 = actionText in V1;
  const actions = new Set(v1 ? V1[actionText] : actionText);
  return { context: /** @type {any} */ (context), type, actions, v1, query };
}

/** @param {Iterable<string>} actions */
function orderActions(actions) {
  const set = new Set(actions);
  return ACTION_ORDER.filter((a) => set.has(a)).join('');
}

/** Writes a scope back, in v1 words when the client asked in v1 and v1 can say it. */
function formatScope(context, type, actions, v1) {
  const text = orderActions(actions);
  if (v1) {
    const word = Object.entries(V1).find(([, v]) => v === text)?.[0];
    if (word) return `${context}/${type}.${word}`;
  }
  return `${context}/${type}.${text}`;
}

const intersect = (a, b) => new Set([...a].filter((x) => b.has(x)));
const isSubset = (a, b) => [...a].every((x) => b.has(x));

/**
 * Narrows requested scopes to a role's permissions. A server may grant less than asked (SMART 2.2),
 * so a read-only clinician who asks for `patient/QuestionnaireResponse.crus` gets `.rs`.
 * Scopes with a `?param=` filter are not granted: the FHIR endpoint does not enforce such filters,
 * and granting the whole type would be more than was asked for. system/ scopes are for backend services,
 * which this sandbox does not register. user/ scopes are granted only for USER_SCOPE_TYPES, read-only
 * (and the update of a care team's participants), plus WORKLIST_SCOPE_TYPES in a launch without a citizen;
 * `user/*` becomes one scope per such type. A launch without a citizen gets no patient/ scopes.
 * @param {string[]} requested
 * @param {Record<string, string>} permissions resource type (or '*') -> allowed actions, e.g. { '*': 'rs', QuestionnaireResponse: 'cruds' }
 * @param {{ worklist?: boolean }} [context] worklist: the launch has no citizen in context (intent `tasks`)
 * @returns {string[]}
 */
export function narrowScopes(requested, permissions, { worklist = false } = {}) {
  const perms = Object.fromEntries(Object.entries(permissions).map(([k, v]) => [k, new Set(v)]));
  const userTypes = {
    ...Object.fromEntries(USER_SCOPE_TYPES.map((t) => [t, new Set(USER_SCOPE_ACTIONS + (USER_SCOPE_MORE[t] ?? ''))])),
    ...(worklist ? Object.fromEntries(Object.entries(WORKLIST_SCOPE_TYPES).map(([t, a]) => [t, new Set(a)])) : {}),
  };
  const out = [];
  for (const scope of requested) {
    if (NON_RESOURCE_SCOPES.includes(scope)) {
      out.push(scope);
      continue;
    }
    const parsed = parseResourceScope(scope);
    if (!parsed || parsed.query || parsed.context === 'system') continue;
    const { context, type, actions, v1 } = parsed;
    if (context === 'user') {
      for (const t of type === '*' ? Object.keys(userTypes) : Object.keys(userTypes).filter((x) => x === type)) {
        const granted = intersect(intersect(actions, userTypes[t]), perms[t] ?? perms['*'] ?? new Set());
        if (granted.size) out.push(formatScope(context, t, granted, v1));
      }
      continue;
    }
    if (worklist) continue; // patient/ scopes: there is no citizen in context
    if (type !== '*') {
      const granted = intersect(actions, perms[type] ?? perms['*'] ?? new Set());
      if (granted.size) out.push(formatScope(context, type, granted, v1));
      continue;
    }
    // A wildcard: grant what every type allows, then per-type scopes for types that allow more.
    const base = intersect(actions, perms['*'] ?? new Set());
    if (base.size) out.push(formatScope(context, '*', base, v1));
    for (const [t, allowed] of Object.entries(perms)) {
      if (t === '*') continue;
      const extra = intersect(actions, allowed);
      if (extra.size && !isSubset(extra, base)) out.push(formatScope(context, t, extra, v1));
    }
  }
  return mergeScopes(out);
}

/**
 * One scope per context and type: `user/CareTeam.rs` and `user/CareTeam.rsu` asked for together are
 * granted as `user/CareTeam.rsu` (v1 words only when every part was v1).
 * @param {string[]} scopes
 */
function mergeScopes(scopes) {
  /** @type {Map<string, { context: string, type: string, actions: Set<string>, v1: boolean } | string>} */
  const merged = new Map();
  for (const scope of scopes) {
    const parsed = parseResourceScope(scope);
    if (!parsed) {
      merged.set(scope, scope);
      continue;
    }
    const key = `${parsed.context}/${parsed.type}`;
    const seen = merged.get(key);
    if (seen && typeof seen !== 'string') {
      for (const a of parsed.actions) seen.actions.add(a);
      seen.v1 &&= parsed.v1;
    } else merged.set(key, { context: parsed.context, type: parsed.type, actions: new Set(parsed.actions), v1: parsed.v1 });
  }
  return [...merged.values()].map((m) => (typeof m === 'string' ? m : formatScope(m.context, m.type, m.actions, m.v1)));
}

/**
 * Which scope grants an action on a type: 'all' (a user/ or system/ scope), 'patient' (only patient/
 * scopes: limited to the patient compartment) or null (forbidden).
 * @param {string[]} grantedScopes
 * @param {string} type
 * @param {'c'|'r'|'u'|'d'|'s'} action
 * @returns {'all'|'patient'|null}
 */
export function accessFor(grantedScopes, type, action) {
  let result = null;
  for (const scope of grantedScopes) {
    const parsed = parseResourceScope(scope);
    if (!parsed || parsed.query) continue;
    if (parsed.type !== '*' && parsed.type !== type) continue;
    if (!parsed.actions.has(action)) continue;
    if (parsed.context !== 'patient') return 'all';
    result = 'patient';
  }
  return result;
}
