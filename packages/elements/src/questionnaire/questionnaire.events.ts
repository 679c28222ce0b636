import type { QuestionnaireResponse } from '@kpro/core';

/**
 * Fired after every change to the answers; `detail` is the QuestionnaireResponse (in-progress). The
 * response is built when `detail` is first read (most changes have no listener that reads it: a click
 * on a 1000-item form should not wait for a response nobody looks at). Read it in the listener: read
 * later, it shows the answers as they are then.
 */
export class KproResponseChangeEvent extends Event {
  #build: () => QuestionnaireResponse;
  #response?: QuestionnaireResponse;
  constructor(response: QuestionnaireResponse | (() => QuestionnaireResponse)) {
    super('kpro-response-change', { bubbles: true, composed: true });
    this.#build = typeof response === 'function' ? response : () => response;
  }
  get detail(): QuestionnaireResponse {
    return (this.#response ??= this.#build());
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
