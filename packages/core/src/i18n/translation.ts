import type { QuestionnaireTranslation } from './questionnaire.js';
import type { AppTranslation } from './app.js';
import type { TriageTranslation } from './triage.js';
import type { AnswerViewTranslation } from './answer-view.js';
import type { ActionGuideTranslation } from './action-guide.js';
import type { PlanAssignerTranslation } from './plan-assigner.js';

export type { QuestionnaireTranslation, AppTranslation, TriageTranslation, AnswerViewTranslation, ActionGuideTranslation, PlanAssignerTranslation };
export type { LaunchFailure } from './app.js';

/**
 * Every UI string of every component in one language: the questionnaire's strings at the top level and
 * one key per other section. Each section has its own module (and type); this is the whole catalogue for
 * hosts that add a language in one go (`registerTranslation`) and for the app shell, which shows all.
 */
export interface Translation extends QuestionnaireTranslation {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';

  app: AppTranslation;
  triage: TriageTranslation;
  answerView: AnswerViewTranslation;
  actionGuide: ActionGuideTranslation;
  planAssigner: PlanAssignerTranslation;
}
