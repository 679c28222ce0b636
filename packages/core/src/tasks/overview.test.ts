import { expect } from '@open-wc/testing';
import { fixedClock, setClock } from '../time/clock.js';
import { TASK_URL, type TaskCategoryCode } from './urls.js';
import { completeTask, hoursWaited, releaseTask, takeTask, taskColour, taskCountSearches, taskRows, taskSearch, versionTag } from './overview.js';

const hanne = { reference: 'Practitioner/practitioner-hanne', display: 'Hanne Holm' };
const viewer = { user: hanne, teams: [{ id: 'hjerte-nord', name: 'Hjerterehabilitering Nord' }, { id: 'diabetes-syd', name: 'Diabetesteam Syd' }] };

function task(id: string, category: TaskCategoryCode, priority: fhir4.Task['priority'], extra: Partial<fhir4.Task> = {}): fhir4.Task {
  return {
    resourceType: 'Task',
    id,
    meta: { versionId: '3' },
    status: 'requested',
    intent: 'plan',
    priority,
    description: 'Spørgeskemabesvarelse til evaluering',
    for: { reference: 'Patient/inge' },
    authoredOn: '2026-12-07T09:00:00+01:00',
    extension: [
      { url: TASK_URL.category, valueCodeableConcept: { coding: [{ system: TASK_URL.categorySystem, code: category }] } },
      { url: TASK_URL.responsible, valueReference: { reference: 'CareTeam/hjerte-nord', display: 'Hjerterehabilitering Nord' } },
    ],
    ...extra,
  };
}

describe('tasks: the overview query', () => {
  it('asks the server for one page of my teams’ open tasks, red first, then missing answers, with the citizen included', () => {
    expect(taskSearch({ scope: 'teams' }, viewer)).to.deep.equal({
      status: 'requested,received,accepted,ready,in-progress,on-hold',
      _count: '50',
      _include: 'Task:patient',
      responsible: 'CareTeam/hjerte-nord,CareTeam/diabetes-syd',
      _sort: 'category,priority,authored-on',
    });
  });

  it('narrows to my own tasks, one team, a colour, a name; sorts by arrival', () => {
    expect(taskSearch({ scope: 'mine' }, viewer)).to.include({ owner: 'Practitioner/practitioner-hanne' });
    expect(taskSearch({ scope: { team: 'diabetes-syd' }, colour: 'red' }, viewer)).to.include({ responsible: 'CareTeam/diabetes-syd', category: 'MeasurementForAssessment', priority: 'asap' });
    expect(taskSearch({ scope: 'teams', colour: 'missing' }, viewer)).to.include({ category: 'MissingMeasurementResolving' });
    expect(taskSearch({ scope: 'teams', colour: 'none' }, viewer)).to.include({ category: 'MeasurementForAssessmentNotTriaged' });
    expect(taskSearch({ scope: 'teams', name: '  inge ' }, viewer)).to.include({ 'patient.name': 'inge' });
    expect(taskSearch({ scope: 'teams', sort: { by: 'arrived', dir: 'desc' } }, viewer)._sort).to.equal('-authored-on');
    expect(taskSearch({ scope: 'teams', sort: { by: 'colour', dir: 'desc' } }, viewer)._sort).to.equal('-category,-priority,authored-on');
  });

  it('never lists every task when the user is in no team', () => {
    expect(taskSearch({ scope: 'teams' }, { user: hanne, teams: [] }).responsible).to.equal('CareTeam/-');
  });

  it('counts every colour with _summary=count, never a page of rows', () => {
    const counts = taskCountSearches({ scope: 'teams' }, viewer);
    expect(Object.keys(counts)).to.deep.equal(['red', 'yellow', 'green', 'none', 'missing']);
    expect(counts.yellow).to.include({ _summary: 'count', priority: 'urgent', category: 'MeasurementForAssessment' });
    expect(counts.missing).to.not.have.property('_count');
  });
});

describe('tasks: rows', () => {
  it('reads colour from category and priority', () => {
    expect(taskColour(task('a', 'MeasurementForAssessment', 'asap'))).to.equal('red');
    expect(taskColour(task('a', 'MeasurementForAssessment', 'urgent'))).to.equal('yellow');
    expect(taskColour(task('a', 'MeasurementForAssessment', 'routine'))).to.equal('green');
    expect(taskColour(task('a', 'MeasurementForAssessmentNotTriaged', 'routine'))).to.equal('none');
    expect(taskColour(task('a', 'MissingMeasurementResolving', 'routine'))).to.equal('missing');
  });

  it('names the citizen (included, name only) and the questionnaire with its occurrence (on the task itself)', () => {
    const t = task('t1', 'MeasurementForAssessment', 'asap', {
      basedOn: [{ reference: 'ServiceRequest/sr1', display: 'Afsluttende samtale (uge 12)' }],
      input: [{ type: { text: 'Questionnaire' }, valueReference: { reference: 'Questionnaire/kommunal-rehabilitering', display: 'Kommunal rehabilitering' } }],
      reasonCode: { coding: [{ system: 'http://ehealth.sundhed.dk/cs/clinicalimpression-finding-codes', code: 'red' }] },
      owner: hanne,
    });
    const patient: fhir4.Patient = { resourceType: 'Patient', id: 'inge', name: [{ given: ['Inge', 'Test'], family: 'Jensen' }] };
    const [row] = taskRows([t], [patient]);
    expect(row).to.deep.include({ id: 't1', colour: 'red', title: 'Kommunal rehabilitering – Afsluttende samtale (uge 12)', owner: hanne, teams: ['Hjerterehabilitering Nord'] });
    expect(row!.citizen).to.deep.equal({ id: 'inge', name: 'Inge Test Jensen' });
    // Nothing on the task: its description.
    expect(taskRows([task('t2', 'MissingMeasurementResolving', 'routine', { description: 'Manglende besvarelse' })], [])[0]!.title).to.equal('Manglende besvarelse');
  });
});

describe('tasks: taking, releasing, handling', () => {
  afterEach(() => setClock());

  it('takes, releases and completes with a note; the version goes in If-Match', () => {
    setClock(fixedClock('2026-12-08T10:00:00+01:00'));
    const t = task('t1', 'MeasurementForAssessment', 'asap');
    expect(versionTag(t)).to.equal('W/"3"');
    const taken = takeTask(t, hanne);
    expect(taken).to.deep.include({ status: 'in-progress', owner: hanne });
    const released = releaseTask(taken);
    expect(released.status).to.equal('requested');
    expect(released).to.not.have.property('owner');
    const done = completeTask(taken, hanne, ' Talt med borgeren om søvn ');
    expect(done.status).to.equal('completed');
    expect(done.executionPeriod?.end).to.equal('2026-12-08T09:00:00.000Z');
    expect(done.note).to.deep.equal([{ text: 'Talt med borgeren om søvn', authorReference: hanne, time: '2026-12-08T09:00:00.000Z' }]);
    expect(completeTask(t, hanne, '  ').note, 'no empty note').to.equal(undefined);
    expect(completeTask(t, hanne).owner, 'handled by the user when nobody owned it').to.deep.equal(hanne);
  });

  it('says how long a task has waited, in whole hours', () => {
    expect(hoursWaited('2026-12-07T09:00:00+01:00', Date.parse('2026-12-08T10:30:00+01:00'))).to.equal(25);
    expect(hoursWaited(undefined)).to.equal(undefined);
    expect(hoursWaited('2030-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:00Z')), 'never negative').to.equal(0);
  });
});
