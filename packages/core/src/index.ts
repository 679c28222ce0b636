export * from './questionnaire/index.js';
