// Tasks (FUT's task model): what a response's arrival makes (TriagingResult ClinicalImpression + Task),
// missing-answer tasks, responsible care teams, priority in clinical order, and reading tasks back for lists.
export * from './urls.js';
export { PRIORITY_OF, PRIORITY_RANK, taskPriorityOf, comparePriority, arrivalCategoryOf, type TaskPriority } from './priority.js';
export { responsibleTeams, careTeamIdOf, type ResponsibleInput } from './responsible.js';
export { arrivalOf, arrivalResources, taskExtensions, questionnaireInput, labelOf, type Arrival, type ArrivalOptions, type Task as FhirTask } from './arrival.js';
export { overdueOccurrences, missingAnswerTask, missingOccurrenceKeyOf, resolvedMissingTasks, type MissingTaskOptions } from './missing.js';
export { sameAssessment, reassessedTask } from './reassess.js';
export { taskCategoryOf, taskResponsibleOf, taskColourOf, taskSummaryOf, isOpenTask, type TaskSummary } from './read.js';

// The clinician's overview of them, and staff on care teams.
export * from './overview.js';
export * from './overview-text.js';
export * from './memory.js';
export * from './care-team.js';
