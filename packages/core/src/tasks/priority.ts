// Priority and category of the task a triaged response makes: the colour decides how soon it is looked at.
import type { Significance, TriageResult } from '../triage/types.js';
import { TASK_CATEGORY, type TaskCategoryCode } from './urls.js';

/** FHIR R4 Task.priority codes. */
export type TaskPriority = 'stat' | 'asap' | 'urgent' | 'routine';

/** Red is looked at first (asap), yellow soon (urgent); green, grey and uncoloured in the ordinary course. */
export const PRIORITY_OF: Readonly<Record<Significance, TaskPriority>> = {
  red: 'asap',
  yellow: 'urgent',
  green: 'routine',
  grey: 'routine',
  none: 'routine',
};

export function taskPriorityOf(significance: Significance): TaskPriority {
  return PRIORITY_OF[significance];
}

/**
 * Clinical order: stat, asap, urgent, routine (FHIR's code order is alphabetical, which would put routine
 * before urgent). A task without a known priority comes last.
 */
export const PRIORITY_RANK: Readonly<Record<string, number>> = { stat: 0, asap: 1, urgent: 2, routine: 3 };

export function comparePriority(a: string | undefined, b: string | undefined): number {
  return (PRIORITY_RANK[a ?? ''] ?? 9) - (PRIORITY_RANK[b ?? ''] ?? 9);
}

/** `MeasurementForAssessmentNotTriaged` when no rule applied to any answer (overall `none`), else `MeasurementForAssessment`. */
export function arrivalCategoryOf(result: Pick<TriageResult, 'overall'>): TaskCategoryCode {
  return result.overall === 'none' ? TASK_CATEGORY.notTriaged : TASK_CATEGORY.assessment;
}
