/** Detail of `kpro-error`: a stable code (translate it with the catalogues), a message and a severity. */
export interface KproErrorDetail {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
}

/** Fired for bad input or failures; `severity: 'warning'` when the component still shows what it can. */
export class KproErrorEvent extends Event {
  readonly detail: KproErrorDetail;
  constructor(detail: KproErrorDetail) {
    super('kpro-error', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-error': KproErrorEvent;
  }
}
