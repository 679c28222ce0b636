// Access control for one request: a view of the repository that enforces the token's SMART scopes
// (resource type + c/r/u/d/s) and, for patient-level scopes, the patient compartment; that narrows the
// user-level Task and Patient scopes of a launch without a citizen to the user's care teams' tasks and the
// names of their citizens (fhir-worklist.mjs); that refuses any client write of an AuditEvent (the server
// writes them); and that tells the audit what the request read and wrote. Done at the repository level, not per URL, so batches, transactions, _include/_revinclude
// and conditional requests are checked (and audited) by the same code as plain reads and writes.
import './websocket-shim.mjs';
import {
  allOk,
  created,
  evalFhirPath,
  forbidden,
  getSearchParameters,
  multipleMatches,
  OperationOutcomeError,
  Operator,
} from '@medplum/core';
import { getExtraEntries } from '@medplum/fhir-router';
import { patientIdOf, patientsOf, referencesIn } from '@kpro/core';
import { patientCompartmentParams, validate } from './fhir-definitions.mjs';
import { accessFor } from './scopes.mjs';
import { checkCareTeamUpdate, checkTaskUpdate, patientInList, patientRevealed, requireIfMatch, taskOnTeams, teamsOf } from './fhir-worklist.mjs';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const PATIENT_REF = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
/** A reference to a resource on this server: `Type/id` (a full URL's tail is read the same way). */
const LOCAL_REF = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** @param {string} text */
export function forbiddenError(text) {
  return new OperationOutcomeError({ ...forbidden, issue: [{ ...forbidden.issue[0], details: { text } }] });
}

/**
 * Stored versions never change (a write makes a new version id), so the compartment of what the store
 * returned can be remembered: searches check every match, and the server's AuditEvents soon outnumber
 * everything else. Never used for a resource a client sends: it could carry a stored version's meta.
 */
const storedCompartments = new Map();
const STORED_COMPARTMENTS_MAX = 100_000;

/** The compartment of a version the store returned (cached by type, id and version id). */
function storedCompartmentPatients(resource) {
  const key = `${resource.resourceType}/${resource.id}/${resource.meta?.versionId}`;
  let ids = storedCompartments.get(key);
  if (!ids) {
    ids = compartmentPatients(resource);
    if (storedCompartments.size >= STORED_COMPARTMENTS_MAX) storedCompartments.clear();
    if (resource.meta?.versionId) storedCompartments.set(key, ids);
  }
  return ids;
}

/**
 * Ids of the patients whose compartment a resource is in, from the Patient CompartmentDefinition.
 * @param {import('@medplum/fhirtypes').Resource} resource
 * @returns {Set<string>}
 */
export function compartmentPatients(resource) {
  // An AuditEvent's compartment (agent.who or entity.what that is a Patient) is every Patient it names:
  // read without FHIRPath, since the server writes one per request and searches meet thousands.
  if (resource.resourceType === 'AuditEvent') return patientsOf(resource);
  const ids = new Set();
  if (resource.resourceType === 'Patient' && resource.id) ids.add(resource.id);
  const params = getSearchParameters(resource.resourceType) ?? {};
  for (const code of patientCompartmentParams(resource.resourceType)) {
    const expression = params[code]?.expression;
    if (!expression) continue;
    for (const value of evalFhirPath(expression, resource)) {
      const m = PATIENT_REF.exec(value?.reference ?? '');
      if (m) ids.add(m[1]);
    }
  }
  return ids;
}

/**
 * Where a resource stands for a token bound to one patient:
 * 'own' (that patient's data), 'other' (only other patients' data) or 'none' (no patient's data at all:
 * definitions such as Questionnaire, or a Basic action guide; readable, not writable, with patient scopes).
 * @param {import('@medplum/fhirtypes').Resource} resource
 * @param {string | undefined} patientId undefined when the launch found no patient
 * @param {{ stored?: boolean }} [options] stored: the resource is a version the store returned (cacheable)
 */
export function compartmentStatus(resource, patientId, { stored = false } = {}) {
  const ids = stored ? storedCompartmentPatients(resource) : compartmentPatients(resource);
  if (ids.size === 0) return 'none';
  return patientId && ids.has(patientId) ? 'own' : 'other';
}

/** Nothing to audit (tests of the access rules alone). */
const NO_AUDIT = { touch() {}, mark: () => 0, rollback() {} };

