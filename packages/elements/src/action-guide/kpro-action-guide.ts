import { defineElement } from '../shared/define.js';
import { KproActionGuide } from './action-guide.js';

export { KproActionGuide };
export * from './action-guide.events.js';

defineElement('kpro-action-guide', KproActionGuide);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-action-guide': KproActionGuide;
  }
}
