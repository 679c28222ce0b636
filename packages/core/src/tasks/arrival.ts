// What FUT's automated processing does when a QuestionnaireResponse arrives, as pure functions: triage it
// with the same engine and rules as the answer view (@kpro/core triage), write the verdict as a
// TriagingResult ClinicalImpression, and make the Task that puts it on the responsible care teams' lists
// (category, priority by colour, responsible teams, the citizen, the response and its occurrence).
import type { Coding, Questionnaire, QuestionnaireResponse, Reference } from '../fhir/types.js';
import { canonicalOf } from '../triage/versions.js';
import { triageResponse } from '../triage/evaluate.js';
import { toClinicalImpression, type ClinicalImpression } from '../triage/clinical-impression.js';
import { TRIAGE_URL } from '../triage/urls.js';
import type { TriageResult } from '../triage/types.js';
import { occurrenceStatus } from '../plans/status.js';
import { occurrenceName } from '../plans/lists.js';
import type { Occurrence } from '../plans/types.js';
import { arrivalCategoryOf, taskPriorityOf } from './priority.js';
import { arrivalTaskIdentifier, KPRO_ORIGIN_TAG, TASK_DESCRIPTION, TASK_INPUT, TASK_URL, type TaskCategoryCode } from './urls.js';

export type Task = fhir4.Task;

export interface ArrivalOptions {
  /** The response's Questionnaire, or every version of it (the one the response names is used). */
  questionnaires: Questionnaire | readonly Questionnaire[];
  /** When the response arrived: the ClinicalImpression's `date` and the Task's `authoredOn`. */
  at: string;
  clinicalImpressionId: string;
  taskId?: string;
  /** The responsible care teams (`responsibleTeams`); none: the task is on no team's list. */
  responsible?: readonly Reference[];
  episodeOfCare?: Reference;
  /** The ServiceRequest the response answers, to name the occurrence. */
  serviceRequest?: fhir4.ServiceRequest;
  /** The other responses to that request, to tell which of its occurrences this one answers. */
  responses?: readonly QuestionnaireResponse[];
  /** A triage of this response made already (the same engine), e.g. remembered for identical answers. */
  triage?: TriageResult;
  /** More `meta.tag`s for both resources (the sandbox's seed marks its data fictitious). */
  tags?: readonly Coding[];
}

export interface Arrival {
  triage: TriageResult;
  clinicalImpression: ClinicalImpression;
  task: Task;
}

/** The overall finding's words, for `Task.reasonCode.text` (the list shows them without the ClinicalImpression). */
const FINDING_TEXT: Record<string, string> = {
  red: 'Rød',
  yellow: 'Gul',
  green: 'Grøn',
  'data-absent': 'Ikke besvaret',
  'no-effective-answer-significance': 'Ingen farve',
  'no-answer-significance-defined': 'Ingen farveregler',
};

/**
 * Triages a stored response and builds its ClinicalImpression and Task (see `arrivalResources`).
 * Asynchronous only because the triage engine loads FHIRPath lazily.
 */
export async function arrivalOf(response: QuestionnaireResponse, options: ArrivalOptions): Promise<Arrival> {
  const list = Array.isArray(options.questionnaires) ? [...options.questionnaires] : [options.questionnaires as Questionnaire];
  const triage = options.triage ?? (await triageResponse(list, response));
  return { triage, ...arrivalResources(response, triage, options) };
}

/**
 * The ClinicalImpression `TriagingResult` (core's `toClinicalImpression`) and the Task of the contract:
 * `requested`, `intent` plan, priority by the overall colour (red asap, yellow urgent, else routine),
 * category `MeasurementForAssessment` (`…NotTriaged` when no rule applied), `focus` the ClinicalImpression,
 * `for` the citizen, `basedOn` the ServiceRequest (named by its occurrence), `input` the Questionnaire
 * (named by its title) and the response, `reasonCode` the overall finding, one `ehealth-task-responsible`
 * per team, the episode of care when known, and the identifier `arrival:<response id>`.
 */
