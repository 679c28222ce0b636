// Classes and event types only: importing this defines no tags (see all.ts and the kpro-*.js modules).
export { KproQuestionnaire } from './questionnaire/questionnaire.js';
export * from './questionnaire/questionnaire.events.js';
export { KproAnswerView } from './answer-view/answer-view.js';
export * from './answer-view/answer-view.events.js';
export * from './answer-view/answer-view.types.js';
export { KproActionGuide } from './action-guide/action-guide.js';
export * from './action-guide/action-guide.events.js';
export { KproPlanAssigner } from './plan-assigner/plan-assigner.js';
export * from './plan-assigner/plan-assigner.events.js';
export { KproTaskOverview } from './task-overview/task-overview.js';
export * from './task-overview/task-overview.events.js';
export * from './shared/error-event.js';
export { LocalizeController } from './shared/localize.js';
export { defineElement } from './shared/define.js';
export { KproApp, type AppIntent } from './app/app.js';
export * from './app/app.events.js';
export * from './shared/context.js';
// Languages, for hosts that load only the bundle (kpro-elements.js): add a language to every component at once
// (registerTranslation) or to one component's strings (e.g. questionnaireText.register('sv', …)).
export {
  registerTranslation,
  availableLanguages,
  translationFor,
  questionnaireText,
  answerViewText,
  triageText,
  actionGuideText,
  planAssignerText,
  appText,
  taskOverviewText,
  DEFAULT_LANGUAGE,
  type Translation,
  type QuestionnaireTranslation,
} from '@kpro/core';
