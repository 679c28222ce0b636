// Tasks by responsible team, status, citizen and identifier, so a team's worklist
// (`Task?responsible=CareTeam/x&status=requested,in-progress&_sort=priority&_count=50`) and a conditional
// create on a task identifier do not evaluate FHIRPath over every task in the store: Medplum's in-memory
// engine scans (and copies) every resource of a type for each search. The index answers the plain
// equality filters; the rest are checked with Medplum's own matcher on the candidates only, and priority
// is sorted in clinical order (asap, urgent, routine) rather than the codes' alphabetical order.
import { PRIORITY_RANK, TASK_URL } from '@kpro/core';
import { matchesSearchRequest, Operator } from '@medplum/core';

/** A reference in the form the index keeps: `Type/id`, without base URL or version. */
const LOCAL = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const localRef = (reference) => (reference ? LOCAL.exec(reference)?.[1] : undefined);

/** The index keys of one task, per search parameter. */
function keysOf(task) {
  const responsible = (task.extension ?? []).filter((e) => e.url === TASK_URL.responsible).map((e) => localRef(e.valueReference?.reference));
  const category = (task.extension ?? []).filter((e) => e.url === TASK_URL.category).flatMap((e) => e.valueCodeableConcept?.coding ?? []);
  const patient = localRef(task.for?.reference);
  const owner = localRef(task.owner?.reference);
  return {
    responsible: responsible.filter(Boolean),
    status: task.status ? [task.status.toLowerCase()] : [],
    priority: task.priority ? [task.priority.toLowerCase()] : [],
    // A token matches by code alone or by system|code.
    category: category.filter((c) => c.code).flatMap((c) => [c.code.toLowerCase(), ...(c.system ? [`${c.system}|${c.code}`.toLowerCase()] : [])]),
    patient: patient?.startsWith('Patient/') ? [patient] : [],
    owner: owner ? [owner] : [],
    identifier: (task.identifier ?? []).filter((i) => i.system && i.value).map((i) => `${i.system}|${i.value}`.toLowerCase()),
  };
}

/** Filter value -> index key, or undefined when the index cannot answer it exactly (then Medplum's matcher does). */
const code = (v) => (v.includes('|') ? undefined : v.toLowerCase());
const KEY_OF_VALUE = {
  responsible: (v) => (v.includes('/') ? localRef(v) : `CareTeam/${v}`),
  patient: (v) => (v.includes('/') ? localRef(v) : `Patient/${v}`),
  owner: (v) => (v.includes('/') ? localRef(v) : undefined),
  status: code,
  priority: code,
  category: (v) => {
    const [system, value, more] = v.split('|');
    if (more !== undefined || value === '') return undefined;
    return value === undefined ? system.toLowerCase() : system ? `${system}|${value}`.toLowerCase() : undefined;
  },
  identifier: (v) => {
    const [system, value, more] = v.split('|');
    return system && value && more === undefined ? `${system}|${value}`.toLowerCase() : undefined;
  },
};

