// Assigning a template to a citizen: one atomic transaction with the CarePlan and one ServiceRequest per
// activity (urn:uuid fullUrls), each a conditional create on an identifier made once per assignment
// attempt, so a retried click returns what the first one made instead of a second plan. The sandbox and
// many servers have no PlanDefinition/$apply, so the bundle is built here the way $apply would.
import { addToDateTime, DEFAULT_TIME, DEFAULT_TIME_ZONE, DEFAULT_WINDOW_DAYS, localDateTime } from '../time/dates.js';
import { nowOr } from '../time/clock.js';
import { lastDate, planSchedule, validateOccurrence, validateSchedule } from './schedule.js';
import {
  ASSIGNMENT_IDENTIFIER_SYSTEM,
  COMPLETE_QUESTIONNAIRE,
  EPISODE_OF_CARE_EXT,
  PlanError,
  type PlanProblem,
  type PlanTemplate,
  QUESTIONNAIRE_EXT,
  type ScheduledActivity,
} from './types.js';

export interface AssignmentOptions {
  /** The citizen (a Patient or a reference to one). */
  patient: fhir4.Patient | fhir4.Reference;
  /** The plan's start, a local date (YYYY-MM-DD). */
  start: string;
  /** The responsible care team. */
  careTeam: fhir4.Reference;
  /** The clinician assigning (author of the plan, requester of the requests). */
  author: fhir4.Reference;
  episodeOfCare?: fhir4.Reference;
  /** Dates the clinician moved (actionId -> YYYY-MM-DD). */
  adjustedDates?: Record<string, string>;
  /**
   * The assignment attempt's identifier value. Make it once per attempt (newAssignmentId()) and pass the
   * same value on a retry. Default: a new one.
   */
  assignmentId?: string;
  /** Now, for validation and authoredOn (default: the clock). */
  now?: Date | string;
  timeZone?: string;
  /** Local time a questionnaire opens (default 08:00). */
  time?: string;
  /** Days a one-off questionnaire stays open (default 7). */
  windowDays?: number;
  /** Skip validation (tests of the server's own checks). */
  skipValidation?: boolean;
}

/** A fresh, random assignment id (a UUID). */
export function newAssignmentId(): string {
  return globalThis.crypto?.randomUUID?.() ?? 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => ((Math.random() * 16) | (c === 'x' ? 0 : 8)).toString(16));
}

const uuid = () => `urn:uuid:${newAssignmentId()}`;

function patientRef(p: fhir4.Patient | fhir4.Reference): fhir4.Reference {
  if ('resourceType' in p && p.resourceType === 'Patient') {
    const name = p.name?.[0];
    const display = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
    return { reference: `Patient/${p.id}`, ...(display ? { display } : {}) };
  }
  return p as fhir4.Reference;
}

/** The occurrenceTiming for one scheduled activity: ad hoc (count 1, a window) or recurring. */
export function timingFor(a: Pick<ScheduledActivity, 'date' | 'repeat'>, opts: { time?: string; timeZone?: string; windowDays?: number } = {}): fhir4.Timing {
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const start = localDateTime(a.date, opts.time ?? DEFAULT_TIME, tz);
  const window = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (a.repeat && a.repeat.count > 1) {
    const last = localDateTime(lastDate(a as ScheduledActivity), opts.time ?? DEFAULT_TIME, tz);
    return {
      repeat: {
        boundsPeriod: { start, end: addToDateTime(last, window, 'd', tz) },
        count: a.repeat.count,
        frequency: 1,
        period: a.repeat.period,
        periodUnit: a.repeat.periodUnit,
      },
    };
  }
  return { repeat: { boundsPeriod: { start, end: addToDateTime(start, window, 'd', tz) }, count: 1 } };
}

/** The identifier of an assignment (on the CarePlan; each request gets `<value>/<actionId>`). */
export function assignmentIdentifier(value: string, actionId?: string): fhir4.Identifier {
  return { system: ASSIGNMENT_IDENTIFIER_SYSTEM, value: actionId ? `${value}/${actionId}` : value };
}

const ifNoneExist = (id: fhir4.Identifier) => `identifier=${encodeURIComponent(`${id.system}|${id.value}`)}`;

/**
 * Builds the assignment transaction. Throws a PlanError (code of the first problem, all of them in
 * `problems`) when the schedule is not valid: no activities, a questionnaire missing, a date in the past,
 * dates out of order, or a timing FUT would refuse.
 */
