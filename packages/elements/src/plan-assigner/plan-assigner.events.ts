/** Detail of `kpro-plan-assign`: the transaction about to be sent. */
export interface KproPlanAssignDetail {
  /** Canonical (url|version) of the PlanDefinition. */
  template: string;
  /** The assignment attempt's identifier value (the same on a retry). */
  assignmentId: string;
  /** The transaction Bundle (CarePlan + ServiceRequests) that will be written. */
  bundle: fhir4.Bundle;
}

/**
 * Fired before a plan is written. Cancelable: call preventDefault() to veto it (nothing is written).
 * Without a FHIR data source (properties only), this event is the output: the host writes the bundle.
 */
export class KproPlanAssignEvent extends Event {
  readonly detail: KproPlanAssignDetail;
  constructor(detail: KproPlanAssignDetail) {
    super('kpro-plan-assign', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** Detail of `kpro-plan-cancel`: a plan (and its open requests) or one request is about to be revoked. */
export interface KproPlanCancelDetail {
  kind: 'plan' | 'occurrence';
  carePlan?: fhir4.CarePlan;
  request?: fhir4.ServiceRequest;
  reason: string;
}

/** Fired before a plan or request is revoked. Cancelable (veto with preventDefault()). */
export class KproPlanCancelEvent extends Event {
  readonly detail: KproPlanCancelDetail;
  constructor(detail: KproPlanCancelDetail) {
    super('kpro-plan-cancel', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** Detail of `kpro-plan-open-response`: the clinician wants to see an answered occurrence's answers. */
export interface KproPlanOpenResponseDetail {
  responseId: string;
  /** The ServiceRequest it answered. */
  requestId?: string;
}

export class KproPlanOpenResponseEvent extends Event {
  readonly detail: KproPlanOpenResponseDetail;
  constructor(detail: KproPlanOpenResponseDetail) {
    super('kpro-plan-open-response', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of `kpro-plan-change`: something was written (after the server said yes). */
export interface KproPlanChangeDetail {
  kind: 'assigned' | 'plan-cancelled' | 'occurrence-cancelled' | 'ad-hoc';
  /** References the server made or changed ("CarePlan/…", "ServiceRequest/…"). */
  references: string[];
}

export class KproPlanChangeEvent extends Event {
  readonly detail: KproPlanChangeDetail;
  constructor(detail: KproPlanChangeDetail) {
    super('kpro-plan-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kpro-plan-assign': KproPlanAssignEvent;
    'kpro-plan-cancel': KproPlanCancelEvent;
    'kpro-plan-open-response': KproPlanOpenResponseEvent;
    'kpro-plan-change': KproPlanChangeEvent;
    /** Reload asked for without a data source: the host reloads the properties. */
    'kpro-plan-reload': Event;
  }
}
