// Places a template's activities on the calendar and validates a schedule: our rules (not in the past,
// in order, a template with activities and questionnaires) and FUT's occurrenceTiming rules.
import { addOffset, addToDate, DEFAULT_TIME_ZONE, isDate, localDate, toMillis } from '../time/dates.js';
import { nowOr } from '../time/clock.js';
import type { PlanProblem, PlanTemplate, ScheduledActivity } from './types.js';

/**
 * The template's activities from `start` (YYYY-MM-DD), in order. `adjustedDates` (actionId -> date)
 * replaces the computed date of an activity.
 */
export function planSchedule(template: PlanTemplate, start: string, adjustedDates: Record<string, string> = {}): ScheduledActivity[] {
  return template.activities.map((a) => {
    const computed = isDate(start) ? addOffset(start, a.offset) : '';
    const adjusted = adjustedDates[a.actionId];
    const date = adjusted !== undefined && adjusted !== computed ? adjusted : computed;
    return {
      actionId: a.actionId,
      title: a.title,
      questionnaire: a.questionnaire,
      questionnaireTitle: a.questionnaireTitle,
      activityDefinition: a.activityDefinition,
      date,
      adjusted: date !== computed,
      repeat: a.repeat,
      code: a.code,
    };
  });
}

/** The last day of an activity's schedule (its last repeat). */
export function lastDate(a: ScheduledActivity): string {
  if (!isDate(a.date)) return a.date;
  return a.repeat && a.repeat.count > 1 ? addToDate(a.date, a.repeat.period * (a.repeat.count - 1), a.repeat.periodUnit) : a.date;
}

export interface ValidateOptions {
  /** "Today" is the local date of this instant (default: now). */
  now?: Date | string;
  timeZone?: string;
  /** Days a questionnaire stays open; must be at least 1 (end after start). */
  windowDays?: number;
}

/**
 * Validates a schedule made from a template. Returns every problem (empty = fine):
 * no-activities, activity-missing, questionnaire-missing (template), invalid-date, date-in-past,
 * out-of-order and end-before-start.
 */
export function validateSchedule(template: PlanTemplate, schedule: readonly ScheduledActivity[], opts: ValidateOptions = {}): PlanProblem[] {
  const problems: PlanProblem[] = [...template.problems];
  if (!template.activities.length && !problems.some((p) => p.code === 'no-activities')) problems.push({ code: 'no-activities', params: { template: template.title } });
  const today = localDate(nowOr(opts.now), opts.timeZone ?? DEFAULT_TIME_ZONE);
  if (opts.windowDays !== undefined && !(opts.windowDays >= 1)) problems.push({ code: 'end-before-start', params: { action: '', date: '' } });
  let previous: ScheduledActivity | undefined;
  for (const a of schedule) {
    if (!isDate(a.date)) {
      problems.push({ code: 'invalid-date', params: { action: a.title, date: a.date } });
      continue;
    }
    if (a.date < today) problems.push({ code: 'date-in-past', params: { action: a.title, date: a.date } });
    if (previous && a.date < previous.date) problems.push({ code: 'out-of-order', params: { action: a.title, date: a.date, previous: previous.title } });
    if (a.repeat && (a.repeat.count < 1 || a.repeat.period <= 0)) problems.push({ code: 'end-before-start', params: { action: a.title, date: a.date } });
    previous = a;
  }
  return problems;
}

const PERIOD_UNITS = ['min', 'h', 'd', 'wk', 'mo', 'a'];
const DURATION_UNITS = ['s', 'min', 'h', 'd', 'wk', 'a'];
const HAS_TIME_AND_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * FUT's rules for `ServiceRequest.occurrence[x]` (danish-fhir.md 1.5), enforced when a request is active,
 * on-hold or completed: date-times with hh:mm and a zone; occurrenceTiming ad hoc (boundsPeriod.start)
 * or recurring (boundsPeriod.start + frequency + dayOfWeek or period/periodUnit); allowed units; and
 * timeOfDay/dayOfWeek limiting the period unit. Also: the window must end after it starts.
 */
export function validateOccurrence(sr: Pick<fhir4.ServiceRequest, 'occurrenceTiming' | 'occurrenceDateTime' | 'occurrencePeriod'>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const zone = (field: string, v: string | undefined) => {
    if (v !== undefined && !HAS_TIME_AND_ZONE.test(v)) problems.push({ code: 'timing-no-timezone', params: { field, value: v } });
  };
  if (sr.occurrenceDateTime !== undefined) {
    zone('occurrenceDateTime', sr.occurrenceDateTime);
    return problems;
  }
  if (sr.occurrencePeriod) {
    zone('occurrencePeriod.start', sr.occurrencePeriod.start);
    if (!sr.occurrencePeriod.start) problems.push({ code: 'timing-no-start', params: { field: 'occurrencePeriod.start' } });
    endAfterStart(sr.occurrencePeriod, problems);
    return problems;
  }
  const r = sr.occurrenceTiming?.repeat;
  if (!sr.occurrenceTiming) return [{ code: 'timing-missing', params: {} }];
  const start = r?.boundsPeriod?.start;
  if (!start) problems.push({ code: 'timing-no-start', params: { field: 'occurrenceTiming.repeat.boundsPeriod.start' } });
  zone('boundsPeriod.start', start);
  zone('boundsPeriod.end', r?.boundsPeriod?.end);
  if (r?.boundsPeriod) endAfterStart(r.boundsPeriod, problems);
  if (!r) return problems;
  const recurring = r.frequency !== undefined || r.period !== undefined || r.periodUnit !== undefined || (r.dayOfWeek?.length ?? 0) > 0;
  if (recurring) {
    const hasPeriod = r.period !== undefined && r.periodUnit !== undefined;
    if (r.frequency === undefined || (!hasPeriod && !r.dayOfWeek?.length)) problems.push({ code: 'timing-recurring-incomplete', params: {} });
  }
  if (r.periodUnit !== undefined && !PERIOD_UNITS.includes(r.periodUnit)) problems.push({ code: 'timing-period-unit', params: { unit: r.periodUnit } });
  if (r.durationUnit !== undefined && !DURATION_UNITS.includes(r.durationUnit)) problems.push({ code: 'timing-duration-unit', params: { unit: r.durationUnit } });
  // A time of day needs a period of at least a day; given weekdays, the period is counted in weeks.
  if (r.timeOfDay?.length && r.periodUnit && ['min', 'h'].includes(r.periodUnit)) problems.push({ code: 'timing-unit-combination', params: { unit: r.periodUnit, with: 'timeOfDay' } });
  if (r.dayOfWeek?.length && r.periodUnit && !['wk', 'mo', 'a'].includes(r.periodUnit)) problems.push({ code: 'timing-unit-combination', params: { unit: r.periodUnit, with: 'dayOfWeek' } });
  return problems;
}

function endAfterStart(p: fhir4.Period, problems: PlanProblem[]): void {
  const s = toMillis(p.start);
  const e = toMillis(p.end);
  if (s !== undefined && e !== undefined && e <= s) problems.push({ code: 'end-before-start', params: { action: '', date: p.end ?? '' } });
}
