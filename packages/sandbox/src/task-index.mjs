// Tasks by responsible team, status, citizen and identifier, so a team's worklist
// (`Task?responsible=CareTeam/x&status=requested,in-progress&_sort=priority&_count=50`) and a conditional
// create on a task identifier do not evaluate FHIRPath over every task in the store: Medplum's in-memory
// engine scans (and copies) every resource of a type for each search. The index answers the plain
// equality filters; the rest are checked with Medplum's own matcher on the candidates only, and priority
// is sorted in clinical order (asap, urgent, routine) rather than the codes' alphabetical order.
import { comparePriority, TASK_URL } from '@kpro/core';
import { matchesSearchRequest, Operator } from '@medplum/core';

/** A reference in the form the index keeps: `Type/id`, without base URL or version. */
const LOCAL = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const localRef = (reference) => (reference ? LOCAL.exec(reference)?.[1] : undefined);

/** The index keys of one task, per search parameter. */
function keysOf(task) {
  const responsible = (task.extension ?? []).filter((e) => e.url === TASK_URL.responsible).map((e) => localRef(e.valueReference?.reference));
  const patient = localRef(task.for?.reference);
  return {
    responsible: responsible.filter(Boolean),
    status: task.status ? [task.status.toLowerCase()] : [],
    patient: patient?.startsWith('Patient/') ? [patient] : [],
    identifier: (task.identifier ?? []).filter((i) => i.system && i.value).map((i) => `${i.system}|${i.value}`.toLowerCase()),
  };
}

/** Filter value -> index key, or undefined when the index cannot answer it exactly (then Medplum's matcher does). */
const KEY_OF_VALUE = {
  responsible: (v) => (v.includes('/') ? localRef(v) : `CareTeam/${v}`),
  patient: (v) => (v.includes('/') ? localRef(v) : `Patient/${v}`),
  status: (v) => (v.includes('|') ? undefined : v.toLowerCase()),
  identifier: (v) => {
    const [system, value, more] = v.split('|');
    return system && value && more === undefined ? `${system}|${value}`.toLowerCase() : undefined;
  },
};

const SORTS = {
  priority: (a, b) => comparePriority(a.priority, b.priority),
  'authored-on': (a, b) => compareTime(a.authoredOn, b.authoredOn),
  _lastUpdated: (a, b) => compareTime(a.meta?.lastUpdated, b.meta?.lastUpdated),
  status: (a, b) => compareText(a.status, b.status),
  _id: (a, b) => compareText(a.id, b.id),
};
const compareText = (a, b) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1);
function compareTime(a, b) {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return Date.parse(a) - Date.parse(b) || compareText(a, b);
}

export class TaskIndex {
  /** @type {Record<string, Map<string, Set<string>>>} parameter -> key -> task ids */
  #by = { responsible: new Map(), status: new Map(), patient: new Map(), identifier: new Map() };

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
   * (chained or `_has` filters, a sort this does not know): the caller then lets Medplum search.
   * @param {import('@medplum/core').SearchRequest} request
   * @param {Map<string, any>} store
   * @returns {{ matches: any[], total: number } | undefined} matches sorted, not yet paged, not copied
   */
  search(request, store) {
    const filters = request.filters ?? [];
    if (filters.some((f) => f.code.includes('.') || f.code.startsWith('_has'))) return undefined;
    const sorts = request.sortRules ?? [];
    if (sorts.some((s) => !SORTS[s.code])) return undefined;
    let candidates;
    const rest = [];
    for (const filter of filters) {
      const ids = this.#lookup(filter);
      if (!ids) rest.push(filter);
      else candidates = candidates ? intersect(candidates, ids) : ids;
    }
    const pool = candidates ? [...candidates].map((id) => store.get(id)).filter(Boolean) : [...store.values()];
    const remaining = { resourceType: 'Task', filters: rest };
    const matches = rest.length ? pool.filter((task) => matchesSearchRequest(task, remaining)) : pool;
    // Ties (and a search without _sort) in a fixed order, oldest first: pages stay put while tasks are
    // taken and released (a new version must not move a task to the end of the list).
    matches.sort((a, b) => {
      for (const rule of sorts) {
        const c = SORTS[rule.code](a, b);
        if (c) return rule.descending ? -c : c;
      }
      return SORTS['authored-on'](a, b) || SORTS._id(a, b);
    });
    return { matches, total: matches.length };
  }

  /** The ids an equality filter on an indexed parameter allows, or undefined when it is not that. */
  #lookup(filter) {
    const map = this.#by[filter.code];
    if (!map || filter.operator !== Operator.EQUALS || filter.value.includes('\\')) return undefined;
    const ids = new Set();
    for (const value of filter.value.split(',')) {
      const key = KEY_OF_VALUE[filter.code](value.trim());
      if (key === undefined) return undefined;
      for (const id of map.get(key) ?? []) ids.add(id);
    }
    return ids;
  }
}

/** @param {Set<string>} a @param {Set<string>} b */
function intersect(a, b) {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set();
  for (const x of small) if (large.has(x)) out.add(x);
  return out;
}
