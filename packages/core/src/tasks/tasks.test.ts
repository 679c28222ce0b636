import { expect } from '@open-wc/testing';
import type { Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import { triageResponse } from '../triage/evaluate.js';
import { toClinicalImpression } from '../triage/clinical-impression.js';
import { TRIAGE_URL } from '../triage/urls.js';
import type { Significance } from '../triage/types.js';
import { WORKED_EXAMPLES, WORKED_QUESTIONNAIRES, workedExampleResponse, type WorkedQuestionnaire } from '../triage/worked-examples.js';
import { occurrenceStatus } from '../plans/status.js';
import {
  arrivalOf,
  arrivalResources,
  comparePriority,
  isOpenTask,
  missingAnswerTask,
  missingOccurrenceKeyOf,
  overdueOccurrences,
  reassessedTask,
  resolvedMissingTasks,
  responsibleTeams,
  sameAssessment,
  taskCategoryOf,
  taskColourOf,
  taskResponsibleOf,
  taskSummaryOf,
  TASK_URL,
  KPRO_ORIGIN_TAG,
  type FhirTask,
} from './index.js';

const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();
const files = Object.fromEntries(await Promise.all(WORKED_QUESTIONNAIRES.map(async (n) => [n, await load(n)] as const))) as Record<WorkedQuestionnaire, Questionnaire>;
const library = Object.values(files).map((q, i) => ({ ...q, id: q.id ?? `q${i}` }));

const AT = '2026-12-01T09:30:00+01:00';
const team = { reference: 'CareTeam/hjerterehabilitering-nord', display: 'Hjerterehabilitering Nord' };
const withSubject = (qr: QuestionnaireResponse): QuestionnaireResponse => ({ ...qr, subject: { reference: 'Patient/inge-test-jensen' } });

/** The finding code the ClinicalImpression must carry for each overall colour (FUT's codes; grey and none are ours). */
const FINDING: Record<Significance, string[]> = {
  red: ['red'],
  yellow: ['yellow'],
  green: ['green'],
  grey: ['data-absent'],
  none: ['no-effective-answer-significance', 'no-answer-significance-defined'],
};
const PRIORITY: Record<Significance, string> = { red: 'asap', yellow: 'urgent', green: 'routine', grey: 'routine', none: 'routine' };

describe('tasks: arrival of a response (the worked examples)', () => {
  for (const example of WORKED_EXAMPLES) {
    it(`${example.id}: ClinicalImpression and Task match core triage (${example.expect.overall})`, async () => {
      const response = withSubject(workedExampleResponse(example, files[example.questionnaire]));
      const { triage, clinicalImpression: ci, task } = await arrivalOf(response, { questionnaires: library, at: AT, clinicalImpressionId: 'ci-1', responsible: [team] });
      const overall = example.expect.overall;
      expect(triage.overall, 'the triage is core triage').to.equal(overall);

      // The ClinicalImpression is core's own TriagingResult of the same engine: nothing copied, nothing added but the tag.
      const direct = toClinicalImpression(await triageResponse(library, response), { id: 'ci-1', subject: response.subject!, date: AT, response: { reference: `QuestionnaireResponse/${response.id}` } });
      expect({ ...ci, meta: direct.meta }).to.deep.equal(direct);
      expect(ci.meta?.tag).to.deep.include(KPRO_ORIGIN_TAG);
      const finding = ci.finding![0]!.itemCodeableConcept!.coding![0]!;
      expect(finding.system).to.equal(TRIAGE_URL.findingCodes);
      expect(FINDING[overall], 'overall finding').to.include(finding.code);

      expect(task.priority, 'priority').to.equal(PRIORITY[overall]);
      expect(taskCategoryOf(task), 'category').to.equal(overall === 'none' ? 'MeasurementForAssessmentNotTriaged' : 'MeasurementForAssessment');
      expect(taskColourOf(task), 'the list reads the same colour from the task').to.equal(overall);
      expect(task.focus).to.deep.equal({ reference: 'ClinicalImpression/ci-1' });
      expect(task.for).to.deep.equal({ reference: 'Patient/inge-test-jensen' });
      expect(task.status).to.equal('requested');
      expect(task.intent).to.equal('plan');
      expect(task.description).to.equal('Spørgeskemabesvarelse til evaluering');
      expect(task.authoredOn).to.equal(AT);
      expect(task.identifier).to.deep.equal([{ system: TASK_URL.identifier, value: `arrival:${response.id}` }]);
      expect(taskResponsibleOf(task)).to.deep.equal([team]);
      expect(isOpenTask(task)).to.equal(true);
    });
  }

  it('names the questionnaire (the version whose rules were used) and the occurrence, and points at the response', async () => {
    const example = WORKED_EXAMPLES.find((e) => e.id === 'who5-32')!;
    const response = { ...withSubject(workedExampleResponse(example, files['who-5'])), basedOn: [{ reference: 'ServiceRequest/sr-2' }] };
    const request: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: 'sr-2',
      status: 'active',
      intent: 'order',
      code: { text: 'Opfølgning' },
      subject: { reference: 'Patient/inge-test-jensen' },
      occurrenceTiming: { repeat: { boundsPeriod: { start: '2025-01-01T08:00:00+01:00', end: '2025-04-01T08:00:00+02:00' }, period: 1, periodUnit: 'mo', count: 3 } },
    };
    const episode = { reference: 'EpisodeOfCare/e-1' };
    const { task, clinicalImpression } = await arrivalOf(response, { questionnaires: library, at: AT, clinicalImpressionId: 'ci-2', taskId: 't-2', serviceRequest: request, episodeOfCare: episode, tags: [{ system: 'x', code: 'y' }] });
    expect(task.id).to.equal('t-2');
    expect(task.basedOn).to.deep.equal([{ reference: 'ServiceRequest/sr-2', display: 'Opfølgning, 1 af 3' }]);
    const who5 = library.find((q) => q.url === files['who-5'].url && q.version === files['who-5'].version)!;
    expect(task.input).to.deep.equal([
      { type: { text: 'Questionnaire' }, valueReference: { reference: `Questionnaire/${who5.id}`, display: who5.title } },
      { type: { text: 'QuestionnaireResponse' }, valueReference: { reference: `QuestionnaireResponse/${response.id}` } },
    ]);
    expect(task.extension!.find((e) => e.url === TASK_URL.episodeOfCare)!.valueReference).to.deep.equal(episode);
    expect(clinicalImpression.extension!.find((e) => e.url === TRIAGE_URL.episodeOfCare)!.valueReference).to.deep.equal(episode);
    expect(task.meta!.tag).to.deep.equal([KPRO_ORIGIN_TAG, { system: 'x', code: 'y' }]);
    expect(taskResponsibleOf(task), 'no team: on no team list').to.deep.equal([]);
    expect(taskSummaryOf(task)).to.deep.include({ questionnaire: who5.title, occurrence: 'Opfølgning, 1 af 3', responseId: response.id, serviceRequestId: 'sr-2', clinicalImpressionId: 'ci-2', patientId: 'inge-test-jensen', colour: 'red', open: true });
  });

  it('refuses a response that is not stored or names no citizen, and reuses a given triage', async () => {
    const response = withSubject(workedExampleResponse(WORKED_EXAMPLES[0]!, files['who-5']));
    const triage = await triageResponse(library, response);
    expect(() => arrivalResources({ ...response, id: undefined }, triage, { questionnaires: library, at: AT, clinicalImpressionId: 'c' })).to.throw('no id');
    expect(() => arrivalResources({ ...response, subject: undefined }, triage, { questionnaires: library, at: AT, clinicalImpressionId: 'c' })).to.throw('no citizen');
    const given = { ...triage, overall: 'green' as const };
    const { task } = await arrivalOf(response, { questionnaires: files['who-5'], at: AT, clinicalImpressionId: 'c', triage: given });
    expect(task.priority, 'the given triage is used, not computed again').to.equal('routine');
  });
});

