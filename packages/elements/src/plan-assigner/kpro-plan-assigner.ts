import { defineElement } from '../shared/define.js';
import { KproPlanAssigner } from './plan-assigner.js';

export { KproPlanAssigner };
export * from './plan-assigner.events.js';

defineElement('kpro-plan-assigner', KproPlanAssigner);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-plan-assigner': KproPlanAssigner;
  }
}
