import { expect } from '@open-wc/testing';
import {
  occurrenceName,
  questionnaireLists,
  buildAssignment,
  cancelOccurrence,
  cancelPlanBundle,
  isConflict,
  isRetryable,
  occurrenceStatus,
  planErrorCode,
  planSchedule,
  planViews,
  readPlanTemplates,
  validateOccurrence,
  validateSchedule,
  buildAdHocRequest,
  addAdHoc,
  assignmentIdOf,
  PlanError,
  QUESTIONNAIRE_EXT,
  ASSIGNMENT_IDENTIFIER_SYSTEM,
  type PlanTemplate,
} from './index.js';
import { FhirRequestError, type FhirDataSource } from '../fhir/data-source.js';
import { addToDate, localDateTime } from '../time/dates.js';
import {
  careTeam,
  diabetesPlan,
  emptyPlan,
  heartPlan,
  mads,
  missingQuestionnairePlan,
  patient,
  REHAB_Q,
  rehabActivity,
  runningPlan,
  templateResources,
  unknownActivity,
  ANSWERED,
} from './test-helpers/templates.js';

const NOW = '2026-02-20T09:00:00+01:00';
const templates = () => readPlanTemplates(templateResources);
const heart = (): PlanTemplate => templates().find((t) => t.id === 'hjerterehabilitering')!;

describe('plans: dates', () => {
  it('adds days, weeks, months (clamped) and years', () => {
    expect(addToDate('2026-03-02', 6, 'wk')).to.equal('2026-04-13');
    expect(addToDate('2026-01-31', 1, 'mo')).to.equal('2026-02-28');
    expect(addToDate('2024-02-29', 1, 'a')).to.equal('2025-02-28');
    expect(addToDate('2026-03-02', -3, 'd')).to.equal('2026-02-27');
  });
  it('writes local date-times with hh:mm and the Danish offset (winter and summer time)', () => {
    expect(localDateTime('2026-03-02')).to.equal('2026-03-02T08:00:00+01:00');
    expect(localDateTime('2026-04-13')).to.equal('2026-04-13T08:00:00+02:00');
    expect(localDateTime('2026-04-13', '10:30', 'UTC')).to.equal('2026-04-13T10:30:00+00:00');
  });
});

describe('plans: templates', () => {
  it('reads PlanDefinition -> ActivityDefinition -> Questionnaire with offsets from relatedAction', () => {
    const t = heart();
    expect(t.problems).to.deep.equal([]);
    expect(t.canonical).to.equal('https://kpro.example.dk/fhir/PlanDefinition/hjerterehabilitering|1.0.0');
    expect(t.activities.map((a) => [a.actionId, a.offset.value, a.offset.unit])).to.deep.equal([
      ['start', 0, 'd'],
      ['mid', 6, 'wk'],
      ['slut', 12, 'wk'],
    ]);
    expect(t.activities[0]!.questionnaire).to.equal(REHAB_Q);
    expect(t.activities[0]!.questionnaireTitle).to.equal('Kommunal rehabilitering');
  });
  it('reads a repeat (timingTiming) and chains offsets', () => {
    const t = templates().find((x) => x.id === 'trivsel')!;
    expect(t.activities[1]!.repeat).to.deep.equal({ count: 4, period: 2, periodUnit: 'wk' });
    expect(t.activities[1]!.offset).to.deep.equal({ value: 2, unit: 'wk' });
  });
  it('reports a template without activities, a missing ActivityDefinition and a questionnaire missing on the server', () => {
    const [empty] = readPlanTemplates([emptyPlan]);
    expect(empty!.problems.map((p) => p.code)).to.deep.equal(['no-activities']);
    const [missing] = readPlanTemplates([missingQuestionnairePlan, unknownActivity, ...templateResources]);
    expect(missing!.problems.map((p) => p.code)).to.deep.equal(['questionnaire-missing']);
    const [noAd] = readPlanTemplates([missingQuestionnairePlan]);
    expect(noAd!.problems.map((p) => p.code)).to.deep.equal(['activity-missing']);
    // Without any Questionnaire in the input, questionnaires are not checked.
    const [unchecked] = readPlanTemplates([heartPlan, rehabActivity]);
    expect(unchecked!.problems).to.deep.equal([]);
  });
  it('reads templates from a search Bundle', () => {
    const bundle: fhir4.Bundle = { resourceType: 'Bundle', type: 'searchset', entry: templateResources.map((resource) => ({ resource: resource as fhir4.FhirResource })) };
    expect(readPlanTemplates(bundle).map((t) => t.id)).to.deep.equal(['hjerterehabilitering', 'diabetes', 'trivsel']);
  });
  it('reports a cycle in relatedAction', () => {
    const cyclic: fhir4.PlanDefinition = {
      ...diabetesPlan,
      action: [
        { id: 'a', definitionCanonical: `${rehabActivity.url}|1.0.0`, relatedAction: [{ actionId: 'b', relationship: 'after-start', offsetDuration: { value: 1, code: 'wk' } }] },
        { id: 'b', definitionCanonical: `${rehabActivity.url}|1.0.0`, relatedAction: [{ actionId: 'a', relationship: 'after-start', offsetDuration: { value: 1, code: 'wk' } }] },
      ],
    };
    expect(readPlanTemplates([cyclic, rehabActivity])[0]!.problems.map((p) => p.code)).to.include('offset-cycle');
  });
});