describe('tasks: priority, teams', () => {
  it('sorts priorities in clinical order, unknown last', () => {
    const list = ['routine', undefined, 'urgent', 'asap', 'stat', 'routine'];
    expect([...list].sort(comparePriority)).to.deep.equal(['stat', 'asap', 'urgent', 'routine', 'routine', undefined]);
  });

  it('takes the plan’s care teams, else the episode’s, else none; once each, with their names', () => {
    const teams: fhir4.CareTeam[] = [
      { resourceType: 'CareTeam', id: 'nord', name: 'Hjerterehabilitering Nord' },
      { resourceType: 'CareTeam', id: 'syd', name: 'Diabetesteam Syd' },
    ];
    const plan = (careTeam: fhir4.Reference[], status: fhir4.CarePlan['status'] = 'active'): fhir4.CarePlan => ({ resourceType: 'CarePlan', status, intent: 'plan', subject: { reference: 'Patient/p' }, careTeam });
    const episode: fhir4.EpisodeOfCare = { resourceType: 'EpisodeOfCare', status: 'active', patient: { reference: 'Patient/p' }, team: [{ reference: 'CareTeam/syd' }] };
    expect(responsibleTeams({ carePlans: [plan([{ reference: 'CareTeam/nord' }, { reference: 'http://x/fhir/CareTeam/nord' }])], episodesOfCare: [episode], careTeams: teams })).to.deep.equal([
      { reference: 'CareTeam/nord', display: 'Hjerterehabilitering Nord' },
    ]);
    expect(responsibleTeams({ carePlans: [plan([])], episodesOfCare: [episode], careTeams: teams })).to.deep.equal([{ reference: 'CareTeam/syd', display: 'Diabetesteam Syd' }]);
    expect(responsibleTeams({ carePlans: [plan([{ reference: 'CareTeam/nord' }], 'entered-in-error')], episodesOfCare: [episode] })).to.deep.equal([{ reference: 'CareTeam/syd' }]);
    expect(responsibleTeams({ carePlans: [plan([{ reference: 'CareTeam/x', display: 'X' }, { reference: 'Organization/o' }])] })).to.deep.equal([{ reference: 'CareTeam/x', display: 'X' }]);
    expect(responsibleTeams({})).to.deep.equal([]);
  });
});

