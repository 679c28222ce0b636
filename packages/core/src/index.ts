export * from './fhir/types.js';
export * from './fhir/extensions.js';
export * from './questionnaire/index.js';
export * from './scoring/scores.js';
export * from './security/sanitize.js';
export * from './drafts/drafts.js';
export * from './i18n/index.js';
export * from './questionnaire/session.js';