describe('plans: schedule validation', () => {
  it('places day 0, week 6 and week 12 from the start and applies adjusted dates', () => {
    const s = planSchedule(heart(), '2026-03-02', { mid: '2026-04-15' });
    expect(s.map((a) => [a.date, a.adjusted])).to.deep.equal([
      ['2026-03-02', false],
      ['2026-04-15', true],
      ['2026-05-25', false],
    ]);
    expect(validateSchedule(heart(), s, { now: NOW })).to.deep.equal([]);
  });
  it('refuses a date in the past, dates out of order, invalid dates and a template without activities', () => {
    const t = heart();
    expect(validateSchedule(t, planSchedule(t, '2026-02-19'), { now: NOW }).map((p) => p.code)).to.deep.equal(['date-in-past']);
    expect(validateSchedule(t, planSchedule(t, '2026-02-20'), { now: NOW })).to.deep.equal([]);
    const swapped = planSchedule(t, '2026-03-02', { slut: '2026-04-01' });
    expect(validateSchedule(t, swapped, { now: NOW }).map((p) => p.code)).to.deep.equal(['out-of-order']);
    expect(validateSchedule(t, planSchedule(t, '2026-03-02', { mid: '2026-02-30' }), { now: NOW }).map((p) => p.code)).to.deep.equal(['invalid-date']);
    const [empty] = readPlanTemplates([emptyPlan]);
    expect(validateSchedule(empty!, [], { now: NOW }).map((p) => p.code)).to.deep.equal(['no-activities']);
    expect(validateSchedule(t, planSchedule(t, '2026-03-02'), { now: NOW, windowDays: 0 }).map((p) => p.code)).to.deep.equal(['end-before-start']);
  });
  it("FUT's occurrenceTiming rules: ad hoc and recurring forms, time zone, units", () => {
    const ok = { occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00+01:00' } } } };
    expect(validateOccurrence(ok)).to.deep.equal([]);
    const codes = (sr: Parameters<typeof validateOccurrence>[0]) => validateOccurrence(sr).map((p) => p.code);
    expect(codes({})).to.deep.equal(['timing-missing']);
    expect(codes({ occurrenceTiming: { repeat: { count: 1 } } })).to.deep.equal(['timing-no-start']);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02' } } } })).to.deep.equal(['timing-no-timezone']);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00' } } } })).to.deep.equal(['timing-no-timezone']);
    expect(codes({ occurrenceDateTime: '2026-03-02T08:00Z' })).to.deep.equal([]);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00Z' }, frequency: 1 } } })).to.deep.equal(['timing-recurring-incomplete']);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00Z' }, frequency: 1, dayOfWeek: ['mon'] } } })).to.deep.equal([]);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00Z' }, frequency: 1, period: 1, periodUnit: 's' } } })).to.deep.equal(['timing-period-unit']);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00Z' }, duration: 1, durationUnit: 'mo' } } })).to.deep.equal(['timing-duration-unit']);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00Z' }, frequency: 1, period: 1, periodUnit: 'h', timeOfDay: ['08:00:00'] } } })).to.deep.equal([
      'timing-unit-combination',
    ]);
    expect(codes({ occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-02T08:00:00Z', end: '2026-03-01T08:00:00Z' } } } })).to.deep.equal(['end-before-start']);
  });
});