describe('tasks: missing answers', () => {
  const request = (id: string, status: fhir4.ServiceRequest['status'], start: string, end: string): fhir4.ServiceRequest => ({
    resourceType: 'ServiceRequest',
    id,
    status,
    intent: 'order',
    code: { text: 'Midtvejssamtale (uge 6)' },
    subject: { reference: 'Patient/inge-test-jensen' },
    occurrenceTiming: { repeat: { boundsPeriod: { start, end }, count: 1 } },
  });
  const overdue = request('sr-mid', 'active', '2026-04-13T08:00:00+02:00', '2026-04-20T08:00:00+02:00');
  const due = request('sr-due', 'active', '2026-11-30T08:00:00+01:00', '2026-12-07T08:00:00+01:00');
  const done = request('sr-done', 'completed', '2026-03-02T08:00:00+01:00', '2026-03-09T08:00:00+01:00');
  const answer: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', id: 'qr', status: 'completed', basedOn: [{ reference: 'ServiceRequest/sr-mid' }], authored: '2026-12-02T10:00:00+01:00', item: [{ linkId: 'f1', answer: [{ valueInteger: 3 }] }] };

  it('finds overdue occurrences of active requests only', () => {
    expect(overdueOccurrences([overdue, due, done], [], AT).map((o) => o.key)).to.deep.equal(['sr-mid#0']);
    expect(overdueOccurrences([overdue], [answer], AT)).to.deep.equal([]);
  });

  it('makes one task per occurrence: routine, the request as focus, the window, the identifier', () => {
    const [o] = overdueOccurrences([overdue], [], AT);
    const task = missingAnswerTask(o!, { at: AT, responsible: [team], questionnaire: { id: 'kommunal-rehabilitering', title: 'Kommunal rehabilitering' }, id: 'm-1' });
    expect(task).to.deep.include({ id: 'm-1', status: 'requested', intent: 'plan', priority: 'routine', description: 'Manglende besvarelse', authoredOn: AT });
    expect(task.focus).to.deep.equal({ reference: 'ServiceRequest/sr-mid', display: 'Midtvejssamtale (uge 6)' });
    expect(task.for).to.deep.equal({ reference: 'Patient/inge-test-jensen' });
    expect(task.identifier).to.deep.equal([{ system: TASK_URL.identifier, value: 'missing:sr-mid#0' }]);
    expect(task.restriction!.period).to.deep.equal({ start: '2026-04-13T08:00:00+02:00', end: '2026-04-20T08:00:00+02:00' });
    expect(taskCategoryOf(task)).to.equal('MissingMeasurementResolving');
    expect(taskColourOf(task), 'a missing answer has no colour').to.equal(undefined);
    expect(missingOccurrenceKeyOf(task)).to.equal('sr-mid#0');
    expect(taskSummaryOf(task)).to.deep.include({ questionnaire: 'Kommunal rehabilitering', occurrence: 'Midtvejssamtale (uge 6)', serviceRequestId: 'sr-mid' });
    expect(() => missingAnswerTask({ ...o!, request: { ...overdue, subject: undefined as unknown as fhir4.Reference } }, { at: AT })).to.throw('no citizen');
    expect(missingAnswerTask(o!, { at: AT })).to.not.have.property('input');
  });

  it('closes the open task once the answer comes, and leaves the rest alone', () => {
    const [o] = overdueOccurrences([overdue], [], AT);
    const open = missingAnswerTask(o!, { at: AT, id: 'm-1' });
    const finished = { ...missingAnswerTask(o!, { at: AT, id: 'm-2' }), status: 'completed' as const };
    const other = { ...open, id: 'other', identifier: [{ system: TASK_URL.identifier, value: 'arrival:x' }] };
    const later = '2026-12-02T10:05:00+01:00';
    const closed = resolvedMissingTasks([open, finished, other], occurrenceStatus([overdue], [answer], later), later);
    expect(closed.map((t) => t.id)).to.deep.equal(['m-1']);
    expect(closed[0]).to.deep.include({ status: 'completed', executionPeriod: { end: later } });
    expect(closed[0]!.note![0]!.text).to.match(/lukket automatisk/);
    expect(resolvedMissingTasks([open], occurrenceStatus([overdue], [], later), later)).to.deep.equal([]);
  });
});

