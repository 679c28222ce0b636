// Calendar arithmetic on local dates (YYYY-MM-DD) and conversion to FHIR date-times with a time zone,
// as FUT wants them (hh:mm and an offset). Danish time is the default.
import { now } from './clock.js';

/** Units for offsets and repeats (UCUM codes as FUT uses them). */
export type CalendarUnit = 'd' | 'wk' | 'mo' | 'a';

/** An amount of calendar time: 12 weeks, 3 months. */
export interface CalendarOffset {
  value: number;
  unit: CalendarUnit;
}

export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';
/** When a questionnaire opens on its day (local time). */
export const DEFAULT_TIME = '08:00';
/** How long a one-off questionnaire may be answered before it is overdue. */
export const DEFAULT_WINDOW_DAYS = 7;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds an offset (days, weeks, calendar months or years) to a date. */
export function addToDate(date: string, n: number, unit: CalendarUnit): string {
  const d = toUtc(date);
  if (unit === 'd') d.setUTCDate(d.getUTCDate() + n);
  else if (unit === 'wk') d.setUTCDate(d.getUTCDate() + 7 * n);
  else {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    if (unit === 'mo') d.setUTCMonth(d.getUTCMonth() + n);
    else d.setUTCFullYear(d.getUTCFullYear() + n);
    // 31 January + 1 month = the last day of February.
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return fromUtc(d);
}

export function addOffset(date: string, offset: CalendarOffset): string {
  return addToDate(date, offset.value, offset.unit);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

/** The UTC offset in minutes of a time zone at an instant. */
function offsetMinutesAt(instant: number, timeZone: string): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * The UTC offset ("+01:00") of a time zone at a local date and time. Two passes, so that the hours
 * around a switch to or from summer time get the offset in force at that local time (a local time
 * that does not exist, 02:30 on the last Sunday of March, gets the offset before the switch).
 */
export function zoneOffset(date: string, time: string, timeZone = DEFAULT_TIME_ZONE): string {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const first = offsetMinutesAt(asUtc, timeZone);
  const minutes = offsetMinutesAt(asUtc - first * 60_000, timeZone);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A FHIR dateTime with hh:mm and a time-zone offset, e.g. "2026-03-02T08:00:00+01:00". */
export function localDateTime(date: string, time = DEFAULT_TIME, timeZone = DEFAULT_TIME_ZONE): string {
  return `${date}T${time}:00${zoneOffset(date, time, timeZone)}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant (default: now) in a time zone. */
export function localDate(instant: Date | string = now(), timeZone = DEFAULT_TIME_ZONE): string {
  const d = typeof instant === 'string' ? new Date(instant.length === 10 ? `${instant}T12:00:00Z` : instant) : instant;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Parses a FHIR date or dateTime to epoch milliseconds (dates are taken as local midnight in Denmark). */
export function toMillis(value: string | undefined, timeZone = DEFAULT_TIME_ZONE): number | undefined {
  if (!value) return undefined;
  if (isDate(value)) return Date.parse(`${value}T00:00:00${zoneOffset(value, '00:00', timeZone)}`);
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** Adds a calendar offset to a FHIR dateTime, keeping its local time and re-deriving the zone offset. */
export function addToDateTime(value: string, n: number, unit: CalendarUnit, timeZone = DEFAULT_TIME_ZONE): string {
  const ms = toMillis(value, timeZone);
  if (ms === undefined) return value;
  const date = localDate(new Date(ms), timeZone);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  return localDateTime(addToDate(date, n, unit), time, timeZone);
}

/** Whole years of age on a local date (default: today in Denmark); born 29 February, one is a year older on 1 March. */
export function ageOn(birthDate: string, today: string = localDate()): number {
  const b = birthDate.slice(0, 10);
  let age = +today.slice(0, 4) - +b.slice(0, 4);
  if (today.slice(5) < b.slice(5, 10)) age--;
  return age;
}