describe('plans: template -> transaction bundle', () => {
  const build = (extra: Partial<Parameters<typeof buildAssignment>[1]> = {}) =>
    buildAssignment(heart(), { patient, start: '2026-03-02', careTeam, author: mads, now: NOW, assignmentId: 'fixed-id', ...extra });

  it('is one transaction: the CarePlan and one ServiceRequest per activity, linked by urn:uuid', () => {
    const b = build({ episodeOfCare: { reference: 'EpisodeOfCare/e1' } });
    expect(b.type).to.equal('transaction');
    expect(b.entry!.map((e) => e.request!.url)).to.deep.equal(['CarePlan', 'ServiceRequest', 'ServiceRequest', 'ServiceRequest']);
    for (const e of b.entry!) {
      expect(e.fullUrl).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(e.request!.method).to.equal('POST');
    }
    const cp = b.entry![0]!.resource as fhir4.CarePlan;
    expect(cp.instantiatesCanonical).to.deep.equal([heart().canonical]);
    expect(cp).to.include({ status: 'active', intent: 'plan', title: heartPlan.title });
    expect(cp.subject).to.deep.equal(patient);
    expect(cp.author).to.deep.equal(mads);
    expect(cp.careTeam).to.deep.equal([careTeam]);
    expect(cp.period).to.deep.equal({ start: '2026-03-02T08:00:00+01:00', end: '2026-06-01T08:00:00+02:00' });
    expect(cp.activity!.map((a) => a.reference!.reference)).to.deep.equal(b.entry!.slice(1).map((e) => e.fullUrl));
    const srs = b.entry!.slice(1).map((e) => e.resource as fhir4.ServiceRequest);
    for (const sr of srs) {
      expect(sr.basedOn).to.deep.equal([{ reference: b.entry![0]!.fullUrl }]);
      expect(sr.extension).to.deep.include({ url: QUESTIONNAIRE_EXT, valueCanonical: REHAB_Q });
      expect(sr.extension).to.deep.include({ url: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare', valueReference: { reference: 'EpisodeOfCare/e1' } });
      expect(sr.instantiatesCanonical).to.deep.equal([`${rehabActivity.url}|1.0.0`]);
      expect(sr).to.include({ status: 'active', intent: 'order' });
      expect(sr.requester).to.deep.equal(mads);
      expect(validateOccurrence(sr)).to.deep.equal([]);
    }
    expect(srs.map((s) => s.occurrenceTiming!.repeat!.boundsPeriod)).to.deep.equal([
      { start: '2026-03-02T08:00:00+01:00', end: '2026-03-09T08:00:00+01:00' },
      { start: '2026-04-13T08:00:00+02:00', end: '2026-04-20T08:00:00+02:00' },
      { start: '2026-05-25T08:00:00+02:00', end: '2026-06-01T08:00:00+02:00' },
    ]);
    expect(srs.map((s) => s.code!.text)).to.deep.equal(['Første samtale (start)', 'Midtvejssamtale (uge 6)', 'Afsluttende samtale (uge 12)']);
  });

  it('makes every create conditional on the assignment identifier, so a retry does not duplicate', () => {
    const a = build();
    const b = build();
    expect(assignmentIdOf(a)).to.equal('fixed-id');
    expect(a.entry!.map((e) => e.request!.ifNoneExist)).to.deep.equal(b.entry!.map((e) => e.request!.ifNoneExist));
    expect(a.entry![0]!.request!.ifNoneExist).to.equal(`identifier=${encodeURIComponent(`${ASSIGNMENT_IDENTIFIER_SYSTEM}|fixed-id`)}`);
    expect(a.entry![1]!.request!.ifNoneExist).to.equal(`identifier=${encodeURIComponent(`${ASSIGNMENT_IDENTIFIER_SYSTEM}|fixed-id/start`)}`);
    // Without an id, each attempt gets a new one.
    const c = buildAssignment(heart(), { patient, start: '2026-03-02', careTeam, author: mads, now: NOW });
    const d = buildAssignment(heart(), { patient, start: '2026-03-02', careTeam, author: mads, now: NOW });
    expect(assignmentIdOf(c)).to.not.equal(assignmentIdOf(d));
  });

  it('uses adjusted dates and writes a recurring timing for a repeat', () => {
    const t = templates().find((x) => x.id === 'trivsel')!;
    const b = buildAssignment(t, { patient, start: '2026-03-02', careTeam, author: mads, now: NOW });
    const rec = (b.entry![2]!.resource as fhir4.ServiceRequest).occurrenceTiming!.repeat!;
    expect(rec).to.deep.equal({
      boundsPeriod: { start: '2026-03-16T08:00:00+01:00', end: '2026-05-04T08:00:00+02:00' },
      count: 4,
      frequency: 1,
      period: 2,
      periodUnit: 'wk',
    });
    const moved = build({ adjustedDates: { mid: '2026-04-15' } });
    expect((moved.entry![2]!.resource as fhir4.ServiceRequest).occurrenceTiming!.repeat!.boundsPeriod!.start).to.equal('2026-04-15T08:00:00+02:00');
  });

  it('throws a PlanError with every problem: past, no care team, no activities', () => {
    try {
      build({ start: '2026-01-05', careTeam: {} });
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(PlanError);
      expect((e as PlanError).code).to.equal('date-in-past');
      expect((e as PlanError).problems.map((p) => p.code)).to.include('no-care-team');
    }
    const [empty] = readPlanTemplates([emptyPlan]);
    expect(() => buildAssignment(empty!, { patient, start: '2026-03-02', careTeam, author: mads, now: NOW })).to.throw(PlanError, 'no-activities');
  });
});

describe('plans: status over a whole course', () => {
  const { carePlan, requests, responses } = runningPlan();
  const at = (now: string, rs = responses, srs = requests) => occurrenceStatus(srs, rs, now).map((o) => o.status);

  it('planned, due, answered and overdue through the 12 weeks', () => {
    expect(at('2026-02-20T12:00:00+01:00', [])).to.deep.equal(['planned', 'planned', 'planned']);
    expect(at('2026-03-02T09:00:00+01:00', [])).to.deep.equal(['due', 'planned', 'planned']);
    expect(at('2026-03-03T12:00:00+01:00')).to.deep.equal(['answered', 'planned', 'planned']);
    expect(at('2026-03-10T12:00:00+01:00', [])).to.deep.equal(['overdue', 'planned', 'planned']);
    // A draft (in-progress) does not answer it.
    expect(at('2026-04-15T12:00:00+02:00')).to.deep.equal(['answered', 'due', 'planned']);
    expect(at('2026-04-25T12:00:00+02:00')).to.deep.equal(['answered', 'overdue', 'planned']);
    const late: fhir4.QuestionnaireResponse = { ...responses[1]!, id: 'qr-mid', status: 'completed', authored: '2026-04-27T10:00:00+02:00' };
    expect(at('2026-05-26T12:00:00+02:00', [responses[0]!, late])).to.deep.equal(['answered', 'answered', 'due']);
    expect(at('2026-06-02T12:00:00+02:00', [responses[0]!, late])).to.deep.equal(['answered', 'answered', 'overdue']);
    const o = occurrenceStatus(requests, responses, '2026-04-15T12:00:00+02:00')[0]!;
    expect(o).to.include({ responseId: 'qr-start', title: 'Første samtale (start)', questionnaire: REHAB_Q, key: 'sr-start#0' });
  });

  it('a completed response without answers answers nothing', () => {
    const blank: fhir4.QuestionnaireResponse = { ...responses[0]!, id: 'qr-blank', item: [{ linkId: 'trivsel', item: [{ linkId: 't1' }] }] };
    expect(at('2026-03-03T12:00:00+01:00', [blank])).to.deep.equal(['due', 'planned', 'planned']);
    expect(at('2026-03-10T12:00:00+01:00', [blank])).to.deep.equal(['overdue', 'planned', 'planned']);
  });

  it('lists what can be answered now, what comes later and what is answered, by the same status', () => {
    const lists = questionnaireLists(requests, responses, '2026-04-15T12:00:00+02:00');
    expect(lists.open.map((o) => o.key)).to.deep.equal(['sr-mid#0']);
    expect(lists.upcoming.map((o) => o.key)).to.deep.equal(['sr-slut#0']);
    expect(lists.answered.map((o) => o.key)).to.deep.equal(['sr-start#0']);
    // 07:59 on the day the first one opens: nothing to answer yet, all three coming.
    const early = questionnaireLists(requests, [], '2026-03-02T07:59:00+01:00');
    expect(early.open).to.deep.equal([]);
    expect(early.upcoming.map((o) => o.key)).to.deep.equal(['sr-start#0', 'sr-mid#0', 'sr-slut#0']);
    expect(questionnaireLists(requests, [], '2026-03-02T08:00:00+01:00').open.map((o) => o.key)).to.deep.equal(['sr-start#0']);
    // Overdue stays answerable; a cancelled request is offered nowhere.
    const revoked = requests.map((r) => (r.id === 'sr-mid' ? { ...r, status: 'revoked' as const } : r));
    const late = questionnaireLists(revoked, [], '2026-04-25T12:00:00+02:00');
    expect(late.open.map((o) => [o.key, o.status])).to.deep.equal([['sr-start#0', 'overdue']]);
    expect(late.upcoming.map((o) => o.key)).to.deep.equal(['sr-slut#0']);
  });

  it('names an occurrence by its questionnaire and its conversation', () => {
    const [first] = occurrenceStatus(requests, [], '2026-03-02T09:00:00+01:00');
    expect(occurrenceName(first!, 'Kommunal rehabilitering')).to.deep.equal({ questionnaire: 'Kommunal rehabilitering', occurrence: 'Første samtale (start)' });
    expect(occurrenceName(first!, undefined)).to.deep.equal({ questionnaire: 'Første samtale (start)' });
    expect(occurrenceName({ ...first!, index: 1, of: 4 }, 'WHO-5')).to.deep.include({ number: { n: 2, of: 4 } });
  });

  it('cancelled: a revoked request, and everything unanswered of a revoked plan', () => {
    const revoked = requests.map((r) => (r.id === 'sr-slut' ? { ...r, status: 'revoked' as const } : r));
    expect(at('2026-04-15T12:00:00+02:00', responses, revoked)).to.deep.equal(['answered', 'due', 'cancelled']);
    const views = planViews([{ ...carePlan, status: 'revoked' }], requests, responses, '2026-04-15T12:00:00+02:00');
    expect(views[0]!.occurrences.map((o) => o.status)).to.deep.equal(['answered', 'cancelled', 'cancelled']);
    expect(views[0]!.counts).to.deep.equal({ planned: 0, due: 0, answered: 1, overdue: 0, cancelled: 2 });
  });

  it('a repeating request: one occurrence per period, each answered in its own window', () => {
    const sr: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: 'rep',
      status: 'active',
      intent: 'order',
      subject: patient,
      occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-03-16T08:00:00+01:00', end: '2026-05-04T08:00:00+02:00' }, count: 4, frequency: 1, period: 2, periodUnit: 'wk' } },
    };
    const qr = (id: string, authored: string): fhir4.QuestionnaireResponse => ({ resourceType: 'QuestionnaireResponse', id, status: 'completed', basedOn: [{ reference: 'ServiceRequest/rep' }], authored, item: ANSWERED });
    const occ = occurrenceStatus([sr], [qr('a', '2026-03-17T10:00:00+01:00'), qr('b', '2026-04-14T10:00:00+02:00')], '2026-04-15T12:00:00+02:00');
    expect(occ.map((o) => [o.start, o.status, o.responseId])).to.deep.equal([
      ['2026-03-16T08:00:00+01:00', 'answered', 'a'],
      ['2026-03-30T08:00:00+02:00', 'overdue', undefined],
      ['2026-04-13T08:00:00+02:00', 'answered', 'b'],
      ['2026-04-27T08:00:00+02:00', 'planned', undefined],
    ]);
  });

  it('groups requests by plan; requests outside any plan are the ad hoc group; absolute basedOn references match', () => {
    const adhoc: fhir4.ServiceRequest = { ...requests[0]!, id: 'adhoc', basedOn: undefined };
    const abs: fhir4.QuestionnaireResponse = { ...responses[0]!, basedOn: [{ reference: 'http://x/fhir/ServiceRequest/sr-start/_history/2' }] };
    const views = planViews([carePlan], [...requests, adhoc], [abs], '2026-03-05T12:00:00+01:00');
    expect(views.map((v) => [v.id, v.status, v.requests.length])).to.deep.equal([
      ['plan-1', 'active', 3],
      [undefined, 'ad-hoc', 1],
    ]);
    expect(views[0]!.occurrences[0]!.status).to.equal('answered');
  });
});

/** A data source that records calls and answers from a script. */
function recorder(fail?: FhirRequestError) {
  const calls: { op: string; arg: unknown; opts?: unknown }[] = [];
  const ds: FhirDataSource = {
    baseUrl: 'http://test/fhir',
    read: async () => {
      throw new Error('not used');
    },
    search: async () => ({ resources: [], included: [] }),
    create: async (r, opts) => {
      calls.push({ op: 'create', arg: r, opts });
      if (fail) throw fail;
      return { ...r, id: 'new' };
    },
    update: async (r, opts) => {
      calls.push({ op: 'update', arg: r, opts });
      if (fail) throw fail;
      return r;
    },
    transaction: async (b) => {
      calls.push({ op: 'transaction', arg: b });
      if (fail) throw fail;
      return { resourceType: 'Bundle', type: 'transaction-response' };
    },
  };
  return { ds, calls };
}

describe('plans: changes and conflicts', () => {
  const { carePlan, requests } = runningPlan();
  const opts = { reason: 'Borgeren er flyttet', author: mads, now: '2026-04-15T12:00:00+02:00' };

  it('cancels a plan in one transaction of PUTs with If-Match: the plan and its open requests revoked, with the reason', () => {
    const done = { ...requests[0]!, status: 'completed' as const };
    const b = cancelPlanBundle(carePlan, [done, requests[1]!, requests[2]!], opts);
    expect(b.type).to.equal('transaction');
    expect(b.entry!.map((e) => [e.request!.method, e.request!.url, e.request!.ifMatch])).to.deep.equal([
      ['PUT', 'CarePlan/plan-1', 'W/"3"'],
      ['PUT', 'ServiceRequest/sr-mid', 'W/"1"'],
      ['PUT', 'ServiceRequest/sr-slut', 'W/"1"'],
    ]);
    for (const e of b.entry!) {
      expect((e.resource as fhir4.CarePlan).status).to.equal('revoked');
      expect((e.resource as fhir4.CarePlan).note!.at(-1)).to.deep.include({ text: 'Borgeren er flyttet', authorReference: mads });
    }
    expect(b.entry!.some((e) => e.request!.method === ('DELETE' as string))).to.equal(false);
  });

  it('cancels one occurrence with If-Match, never DELETE', async () => {
    const { ds, calls } = recorder();
    await cancelOccurrence(ds, requests[1]!, opts);
    expect(calls).to.have.length(1);
    expect(calls[0]!.op).to.equal('update');
    expect(calls[0]!.opts).to.deep.equal({ ifMatch: 'W/"1"' });
    expect((calls[0]!.arg as fhir4.ServiceRequest).status).to.equal('revoked');
  });

  it('a resource without a version is not written (no blind overwrite)', async () => {
    const { ds, calls } = recorder();
    const noVersion = { ...requests[1]!, meta: undefined };
    let err: unknown;
    try {
      await cancelOccurrence(ds, noVersion, opts);
    } catch (e) {
      err = e;
    }
    expect(planErrorCode(err)).to.equal('no-version');
    expect(isConflict(err)).to.equal(true);
    expect(calls).to.have.length(0);
    expect(() => cancelPlanBundle({ ...carePlan, meta: undefined }, requests, opts)).to.throw(PlanError);
  });

  it('classifies a 412 as a conflict (reload), 5xx/network as retryable, 4xx as not', async () => {
    const { ds } = recorder(new FhirRequestError('conflict', 412, 'version'));
    let err: unknown;
    try {
      await cancelOccurrence(ds, requests[1]!, opts);
    } catch (e) {
      err = e;
    }
    expect(planErrorCode(err)).to.equal('conflict');
    expect(isConflict(err)).to.equal(true);
    expect(isRetryable(err)).to.equal(false);
    expect(isRetryable(new FhirRequestError('server', 500, 'x'))).to.equal(true);
    expect(isRetryable(new FhirRequestError('network', 0, 'x'))).to.equal(true);
    expect(planErrorCode(new FhirRequestError('invalid', 400, 'x'))).to.equal('invalid');
    expect(isRetryable(new FhirRequestError('invalid', 400, 'x'))).to.equal(false);
    expect(planErrorCode(new Error('?'))).to.equal('server');
  });

  it('adds an ad hoc questionnaire now: one conditional create, FUT ad hoc timing', async () => {
    const sr = buildAdHocRequest({ patient, questionnaire: REHAB_Q, title: 'Ekstra', author: mads, now: '2026-04-15T10:00:00Z', requestId: 'r1' });
    expect(validateOccurrence(sr)).to.deep.equal([]);
    expect(sr.occurrenceTiming!.repeat).to.deep.equal({ boundsPeriod: { start: '2026-04-15T10:00:00Z', end: '2026-04-22T10:00:00+00:00' }, count: 1 });
    const { ds, calls } = recorder();
    await addAdHoc(ds, sr);
    await addAdHoc(ds, sr);
    expect(calls.map((c) => c.opts)).to.deep.equal([
      { ifNoneExist: `identifier=${encodeURIComponent(`${ASSIGNMENT_IDENTIFIER_SYSTEM}|r1`)}` },
      { ifNoneExist: `identifier=${encodeURIComponent(`${ASSIGNMENT_IDENTIFIER_SYSTEM}|r1`)}` },
    ]);
    expect(occurrenceStatus([{ ...sr, id: 'x' }], [], '2026-04-16T10:00:00Z')[0]!.status).to.equal('due');
  });
});
