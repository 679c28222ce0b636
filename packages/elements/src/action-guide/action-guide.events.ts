/** Detail of `kpro-action-complete`: a guide was discussed with the citizen. */
export interface KproActionCompleteDetail {
  /** The guide's id (e.g. "hv-05-soevn"). */
  guideId: string;
  /** The Basic resource the guide was read from, when it came from the server ("Basic/hv-05-soevn"). */
  guideResource?: string;
  /** The answers that made the guide apply. */
  linkIds: string[];
  /** The most severe colour among them. */
  severity: 'red' | 'yellow' | 'green';
  /** The QuestionnaireResponse the triage result is about. */
  responseId?: string;
  /** Canonical url|version of the questionnaire. */
  questionnaire: string;
  /** The overlays applied (e.g. ["testkommune"]). */
  overlays: string[];
}

/**
 * Fired when the clinician marks a guide "Drøftet med borgeren". Cancelable: call preventDefault() (e.g.
 * when saving failed) and the guide is not marked. Bubbles and crosses shadow roots.
 */
export class KproActionCompleteEvent extends Event {
  readonly detail: KproActionCompleteDetail;
  constructor(detail: KproActionCompleteDetail) {
    super('kpro-action-complete', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-action-complete': KproActionCompleteEvent;
  }
}
