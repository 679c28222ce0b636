// Access control for one request: a view of the repository that enforces the token's SMART scopes
// (resource type + c/r/u/d/s) and, for patient-level scopes, the patient compartment.
// Done at the repository level, not per URL, so batches, transactions, _include/_revinclude and
// conditional requests are checked by the same code as plain reads and writes.
import './websocket-shim.mjs';
import {
  allOk,
  created,
  evalFhirPath,
  forbidden,
  getSearchParameters,
  multipleMatches,
  OperationOutcomeError,
} from '@medplum/core';
import { getExtraEntries } from '@medplum/fhir-router';
import { patientCompartmentParams } from './fhir-definitions.mjs';
import { accessFor } from './scopes.mjs';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const PATIENT_REF = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** @param {string} text */
export function forbiddenError(text) {
  return new OperationOutcomeError({ ...forbidden, issue: [{ ...forbidden.issue[0], details: { text } }] });
}

/**
 * Ids of the patients whose compartment a resource is in, from the Patient CompartmentDefinition.
 * @param {import('@medplum/fhirtypes').Resource} resource
 * @returns {Set<string>}
 */
export function compartmentPatients(resource) {
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
 */
export function compartmentStatus(resource, patientId) {
  const ids = compartmentPatients(resource);
  if (ids.size === 0) return 'none';
  return patientId && ids.has(patientId) ? 'own' : 'other';
}

/**
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {{ scopes: string[], patient?: string }} grant
 * @returns {import('./fhir-repository.mjs').SandboxRepository}
 */
export function scopedRepository(repo, grant) {
  const { scopes, patient } = grant;

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
    if (compartmentStatus(resource, patient) === 'other') {
      throw forbiddenError(`${resource.resourceType}/${resource.id} is outside the patient in context`);
    }
  };
  const assertWritable = (resource, access) => {
    if (access === 'patient' && compartmentStatus(resource, patient) !== 'own') {
      throw forbiddenError(`A patient-level token may only write data of the patient in context (${resource.resourceType})`);
    }
  };
  const readRaw = (type, id) => repo.readResource(type, id);

  /** Runs a search without paging or includes, keeps what the token may see, then pages and includes. */
  const search = async (searchRequest) => {
    check(searchRequest.resourceType, 's');
    const { count, offset, include, revInclude, ...rest } = searchRequest;
    const pageSize = Math.min(count ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const start = offset ?? 0;
    const all = await repo.search({ ...rest, count: undefined, offset: undefined });
    const entries = (all.entry ?? []).filter((e) => compartmentStatus(e.resource, patient) !== 'other');
    const page = entries.slice(start, start + pageSize);
    if ((include || revInclude) && page.length) {
      // Included resources are read through this same view, so they are checked too.
      await getExtraEntries(proxy, searchRequest, page.map((e) => e.resource), page);
    }
    return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: page.length ? page : undefined };
  };

  const overrides = {
    search,
    async readResource(type, id) {
      check(type, 'r');
      const resource = await readRaw(type, id);
      assertReadable(resource);
      return resource;
    },
    async readReference(reference) {
      const [type, id] = reference.reference?.split('/') ?? [];
      return proxy.readResource(type, id);
    },
    async readReferences(references) {
      return Promise.all(references.map((r) => proxy.readReference(r).catch((err) => err)));
    },
    async readHistory(type, id, options) {
      await proxy.readResource(type, id);
      return repo.readHistory(type, id, options);
    },
    async readVersion(type, id, versionId) {
      await proxy.readResource(type, id);
      return repo.readVersion(type, id, versionId);
    },
    async createResource(resource, options, update) {
      assertWritable(resource, check(resource.resourceType, 'c'));
      return repo.createResource(resource, options, update);
    },
    async updateResource(resource, options) {
      const access = check(resource.resourceType, 'u');
      const existing = await readRaw(resource.resourceType, resource.id).catch(() => undefined);
      if (existing) assertWritable(existing, access);
      else check(resource.resourceType, 'c'); // an update that creates is a create
      assertWritable(resource, access);
      return repo.updateResource(resource, options);
    },
    async patchResource(type, id, patch, options) {
      const access = check(type, 'u');
      assertWritable(await readRaw(type, id), access);
      // The patched result must still be the patient's: check it, and roll the patch back if not.
      return repo.withTransaction(async () => {
        const result = await repo.patchResource(type, id, patch, options);
        assertWritable(result, access);
        return result;
      });
    },
    async deleteResource(type, id, options) {
      const access = check(type, 'd');
      assertWritable(await readRaw(type, id), access);
      return repo.deleteResource(type, id, options);
    },
    async conditionalCreate(resource, searchRequest, options) {
      // If-None-Exist: the match is looked for only among what this token may read, so a match in
      // another patient's data is neither revealed nor returned.
      const access = check(resource.resourceType, 'c');
      assertWritable(resource, access);
      const all = await repo.search({ ...searchRequest, count: undefined, offset: undefined, sortRules: undefined });
      const matches = (all.entry ?? []).map((e) => e.resource).filter((r) => compartmentStatus(r, patient) !== 'other');
      if (matches.length > 1) throw new OperationOutcomeError(multipleMatches);
      if (matches.length === 1) return { resource: matches[0], outcome: allOk };
      return { resource: await repo.createResource(resource, options), outcome: created };
    },
    withTransaction(callback, options) {
      return repo.withTransaction(() => callback(proxy), options);
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
