// The one source of "now" for every decision kpro makes from the time of day: whether a questionnaire is
// open, overdue or in the past, a citizen's age, when a response was authored. The app, the elements and
// the sandbox read it here, so a test (or the sandbox's test start time) can fix it in one place and get
// the same answer at 03:00 as at 14:00.

/** Milliseconds since the epoch, like `Date.now`. */
export type Clock = () => number;

/** The machine's clock. */
export const systemClock: Clock = () => Date.now();

let current: Clock = systemClock;

/** Now, as a Date. */
export function now(): Date {
  return new Date(current());
}

/** Now, in epoch milliseconds. */
export function nowMillis(): number {
  return current();
}

/** Now as an ISO instant (`2026-12-08T07:59:00.000Z`), for `authored`, `recorded` and the like. */
export function nowIso(): string {
  return now().toISOString();
}

/** Replaces the clock (tests, the sandbox's start time); without an argument, back to the system clock. */
export function setClock(clock: Clock = systemClock): void {
  current = clock;
}

/** A Date from a Date, an ISO string or epoch milliseconds; a RangeError for anything that is no time. */
export function toInstant(at: Date | string | number): Date {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${String(at)}`);
  return d;
}

/** A clock that always reads `at`. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = toInstant(at).getTime();
  return () => ms;
}

/** A clock that reads `start` now and runs on at the speed of `base` from there. */
export function clockStartingAt(start: Date | string | number, base: Clock = systemClock): Clock {
  const offset = toInstant(start).getTime() - base();
  return () => base() + offset;
}

/** `value` when given (a Date, ISO string or epoch ms), else now: the default of every `now` option. */
export function nowOr(value?: Date | string | number): Date {
  return value === undefined || value === '' ? now() : toInstant(value);
}
