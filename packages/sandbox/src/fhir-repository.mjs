// Medplum's MemoryRepository with what a shared dev server needs on top: every write validated,
// atomic transactions (an undo log: a failed one puts back what it changed), the effect of every committed
// write handed to the journal (fhir-persistence.mjs) as one record per write or per transaction, indexes
// where the engine would scan (AuditEvents by citizen, Tasks by team, status, citizen and identifier),
// a hook for FUT's processing of each stored response (task-arrival.mjs), and export/import of its content.
// The content lives in MemoryRepository's private maps (`resources`, `history`); that is why
// @medplum/fhir-router is pinned to an exact version and test/persistence.test.mjs reloads real data.
import './websocket-shim.mjs';
import { getExtraEntries, MemoryRepository } from '@medplum/fhir-router';
import { allOk, created, multipleMatches, OperationOutcomeError, badRequest } from '@medplum/core';
import { nowIso, patientIdOf, patientsOf } from '@kpro/core';
import { ensureType, validate } from './fhir-definitions.mjs';
import { TaskIndex } from './task-index.mjs';

/** The format of exportData (snapshots, the seed cache). */
export const FORMAT = 'kpro-sandbox-fhir/1';

/**
 * What a committed write did to the store, replayable without the engine: `{ put: <stored version> }` or
 * `{ del: [type, id] }`.
 * @typedef {{ put: import('@medplum/fhirtypes').Resource } | { del: [string, string] }} StoreOp
 */

export class SandboxRepository extends MemoryRepository {
  /** @type {(ops: StoreOp[]) => void} called with the effects of each committed write or transaction */
  onCommit = () => {};

  /**
   * FUT's automated processing of a stored response (task-arrival.mjs): called inside the write's own
   * transaction, so the response, its ClinicalImpression and its Task are one atomic, journaled write.
   * @type {(stored: any, previous: any) => Promise<void>}
   */
  onResponseStored = async () => {};

  /** Promise chain that serialises transactions so a rollback never discards a concurrent write. */
  #txQueue = Promise.resolve();
  #inTransaction = false;
  /**
   * What the transaction under way changed, to put back if it fails: the stored version before each
   * write (undefined: there was none) and whether a history entry was added. Cheap at any store size,
   * unlike copying the store for every transaction.
   * @type {{ type: string, id: string, before: any, pushed: boolean }[]}
   */
  #undo = [];
  #depth = 0;
  #arrivals = true;
  #tasks = new TaskIndex();
  /** Effects not yet handed to onCommit (those of the transaction under way). @type {StoreOp[]} */
  #ops = [];
  #recording = true;
  /**
   * AuditEvent ids by the citizen they name. The server writes one per read, so they outnumber everything
   * else; a citizen's MinLog search (`AuditEvent?patient=`) must not evaluate FHIRPath over all of them.
   * @type {Map<string, Set<string>>}
   */
  #auditByPatient = new Map();

