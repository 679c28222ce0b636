/** Detail of `kpro-answer-select`: the linkId of the answer the clinician selected. */
export interface KproAnswerSelectDetail {
  linkId: string;
}

/** Fired when the clinician selects an answer row (click, Enter or Space). Bubbles and crosses shadow roots. */
export class KproAnswerSelectEvent extends Event {
  readonly detail: KproAnswerSelectDetail;
  constructor(detail: KproAnswerSelectDetail) {
    super('kpro-answer-select', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-answer-select': KproAnswerSelectEvent;
  }
}
