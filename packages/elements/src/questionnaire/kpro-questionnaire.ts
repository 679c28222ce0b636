import { defineElement } from '../shared/define.js';
import { KproQuestionnaire } from './questionnaire.js';

export { KproQuestionnaire };
export * from './questionnaire.events.js';

defineElement('kpro-questionnaire', KproQuestionnaire);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-questionnaire': KproQuestionnaire;
  }
}
