// A small in-memory FhirDataSource for tests and stories: searches by type, records every call, and can be
// told to fail the next write with a status (412 conflict, 500 …). A transaction honours ifNoneExist.
import { FhirRequestError, type FhirDataSource, type FhirErrorKind } from '@kpro/core';

export interface Call {
  op: 'read' | 'search' | 'create' | 'update' | 'transaction';
  type?: string;
  body?: unknown;
  opts?: unknown;
}

const KINDS: Record<number, FhirErrorKind> = { 400: 'invalid', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 412: 'conflict', 500: 'server', 503: 'server' };

export class MemoryFhir implements FhirDataSource {
  readonly baseUrl = 'memory://fhir';
  readonly calls: Call[] = [];
  readonly store = new Map<string, fhir4.Resource>();
  /** Statuses the next writes fail with (first in, first out). */
  failWrites: number[] = [];
  private seq = 0;

  constructor(resources: fhir4.Resource[] = []) {
    for (const r of resources) this.store.set(`${r.resourceType}/${r.id}`, structuredClone(r));
  }

  get writes(): Call[] {
    return this.calls.filter((c) => c.op !== 'read' && c.op !== 'search');
  }

  all<T extends fhir4.Resource>(type: string): T[] {
    return [...this.store.values()].filter((r) => r.resourceType === type) as T[];
  }

  private maybeFail(): void {
    const status = this.failWrites.shift();
    if (status) throw new FhirRequestError(KINDS[status] ?? 'server', status, `failed with ${status}`);
  }

  private put<T extends fhir4.Resource>(r: T): T {
    const id = r.id ?? `id-${++this.seq}`;
    const prev = this.store.get(`${r.resourceType}/${id}`);
    const version = String(Number(prev?.meta?.versionId ?? 0) + 1);
    const saved = { ...structuredClone(r), id, meta: { ...r.meta, versionId: version } } as T;
    this.store.set(`${r.resourceType}/${id}`, saved);
    return saved;
  }

  private findByIdentifier(type: string, ifNoneExist: string): fhir4.Resource | undefined {
    const [sys, value] = decodeURIComponent(ifNoneExist.replace(/^identifier=/, '')).split('|');
    return this.all<fhir4.CarePlan>(type).find((r) => r.identifier?.some((i) => i.system === sys && i.value === value));
  }

  async read<T extends fhir4.Resource>(type: T['resourceType'], id: string): Promise<T> {
    this.calls.push({ op: 'read', type });
    const r = this.store.get(`${type}/${id}`);
    if (!r) throw new FhirRequestError('not-found', 404, 'not found');
    return structuredClone(r) as T;
  }

  async search<T extends fhir4.Resource>(type: T['resourceType'], params: Record<string, string | string[]>) {
    this.calls.push({ op: 'search', type, opts: params });
    let list = this.all<T>(type);
    const subject = params.subject;
    if (typeof subject === 'string') list = list.filter((r) => (r as { subject?: fhir4.Reference }).subject?.reference === subject);
    return { resources: structuredClone(list), included: [] };
  }

  async create<T extends fhir4.Resource>(resource: T, opts?: { ifNoneExist?: string }): Promise<T> {
    this.calls.push({ op: 'create', type: resource.resourceType, body: resource, opts });
    this.maybeFail();
    const existing = opts?.ifNoneExist ? this.findByIdentifier(resource.resourceType, opts.ifNoneExist) : undefined;
    return (existing as T) ?? this.put({ ...resource, id: undefined });
  }

  async update<T extends fhir4.Resource>(resource: T, opts?: { ifMatch?: string }): Promise<T> {
    this.calls.push({ op: 'update', type: resource.resourceType, body: resource, opts });
    this.maybeFail();
    const current = this.store.get(`${resource.resourceType}/${resource.id}`);
    if (opts?.ifMatch && current && opts.ifMatch !== `W/"${current.meta?.versionId}"`) throw new FhirRequestError('conflict', 412, 'version conflict');
    return this.put(resource);
  }

  async transaction(bundle: fhir4.Bundle): Promise<fhir4.Bundle> {
    this.calls.push({ op: 'transaction', body: structuredClone(bundle) });
    this.maybeFail();
    // Check every If-Match first: all or nothing.
    for (const e of bundle.entry ?? []) {
      const cur = e.request?.method === 'PUT' ? this.store.get(e.request.url) : undefined;
      if (e.request?.ifMatch && cur && e.request.ifMatch !== `W/"${cur.meta?.versionId}"`) throw new FhirRequestError('conflict', 412, 'version conflict');
    }
    const ids = new Map<string, string>();
    const out: fhir4.BundleEntry[] = [];
    const planned = (bundle.entry ?? []).map((e) => {
      const r = e.resource!;
      const existing = e.request?.ifNoneExist ? this.findByIdentifier(r.resourceType, e.request.ifNoneExist) : undefined;
      const id = e.request?.method === 'PUT' ? r.id! : (existing?.id ?? `id-${++this.seq}`);
      if (e.fullUrl) ids.set(e.fullUrl, `${r.resourceType}/${id}`);
      return { e, id, existing };
    });
    for (const { e, id, existing } of planned) {
      if (existing) {
        out.push({ response: { status: '200 OK', location: `${existing.resourceType}/${existing.id}` } });
        continue;
      }
      const json = JSON.stringify(e.resource).replace(/"urn:uuid:[0-9a-f-]+"/g, (m) => JSON.stringify(ids.get(JSON.parse(m)) ?? JSON.parse(m)));
      const saved = this.put({ ...JSON.parse(json), id });
      out.push({ response: { status: '201 Created', location: `${saved.resourceType}/${saved.id}/_history/${saved.meta!.versionId}` } });
    }
    return { resourceType: 'Bundle', type: 'transaction-response', entry: out };
  }
}
