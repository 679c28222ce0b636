// Plan template fixtures shaped like the sandbox seed (packages/sandbox/src/seed.mjs), for tests and stories.
import { QUESTIONNAIRE_EXT, COMPLETE_QUESTIONNAIRE } from '../types.js';

const KPRO = 'https://kpro.example.dk/fhir';
export const REHAB_Q = `${KPRO}/Questionnaire/kommunal-rehabilitering|1.1.0`;
export const WHO5_Q = `${KPRO}/Questionnaire/who-5|1.0.0`;

export const rehabQuestionnaire: fhir4.Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'kommunal-rehabilitering',
  url: `${KPRO}/Questionnaire/kommunal-rehabilitering`,
  version: '1.1.0',
  status: 'active',
  title: 'Kommunal rehabilitering',
};
export const who5Questionnaire: fhir4.Questionnaire = { resourceType: 'Questionnaire', id: 'who-5', url: `${KPRO}/Questionnaire/who-5`, version: '1.0.0', status: 'active', title: 'WHO-5 Trivselsindeks' };

function activity(id: string, q: string, title: string): fhir4.ActivityDefinition {
  return {
    resourceType: 'ActivityDefinition',
    id,
    url: `${KPRO}/ActivityDefinition/${id}`,
    version: '1.0.0',
    title,
    status: 'active',
    kind: 'ServiceRequest',
    code: { coding: [COMPLETE_QUESTIONNAIRE] },
    extension: [{ url: QUESTIONNAIRE_EXT, valueCanonical: q }],
  };
}
export const rehabActivity = activity('kommunal-rehabilitering-spoergeskema', REHAB_Q, 'Besvar spørgeskemaet "Kommunal rehabilitering"');
export const who5Activity = activity('who-5-spoergeskema', WHO5_Q, 'Besvar spørgeskemaet "WHO-5 Trivselsindeks"');

const weeks = (n: number): fhir4.Duration => ({ value: n, unit: 'uger', system: 'http://unitsofmeasure.org', code: 'wk' });
const action = (id: string, title: string, ad: fhir4.ActivityDefinition, offsetWeeks: number, timing?: fhir4.Timing): fhir4.PlanDefinitionAction => ({
  id,
  title,
  definitionCanonical: `${ad.url}|${ad.version}`,
  ...(offsetWeeks ? { relatedAction: [{ actionId: 'start', relationship: 'after-start', offsetDuration: weeks(offsetWeeks) }] } : {}),
  ...(timing ? { timingTiming: timing } : {}),
});
function plan(id: string, title: string, description: string, actions: fhir4.PlanDefinitionAction[]): fhir4.PlanDefinition {
  return { resourceType: 'PlanDefinition', id, url: `${KPRO}/PlanDefinition/${id}`, version: '1.0.0', title, status: 'active', description, action: actions };
}

export const heartPlan = plan('hjerterehabilitering', 'Hjerterehabilitering: start, midt, slut', 'Spørgeskema før første samtale (dag 0), midtvejssamtalen (uge 6) og den afsluttende samtale (uge 12).', [
  action('start', 'Første samtale (start)', rehabActivity, 0),
  action('mid', 'Midtvejssamtale (uge 6)', rehabActivity, 6),
  action('slut', 'Afsluttende samtale (uge 12)', rehabActivity, 12),
]);
export const diabetesPlan = plan('diabetes', 'Diabetes: start og slut', 'Spørgeskema før første samtale (dag 0) og den afsluttende samtale (uge 12).', [
  action('start', 'Første samtale (start)', rehabActivity, 0),
  action('slut', 'Afsluttende samtale (uge 12)', rehabActivity, 12),
]);
/** A template with a repeat: WHO-5 every 2 weeks, 4 times, from week 2. */
export const who5Plan = plan('trivsel', 'Trivsel hver anden uge', 'WHO-5 ved start og derefter hver anden uge fire gange.', [
  action('start', 'Start', who5Activity, 0),
  action('trivsel', 'Trivsel (hver 2. uge)', who5Activity, 2, { repeat: { count: 4, period: 2, periodUnit: 'wk', frequency: 1 } }),
]);
export const emptyPlan = plan('tom', 'Tom skabelon', 'En skabelon uden aktiviteter.', []);
export const missingQuestionnairePlan = plan('mangler', 'Skabelon med ukendt spørgeskema', 'Peger på et spørgeskema, som serveren ikke har.', [
  action('start', 'Start', activity('ukendt-spoergeskema', `${KPRO}/Questionnaire/findes-ikke|1.0.0`, 'Ukendt'), 0),
]);
export const unknownActivity = activity('ukendt-spoergeskema', `${KPRO}/Questionnaire/findes-ikke|1.0.0`, 'Ukendt');

