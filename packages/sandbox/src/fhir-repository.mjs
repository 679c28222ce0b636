// Medplum's MemoryRepository with what a shared dev server needs on top: every write validated,
// atomic transactions, a change hook for persistence, and export/import of its content.
// The content lives in MemoryRepository's private maps (`resources`, `history`); that is why
// @medplum/fhir-router is pinned to an exact version and test/persistence.test.mjs reloads real data.
import './websocket-shim.mjs';
import { MemoryRepository } from '@medplum/fhir-router';
import { nowIso } from '@kpro/core';
import { ensureType, validate } from './fhir-definitions.mjs';

const FORMAT = 'kpro-sandbox-fhir/1';

export class SandboxRepository extends MemoryRepository {
  /** @type {() => void} called after every successful write */
  onChange = () => {};

  /** Promise chain that serialises transactions so a restore never discards a concurrent write. */
  #txQueue = Promise.resolve();
  #inTransaction = false;

  async createResource(resource, options, update = false) {
    validate(resource);
    const result = await super.createResource(resource, options, update);
    this.onChange();
    return result;
  }

  // updateResource ends in this.createResource (validated there); patchResource ends in updateResource.

  async conditionalCreate(resource, search, options) {
    // MemoryRepository creates through a private synchronous method here, bypassing createResource.
    validate(resource);
    const result = await super.conditionalCreate(resource, search, options);
    if (result.outcome.id === 'created') this.onChange();
    return result;
  }

  async deleteResource(resourceType, id, options) {
    await super.deleteResource(resourceType, id, options);
    this.onChange();
  }

  async readResource(resourceType, id) {
    ensureType(resourceType);
    return super.readResource(resourceType, id);
  }

  async search(searchRequest) {
    ensureType(searchRequest.resourceType);
    return super.search(searchRequest);
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
      try {
        return await callback(this);
      } catch (err) {
        this.#restore(snapshot);
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
    if (data?.format !== FORMAT) throw new Error(`unknown data format ${data?.format}`);
    this.clear();
    for (const [type, list] of Object.entries(data.resources)) {
      this.resources.set(type, new Map(list.map((r) => [r.id, r])));
    }
    for (const [type, byId] of Object.entries(data.history ?? {})) {
      this.history.set(type, new Map(Object.entries(byId)));
    }
  }
}
