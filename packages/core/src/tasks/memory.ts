// A task server in memory: answers exactly the searches the overview makes (taskSearch, taskCountSearches),
// with paging, includes, counts and If-Match. For hosts that hand the overview their data as properties,
// for stories and for tests; a real FHIR server (FUT, the sandbox) does the same over HTTP.
import { FhirRequestError, type FhirDataSource, type SearchResult } from '../fhir/data-source.js';
import { personName } from '../fhir/names.js';
import { PRIORITY_RANK } from './priority.js';
import { taskCategoryOf, taskResponsibleOf } from './read.js';

const BASE = 'memory:';

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')));

/** A FhirDataSource over resources in memory (Tasks, the Patients, ServiceRequests and ClinicalImpressions they name, CareTeams). */
export function memoryTaskSource(initial: readonly fhir4.Resource[]): FhirDataSource & { resources: fhir4.Resource[] } {
  const resources = initial.map((r) => ({ ...r, meta: { versionId: '1', ...(r.meta ?? {}) } })) as fhir4.Resource[];
  const find = (type: string, id: string | undefined) => resources.find((r) => r.resourceType === type && r.id === id);
  const refId = (ref: string | undefined) => ref?.split('/').pop();

  function matches(task: fhir4.Task, params: Record<string, string | string[]>): boolean {
    const status = list(params.status);
    if (status.length && !status.includes(task.status)) return false;
    const owner = one(params.owner);
    if (owner && task.owner?.reference !== owner) return false;
    const responsible = list(params.responsible);
    const teams = taskResponsibleOf(task).map((t) => t.reference);
    if (responsible.length && !teams.some((t) => responsible.includes(t ?? ''))) return false;
    const category = list(params.category);
    if (category.length && !category.includes(taskCategoryOf(task) ?? '')) return false;
    const priority = list(params.priority);
    if (priority.length && !priority.includes(task.priority ?? '')) return false;
    const name = one(params['patient.name'])?.toLowerCase();
    if (name) {
      const p = find('Patient', refId(task.for?.reference));
      if (!personName(p as fhir4.Patient | undefined).toLowerCase().includes(name)) return false;
    }
    return true;
  }

  function sorted(tasks: fhir4.Task[], sort: string | undefined): fhir4.Task[] {
    const keys = (sort ?? '').split(',').filter(Boolean);
    const value = (t: fhir4.Task, key: string): string | number => {
      if (key === 'priority') return PRIORITY_RANK[t.priority ?? 'routine'] ?? 9;
      if (key === 'category') return taskCategoryOf(t) ?? '';
      if (key === 'authored-on') return t.authoredOn ?? '';
      return '';
    };
    return [...tasks].sort((a, b) => {
      for (const k of keys) {
        const desc = k.startsWith('-');
        const key = desc ? k.slice(1) : k;
        const va = value(a, key);
        const vb = value(b, key);
        if (va !== vb) return (va < vb ? -1 : 1) * (desc ? -1 : 1);
      }
      return 0;
    });
  }

  function page(params: Record<string, string | string[]>, offset: number): SearchResult<fhir4.Task> {
    const tasks = resources.filter((r): r is fhir4.Task => r.resourceType === 'Task');
    const all = sorted(tasks.filter((t) => matches(t, params)), one(params._sort));
    if (one(params._summary) === 'count') return { resources: [], included: [], total: all.length };
    const count = Number(one(params._count) ?? 50);
    const slice = all.slice(offset, offset + count);
    const included = new Map<string, fhir4.Resource>();
    for (const inc of list(params._include)) {
      for (const t of slice) {
        const ref = inc === 'Task:patient' ? t.for?.reference : inc === 'Task:focus' ? t.focus?.reference : inc === 'Task:based-on' ? t.basedOn?.[0]?.reference : undefined;
        const [type, id] = (ref ?? '').split('/').slice(-2);
        const r = type && id ? find(type, id) : undefined;
        if (r) included.set(`${type}/${id}`, r);
      }
    }
    const next = offset + count < all.length ? `${BASE}Task?${new URLSearchParams(Object.entries({ ...params, _offset: String(offset + count) }).flatMap(([k, v]) => list(v).map((x) => [k, x])))}` : undefined;
    return { resources: slice, included: [...included.values()], total: all.length, ...(next ? { next } : {}) };
  }

  return {
    baseUrl: BASE,
    resources,
    async read(type, id) {
      const r = find(type, id);
      if (!r) throw new FhirRequestError('not-found', 404, `${type}/${id} not found`);
      return r as never;
    },
    async search(type, params) {
      if (type === 'Task') return page(params, Number(one(params._offset) ?? 0)) as never;
      const all = resources.filter((r) => r.resourceType === type);
      const participant = one(params.participant);
      const hit = participant ? all.filter((r) => (r as fhir4.CareTeam).participant?.some((p) => p.member?.reference === participant)) : all;
      return { resources: hit as never[], included: [], total: hit.length };
    },
    async searchNext(type, next) {
      const params: Record<string, string[]> = {};
      for (const [k, v] of new URLSearchParams(next.slice(next.indexOf('?') + 1))) (params[k] ??= []).push(v);
      return this.search(type, params);
    },
    async create(resource) {
      const made = { ...resource, id: resource.id ?? `m${resources.length + 1}`, meta: { versionId: '1' } };
      resources.push(made);
      return made as never;
    },
    async update(resource, opts) {
      const i = resources.findIndex((r) => r.resourceType === resource.resourceType && r.id === resource.id);
      const current = resources[i];
      if (!current) throw new FhirRequestError('not-found', 404, 'not found');
      if (opts?.ifMatch && opts.ifMatch !== `W/"${current.meta?.versionId}"`) throw new FhirRequestError('conflict', 412, 'Precondition failed: the resource changed');
      const updated = { ...resource, meta: { ...(resource.meta ?? {}), versionId: String(Number(current.meta?.versionId ?? 1) + 1) } };
      resources[i] = updated;
      return updated as never;
    },
    async transaction(b) {
      return b;
    },
  };
}
