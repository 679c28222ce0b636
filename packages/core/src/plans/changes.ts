// Writing plans: assign (one transaction), cancel a plan or one request, add an ad hoc questionnaire.
// Every change to an existing resource carries If-Match with the version the user saw; nothing is deleted.
import { etagOf, FhirRequestError, type FhirDataSource } from '../fhir/data-source.js';
import { addToDateTime, DEFAULT_WINDOW_DAYS } from '../time/dates.js';
import { nowOr } from '../time/clock.js';
import { assignmentIdentifier, assignmentResult, newAssignmentId } from './assign.js';
import { COMPLETE_QUESTIONNAIRE, EPISODE_OF_CARE_EXT, PlanError, type PlanErrorCode, QUESTIONNAIRE_EXT } from './types.js';

/** Requests that still ask for something (and so are revoked with their plan). */
const OPEN = new Set<fhir4.ServiceRequest['status']>(['draft', 'active', 'on-hold']);

/** Maps any failure to a plan error code for the catalogue (PlanError, FhirRequestError, or unknown = server). */
export function planErrorCode(e: unknown): PlanErrorCode {
  if (e instanceof PlanError) return e.code;
  if (e instanceof FhirRequestError) {
    if (e.kind === 'conflict') return 'conflict';
    return e.kind;
  }
  if (e instanceof TypeError) return 'network';
  return 'server';
}

/** True for a version conflict (412/409, or a resource without a version): reload and try again. */
export function isConflict(e: unknown): boolean {
  const code = planErrorCode(e);
  return code === 'conflict' || code === 'no-version';
}

/** True when sending the very same request again may succeed (and, with our conditional creates, cannot duplicate). */
export function isRetryable(e: unknown): boolean {
  return ['server', 'network', 'unauthorized'].includes(planErrorCode(e));
}

export interface ChangeOptions {
  /** Why (shown to colleagues; kept in `note` and, for requests, in the reason-reference text). */
  reason: string;
  /** Who did it. */
  author?: fhir4.Reference;
  now?: Date | string;
}

function note(reason: string, opts: ChangeOptions): fhir4.Annotation {
  return { text: reason, time: nowOr(opts.now).toISOString(), ...(opts.author ? { authorReference: opts.author } : {}) };
}

function versionOf(r: fhir4.Resource): string {
  const tag = etagOf(r);
  if (!tag) throw new PlanError('no-version', { resource: `${r.resourceType}/${r.id ?? ''}` });
  return tag;
}

/** A revoked copy of a request with the reason (R4 ServiceRequest has no statusReason: `note`). */
export function revokedRequest(sr: fhir4.ServiceRequest, opts: ChangeOptions): fhir4.ServiceRequest {
  return { ...sr, status: 'revoked', note: [...(sr.note ?? []), note(opts.reason, opts)] };
}

/** A revoked copy of a plan, its reason in `note`. */
export function revokedPlan(cp: fhir4.CarePlan, opts: ChangeOptions): fhir4.CarePlan {
  return { ...cp, status: 'revoked', note: [...(cp.note ?? []), note(opts.reason, opts)] };
}

/**
 * The transaction that cancels a plan: the CarePlan revoked and every open request of it revoked, each a
 * PUT with If-Match. Atomic: if anyone changed any of them meanwhile, nothing is written (412).
 */
export function cancelPlanBundle(carePlan: fhir4.CarePlan, requests: readonly fhir4.ServiceRequest[], opts: ChangeOptions): fhir4.Bundle {
  const put = (r: fhir4.CarePlan | fhir4.ServiceRequest): fhir4.BundleEntry => ({
    resource: r,
    request: { method: 'PUT', url: `${r.resourceType}/${r.id}`, ifMatch: versionOf(r) },
  });
  // Version check first, so a resource without one fails before anything is built.
  versionOf(carePlan);
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [put(revokedPlan(carePlan, opts)), ...requests.filter((sr) => OPEN.has(sr.status)).map((sr) => put(revokedRequest(sr, opts)))],
  };
}

/** Cancels a plan and its open requests in one transaction. Throws PlanError / FhirRequestError ('conflict' on 412). */
export async function cancelPlan(ds: FhirDataSource, carePlan: fhir4.CarePlan, requests: readonly fhir4.ServiceRequest[], opts: ChangeOptions): Promise<fhir4.Bundle> {
  return ds.transaction(cancelPlanBundle(carePlan, requests, opts));
}

/** Cancels one request (one occurrence, or what is left of a repeating one) with If-Match. */
export async function cancelOccurrence(ds: FhirDataSource, sr: fhir4.ServiceRequest, opts: ChangeOptions): Promise<fhir4.ServiceRequest> {
  return ds.update(revokedRequest(sr, opts), { ifMatch: versionOf(sr) });
}

export interface AdHocOptions {
  patient: fhir4.Reference;
  /** Canonical url|version of the questionnaire. */
  questionnaire: string;
  title: string;
  author: fhir4.Reference;
  careTeam?: fhir4.Reference;
  episodeOfCare?: fhir4.Reference;
  /** The plan it belongs to, if any (it is then listed with that plan). */
  carePlan?: fhir4.Reference;
  now?: Date | string;
  windowDays?: number;
  /** Once per attempt; a retry with the same id creates nothing new. */
  requestId?: string;
}

/** One ServiceRequest for a questionnaire now (ad hoc, FUT's ad hoc timing form: start now, count 1). */
export function buildAdHocRequest(o: AdHocOptions): fhir4.ServiceRequest {
  const now = nowOr(o.now);
  // Seconds precision with Z: FUT wants hh:mm and a zone.
  const start = now.toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    resourceType: 'ServiceRequest',
    identifier: [assignmentIdentifier(o.requestId ?? newAssignmentId())],
    extension: [...(o.episodeOfCare ? [{ url: EPISODE_OF_CARE_EXT, valueReference: o.episodeOfCare }] : []), { url: QUESTIONNAIRE_EXT, valueCanonical: o.questionnaire }],
    ...(o.carePlan ? { basedOn: [o.carePlan] } : {}),
    status: 'active',
    intent: 'order',
    code: { coding: [COMPLETE_QUESTIONNAIRE], text: o.title },
    subject: o.patient,
    occurrenceTiming: { repeat: { boundsPeriod: { start, end: addToDateTime(start, o.windowDays ?? DEFAULT_WINDOW_DAYS, 'd', 'UTC') }, count: 1 } },
    authoredOn: now.toISOString(),
    requester: o.author,
    ...(o.careTeam ? { performer: [o.careTeam] } : {}),
  };
}

/** Creates an ad hoc request, conditionally on its identifier (a retried click returns the first one). */
export async function addAdHoc(ds: FhirDataSource, sr: fhir4.ServiceRequest): Promise<fhir4.ServiceRequest> {
  const id = sr.identifier?.[0];
  return ds.create(sr, id ? { ifNoneExist: `identifier=${encodeURIComponent(`${id.system}|${id.value}`)}` } : undefined);
}

/** Sends an assignment transaction; returns the CarePlan and request references the server made. */
export async function assignPlan(ds: FhirDataSource, bundle: fhir4.Bundle): Promise<{ carePlan?: string; requests: string[]; response: fhir4.Bundle }> {
  const response = await ds.transaction(bundle);
  return { ...assignmentResult(bundle, response), response };
}
