// The URLs, codes and names of FUT's task model (ehealth-task, task-category CodeSystem) and the few of
// kpro's own that the task overview contract adds (/work/notes/task-contract.md). One place, so the
// sandbox that writes tasks and the overview that reads them agree.
import type { Coding } from '../fhir/types.js';

export const TASK_URL = {
  /** FUT `ehealth-task-category`: `valueCodeableConcept` with a code of `categorySystem`. */
  category: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-task-category',
  categorySystem: 'http://ehealth.sundhed.dk/cs/task-category',
  /** FUT `ehealth-task-responsible` (1..*): `valueReference` to a CareTeam, one extension per team. */
  responsible: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-task-responsible',
  /** FUT `ehealth-task-episodeOfCare`: `valueReference` to the EpisodeOfCare, when known. */
  episodeOfCare: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-task-episodeOfCare',
  /** kpro: the identifier system of the tasks the server makes (`arrival:<QR id>`, `missing:<SR id>#<n>`). */
  identifier: 'https://kpro.example.dk/fhir/NamingSystem/task',
  /** kpro: the `meta.tag` system that says which solution made a resource. */
  origin: 'https://kpro.example.dk/fhir/CodeSystem/origin',
} as const;

/** The task categories kpro makes and reads (FUT has more: HandoverNegotiation …). */
export const TASK_CATEGORY = {
  /** A response arrived and was triaged: assess it. */
  assessment: 'MeasurementForAssessment',
  /** A response arrived and no colour rule applied to any answer: assess it all the same. */
  notTriaged: 'MeasurementForAssessmentNotTriaged',
  /** An expected response did not arrive in time. */
  missing: 'MissingMeasurementResolving',
} as const;
export type TaskCategoryCode = (typeof TASK_CATEGORY)[keyof typeof TASK_CATEGORY];

/** `meta.tag` of everything kpro (and the sandbox's stand-in for FUT's processing) writes. */
export const KPRO_ORIGIN_TAG: Coding = { system: TASK_URL.origin, code: 'kpro' };

export const TASK_DESCRIPTION = {
  arrival: 'Spørgeskemabesvarelse til evaluering',
  missing: 'Manglende besvarelse',
} as const;

/** A task in one of these is on someone's list; the others are done (completed) or gone (cancelled …). */
export const OPEN_TASK_STATUSES: readonly string[] = ['requested', 'received', 'accepted', 'ready', 'in-progress', 'on-hold'];

/** `Task.input.type.text` of the inputs kpro's tasks carry. */
export const TASK_INPUT = {
  questionnaire: 'Questionnaire',
  response: 'QuestionnaireResponse',
} as const;

/** The identifier of the task a response's arrival makes: one per response, whatever is retried. */
export function arrivalTaskIdentifier(responseId: string): fhir4.Identifier {
  return { system: TASK_URL.identifier, value: `arrival:${responseId}` };
}

/** The identifier of the missing-answer task of one occurrence (`<ServiceRequest id>#<index>`). */
export function missingTaskIdentifier(occurrenceKey: string): fhir4.Identifier {
  return { system: TASK_URL.identifier, value: `missing:${occurrenceKey}` };
}

/** `identifier=` search value for an identifier (system|value). */
export function identifierToken(identifier: fhir4.Identifier): string {
  return `${identifier.system ?? ''}|${identifier.value ?? ''}`;
}
