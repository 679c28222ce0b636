import { defineElement } from '../shared/define.js';
import { KproTaskOverview } from './task-overview.js';

export { KproTaskOverview };
export * from './task-overview.events.js';

defineElement('kpro-task-overview', KproTaskOverview);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-task-overview': KproTaskOverview;
  }
}