  async createResource(resource, options, update = false) {
    validate(resource);
    if (resource.resourceType !== 'QuestionnaireResponse' || !this.#arrivals) return super.createResource(resource, options, update);
    // A response and what its arrival makes (ClinicalImpression, Task) are written together or not at all.
    return this.withTransaction(async () => {
      const previous = update && resource.id ? this.resources.get('QuestionnaireResponse')?.get(resource.id) : undefined;
      const stored = await super.createResource(resource, options, update);
      await this.onResponseStored(stored, previous);
      return stored;
    });
  }

  // updateResource ends in this.createResource (validated there); patchResource ends in updateResource.

  /**
   * If-None-Exist. MemoryRepository's own creates through a private method (no validation, no arrival) and
   * searches by scanning; this one searches through `search` (the task index for task identifiers) and
   * creates through `createResource`, all in one transaction.
   */
  async conditionalCreate(resource, search, options) {
    if (search.resourceType !== resource.resourceType) return super.conditionalCreate(resource, search, options);
    return this.withTransaction(async () => {
      const found = await this.search({ ...search, count: 2, offset: 0, sortRules: undefined, include: undefined, revInclude: undefined });
      const matches = (found.entry ?? []).map((e) => e.resource);
      if (matches.length > 1) throw new OperationOutcomeError(multipleMatches);
      if (matches.length === 1) {
        if (!options?.assignedId && resource.id && resource.id !== matches[0].id) {
          throw new OperationOutcomeError(badRequest('Resource ID did not match resolved ID', `${resource.resourceType}.id`));
        }
        return { resource: matches[0], outcome: allOk };
      }
      return { resource: await this.createResource(resource, options), outcome: created };
    });
  }

  /**
   * Every create and update of MemoryRepository (createResource, updateResource, conditionalCreate) ends
   * here; the pinned version's method name is checked by test/persistence.test.mjs.
   */
  createResourceSync(resource, options, update = false) {
    const type = resource.resourceType;
    const before = resource.id ? this.resources.get(type)?.get(resource.id) : undefined;
    const stored = super.createResourceSync(resource, options, update);
    if (this.#depth) this.#undo.push({ type, id: stored.id, before, pushed: true });
    this.#reindex(type, before, this.resources.get(type).get(stored.id));
    this.#record({ put: stored });
    return stored;
  }

  /** Keeps the indexes in step with one stored change (`before`/`after`: versions, or undefined). */
  #reindex(type, before, after) {
    if (type === 'Task') this.#tasks.replace(before, after);
    else if (type === 'AuditEvent' && after) this.#indexAudit(after);
  }

  /** @param {import('@medplum/fhirtypes').Resource} resource */
  #indexAudit(resource) {
    if (resource.resourceType !== 'AuditEvent') return;
    for (const patientId of patientsOf(resource)) {
      if (!this.#auditByPatient.has(patientId)) this.#auditByPatient.set(patientId, new Set());
      this.#auditByPatient.get(patientId).add(resource.id);
    }
  }

  #rebuildIndexes() {
    this.#auditByPatient.clear();
    for (const event of this.resources.get('AuditEvent')?.values() ?? []) this.#indexAudit(event);
    this.#tasks.clear();
    for (const task of this.resources.get('Task')?.values() ?? []) this.#tasks.replace(undefined, task);
  }

  clear() {
    super.clear();
    this.#auditByPatient.clear();
    this.#tasks.clear();
  }

  async deleteResource(resourceType, id, options) {
    const before = this.resources.get(resourceType)?.get(id);
    await super.deleteResource(resourceType, id, options);
    if (this.#depth) this.#undo.push({ type: resourceType, id, before, pushed: false });
    this.#reindex(resourceType, before, undefined);
    this.#record({ del: [resourceType, id] });
  }

  /** Ids of the stored Tasks with an identifier (the task index; no search). */
  taskIdsWithIdentifier(identifier) {
    return this.#tasks.withIdentifier(identifier.system, identifier.value);
  }

  /** The citizens (Patient ids) the tasks of some teams are `for`: whom a team's worklist may name. */
  patientsOfTeams(teamIds) {
    const stored = this.resources.get('Task');
    const out = new Set();
    for (const teamId of teamIds) {
      for (const id of this.#tasks.forTeam(teamId)) {
        const patientId = patientIdOf(stored?.get(id)?.for?.reference);
        if (patientId) out.add(patientId);
      }
    }
    return out;
  }

  /** The stored Tasks `for` a citizen, as stored (read-only views and the processing of her responses). */
  tasksFor(patientId) {
    const stored = this.resources.get('Task');
    return this.#tasks.forPatient(patientId).map((id) => stored?.get(id)).filter(Boolean);
  }

  /** Stores a resource the server itself made (an AuditEvent), without the validation clients' writes get. */
  async storeTrusted(resource) {
    return super.createResource(resource);
  }

  /** @param {StoreOp} op */
  #record(op) {
    if (!this.#recording) return;
    this.#ops.push(op);
    if (!this.#inTransaction) this.#commit();
  }

  #commit() {
    const ops = this.#ops;
    this.#ops = [];
    if (ops.length) this.onCommit(ops);
  }

  /**
   * Runs `fn` without handing its writes to the journal: the seed and a reset, which are saved whole and
   * bring the ClinicalImpressions and Tasks of their responses along (no arrival processing).
   * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
   */
  async unjournaled(fn) {
    this.#recording = false;
    this.#arrivals = false;
    try {
      return await fn();
    } finally {
      this.#recording = true;
      this.#arrivals = true;
    }
  }

  /** Applies journal records at start (ids, versions and dates as they were stored). @param {StoreOp[]} ops */
  replay(ops) {
    for (const op of ops) {
      if ('del' in op) {
        const [type, id] = op.del;
        this.#reindex(type, this.resources.get(type)?.get(id), undefined);
        this.resources.get(type)?.delete(id);
        continue;
      }
      const { resourceType, id } = op.put;
      this.#reindex(resourceType, this.resources.get(resourceType)?.get(id), op.put);
      if (!this.resources.has(resourceType)) this.resources.set(resourceType, new Map());
      this.resources.get(resourceType).set(id, op.put);
      if (!this.history.has(resourceType)) this.history.set(resourceType, new Map());
      const byId = this.history.get(resourceType);
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id).push(op.put);
    }
  }