/**
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {{ scopes: string[], patient?: string, sub?: string }} grant
 * @param {Pick<ReturnType<import('./fhir-audit.mjs').createTouchCollector>, 'touch' | 'mark' | 'rollback'>} [audit]
 *   told about every resource the request read or wrote, once it succeeded
 * @returns {import('./fhir-repository.mjs').SandboxRepository}
 */
export function scopedRepository(repo, grant, audit = NO_AUDIT) {
  const { scopes, patient } = grant;
  const user = grant.sub ?? '';

  /** @returns {'all'|'patient'} */
  const check = (type, action) => {
    const access = accessFor(scopes, type, action);
    const verb = { c: 'create', r: 'read', u: 'update', d: 'delete', s: 'search' }[action];
    if (!access) throw forbiddenError(`The granted scopes do not allow ${verb} of ${type}`);
    return access;
  };
  // Another citizen's data is out of reach whatever the scope: user/ scopes are granted only for
  // definitions (scopes.mjs), and a definition type can still hold a citizen's resource (a Basic or a
  // CareTeam with a subject).
  const assertReadable = (resource) => {
    if (compartmentStatus(resource, patient, { stored: true }) === 'other') {
      throw forbiddenError(`${resource.resourceType}/${resource.id} is outside the patient in context`);
    }
  };
  const assertWritable = (resource, access) => {
    if (resource.resourceType === 'AuditEvent') {
      throw forbiddenError('AuditEvents are written by the FHIR server itself; clients may read them, never create, change or delete them');
    }
    if (access === 'patient' && compartmentStatus(resource, patient) !== 'own') {
      throw forbiddenError(`A patient-level token may only write data of the patient in context (${resource.resourceType})`);
    }
  };

  /**
   * A write names only the citizen in context: every Reference to a Patient anywhere in it (subject,
   * author, source, performer, extensions, contained resources …) is that citizen, and so are the citizens
   * of the resources it points at on this server (basedOn, partOf, investigation, focus …: one look-up
   * per reference, no further). Otherwise a token for Inge could file data in Jens's record.
   */
  const assertNamesOnlyPatientInContext = async (resource) => {
    for (const reference of referencesIn(resource)) {
      const patientId = patientIdOf(reference);
      if (patientId !== undefined) {
        if (patientId !== patient) throw forbiddenError(`${resource.resourceType} may name only the citizen in context, not ${reference}`);
        continue;
      }
      const target = LOCAL_REF.exec(reference);
      if (!target || reference.startsWith('#')) continue;
      const existing = await readRaw(target[1], target[2]).catch(() => undefined);
      if (!existing) continue;
      for (const other of patientsOf(existing)) {
        if (other !== patient) throw forbiddenError(`${resource.resourceType} refers to ${target[1]}/${target[2]}, which belongs to another citizen`);
      }
    }
  };
  const readRaw = (type, id) => repo.readResource(type, id);

  // The worklist (user/Task, user/Patient: a launch without a citizen): the user's care teams decide.
  /** @type {Set<string> | undefined} */
  let teams;
  const myTeams = () => (teams ??= teamsOf(repo, user));
  const isWorklist = (type, access) => access === 'all' && (type === 'Task' || type === 'Patient');
  const assertOnMyTeams = (task) => {
    if (!taskOnTeams(task, myTeams())) throw forbiddenError(`Task/${task.id} is not a task of your care teams`);
  };
  const assertMyCitizen = (patientResource) => {
    if (!repo.tasksFor(patientResource.id).some((t) => taskOnTeams(t, myTeams()))) throw forbiddenError(`Patient/${patientResource.id} has no task of your care teams`);
  };
  /** A worklist read of one resource: a task of the user's teams, or the name of a citizen it is for. */
  const readForList = (type, resource) => {
    if (type === 'Task') assertOnMyTeams(resource);
    else assertMyCitizen(resource);
    audit.touch('read', resource, { list: true });
    return type === 'Patient' ? patientInList(resource) : resource;
  };

  /** A worklist search: the teams' tasks (paged by the repository's task index), or their citizens' names. */
  const worklistSearch = async (searchRequest) => {
    const { count, offset, include, revInclude, ...rest } = searchRequest;
    const pageSize = Math.min(count ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const start = offset ?? 0;
    let page;
    let total;
    if (rest.resourceType === 'Task') {
      const teamIds = [...myTeams()];
      if (!teamIds.length) return { resourceType: 'Bundle', type: 'searchset', total: 0 };
      const onMyTeams = { code: 'responsible', operator: Operator.EQUALS, value: teamIds.map((id) => `CareTeam/${id}`).join(',') };
      const bundle = await repo.search({ ...rest, filters: [...(rest.filters ?? []), onMyTeams], count: pageSize, offset: start });
      page = bundle.entry ?? [];
      total = bundle.total;
    } else {
      const allowed = repo.patientsOfTeams(myTeams());
      const all = await repo.search({ ...rest, count: undefined, offset: undefined });
      const entries = (all.entry ?? []).filter((e) => allowed.has(e.resource.id));
      page = entries.slice(start, start + pageSize).map((e) => ({ ...e, resource: patientInList(e.resource) }));
      total = entries.length;
    }
    for (const e of page) audit.touch('search-type', e.resource, { list: true });
    if ((include || revInclude) && page.length) await getExtraEntries(proxy, searchRequest, page.map((e) => e.resource), page);
    return { resourceType: 'Bundle', type: 'searchset', total, entry: page.length ? page : undefined };
  };

  /**
   * An update the worklist or the team page may make (a task's workflow fields, a team's participants),
   * with If-Match; undefined when the update is not one of those.
   */
  const checkedUpdate = async (type, access, existing, next, options) => {
    if (access !== 'all' || (type !== 'Task' && type !== 'CareTeam')) return false;
    if (!existing) throw forbiddenError(`${type}s are not created with this scope`);
    requireIfMatch(options, `A ${type}`);
    validate(next); // a body that is no valid resource is a 400, before anything is compared
    if (type === 'Task') {
      assertOnMyTeams(existing);
      checkTaskUpdate(existing, next, user, forbiddenError);
    } else {
      await checkCareTeamUpdate(existing, next, user, (t, id) => readRaw(t, id).catch(() => undefined), forbiddenError);
    }
    return true;
  };

  /** Runs a search without paging or includes, keeps what the token may see, then pages and includes. */
  const search = async (searchRequest) => {
    if (isWorklist(searchRequest.resourceType, check(searchRequest.resourceType, 's'))) return worklistSearch(searchRequest);
    const { count, offset, include, revInclude, ...rest } = searchRequest;
    const pageSize = Math.min(count ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const start = offset ?? 0;
    const all = await repo.search({ ...rest, count: undefined, offset: undefined });
    const entries = (all.entry ?? []).filter((e) => compartmentStatus(e.resource, patient, { stored: true }) !== 'other');
    const page = entries.slice(start, start + pageSize);
    for (const e of page) audit.touch('search-type', e.resource);
    if ((include || revInclude) && page.length) {
      // Included resources are read through this same view, so they are checked (and audited) too.
      await getExtraEntries(proxy, searchRequest, page.map((e) => e.resource), page);
    }
    return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: page.length ? page : undefined };
  };

  const overrides = {
    search,
    async readResource(type, id) {
      const access = check(type, 'r');
      const resource = await readRaw(type, id);
      if (isWorklist(type, access)) {
        if (type === 'Task') return readForList(type, resource);
        // One citizen read on her own from the worklist (to show her CPR): a look-up of her, in MinLog.
        assertMyCitizen(resource);
        audit.touch('read', resource);
        return patientRevealed(resource);
      }
      assertReadable(resource);
      audit.touch('read', resource);
      return resource;
    },
    async readReference(reference) {
      const [type, id] = reference.reference?.split('/') ?? [];
      return proxy.readResource(type, id);
    },
    async readReferences(references) {
      // `_include`: in a worklist, the tasks' citizens come as names only, as list reads.
      const one = async (r) => {
        const [type, id] = r.reference?.split('/') ?? [];
        const access = accessFor(scopes, type, 'r');
        return isWorklist(type, access) ? readForList(type, await readRaw(type, id)) : proxy.readReference(r);
      };
      return Promise.all(references.map((r) => one(r).catch((err) => err)));
    },
    async readHistory(type, id, options) {
      const access = check(type, 'r');
      if (isWorklist(type, access)) {
        if (type === 'Patient') throw forbiddenError('A worklist reads a citizen’s name, not her history');
        assertOnMyTeams(await readRaw(type, id));
        const bundle = await repo.readHistory(type, id, options);
        for (const e of bundle.entry ?? []) if (e.resource) audit.touch('history-instance', e.resource, { list: true });
        return bundle;
      }
      assertReadable(await readRaw(type, id));
      const bundle = await repo.readHistory(type, id, options);
      for (const e of bundle.entry ?? []) if (e.resource) audit.touch('history-instance', e.resource);
      return bundle;
    },
    async readVersion(type, id, versionId) {
      const access = check(type, 'r');
      if (isWorklist(type, access)) {
        if (type === 'Patient') throw forbiddenError('A worklist reads a citizen’s name, not her history');
        assertOnMyTeams(await readRaw(type, id));
        const version = await repo.readVersion(type, id, versionId);
        audit.touch('vread', version, { list: true });
        return version;
      }
      assertReadable(await readRaw(type, id));
      const version = await repo.readVersion(type, id, versionId);
      audit.touch('vread', version);
      return version;
    },
    async createResource(resource, options, update) {
      assertWritable(resource, check(resource.resourceType, 'c'));
      await assertNamesOnlyPatientInContext(resource);
      const result = await repo.createResource(resource, options, update);
      audit.touch('create', result);
      return result;
    },
    async updateResource(resource, options) {
      const access = check(resource.resourceType, 'u');
      const existing = await readRaw(resource.resourceType, resource.id).catch(() => undefined);
      if (await checkedUpdate(resource.resourceType, access, existing, resource, options)) {
        const result = await repo.updateResource(resource, options);
        audit.touch('update', result);
        return result;
      }
      if (existing) assertWritable(existing, access);
      else check(resource.resourceType, 'c'); // an update that creates is a create
      assertWritable(resource, access);
      await assertNamesOnlyPatientInContext(resource);
      const result = await repo.updateResource(resource, options);
      audit.touch(existing ? 'update' : 'create', result);
      return result;
    },
    async patchResource(type, id, patch, options) {
      const access = check(type, 'u');
      const existing = await readRaw(type, id);
      if (access === 'all' && (type === 'Task' || type === 'CareTeam')) {
        // The patched result is checked like a whole update, and rolled back if it may not stand.
        const result = await repo.withTransaction(async () => {
          const patched = await repo.patchResource(type, id, patch, options);
          await checkedUpdate(type, access, existing, { ...patched, meta: existing.meta }, options);
          return patched;
        });
        audit.touch('patch', result);
        return result;
      }
      assertWritable(existing, access);
      // The patched result must still be the patient's: check it, and roll the patch back if not.
      const result = await repo.withTransaction(async () => {
        const patched = await repo.patchResource(type, id, patch, options);
        assertWritable(patched, access);
        await assertNamesOnlyPatientInContext(patched);
        return patched;
      });
      audit.touch('patch', result);
      return result;
    },
    async deleteResource(type, id, options) {
      const access = check(type, 'd');
      const existing = await readRaw(type, id);
      assertWritable(existing, access);
      await repo.deleteResource(type, id, options);
      audit.touch('delete', existing);
    },
    async conditionalCreate(resource, searchRequest, options) {
      // If-None-Exist: the match is looked for only among what this token may read, so a match in
      // another patient's data is neither revealed nor returned.
      const access = check(resource.resourceType, 'c');
      assertWritable(resource, access);
      await assertNamesOnlyPatientInContext(resource);
      const all = await repo.search({ ...searchRequest, count: undefined, offset: undefined, sortRules: undefined });
      const matches = (all.entry ?? []).map((e) => e.resource).filter((r) => compartmentStatus(r, patient, { stored: true }) !== 'other');
      if (matches.length > 1) throw new OperationOutcomeError(multipleMatches);
      if (matches.length === 1) {
        audit.touch('read', matches[0]);
        return { resource: matches[0], outcome: allOk };
      }
      const result = await repo.createResource(resource, options);
      audit.touch('create', result);
      return { resource: result, outcome: created };
    },
    async withTransaction(callback, options) {
      const mark = audit.mark();
      try {
        return await repo.withTransaction(() => callback(proxy), options);
      } catch (err) {
        audit.rollback(mark); // nothing of a failed transaction happened
        throw err;
      }
    },
    async expungeResource() {
      throw forbiddenError('Expunge is not available');
    },
    async expungeResources() {
      throw forbiddenError('Expunge is not available');
    },
  };

  const proxy = new Proxy(repo, {
    get(target, prop, receiver) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop];
      const value = Reflect.get(target, prop, receiver);
      // Inherited helpers (conditionalUpdate, searchResources, …) run with `this` = the proxy, so their
      // inner reads and writes come back through the checks above.
      return value;
    },
  });
  return proxy;
}
