/** Fired when the app found and opened the citizen in context. */
export class KproPatientOpenEvent extends Event {
  readonly detail: { patientId: string };
  constructor(patientId: string) {
    super('kpro-patient-open', { bubbles: true, composed: true });
    this.detail = { patientId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-patient-open': KproPatientOpenEvent;
  }
}