export function buildAssignment(template: PlanTemplate, opts: AssignmentOptions): fhir4.Bundle {
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const now = nowOr(opts.now);
  const schedule = planSchedule(template, opts.start, opts.adjustedDates);
  const id = opts.assignmentId ?? newAssignmentId();
  const patient = patientRef(opts.patient);
  const timingOpts = { time: opts.time, timeZone: tz, windowDays: opts.windowDays };

  const problems: PlanProblem[] = opts.skipValidation ? [] : validateSchedule(template, schedule, { now, timeZone: tz, windowDays: opts.windowDays });
  if (!opts.skipValidation && !patient.reference) problems.push({ code: 'no-patient', params: {} });
  if (!opts.skipValidation && !opts.careTeam?.reference) problems.push({ code: 'no-care-team', params: {} });

  const carePlanUrl = uuid();
  const episodeExt = opts.episodeOfCare ? [{ url: EPISODE_OF_CARE_EXT, valueReference: opts.episodeOfCare }] : [];
  const requests = schedule.map((a) => {
    const identifier = assignmentIdentifier(id, a.actionId);
    const sr: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      identifier: [identifier],
      extension: [...episodeExt, ...(a.questionnaire ? [{ url: QUESTIONNAIRE_EXT, valueCanonical: a.questionnaire }] : [])],
      ...(a.activityDefinition ? { instantiatesCanonical: [a.activityDefinition] } : {}),
      basedOn: [{ reference: carePlanUrl }],
      status: 'active',
      intent: 'order',
      code: { coding: a.code?.coding?.length ? a.code.coding : [COMPLETE_QUESTIONNAIRE], text: a.title },
      subject: patient,
      occurrenceTiming: timingFor(a, timingOpts),
      authoredOn: now.toISOString(),
      requester: opts.author,
      ...(opts.careTeam?.reference ? { performer: [opts.careTeam] } : {}),
    };
    if (!opts.skipValidation && a.date) for (const p of validateOccurrence(sr)) problems.push({ code: p.code, params: { ...p.params, action: a.title } });
    return { fullUrl: uuid(), sr, identifier };
  });
  if (problems.length) throw new PlanError(problems[0]!.code, problems[0]!.params, problems);

  const first = requests[0]?.sr.occurrenceTiming?.repeat?.boundsPeriod?.start;
  const ends = requests.map((r) => r.sr.occurrenceTiming?.repeat?.boundsPeriod?.end).filter((x): x is string => !!x);
  const planIdentifier = assignmentIdentifier(id);
  const carePlan: fhir4.CarePlan = {
    resourceType: 'CarePlan',
    identifier: [planIdentifier],
    extension: episodeExt,
    instantiatesCanonical: [template.canonical],
    status: 'active',
    intent: 'plan',
    title: template.title,
    ...(template.description ? { description: template.description } : {}),
    subject: patient,
    period: { start: first ?? localDateTime(opts.start, opts.time ?? DEFAULT_TIME, tz), ...(ends.length ? { end: ends.sort().at(-1) } : {}) },
    created: now.toISOString(),
    author: opts.author,
    careTeam: [opts.careTeam],
    activity: requests.map((r) => ({ reference: { reference: r.fullUrl, display: r.sr.code?.text } })),
  };
  if (!carePlan.extension?.length) delete carePlan.extension;
  for (const r of requests) if (!r.sr.extension?.length) delete r.sr.extension;

  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: carePlanUrl, resource: carePlan, request: { method: 'POST', url: 'CarePlan', ifNoneExist: ifNoneExist(planIdentifier) } },
      ...requests.map((r) => ({ fullUrl: r.fullUrl, resource: r.sr, request: { method: 'POST' as const, url: 'ServiceRequest', ifNoneExist: ifNoneExist(r.identifier) } })),
    ],
  };
}

/** The assignment id (identifier value) of a bundle from buildAssignment. */
export function assignmentIdOf(bundle: fhir4.Bundle): string | undefined {
  const cp = bundle.entry?.find((e) => e.resource?.resourceType === 'CarePlan')?.resource as fhir4.CarePlan | undefined;
  return cp?.identifier?.find((i) => i.system === ASSIGNMENT_IDENTIFIER_SYSTEM)?.value;
}

/** What the server made: the CarePlan and request ids from a transaction-response (Location per entry). */
export function assignmentResult(request: fhir4.Bundle, response: fhir4.Bundle): { carePlan?: string; requests: string[] } {
  const ids = (response.entry ?? []).map((e, i) => {
    const fromResource = e.resource?.id ? `${e.resource.resourceType}/${e.resource.id}` : undefined;
    const loc = e.response?.location?.replace(/\/_history\/.*$/, '');
    const fromLocation = loc ? loc.split('/').slice(-2).join('/') : undefined;
    return { type: request.entry?.[i]?.resource?.resourceType, ref: fromResource ?? fromLocation };
  });
  return {
    carePlan: ids.find((x) => x.type === 'CarePlan')?.ref,
    requests: ids.filter((x) => x.type === 'ServiceRequest' && x.ref).map((x) => x.ref!),
  };
}
