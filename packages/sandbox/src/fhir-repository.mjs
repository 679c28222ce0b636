// Medplum's MemoryRepository with what a shared dev server needs on top: every write validated,
// atomic transactions, the effect of every committed write handed to the journal (fhir-persistence.mjs)
// as one record per write or per transaction, and export/import of its content.
// The content lives in MemoryRepository's private maps (`resources`, `history`); that is why
// @medplum/fhir-router is pinned to an exact version and test/persistence.test.mjs reloads real data.
import './websocket-shim.mjs';
import { getExtraEntries, MemoryRepository } from '@medplum/fhir-router';
import { nowIso, patientIdOf, patientsOf } from '@kpro/core';
import { ensureType, validate } from './fhir-definitions.mjs';

const FORMAT = 'kpro-sandbox-fhir/1';

/**
 * What a committed write did to the store, replayable without the engine: `{ put: <stored version> }` or
 * `{ del: [type, id] }`.
 * @typedef {{ put: import('@medplum/fhirtypes').Resource } | { del: [string, string] }} StoreOp
 */

export class SandboxRepository extends MemoryRepository {
  /** @type {(ops: StoreOp[]) => void} called with the effects of each committed write or transaction */
  onCommit = () => {};

  /** Promise chain that serialises transactions so a restore never discards a concurrent write. */
  #txQueue = Promise.resolve();
  #inTransaction = false;
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
    return super.createResource(resource, options, update);
  }

  // updateResource ends in this.createResource (validated there); patchResource ends in updateResource.

  async conditionalCreate(resource, search, options) {
    // MemoryRepository creates through a private synchronous method here, bypassing createResource.
    validate(resource);
    return super.conditionalCreate(resource, search, options);
  }

  /**
   * Every create and update of MemoryRepository (createResource, updateResource, conditionalCreate) ends
   * here; the pinned version's method name is checked by test/persistence.test.mjs.
   */
  createResourceSync(resource, options, update = false) {
    const stored = super.createResourceSync(resource, options, update);
    this.#indexAudit(stored);
    this.#record({ put: stored });
    return stored;
  }

  /** @param {import('@medplum/fhirtypes').Resource} resource */
  #indexAudit(resource) {
    if (resource.resourceType !== 'AuditEvent') return;
    for (const patientId of patientsOf(resource)) {
      if (!this.#auditByPatient.has(patientId)) this.#auditByPatient.set(patientId, new Set());
      this.#auditByPatient.get(patientId).add(resource.id);
    }
  }

  #reindexAudit() {
    this.#auditByPatient.clear();
    for (const event of this.resources.get('AuditEvent')?.values() ?? []) this.#indexAudit(event);
  }

  clear() {
    super.clear();
    this.#auditByPatient.clear();
  }

  async deleteResource(resourceType, id, options) {
    await super.deleteResource(resourceType, id, options);
    this.#record({ del: [resourceType, id] });
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
   * Runs `fn` without handing its writes to the journal: the seed and a reset, which are saved whole.
   * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
   */
  async unjournaled(fn) {
    this.#recording = false;
    try {
      return await fn();
    } finally {
      this.#recording = true;
    }
  }

  /** Applies journal records at start (ids, versions and dates as they were stored). @param {StoreOp[]} ops */
  replay(ops) {
    for (const op of ops) {
      if ('del' in op) {
        this.resources.get(op.del[0])?.delete(op.del[1]);
        continue;
      }
      const { resourceType, id } = op.put;
      this.#indexAudit(op.put);
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
   * `config.transactions`), so a failing entry restores the state from before the first entry.
   * Stored resources are replaced on write, never changed in place, so a shallow copy is a full snapshot.
   */
  withTransaction(callback) {
    const attempt = async () => {
      const snapshot = this.#snapshot();
      const mark = this.#ops.length;
      try {
        return await callback(this);
      } catch (err) {
        this.#restore(snapshot);
        this.#ops.length = mark; // its writes never happened: nothing of them goes to the journal
        throw err;
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

  #snapshot() {
    const copy = (map, fn) => new Map([...map].map(([k, v]) => [k, fn(v)]));
    return {
      resources: copy(this.resources, (byId) => new Map(byId)),
      history: copy(this.history, (byId) => copy(byId, (versions) => versions.slice())),
    };
  }

  #restore(snapshot) {
    this.resources.clear();
    for (const [k, v] of snapshot.resources) this.resources.set(k, v);
    this.history.clear();
    for (const [k, v] of snapshot.history) this.history.set(k, v);
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
    const history = {};
    for (const [type, byId] of this.history) history[type] = Object.fromEntries(byId);
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
    this.#reindexAudit();
  }
}
