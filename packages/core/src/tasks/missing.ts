// An expected answer that does not arrive: FUT's `MissingMeasurementResolving` task, one per overdue
// occurrence (its identifier `missing:<ServiceRequest id>#<index>` makes a second check find the first
// task instead of making another), and closing it when the answer comes after all.
import type { Coding, Questionnaire, Reference } from '../fhir/types.js';
import { occurrenceStatus } from '../plans/status.js';
import type { Occurrence } from '../plans/types.js';
import { labelOf, questionnaireInput, taskExtensions, type Task } from './arrival.js';
import { isOpenTask } from './read.js';
import { KPRO_ORIGIN_TAG, missingTaskIdentifier, TASK_CATEGORY, TASK_DESCRIPTION, TASK_URL } from './urls.js';

/** Requests that still expect answers; a completed, revoked or drafted request expects none now. */
const EXPECTING = new Set(['active']);

/** Every occurrence of an active request whose window has passed without an answer, at `now`. */
export function overdueOccurrences(requests: readonly fhir4.ServiceRequest[], responses: readonly fhir4.QuestionnaireResponse[], now?: Date | string): Occurrence[] {
  return occurrenceStatus(
    requests.filter((r) => EXPECTING.has(r.status)),
    responses,
    now,
  ).filter((o) => o.status === 'overdue');
}

export interface MissingTaskOptions {
  /** When the task is made (Task.authoredOn). */
  at: string;
  responsible?: readonly Reference[];
  episodeOfCare?: Reference;
  /** The questionnaire the occurrence asks for (its id and title name it on the list). */
  questionnaire?: Pick<Questionnaire, 'id' | 'title' | 'name' | 'url'>;
  tags?: readonly Coding[];
  id?: string;
}

/**
 * The task for one overdue occurrence: category `MissingMeasurementResolving`, priority routine, `focus`
 * and `basedOn` the ServiceRequest (named by the occurrence), `for` the citizen, `restriction.period` the
 * window that passed, and the identifier `missing:<ServiceRequest id>#<index>`.
 */
export function missingAnswerTask(occurrence: Occurrence, options: MissingTaskOptions): Task {
  const request = occurrence.request;
  const subject = request.subject?.reference;
  if (!request.id || !subject) throw new Error('missing answer: the request has no id or no citizen');
  const label = labelOf(occurrence, options.questionnaire?.title) ?? request.code?.text;
  const requestRef: Reference = { reference: `ServiceRequest/${request.id}`, ...(label ? { display: label } : {}) };
  return {
    resourceType: 'Task',
    ...(options.id ? { id: options.id } : {}),
    meta: { tag: [KPRO_ORIGIN_TAG, ...(options.tags ?? [])] },
    extension: taskExtensions(TASK_CATEGORY.missing, options.responsible ?? [], options.episodeOfCare),
    identifier: [missingTaskIdentifier(occurrence.key)],
    basedOn: [requestRef],
    status: 'requested',
    intent: 'plan',
    priority: 'routine',
    description: TASK_DESCRIPTION.missing,
    focus: requestRef,
    for: { reference: subject },
    authoredOn: options.at,
    restriction: { period: { start: occurrence.start, ...(occurrence.end ? { end: occurrence.end } : {}) } },
    ...(options.questionnaire?.id ? { input: [questionnaireInput(options.questionnaire)] } : {}),
  };
}

/** The occurrence key (`<ServiceRequest id>#<index>`) a missing-answer task is about. */
export function missingOccurrenceKeyOf(task: Task): string | undefined {
  const value = task.identifier?.find((i) => i.system === TASK_URL.identifier)?.value;
  return value?.startsWith('missing:') ? value.slice('missing:'.length) : undefined;
}

/**
 * Open missing-answer tasks whose occurrence has been answered since: each closed (`completed`, with
 * `executionPeriod.end` and a note that says why), ready to be written back with If-Match.
 */
export function resolvedMissingTasks(tasks: readonly Task[], occurrences: readonly Occurrence[], at: string): Task[] {
  const answered = new Set(occurrences.filter((o) => o.status === 'answered').map((o) => o.key));
  return tasks
    .filter((t) => isOpenTask(t) && answered.has(missingOccurrenceKeyOf(t) ?? ''))
    .map((t) => ({
      ...t,
      status: 'completed',
      executionPeriod: { ...t.executionPeriod, end: at },
      note: [...(t.note ?? []), { time: at, text: 'Besvarelsen er kommet; opgaven er lukket automatisk.' }],
    }));
}