describe('tasks: an answer changed after it arrived', () => {
  const example = WORKED_EXAMPLES.find((e) => e.id === 'who5-32')!;
  const greenExample = WORKED_EXAMPLES.find((e) => e.id === 'who5-52')!;

  it('recognises the same verdict, and opens a finished task again with the new priority', async () => {
    const response = withSubject(workedExampleResponse(example, files['who-5']));
    const first = await arrivalOf(response, { questionnaires: library, at: AT, clinicalImpressionId: 'c', responsible: [team] });
    const again = await arrivalOf(response, { questionnaires: library, at: '2026-12-03T10:00:00+01:00', clinicalImpressionId: 'c', responsible: [team] });
    expect(sameAssessment(first.clinicalImpression, again.clinicalImpression), 'a later date is the same verdict').to.equal(true);
    const changed = await arrivalOf({ ...response, item: workedExampleResponse(greenExample, files['who-5']).item }, { questionnaires: library, at: AT, clinicalImpressionId: 'c', responsible: [team] });
    expect(sameAssessment(first.clinicalImpression, changed.clinicalImpression)).to.equal(false);

    const owner = { reference: 'Practitioner/practitioner-mads' };
    const done: FhirTask = { ...first.task, id: 't', status: 'completed', owner, executionPeriod: { start: AT, end: AT }, note: [{ text: 'Vurderet' }] };
    const reopened = reassessedTask(done, changed.task, '2026-12-04T10:00:00+01:00');
    expect(reopened).to.deep.include({ id: 't', status: 'requested', priority: 'routine', executionPeriod: { start: AT } });
    expect(reopened).to.not.have.property('owner');
    expect(reopened.note!.map((n) => n.text)).to.deep.equal(['Vurderet', 'Besvarelsen er ændret efter vurderingen; vurdér den igen.']);
    expect(taskColourOf(reopened)).to.equal('green');

    const taken: FhirTask = { ...first.task, id: 't', status: 'in-progress', owner };
    const updated = reassessedTask(taken, changed.task, AT);
    expect(updated).to.deep.include({ status: 'in-progress', owner, priority: 'routine' });
    expect(updated.note).to.deep.equal([]);
    const bare = reassessedTask({ ...done, executionPeriod: undefined }, changed.task, AT);
    expect(bare).to.not.have.property('executionPeriod');
  });
});

describe('tasks: reading FUT’s own tasks', () => {
  it('takes the colour from the priority when there is no finding, and none for an untriaged task', () => {
    const fut = (priority: FhirTask['priority'], category = 'MeasurementForAssessment'): FhirTask => ({
      resourceType: 'Task',
      status: 'requested',
      intent: 'plan',
      priority,
      extension: [{ url: TASK_URL.category, valueCodeableConcept: { coding: [{ system: TASK_URL.categorySystem, code: category }] } }],
    });
    expect(taskColourOf(fut('asap'))).to.equal('red');
    expect(taskColourOf(fut('urgent'))).to.equal('yellow');
    expect(taskColourOf(fut('routine'))).to.equal('green');
    expect(taskColourOf(fut('routine', 'MeasurementForAssessmentNotTriaged'))).to.equal('none');
    expect(taskColourOf(fut('routine', 'HandoverNegotiation'))).to.equal(undefined);
    expect(taskColourOf({ resourceType: 'Task', status: 'requested', intent: 'plan' })).to.equal(undefined);
    expect(taskSummaryOf({ resourceType: 'Task', status: 'completed', intent: 'plan' })).to.deep.equal({ status: 'completed', open: false, teams: [] });
  });
});