/** Everything a server would return for the templates (no missing-questionnaire template). */
export const templateResources: fhir4.Resource[] = [heartPlan, diabetesPlan, who5Plan, rehabActivity, who5Activity, rehabQuestionnaire, who5Questionnaire];

export const patient: fhir4.Reference = { reference: 'Patient/inge-test-jensen', display: 'Inge Test Jensen' };
export const careTeam: fhir4.Reference = { reference: 'CareTeam/rehabiliteringsteam', display: 'Rehabiliteringsteamet, Testkommune' };
export const mads: fhir4.Reference = { reference: 'Practitioner/practitioner-mads', display: 'Terapeut Mads Madsen' };

/**
 * A running heart plan that started 2026-03-02 (Mondays), as a server holds it (with versions): the start
 * answered, a draft (in-progress) for the mid-course one, nothing for the end.
 */
/** One answer: a response that says something (a blank one answers no occurrence). */
export const ANSWERED: fhir4.QuestionnaireResponseItem[] = [{ linkId: 'f1', answer: [{ valueInteger: 3 }] }];

export function runningPlan(): { carePlan: fhir4.CarePlan; requests: fhir4.ServiceRequest[]; responses: fhir4.QuestionnaireResponse[] } {
  const sr = (id: string, title: string, start: string, end: string): fhir4.ServiceRequest => ({
    resourceType: 'ServiceRequest',
    id,
    meta: { versionId: '1' },
    extension: [{ url: QUESTIONNAIRE_EXT, valueCanonical: REHAB_Q }],
    basedOn: [{ reference: 'CarePlan/plan-1' }],
    status: 'active',
    intent: 'order',
    code: { coding: [COMPLETE_QUESTIONNAIRE], text: title },
    subject: patient,
    occurrenceTiming: { repeat: { boundsPeriod: { start, end }, count: 1 } },
    requester: mads,
  });
  const requests = [
    sr('sr-start', 'Første samtale (start)', '2026-03-02T08:00:00+01:00', '2026-03-09T08:00:00+01:00'),
    sr('sr-mid', 'Midtvejssamtale (uge 6)', '2026-04-13T08:00:00+02:00', '2026-04-20T08:00:00+02:00'),
    sr('sr-slut', 'Afsluttende samtale (uge 12)', '2026-05-25T08:00:00+02:00', '2026-06-01T08:00:00+02:00'),
  ];
  const carePlan: fhir4.CarePlan = {
    resourceType: 'CarePlan',
    id: 'plan-1',
    meta: { versionId: '3' },
    instantiatesCanonical: [`${heartPlan.url}|1.0.0`],
    status: 'active',
    intent: 'plan',
    title: heartPlan.title,
    subject: patient,
    period: { start: '2026-03-02T08:00:00+01:00', end: '2026-06-01T08:00:00+02:00' },
    author: mads,
    careTeam: [careTeam],
    activity: requests.map((r) => ({ reference: { reference: `ServiceRequest/${r.id}` } })),
  };
  const responses: fhir4.QuestionnaireResponse[] = [
    { resourceType: 'QuestionnaireResponse', id: 'qr-start', status: 'completed', questionnaire: REHAB_Q, basedOn: [{ reference: 'ServiceRequest/sr-start' }], subject: patient, authored: '2026-03-03T10:12:00+01:00', item: ANSWERED },
    { resourceType: 'QuestionnaireResponse', id: 'qr-draft', status: 'in-progress', questionnaire: REHAB_Q, basedOn: [{ reference: 'ServiceRequest/sr-mid' }], subject: patient, authored: '2026-04-14T10:12:00+02:00', item: ANSWERED },
  ];
  return { carePlan, requests, responses };
}
