// Reading kpro's and FUT's tasks back: category, responsible teams, colour, occurrence and what it is about,
// for a task list that reads Tasks (and the citizens' names) and nothing else of the citizens' data.
import type { Reference } from '../fhir/types.js';
import type { Significance } from '../triage/types.js';
import { TRIAGE_URL } from '../triage/urls.js';
import type { Task } from './arrival.js';
import { OPEN_TASK_STATUSES, TASK_INPUT, TASK_URL, type TaskCategoryCode } from './urls.js';

/** The category code (`ehealth-task-category`), if the task has one. */
export function taskCategoryOf(task: Task): TaskCategoryCode | undefined {
  const coding = task.extension?.find((e) => e.url === TASK_URL.category)?.valueCodeableConcept?.coding?.find((c) => c.system === TASK_URL.categorySystem);
  return coding?.code as TaskCategoryCode | undefined;
}

/** The responsible teams (`ehealth-task-responsible`), as written. */
export function taskResponsibleOf(task: Task): Reference[] {
  return (task.extension ?? []).filter((e) => e.url === TASK_URL.responsible && e.valueReference?.reference).map((e) => e.valueReference!);
}

/** Not completed, cancelled, failed, rejected or entered in error: it is on someone's list. */
export function isOpenTask(task: Pick<Task, 'status'>): boolean {
  return OPEN_TASK_STATUSES.includes(task.status);
}

const FROM_FINDING: Record<string, Significance> = {
  red: 'red',
  yellow: 'yellow',
  green: 'green',
  'data-absent': 'grey',
  'no-effective-answer-significance': 'none',
  'no-answer-significance-defined': 'none',
};
const FROM_PRIORITY: Record<string, Significance> = { stat: 'red', asap: 'red', urgent: 'yellow', routine: 'green' };

/**
 * The colour of an assessment task: the overall finding kpro copies into `reasonCode`; for a task without
 * it (FUT's own), the colour its priority stands for. Undefined for tasks that are not about a triaged
 * answer (a missing answer).
 */
export function taskColourOf(task: Task): Significance | undefined {
  const category = taskCategoryOf(task);
  if (category && category !== 'MeasurementForAssessment' && category !== 'MeasurementForAssessmentNotTriaged') return undefined;
  const finding = task.reasonCode?.coding?.find((c) => c.system === TRIAGE_URL.findingCodes)?.code;
  if (finding && FROM_FINDING[finding]) return FROM_FINDING[finding];
  if (category === 'MeasurementForAssessmentNotTriaged') return 'none';
  return FROM_PRIORITY[task.priority ?? ''];
}

const idOf = (reference: string | undefined, type: string) => {
  const m = reference ? new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(reference) : null;
  return m?.[1];
};

/** One task as a row of a list. */
export interface TaskSummary {
  id?: string;
  status: Task['status'];
  open: boolean;
  category?: TaskCategoryCode;
  priority?: string;
  colour?: Significance;
  /** The citizen's Patient id. */
  patientId?: string;
  teams: Reference[];
  owner?: Reference;
  /** When it arrived (assessment) or was found missing. */
  authoredOn?: string;
  /** The questionnaire's title and the occurrence ("Midtvejssamtale (uge 6)"), from the references' display. */
  questionnaire?: string;
  occurrence?: string;
  responseId?: string;
  serviceRequestId?: string;
  /** The TriagingResult ClinicalImpression an assessment task points at. */
  clinicalImpressionId?: string;
}

export function taskSummaryOf(task: Task): TaskSummary {
  const input = (text: string) => task.input?.find((i) => i.type?.text === text)?.valueReference;
  const request = task.basedOn?.find((r) => idOf(r.reference, 'ServiceRequest')) ?? (idOf(task.focus?.reference, 'ServiceRequest') ? task.focus : undefined);
  const category = taskCategoryOf(task);
  const colour = taskColourOf(task);
  const questionnaire = input(TASK_INPUT.questionnaire)?.display;
  return {
    ...(task.id ? { id: task.id } : {}),
    status: task.status,
    open: isOpenTask(task),
    ...(category ? { category } : {}),
    ...(task.priority ? { priority: task.priority } : {}),
    ...(colour ? { colour } : {}),
    ...(idOf(task.for?.reference, 'Patient') ? { patientId: idOf(task.for?.reference, 'Patient') } : {}),
    teams: taskResponsibleOf(task),
    ...(task.owner ? { owner: task.owner } : {}),
    ...(task.authoredOn ? { authoredOn: task.authoredOn } : {}),
    ...(questionnaire ? { questionnaire } : {}),
    ...(request?.display ? { occurrence: request.display } : {}),
    ...(idOf(input(TASK_INPUT.response)?.reference, 'QuestionnaireResponse') ? { responseId: idOf(input(TASK_INPUT.response)?.reference, 'QuestionnaireResponse') } : {}),
    ...(idOf(request?.reference, 'ServiceRequest') ? { serviceRequestId: idOf(request?.reference, 'ServiceRequest') } : {}),
    ...(idOf(task.focus?.reference, 'ClinicalImpression') ? { clinicalImpressionId: idOf(task.focus?.reference, 'ClinicalImpression') } : {}),
  };
}