/** Sort keys per `_sort` code, computed once per task and search (missing values sort last). */
const SORT_KEYS = {
  priority: (t) => PRIORITY_RANK[t.priority] ?? 9,
  // The category code's order: MeasurementForAssessment, …NotTriaged, MissingMeasurementResolving.
  category: (t) => t.extension?.find((e) => e.url === TASK_URL.category)?.valueCodeableConcept?.coding?.find((c) => c.system === TASK_URL.categorySystem)?.code ?? '\uffff',
  'authored-on': (t) => time(t.authoredOn),
  _lastUpdated: (t) => time(t.meta?.lastUpdated),
  status: (t) => t.status ?? '\uffff',
  _id: (t) => t.id ?? '',
};
const time = (iso) => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
};
const compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export class TaskIndex {
  /** @type {Record<string, Map<string, Set<string>>>} parameter -> key -> task ids */
  #by = { responsible: new Map(), status: new Map(), priority: new Map(), category: new Map(), patient: new Map(), owner: new Map(), identifier: new Map() };

  clear() {
    for (const map of Object.values(this.#by)) map.clear();
  }

  /** A task was written, replaced or deleted: `before` and `after` are the stored versions (or undefined). */
  replace(before, after) {
    if (before) this.#each(before, (map, key) => map.get(key)?.delete(before.id));
    if (after) {
      this.#each(after, (map, key) => {
        if (!map.has(key)) map.set(key, new Set());
        map.get(key).add(after.id);
      });
    }
  }

  #each(task, fn) {
    const keys = keysOf(task);
    for (const [param, list] of Object.entries(keys)) for (const key of list) fn(this.#by[param], key);
  }

  /** Ids of tasks with this identifier (`system|value`). */
  withIdentifier(system, value) {
    return [...(this.#by.identifier.get(`${system}|${value}`.toLowerCase()) ?? [])];
  }

  /** Ids of the tasks a team is responsible for. @param {string} teamId */
  forTeam(teamId) {
    return [...(this.#by.responsible.get(`CareTeam/${teamId}`) ?? [])];
  }

  /** Ids of the tasks `for` a citizen. */
  forPatient(patientId) {
    return [...(this.#by.patient.get(`Patient/${patientId}`) ?? [])];
  }

  /**
   * Searches the tasks in `store` (id -> stored Task). Returns undefined when the request needs the engine
   * (`_has`, a sort this does not know): the caller then lets Medplum search. Chained filters
   * (`patient.name=…`) are left to `matchChained`, which gets the candidates only.
   * @param {import('@medplum/core').SearchRequest} request
   * @param {Map<string, any>} store
   * @param {(tasks: any[], filters: import('@medplum/core').Filter[]) => any[]} matchChained keeps the tasks matching chained filters
   * @returns {{ matches: any[], total: number } | undefined} matches sorted, not yet paged, not copied
   */
  search(request, store, matchChained) {
    const all = request.filters ?? [];
    if (all.some((f) => f.code.startsWith('_has'))) return undefined;
    const chained = all.filter((f) => f.code.includes('.'));
    const filters = all.filter((f) => !f.code.includes('.'));
    const sorts = request.sortRules ?? [];
    if (sorts.some((s) => !SORT_KEYS[s.code])) return undefined;
    // Each indexed filter is a union of id sets (one per value); the smallest union is walked, the others
    // are asked for membership: no set of all open tasks is built for a team's worklist.
    const indexed = [];
    const rest = [];
    for (const filter of filters) {
      const sets = this.#lookup(filter);
      if (!sets) rest.push(filter);
      else indexed.push({ sets, size: sets.reduce((n, set) => n + set.size, 0) });
    }
    indexed.sort((a, b) => a.size - b.size);
    let pool;
    if (indexed.length) {
      const [smallest, ...others] = indexed;
      const ids = new Set();
      for (const set of smallest.sets) for (const id of set) if (others.every((o) => o.sets.some((s) => s.has(id)))) ids.add(id);
      pool = [...ids].map((id) => store.get(id)).filter(Boolean);
    } else pool = [...store.values()];
    const remaining = { resourceType: 'Task', filters: rest };
    let matches = rest.length ? pool.filter((task) => matchesSearchRequest(task, remaining)) : pool;
    if (chained.length && matches.length) matches = matchChained(matches, chained);
    // Ties (and a search without _sort) in a fixed order, oldest first: pages stay put while tasks are
    // taken and released (a new version must not move a task to the end of the list).
    const rules = [...sorts, { code: 'authored-on' }, { code: '_id' }];
    const keyed = matches.map((task) => ({ task, keys: rules.map((r) => SORT_KEYS[r.code](task)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < rules.length; i++) {
        const c = compareKeys(a.keys[i], b.keys[i]);
        if (c) return rules[i].descending ? -c : c;
      }
      return 0;
    });
    return { matches: keyed.map((k) => k.task), total: keyed.length };
  }

  /**
   * The id sets (one per value; a task matches if it is in any) of an equality filter on an indexed
   * parameter, or undefined when it is not that.
   * @returns {Set<string>[] | undefined}
   */
  #lookup(filter) {
    const map = this.#by[filter.code];
    if (!map || filter.operator !== Operator.EQUALS || filter.value.includes('\\')) return undefined;
    const sets = [];
    for (const value of filter.value.split(',')) {
      const key = KEY_OF_VALUE[filter.code](value.trim());
      if (key === undefined) return undefined;
      sets.push(map.get(key) ?? new Set());
    }
    return sets;
  }
}
