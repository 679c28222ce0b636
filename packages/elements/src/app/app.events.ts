/** Fired when the app opened a citizen (after the one MinLog AuditEvent of the session was written). */
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
