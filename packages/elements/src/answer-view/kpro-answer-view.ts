import { defineElement } from '../shared/define.js';
import { KproAnswerView } from './answer-view.js';

export { KproAnswerView };
export * from './answer-view.events.js';
export * from './answer-view.types.js';

defineElement('kpro-answer-view', KproAnswerView);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-answer-view': KproAnswerView;
  }
}
