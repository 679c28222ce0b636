import { expect } from '@open-wc/testing';
import { clockStartingAt, fixedClock, now, nowIso, nowOr, setClock, systemClock } from './clock.js';
import { addToDate, addToDateTime, ageOn, localDate, localDateTime, toMillis, zoneOffset } from './dates.js';
import { occurrenceStatus } from '../plans/status.js';

// Danish time: CET (+01:00) in winter, CEST (+02:00) in summer. The switches in 2026 are on Sunday
// 29 March (02:00 -> 03:00) and Sunday 25 October (03:00 -> 02:00); in 2027 on 28 March and 31 October.

describe('time: the clock', () => {
  afterEach(() => setClock());

  it('reads the system clock by default', () => {
    const before = Date.now();
    const t = now().getTime();
    expect(t).to.be.within(before, Date.now());
  });

  it('can be fixed, and every default "now" follows it', () => {
    setClock(fixedClock('2026-12-31T22:59:00Z'));
    expect(nowIso()).to.equal('2026-12-31T22:59:00.000Z');
    expect(localDate()).to.equal('2026-12-31');
    setClock(fixedClock('2026-12-31T23:00:00Z'));
    expect(localDate(), 'midnight in Denmark is 23:00 UTC in winter').to.equal('2027-01-01');
    expect(nowOr('2026-06-01T10:00:00Z').toISOString()).to.equal('2026-06-01T10:00:00.000Z');
    expect(nowOr().toISOString()).to.equal('2026-12-31T23:00:00.000Z');
  });

  it('can start at a given time and run on from there', () => {
    let real = 1_000;
    setClock(clockStartingAt('2026-03-29T00:30:00Z', () => real));
    expect(nowIso()).to.equal('2026-03-29T00:30:00.000Z');
    real += 60_000;
    expect(nowIso()).to.equal('2026-03-29T00:31:00.000Z');
  });

  it('refuses a time that is no time', () => {
    expect(() => fixedClock('tomorrow')).to.throw(RangeError);
    expect(() => clockStartingAt(Number.NaN)).to.throw(RangeError);
    expect(systemClock()).to.be.a('number');
  });
});

