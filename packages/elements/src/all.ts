// Defines every kpro element (the entry of the browser bundle kpro-elements.js).
export * from './index.js';
import './questionnaire/kpro-questionnaire.js';
import './answer-view/kpro-answer-view.js';
import './action-guide/kpro-action-guide.js';
import './plan-assigner/kpro-plan-assigner.js';
import './task-overview/kpro-task-overview.js';
import './app/kpro-app.js';
