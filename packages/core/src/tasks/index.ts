// Tasks on FUT's model: what arrives to be assessed, what is missing, and the clinician's overview of them.
export * from './fhir-task.js';
export * from './overview.js';
export * from './overview-text.js';
export * from './memory.js';
export * from './care-team.js';
