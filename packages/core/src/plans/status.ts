// Status per occurrence, from the ServiceRequests and the QuestionnaireResponses `basedOn` them.
import { addToDateTime, DEFAULT_WINDOW_DAYS, toMillis } from '../time/dates.js';
import { now as clockNow } from '../time/clock.js';
import { responseSaysSomething } from '../questionnaire/completeness.js';
import { type CalendarUnit, type Occurrence, type OccurrenceStatus, type PlanView, QUESTIONNAIRE_EXT } from './types.js';

const MAX_OCCURRENCES = 366;
const CANCELLED = new Set(['revoked', 'entered-in-error']);
const ANSWERED = new Set(['completed', 'amended']);

/** True when a reference (relative, absolute or with history) points at Type/id. */
export function refersTo(ref: string | undefined, type: string, id: string | undefined): boolean {
  if (!ref || !id) return false;
  const clean = ref.replace(/\/_history\/.*$/, '');
  return clean === `${type}/${id}` || clean.endsWith(`/${type}/${id}`);
}

interface Slot {
  start: string;
  end?: string;
}

/** The occurrences (start and answer-by) a request asks for. */
export function occurrenceSlots(sr: fhir4.ServiceRequest): Slot[] {
  if (sr.occurrenceDateTime) return [{ start: sr.occurrenceDateTime, end: addToDateTime(sr.occurrenceDateTime, DEFAULT_WINDOW_DAYS, 'd') }];
  if (sr.occurrencePeriod?.start) return [{ start: sr.occurrencePeriod.start, end: sr.occurrencePeriod.end }];
  const r = sr.occurrenceTiming?.repeat;
  const start = r?.boundsPeriod?.start ?? sr.occurrenceTiming?.event?.[0];
  if (!start) return [];
  const end = r?.boundsPeriod?.end;
  const unit = r?.periodUnit as CalendarUnit | undefined;
  const recurring = r && r.period && unit && ['d', 'wk', 'mo', 'a'].includes(unit) && (r.count ?? 2) > 1;
  if (!recurring) {
    const window = end ?? (r?.duration && r.durationUnit ? addToDateTime(start, r.duration * (r.durationUnit === 'wk' ? 7 : 1), 'd') : addToDateTime(start, DEFAULT_WINDOW_DAYS, 'd'));
    return [{ start, end: window }];
  }
  const slots: Slot[] = [];
  const endMs = toMillis(end);
  const count = Math.min(r.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  for (let i = 0; i < count; i++) {
    const s = i === 0 ? start : addToDateTime(start, r.period! * i, unit!);
    if (endMs !== undefined && i > 0 && toMillis(s)! >= endMs) break;
    slots.push({ start: s });
  }
  // Each occurrence is open until the next one starts; the last until the bounds end (or a period).
  slots.forEach((s, i) => {
    s.end = slots[i + 1]?.start ?? end ?? addToDateTime(s.start, r.period!, unit!);
  });
  return slots;
}

function titleOf(sr: fhir4.ServiceRequest): string {
  return sr.code?.text ?? sr.code?.coding?.[0]?.display ?? sr.id ?? '';
}

export function questionnaireOf(sr: fhir4.ServiceRequest): string | undefined {
  return sr.extension?.find((e) => e.url === QUESTIONNAIRE_EXT)?.valueCanonical;
}

/**
 * Every occurrence of every request with its status at `now`:
 * - answered: a completed (or amended) QuestionnaireResponse `basedOn` the request answers it, when it
 *   holds at least one answer (a blank response answers nothing)
 *   (for a repeating request: the response authored in that occurrence's window, or the earliest open one);
 * - cancelled: the request is revoked or entered-in-error (and the occurrence was not answered);
 * - planned: it has not opened yet; due: open now; overdue: its window has passed unanswered.
 */
export function occurrenceStatus(serviceRequests: readonly fhir4.ServiceRequest[], responses: readonly fhir4.QuestionnaireResponse[], now: Date | string = clockNow()): Occurrence[] {
  const nowMs = new Date(now).getTime();
  const out: Occurrence[] = [];
  for (const sr of serviceRequests) {
    const slots = occurrenceSlots(sr);
    const mine = responses
      .filter((qr) => ANSWERED.has(qr.status) && qr.basedOn?.some((b) => refersTo(b.reference, 'ServiceRequest', sr.id)) && responseSaysSomething(qr))
      .sort((a, b) => (toMillis(a.authored ?? a.meta?.lastUpdated) ?? 0) - (toMillis(b.authored ?? b.meta?.lastUpdated) ?? 0));
    const answers = new Map<number, string>();
    for (const qr of mine) {
      const at = toMillis(qr.authored ?? qr.meta?.lastUpdated) ?? nowMs;
      // The slot whose window holds the answer; otherwise the earliest unanswered slot that had opened.
      let i = slots.findIndex((s, k) => !answers.has(k) && toMillis(s.start)! <= at && (s.end === undefined || at < toMillis(s.end)!));
      if (i < 0) i = slots.findIndex((s, k) => !answers.has(k) && toMillis(s.start)! <= at);
      if (i < 0) i = slots.findIndex((_, k) => !answers.has(k));
      if (i < 0 && slots.length) i = slots.length - 1; // a later version of the last answer
      if (i >= 0) answers.set(i, qr.id ?? '');
    }
    slots.forEach((s, i) => {
      const responseId = answers.get(i);
      let status: OccurrenceStatus;
      if (responseId !== undefined) status = 'answered';
      else if (CANCELLED.has(sr.status)) status = 'cancelled';
      else if (nowMs < toMillis(s.start)!) status = 'planned';
      else if (s.end === undefined || nowMs < toMillis(s.end)!) status = 'due';
      else status = 'overdue';
      out.push({
        key: `${sr.id ?? ''}#${i}`,
        request: sr,
        index: i,
        of: slots.length,
        start: s.start,
        end: s.end,
        status,
        ...(responseId !== undefined ? { responseId } : {}),
        title: titleOf(sr),
        questionnaire: questionnaireOf(sr),
      });
    });
  }
  return out.sort((a, b) => toMillis(a.start)! - toMillis(b.start)!);
}

const zero = (): Record<OccurrenceStatus, number> => ({ planned: 0, due: 0, answered: 0, overdue: 0, cancelled: 0 });

/**
 * The citizen's plans with their occurrences, newest plan first; requests that belong to no plan (ad hoc)
 * come last as one group without an id.
 */
export function planViews(
  carePlans: readonly fhir4.CarePlan[],
  requests: readonly fhir4.ServiceRequest[],
  responses: readonly fhir4.QuestionnaireResponse[],
  now: Date | string = clockNow(),
): PlanView[] {
  const used = new Set<fhir4.ServiceRequest>();
  const views: PlanView[] = [];
  const sorted = [...carePlans].sort((a, b) => (toMillis(b.period?.start ?? b.created) ?? 0) - (toMillis(a.period?.start ?? a.created) ?? 0));
  for (const cp of sorted) {
    const mine = requests.filter(
      (sr) => sr.basedOn?.some((b) => refersTo(b.reference, 'CarePlan', cp.id)) || cp.activity?.some((a) => refersTo(a.reference?.reference, 'ServiceRequest', sr.id)),
    );
    mine.forEach((sr) => used.add(sr));
    views.push(view(cp.id, cp, cp.title ?? cp.id ?? '', cp.status, mine, responses, now));
  }
  const loose = requests.filter((sr) => !used.has(sr));
  if (loose.length) views.push(view(undefined, undefined, '', 'ad-hoc', loose, responses, now));
  return views;
}

function view(
  id: string | undefined,
  carePlan: fhir4.CarePlan | undefined,
  title: string,
  status: PlanView['status'],
  requests: fhir4.ServiceRequest[],
  responses: readonly fhir4.QuestionnaireResponse[],
  now: Date | string,
): PlanView {
  const occurrences = occurrenceStatus(requests, responses, now);
  // A revoked plan cancels whatever of it was not answered.
  if (status === 'revoked') for (const o of occurrences) if (o.status !== 'answered') o.status = 'cancelled';
  const counts = zero();
  for (const o of occurrences) counts[o.status]++;
  return { id, carePlan, title, status, requests, occurrences, counts };
}
