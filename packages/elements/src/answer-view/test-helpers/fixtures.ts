// Fixtures for the answer-view tests: the sample content and responses built from the triage engine's
// worked-example table (so the colours the tests expect are the engine's own).
import type { Questionnaire, QuestionnaireResponse } from '@kpro/core';
import {
  WORKED_EXAMPLES,
  WORKED_QUESTIONNAIRES,
  workedExampleResponse,
  type WorkedExample,
  type WorkedQuestionnaire,
} from '../../../../core/src/triage/worked-examples.js';

export { WORKED_EXAMPLES, workedExampleResponse, type WorkedExample };

const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();

/** The sample questionnaires by file name. */
export const files = Object.fromEntries(await Promise.all(WORKED_QUESTIONNAIRES.map(async (n) => [n, await load(n)] as const))) as Record<
  WorkedQuestionnaire,
  Questionnaire
>;

/** Every version we have: a response finds its own. */
export const library: Questionnaire[] = Object.values(files);

export const example = (id: string): WorkedExample => WORKED_EXAMPLES.find((e) => e.id === id)!;

/** The response of a worked example. */
export function responseOf(id: string): QuestionnaireResponse {
  const e = example(id);
  return workedExampleResponse(e, files[e.questionnaire]);
}

/**
 * A course of three rehabilitation responses, newest first: WHO-5 28 → 32 → 44 (the last change +12,
 * clinically meaningful), each based on a ServiceRequest of the plan.
 */
export function rehabCourse(): QuestionnaireResponse[] {
  const q = files['kommunal-rehabilitering'];
  const make = (id: string, who5: number[], authored: string, request: string, answers: WorkedExample['answers'] = {}): QuestionnaireResponse => ({
    ...workedExampleResponse({ id, questionnaire: 'kommunal-rehabilitering', shows: '', who5, answers, expect: { overall: 'none', domains: {} } }, q),
    id,
    authored,
    basedOn: [{ reference: `ServiceRequest/${request}` }],
  });
  return [
    make('slut', [3, 3, 2, 2, 1], '2025-04-09T10:00:00+02:00', 'sr-slut', { d1: ['trivsel'], h1: 'lidt', f1: 5 }),
    make('mid', [2, 2, 2, 1, 1], '2025-02-26T10:00:00+01:00', 'sr-mid', { d1: ['soevn'], h1: 'en-del', f1: 4 }),
    make('start', [2, 2, 1, 1, 1], '2025-01-15T10:00:00+01:00', 'sr-start', { d1: ['alkohol'], h1: 'meget', f1: 2 }),
  ];
}

/** The plan's ServiceRequests, whose `code.text` names each conversation. */
export const courseRequests: fhir4.ServiceRequest[] = [
  { resourceType: 'ServiceRequest', id: 'sr-start', status: 'completed', intent: 'order', subject: { reference: 'Patient/p1' }, code: { text: 'Første samtale (start)' } },
  { resourceType: 'ServiceRequest', id: 'sr-mid', status: 'completed', intent: 'order', subject: { reference: 'Patient/p1' }, code: { text: 'Midtvejssamtale (uge 6)' } },
  { resourceType: 'ServiceRequest', id: 'sr-slut', status: 'completed', intent: 'order', subject: { reference: 'Patient/p1' }, code: { text: 'Afsluttende samtale (uge 12)' } },
];
