// FUT's Task model (ehealth-task): the URLs and codes a task overview reads. See /shared/reference/danish-fhir.md.

/** Task category extension (`valueCodeableConcept`, system TASK_CATEGORY_SYSTEM). */
export const TASK_CATEGORY_EXT = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-task-category';
export const TASK_CATEGORY_SYSTEM = 'http://ehealth.sundhed.dk/cs/task-category';
/** Responsible care team(s) of a task (`valueReference` CareTeam, one extension per team). */
export const TASK_RESPONSIBLE_EXT = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-task-responsible';

/** The task categories kpro makes and shows. */
export type TaskCategory = 'MeasurementForAssessment' | 'MeasurementForAssessmentNotTriaged' | 'MissingMeasurementResolving';