export function arrivalResources(response: QuestionnaireResponse, triage: TriageResult, options: Omit<ArrivalOptions, 'triage'>): { clinicalImpression: ClinicalImpression; task: Task } {
  if (!response.id) throw new Error('arrival: the response has no id (store it first)');
  if (!response.subject?.reference) throw new Error('arrival: the response names no citizen (subject)');
  const tag = [KPRO_ORIGIN_TAG, ...(options.tags ?? [])];
  const responseRef = { reference: `QuestionnaireResponse/${response.id}` };
  const ci = toClinicalImpression(triage, {
    id: options.clinicalImpressionId,
    subject: { reference: response.subject.reference },
    date: options.at,
    response: responseRef,
    ...(options.episodeOfCare ? { episodeOfCare: options.episodeOfCare } : {}),
  });
  const clinicalImpression: ClinicalImpression = { ...ci, meta: { ...ci.meta, tag } };
  const finding = clinicalImpression.finding?.[0]?.itemCodeableConcept?.coding?.[0]?.code ?? 'no-effective-answer-significance';
  const questionnaire = usedQuestionnaire(options.questionnaires, triage.questionnaire);
  const basedOn = requestReferences(response, options.serviceRequest, occurrenceLabel(response, options, questionnaire?.title));

  const task: Task = {
    resourceType: 'Task',
    ...(options.taskId ? { id: options.taskId } : {}),
    meta: { tag },
    extension: taskExtensions(arrivalCategoryOf(triage), options.responsible ?? [], options.episodeOfCare),
    identifier: [arrivalTaskIdentifier(response.id)],
    ...(basedOn.length ? { basedOn } : {}),
    status: 'requested',
    intent: 'plan',
    priority: taskPriorityOf(triage.overall),
    description: TASK_DESCRIPTION.arrival,
    focus: { reference: `ClinicalImpression/${options.clinicalImpressionId}` },
    for: { reference: response.subject.reference },
    authoredOn: options.at,
    reasonCode: { coding: [{ system: TRIAGE_URL.findingCodes, code: finding }], text: FINDING_TEXT[finding] ?? finding },
    input: [
      ...(questionnaire ? [questionnaireInput(questionnaire)] : []),
      { type: { text: TASK_INPUT.response }, valueReference: responseRef },
    ],
  };
  return { clinicalImpression, task };
}

/** The extensions every kpro task has: category, one responsible per team, the episode of care when known. */
export function taskExtensions(category: TaskCategoryCode, responsible: readonly Reference[], episodeOfCare?: Reference): fhir4.Extension[] {
  return [
    { url: TASK_URL.category, valueCodeableConcept: { coding: [{ system: TASK_URL.categorySystem, code: category }] } },
    ...responsible.map((team) => ({ url: TASK_URL.responsible, valueReference: { ...team } })),
    ...(episodeOfCare ? [{ url: TASK_URL.episodeOfCare, valueReference: { ...episodeOfCare } }] : []),
  ];
}

/** `Task.input` naming the questionnaire (a definition, readable by the list without clinical data). */
export function questionnaireInput(questionnaire: Pick<Questionnaire, 'id' | 'title' | 'name' | 'url'>): fhir4.TaskInput {
  const title = questionnaire.title ?? questionnaire.name ?? questionnaire.url;
  return {
    type: { text: TASK_INPUT.questionnaire },
    valueReference: { reference: `Questionnaire/${questionnaire.id}`, ...(title ? { display: title } : {}) },
  };
}

/** The version whose rules were used (triage says url|version), else the first one given. */
function usedQuestionnaire(questionnaires: ArrivalOptions['questionnaires'], canonical: string | undefined): Questionnaire | undefined {
  const list = Array.isArray(questionnaires) ? (questionnaires as Questionnaire[]) : [questionnaires as Questionnaire];
  return list.find((q) => q.id && canonical && canonicalOf(q) === canonical) ?? list.find((q) => q.id);
}

/** The request(s) the response answers, the first named by its occurrence ("Midtvejssamtale (uge 6)"). */
function requestReferences(response: QuestionnaireResponse, request: fhir4.ServiceRequest | undefined, label: string | undefined): Reference[] {
  const own = (response.basedOn ?? []).filter((r) => /(^|\/)ServiceRequest\//.test(r.reference ?? '')).map((r) => ({ reference: r.reference! }));
  if (request?.id) {
    const reference = `ServiceRequest/${request.id}`;
    return [{ reference, ...(label ? { display: label } : {}) }, ...own.filter((r) => !r.reference.endsWith(reference))];
  }
  return own;
}

/** Which occurrence of its request a response answers, in words ("Afsluttende samtale (uge 12)", "3 af 6"). */
function occurrenceLabel(response: QuestionnaireResponse, options: Omit<ArrivalOptions, 'triage'>, questionnaireTitle: string | undefined): string | undefined {
  const request = options.serviceRequest;
  if (!request) return undefined;
  const others = (options.responses ?? []).filter((r) => r.id !== response.id);
  const occurrence = occurrenceStatus([request], [...others, response], options.at).find((o) => o.responseId === response.id);
  return occurrence ? labelOf(occurrence, questionnaireTitle) : request.code?.text;
}

/** An occurrence in words for a task: its own text and, for a repeating request, "n af m". */
export function labelOf(occurrence: Occurrence, questionnaireTitle: string | undefined): string | undefined {
  const name = occurrenceName(occurrence, questionnaireTitle);
  const parts = [name.occurrence, name.number ? `${name.number.n} af ${name.number.of}` : undefined].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}
