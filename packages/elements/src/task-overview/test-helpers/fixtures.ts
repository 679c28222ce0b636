// Tasks as the sandbox makes them on arrival (FUT's model), for tests and stories: two teams, citizens, and
// tasks of every colour and of missing answers.
import { TASK_URL, type TaskCategoryCode } from '@kpro/core';

export const hanne = { reference: 'Practitioner/practitioner-hanne', display: 'Sygeplejerske Hanne Holm' };
export const mads = { reference: 'Practitioner/practitioner-mads', display: 'Terapeut Mads Madsen' };

export const teams: fhir4.CareTeam[] = [
  { resourceType: 'CareTeam', id: 'hjerte-nord', status: 'active', name: 'Hjerterehabilitering Nord', participant: [{ member: hanne }, { member: mads }] },
  { resourceType: 'CareTeam', id: 'diabetes-syd', status: 'active', name: 'Diabetesteam Syd', participant: [{ member: mads }] },
];

const FIRST = ['Inge', 'Poul', 'Karen', 'Jens', 'Birthe', 'Mette', 'Ole', 'Lone', 'Hans', 'Grete'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Sørensen', 'Larsen', 'Rasmussen'];

export function patient(i: number): fhir4.Patient {
  return { resourceType: 'Patient', id: `p${i}`, name: [{ given: [FIRST[i % FIRST.length]!, 'Test'], family: LAST[Math.floor(i / FIRST.length) % LAST.length]! }] };
}

const request = (i: number): fhir4.ServiceRequest => ({
  resourceType: 'ServiceRequest',
  id: `sr${i}`,
  status: 'active',
  intent: 'order',
  subject: { reference: `Patient/p${i}` },
  code: { text: ['Første samtale (start)', 'Midtvejssamtale (uge 6)', 'Afsluttende samtale (uge 12)'][i % 3] },
  extension: [{ url: 'https://kpro.example.dk/fhir/StructureDefinition/questionnaire', valueCanonical: 'https://kpro.example.dk/fhir/Questionnaire/kommunal-rehabilitering|1.1.0' }],
});

export const rehab: fhir4.Questionnaire = { resourceType: 'Questionnaire', id: 'kommunal-rehabilitering', url: 'https://kpro.example.dk/fhir/Questionnaire/kommunal-rehabilitering', version: '1.1.0', status: 'active', title: 'Kommunal rehabilitering' };

const KINDS: { category: TaskCategoryCode; priority: fhir4.Task['priority'] }[] = [
  { category: 'MeasurementForAssessment', priority: 'routine' },
  { category: 'MeasurementForAssessment', priority: 'asap' },
  { category: 'MissingMeasurementResolving', priority: 'routine' },
  { category: 'MeasurementForAssessment', priority: 'urgent' },
  { category: 'MeasurementForAssessmentNotTriaged', priority: 'routine' },
];

/** `n` open tasks over the two teams (every fourth in Diabetesteam Syd), colours mixed, one a day back. */
export function taskResources(n: number, opts: { owner?: (i: number) => fhir4.Reference | undefined } = {}): fhir4.Resource[] {
  const out: fhir4.Resource[] = [...teams, rehab];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const team = i % 4 === 3 ? teams[1]! : teams[0]!;
    const missing = kind.category === 'MissingMeasurementResolving';
    const owner = opts.owner?.(i);
    const colours: Record<string, string> = { asap: 'red', urgent: 'yellow', routine: 'green' };
    const finding = kind.category === 'MeasurementForAssessment' ? colours[kind.priority ?? 'routine']! : 'no-answer-significance-defined';
    const occurrence = ['Første samtale (start)', 'Midtvejssamtale (uge 6)', 'Afsluttende samtale (uge 12)'][i % 3];
    const task: fhir4.Task = {
      resourceType: 'Task',
      id: `t${i}`,
      status: owner ? 'in-progress' : 'requested',
      intent: 'plan',
      priority: kind.priority,
      description: missing ? 'Manglende besvarelse' : 'Spørgeskemabesvarelse til evaluering',
      for: { reference: `Patient/p${i}` },
      // As the server writes it (/work/notes/task-contract.md): the colour, the questionnaire and the occurrence
      // are on the task, so a list reads nothing else of the citizen's.
      ...(missing ? {} : { reasonCode: { coding: [{ system: 'http://ehealth.sundhed.dk/cs/clinicalimpression-finding-codes', code: finding }] } }),
      basedOn: [{ reference: `ServiceRequest/sr${i}`, display: occurrence }],
      focus: missing ? { reference: `ServiceRequest/sr${i}`, display: occurrence } : { reference: `ClinicalImpression/ci${i}` },
      input: [{ type: { text: 'Questionnaire' }, valueReference: { reference: 'Questionnaire/kommunal-rehabilitering', display: 'Kommunal rehabilitering' } }],
      authoredOn: new Date(Date.UTC(2026, 11, 8, 9) - i * 3_600_000).toISOString(),
      ...(owner ? { owner } : {}),
      extension: [
        { url: TASK_URL.category, valueCodeableConcept: { coding: [{ system: TASK_URL.categorySystem, code: kind.category }] } },
        { url: TASK_URL.responsible, valueReference: { reference: `CareTeam/${team.id}`, display: team.name } },
      ],
    };
    out.push(patient(i), request(i), task);
  }
  return out;
}
