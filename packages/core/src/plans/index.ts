// Plans of questionnaires ("pakker og forløb"): templates (PlanDefinition -> ActivityDefinition ->
// Questionnaire), schedules and FUT timing rules, the assignment transaction, status per occurrence, and
// cancelling with If-Match.
export * from './types.js';
export { readPlanTemplates, readPlanTemplate, approxDays, type ReadTemplatesOptions } from './templates.js';
export { planSchedule, validateSchedule, validateOccurrence, lastDate, type ValidateOptions } from './schedule.js';
export { buildAssignment, newAssignmentId, timingFor, assignmentIdentifier, assignmentIdOf, assignmentResult, type AssignmentOptions } from './assign.js';
export { occurrenceStatus, occurrenceSlots, planViews, refersTo, questionnaireOf } from './status.js';
export { questionnaireLists, occurrenceName, type QuestionnaireLists, type OccurrenceName } from './lists.js';
export {
  planErrorCode,
  isConflict,
  isRetryable,
  revokedRequest,
  revokedPlan,
  cancelPlanBundle,
  cancelPlan,
  cancelOccurrence,
  buildAdHocRequest,
  addAdHoc,
  assignPlan,
  type ChangeOptions,
  type AdHocOptions,
} from './changes.js';
export { hasApplyOperation, mergeServerApply } from './apply.js';