describe('time: calendar dates', () => {
  it('adds days, weeks, months (clamped) and years, across the new year', () => {
    expect(addToDate('2026-12-31', 1, 'd')).to.equal('2027-01-01');
    expect(addToDate('2026-12-31', 1, 'mo')).to.equal('2027-01-31');
    expect(addToDate('2026-12-31', 2, 'mo')).to.equal('2027-02-28');
    expect(addToDate('2026-12-28', 1, 'wk')).to.equal('2027-01-04');
    expect(addToDate('2027-01-01', -1, 'd')).to.equal('2026-12-31');
  });

  it('gives the local date of an instant in Danish time, around midnight, new year and the switches', () => {
    expect(localDate('2026-12-31T22:59:59Z')).to.equal('2026-12-31');
    expect(localDate('2026-12-31T23:00:00Z')).to.equal('2027-01-01');
    expect(localDate('2026-06-30T21:59:59Z')).to.equal('2026-06-30');
    expect(localDate('2026-06-30T22:00:00Z')).to.equal('2026-07-01');
    expect(localDate('2026-03-28T23:30:00Z'), '00:30 on the switch day in March').to.equal('2026-03-29');
    expect(localDate('2026-10-24T22:30:00Z'), '00:30 on the switch day in October').to.equal('2026-10-25');
  });

  it('writes the offset in force at a local time, also on the switch days', () => {
    expect(localDateTime('2026-03-28')).to.equal('2026-03-28T08:00:00+01:00');
    expect(localDateTime('2026-03-29')).to.equal('2026-03-29T08:00:00+02:00');
    expect(zoneOffset('2026-03-29', '01:30')).to.equal('+01:00');
    expect(zoneOffset('2026-03-29', '03:30')).to.equal('+02:00');
    expect(localDateTime('2026-10-24')).to.equal('2026-10-24T08:00:00+02:00');
    expect(localDateTime('2026-10-25')).to.equal('2026-10-25T08:00:00+01:00');
    expect(zoneOffset('2026-10-25', '01:30')).to.equal('+02:00');
    expect(zoneOffset('2026-10-25', '03:30')).to.equal('+01:00');
    expect(localDateTime('2026-12-31', '23:59')).to.equal('2026-12-31T23:59:00+01:00');
  });

  it('reads dates as local midnight and keeps the local time when adding across a switch', () => {
    expect(toMillis('2026-03-29')).to.equal(Date.parse('2026-03-28T23:00:00Z'));
    expect(toMillis('2026-03-30')).to.equal(Date.parse('2026-03-29T22:00:00Z'));
    expect(addToDateTime('2026-03-26T08:00:00+01:00', 7, 'd')).to.equal('2026-04-02T08:00:00+02:00');
    expect(addToDateTime('2026-10-22T08:00:00+02:00', 7, 'd')).to.equal('2026-10-29T08:00:00+01:00');
    expect(addToDateTime('2026-12-28T08:00:00+01:00', 7, 'd')).to.equal('2027-01-04T08:00:00+01:00');
  });

  it('gives whole years of age on a date, leap-day birthdays included', () => {
    expect(ageOn('1948-03-12', '2026-03-11')).to.equal(77);
    expect(ageOn('1948-03-12', '2026-03-12')).to.equal(78);
    expect(ageOn('1950-12-31', '2026-12-30')).to.equal(75);
    expect(ageOn('1950-12-31', '2026-12-31')).to.equal(76);
    expect(ageOn('2000-02-29', '2027-02-28')).to.equal(26);
    expect(ageOn('2000-02-29', '2027-03-01')).to.equal(27);
  });

  it('takes today from the clock for an age', () => {
    setClock(fixedClock('2026-03-11T23:30:00Z'));
    try {
      expect(ageOn('1948-03-12'), '00:30 Danish time on the birthday').to.equal(78);
    } finally {
      setClock();
    }
  });
});

describe('time: when a questionnaire opens and becomes overdue (Danish time)', () => {
  const request = (date: string): fhir4.ServiceRequest => ({
    resourceType: 'ServiceRequest',
    id: `sr-${date}`,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p' },
    occurrenceDateTime: localDateTime(date),
  });
  const at = (date: string, instant: string) => occurrenceStatus([request(date)], [], instant)[0]!.status;

  for (const [name, day] of [
    ['an ordinary winter day', '2026-12-08'],
    ['the switch to summer time', '2026-03-29'],
    ['the switch back to winter time', '2026-10-25'],
    ['31 December', '2026-12-31'],
    ['the switch to summer time in 2027', '2027-03-28'],
  ] as const) {
    it(`opens at 08:00 on its day: ${name}`, () => {
      const offset = zoneOffset(day, '08:00');
      expect(at(day, `${day}T00:30:00${zoneOffset(day, '00:30')}`)).to.equal('planned');
      expect(at(day, `${day}T07:59:00${offset}`)).to.equal('planned');
      expect(at(day, `${day}T08:00:00${offset}`)).to.equal('due');
      expect(at(day, `${day}T23:59:00${zoneOffset(day, '23:59')}`)).to.equal('due');
      // Open for 7 days: overdue from 08:00 on the 8th day.
      const end = addToDate(day, 7, 'd');
      expect(at(day, `${end}T07:59:00${zoneOffset(end, '07:59')}`)).to.equal('due');
      expect(at(day, `${end}T08:00:00${zoneOffset(end, '08:00')}`)).to.equal('overdue');
    });
  }

  it('uses the clock when no time is given', () => {
    setClock(fixedClock('2026-12-08T06:59:00Z'));
    try {
      expect(occurrenceStatus([request('2026-12-08')], [])[0]!.status).to.equal('planned');
      setClock(fixedClock('2026-12-08T07:00:00Z'));
      expect(occurrenceStatus([request('2026-12-08')], [])[0]!.status).to.equal('due');
    } finally {
      setClock();
    }
  });
});
