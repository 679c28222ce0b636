import type { QuestionnaireResponse } from '@kpro/core';

/** Fired after every change to the answers; `detail` is the live QuestionnaireResponse (in-progress). */
export class KproResponseChangeEvent extends Event {
  readonly detail: QuestionnaireResponse;
  constructor(response: QuestionnaireResponse) {
    super('kpro-response-change', { bubbles: true, composed: true });
    this.detail = response;
  }
}

/**
 * Fired when the citizen submits a valid form; `detail` is the completed QuestionnaireResponse.
 * Cancelable: a host that saves to a server calls `preventDefault()`, keeps the draft until the save
 * succeeded, and then calls `markSubmitted()` on the element.
 */
export class KproResponseSubmitEvent extends Event {
  readonly detail: QuestionnaireResponse;
  constructor(response: QuestionnaireResponse) {
    super('kpro-response-submit', { bubbles: true, composed: true, cancelable: true });
    this.detail = response;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-response-change': KproResponseChangeEvent;
    'kpro-response-submit': KproResponseSubmitEvent;
  }
}