  async readResource(resourceType, id) {
    ensureType(resourceType);
    return super.readResource(resourceType, id);
  }

  async search(searchRequest) {
    ensureType(searchRequest.resourceType);
    if (searchRequest.resourceType === 'Task') {
      const bundle = this.#searchTasks(searchRequest);
      if (bundle) return bundle;
    }
    const narrowed = this.#auditSearchByPatient(searchRequest);
    if (!narrowed) return super.search(searchRequest);
    // The engine's search walks `this.resources`: let it walk only the citizen's events, with the patient
    // filter answered by the index (the same references the search parameter's FHIRPath would find).
    const all = this.resources.get('AuditEvent');
    this.resources.set('AuditEvent', narrowed.candidates);
    let bundle;
    try {
      bundle = this.searchSync(narrowed.request);
    } finally {
      if (all) this.resources.set('AuditEvent', all);
      else this.resources.delete('AuditEvent');
    }
    if ((searchRequest.include || searchRequest.revInclude) && bundle.entry?.length) {
      await getExtraEntries(this, searchRequest, bundle.entry.map((e) => e.resource), bundle.entry);
    }
    return bundle;
  }

  /** A Task search answered from the task index (undefined: the engine must do it), paged and copied. */
  #searchTasks(searchRequest) {
    const store = this.resources.get('Task') ?? new Map();
    const found = this.#tasks.search(searchRequest, store, (tasks, filters) => this.#engineMatches('Task', tasks, filters));
    if (!found) return undefined;
    const offset = searchRequest.offset ?? 0;
    const page = searchRequest.count === undefined ? found.matches.slice(offset) : found.matches.slice(offset, offset + searchRequest.count);
    const entry = page.map((task) => ({ search: { mode: 'match' }, resource: structuredClone(task) }));
    const bundle = { resourceType: 'Bundle', type: 'searchset', entry: entry.length ? entry : undefined, total: found.total };
    if ((searchRequest.include || searchRequest.revInclude) && entry.length) {
      return getExtraEntries(this, searchRequest, entry.map((e) => e.resource), entry).then(() => ({ ...bundle, entry }));
    }
    return bundle;
  }

  /**
   * The resources (of one type, from this store) that match filters only the engine evaluates (chains):
   * the engine walks just these, then the type's full map is put back.
   */
  #engineMatches(type, resources, filters) {
    const all = this.resources.get(type);
    this.resources.set(type, new Map(resources.map((r) => [r.id, r])));
    try {
      const ids = new Set((this.searchSync({ resourceType: type, filters }).entry ?? []).map((e) => e.resource.id));
      return resources.filter((r) => ids.has(r.id));
    } finally {
      if (all) this.resources.set(type, all);
      else this.resources.delete(type);
    }
  }

  /** An AuditEvent search with one plain `patient=` value: the index's candidates and the rest of the request. */
  #auditSearchByPatient(searchRequest) {
    if (searchRequest.resourceType !== 'AuditEvent') return undefined;
    const filters = searchRequest.filters ?? [];
    const byPatient = filters.filter((f) => f.code === 'patient');
    if (byPatient.length !== 1 || byPatient[0].operator !== 'eq' || byPatient[0].value.includes(',')) return undefined;
    const value = byPatient[0].value;
    const patientId = value.includes('/') ? patientIdOf(value) : value;
    if (!patientId) return undefined;
    const stored = this.resources.get('AuditEvent');
    let events = [];
    for (const id of this.#auditByPatient.get(patientId) ?? []) {
      const event = stored?.get(id);
      if (event) events.push(event);
    }
    const request = { ...searchRequest, filters: filters.filter((f) => f !== byPatient[0]) };
    // Sorting by date (`recorded`) is what MinLog asks for; the engine would evaluate FHIRPath in every
    // comparison. The candidates go in already sorted instead (the engine keeps their order).
    const [rule, ...more] = searchRequest.sortRules ?? [];
    if (rule?.code === 'date' && more.length === 0) {
      events = events.sort((a, b) => (rule.descending ? -1 : 1) * String(a.recorded).localeCompare(String(b.recorded)));
      request.sortRules = undefined;
    }
    return { candidates: new Map(events.map((e) => [e.id, e])), request };
  }

  async readHistory(resourceType, id) {
    // MemoryRepository reverses its stored history array in place on every call; read a copy instead.
    const versions = this.history.get(resourceType)?.get(id);
    if (!versions) return super.readHistory(resourceType, id);
    const original = versions.slice();
    try {
      return await super.readHistory(resourceType, id);
    } finally {
      versions.splice(0, versions.length, ...original);
    }
  }

  /**
   * All-or-nothing: the router runs a transaction bundle inside this callback (with
   * `config.transactions`), so a failing entry puts back everything written since the first entry.
   * Stored resources are replaced on write, never changed in place, so keeping the replaced version is
   * enough to undo a write.
   */
  withTransaction(callback) {
    const attempt = async () => {
      const undoMark = this.#undo.length;
      const mark = this.#ops.length;
      this.#depth++;
      try {
        return await callback(this);
      } catch (err) {
        this.#rollback(undoMark);
        this.#ops.length = mark; // its writes never happened: nothing of them goes to the journal
        throw err;
      } finally {
        this.#depth--;
        if (this.#depth === 0) this.#undo = [];
      }
    };
    // Nested (a checked write inside a transaction bundle): a savepoint, not a new queue entry.
    if (this.#inTransaction) return attempt();
    const run = async () => {
      this.#inTransaction = true;
      try {
        return await attempt();
      } finally {
        this.#inTransaction = false;
        // The whole transaction is one journal record (nothing, when it failed).
        this.#commit();
      }
    };
    const result = this.#txQueue.then(run, run);
    this.#txQueue = result.catch(() => undefined);
    return result;
  }

  /** Puts back every write after `mark` in the undo log, newest first. */
  #rollback(mark) {
    while (this.#undo.length > mark) {
      const { type, id, before, pushed } = this.#undo.pop();
      const byId = this.resources.get(type);
      const after = byId?.get(id);
      if (before) byId.set(id, before);
      else byId?.delete(id);
      if (pushed) {
        const versions = this.history.get(type)?.get(id);
        versions?.pop();
        if (versions && !versions.length) this.history.get(type).delete(id);
      }
      this.#reindex(type, after, before);
    }
  }

  /** The current resources of one type as stored: for read-only views (MinLog), never to change. */
  current(resourceType) {
    return [...(this.resources.get(resourceType)?.values() ?? [])];
  }

  /** Number of current resources per type. */
  counts() {
    return Object.fromEntries([...this.resources].map(([type, byId]) => [type, byId.size]).filter(([, n]) => n > 0));
  }

  /** A JSON-ready copy of everything: current resources (deleted ones are absent) and all versions. */
  exportData() {
    const resources = {};
    for (const [type, byId] of this.resources) if (byId.size) resources[type] = [...byId.values()];
    // A resource's history is left out when its only version is the current one (most of them): importData
    // puts it back. Halves a large snapshot.
    const history = {};
    for (const [type, byId] of this.history) {
      const current = this.resources.get(type);
      const kept = [...byId].filter(([id, versions]) => !(versions.length === 1 && current?.get(id) === versions[0]));
      if (kept.length) history[type] = Object.fromEntries(kept);
    }
    return { format: FORMAT, savedAt: nowIso(), resources, history };
  }

  /** Replaces the content with an export; versions, ids and lastUpdated are kept as they were. */
  importData(data) {
    this.#ops = [];
    if (data?.format !== FORMAT) throw new Error(`unknown data format ${data?.format}`);
    this.clear();
    for (const [type, list] of Object.entries(data.resources)) {
      this.resources.set(type, new Map(list.map((r) => [r.id, r])));
    }
    for (const [type, byId] of Object.entries(data.history ?? {})) {
      this.history.set(type, new Map(Object.entries(byId)));
    }
    // Resources without a history of their own have one version: the current one.
    for (const [type, byId] of this.resources) {
      if (!this.history.has(type)) this.history.set(type, new Map());
      const versions = this.history.get(type);
      for (const [id, resource] of byId) if (!versions.has(id)) versions.set(id, [resource]);
    }
    this.#rebuildIndexes();
  }
}
