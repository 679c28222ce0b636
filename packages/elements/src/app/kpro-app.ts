import { defineElement } from '../shared/define.js';
import { KproApp } from './app.js';

export { KproApp };
export * from './app.events.js';

defineElement('kpro-app', KproApp);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app': KproApp;
  }
}
