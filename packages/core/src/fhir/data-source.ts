/**
 * A small FHIR data source: what our components need from a server, nothing more. The REST
 * implementation works against any R4 server (FUT, HAPI, the sandbox).
 */
export interface FhirDataSource {
  readonly baseUrl: string;
  read<T extends fhir4.Resource>(type: T['resourceType'], id: string): Promise<T>;
  /** Searches (POST _search with a form body when `post`, so identifiers never go into a URL). */
  search<T extends fhir4.Resource>(type: T['resourceType'], params: Record<string, string | string[]>, opts?: { post?: boolean }): Promise<SearchResult<T>>;
  create<T extends fhir4.Resource>(resource: T, opts?: { ifNoneExist?: string }): Promise<T>;
  update<T extends fhir4.Resource>(resource: T, opts?: { ifMatch?: string }): Promise<T>;
  transaction(bundle: fhir4.Bundle): Promise<fhir4.Bundle>;
  /** A plain GET relative to the base (`metadata`, `PlanDefinition/x/$apply?…`); optional for small data sources. */
  get?<T>(path: string): Promise<T>;
  /** The next page of a search (its `next` link, on this server only); optional for small data sources. */
  searchNext?<T extends fhir4.Resource>(type: T['resourceType'], next: string): Promise<SearchResult<T>>;
}

export interface SearchResult<T extends fhir4.Resource> {
  /** Matches (search mode "match"). */
  resources: T[];
  /** Everything else returned (_include/_revinclude), by type. */
  included: fhir4.Resource[];
  total?: number;
  /** The server's link to the next page, when there is one (give it to `searchNext`). */
  next?: string;
}

export type FhirErrorKind = 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'server' | 'network';

/** A failed request, classified so the UI can say what to do next. */
export class FhirRequestError extends Error {
  constructor(
    readonly kind: FhirErrorKind,
    readonly status: number,
    message: string,
    readonly outcome?: fhir4.OperationOutcome,
  ) {
    super(message);
    this.name = 'FhirRequestError';
  }
}

export interface RestOptions {
  /** Returns the current access token (if any). */
  token?: () => string | undefined;
  /** Called once on a 401; resolve true when a new token was obtained and the request may be retried. */
  onUnauthorized?: () => Promise<boolean>;
  fetch?: typeof fetch;
}

export function restDataSource(baseUrl: string, opts: RestOptions = {}): FhirDataSource {
  const base = baseUrl.replace(/\/$/, '');
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, retried = false): Promise<{ data: T; response: Response }> {
    const h: Record<string, string> = { accept: 'application/fhir+json', ...headers };
    const token = opts.token?.();
    if (token) h.authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (body instanceof URLSearchParams) {
      payload = body;
      h['content-type'] = 'application/x-www-form-urlencoded';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/fhir+json';
    }
    let response: Response;
    try {
      response = await doFetch(`${base}/${path}`, { method, headers: h, body: payload });
    } catch (e) {
      throw new FhirRequestError('network', 0, `The FHIR server could not be reached (${(e as Error).message}).`);
    }
    if (response.status === 401 && !retried && opts.onUnauthorized && (await opts.onUnauthorized())) {
      return request(method, path, body, headers, true);
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const outcome = (data as fhir4.Resource | undefined)?.resourceType === 'OperationOutcome' ? (data as fhir4.OperationOutcome) : undefined;
      const message = outcome?.issue?.map((i) => i.diagnostics ?? i.details?.text).filter(Boolean).join('; ') || `${method} ${path.split('?')[0]} failed with ${response.status}`;
      throw new FhirRequestError(kindOf(response.status), response.status, message, outcome);
    }
    return { data: data as T, response };
  }

  return {
    baseUrl: base,
    async read(type, id) {
      return (await request<never>('GET', `${type}/${encodeURIComponent(id)}`)).data;
    },
    async search(type, params, o) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
      const { data } = o?.post
        ? await request<fhir4.Bundle>('POST', `${type}/_search`, q)
        : await request<fhir4.Bundle>('GET', `${type}${q.size ? `?${q}` : ''}`);
      return searchResultOf(data, type);
    },
    async searchNext(type, next) {
      // Only links on this server: a next link elsewhere would send the token to another host.
      if (!next.startsWith(`${base}/`)) throw new FhirRequestError('invalid', 0, 'The next link does not point at this FHIR server.');
      const { data } = await request<fhir4.Bundle>('GET', next.slice(base.length + 1));
      return searchResultOf(data, type);
    },
    async create(resource, o) {
      const headers: Record<string, string> = { prefer: 'return=representation' };
      if (o?.ifNoneExist) headers['if-none-exist'] = o.ifNoneExist;
      return (await request<never>('POST', resource.resourceType, resource, headers)).data;
    },
    async update(resource, o) {
      const headers: Record<string, string> = { prefer: 'return=representation' };
      if (o?.ifMatch) headers['if-match'] = o.ifMatch;
      return (await request<never>('PUT', `${resource.resourceType}/${encodeURIComponent(resource.id!)}`, resource, headers)).data;
    },
    async transaction(bundle) {
      return (await request<fhir4.Bundle>('POST', '', bundle)).data;
    },
    async get<T>(path: string) {
      return (await request<T>('GET', path)).data;
    },
  };
}

/** A searchset Bundle as matches, included resources, total and next link. */
function searchResultOf<T extends fhir4.Resource>(data: fhir4.Bundle | undefined, type: string): SearchResult<T> {
  const entries = data?.entry ?? [];
  const isMatch = (e: fhir4.BundleEntry) => (e.search?.mode ?? 'match') === 'match' && e.resource?.resourceType === type;
  const next = data?.link?.find((l) => l.relation === 'next')?.url;
  return {
    resources: entries.filter(isMatch).map((e) => e.resource as T),
    included: entries.filter((e) => !isMatch(e) && e.resource).map((e) => e.resource!),
    ...(data?.total !== undefined ? { total: data.total } : {}),
    ...(next ? { next } : {}),
  };
}

function kindOf(status: number): FhirErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

/** What kind of failure an error from a data source is, for a translated message ('unknown' for anything else). */
export function errorKindOf(e: unknown): FhirErrorKind | 'unknown' {
  return e instanceof FhirRequestError ? e.kind : 'unknown';
}

/** The weak ETag for a resource version, for If-Match. */
export function etagOf(resource: fhir4.Resource): string | undefined {
  return resource.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined;
}
