import type { Reference } from '../fhir/types.js';
import { now } from '../time/clock.js';

export const CORRELATION_EXTENSION = 'https://kpro.example.dk/fhir/StructureDefinition/correlation-id';

export interface AuditSession {
  /** One id per app session; links all look-ups of one sitting. Never contains a CPR. */
  correlationId: string;
  /** The logged-in user (fhirUser). */
  user?: Reference;
  /** The SMART client id of this app. */
  clientId?: string;
}

/**
 * The AuditEvent for opening one citizen's data (MinLog). FUT forwards an AuditEvent to the citizen's
 * MinLog when it has a patient entity with role 1. It names the patient by reference only: no CPR.
 */
export function buildPatientLookupAuditEvent(patientId: string, session: AuditSession, recorded = now()): fhir4.AuditEvent {
  return {
    resourceType: 'AuditEvent',
    extension: [{ url: CORRELATION_EXTENSION, valueString: session.correlationId }],
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read', display: 'read' }],
    action: 'R',
    recorded: recorded.toISOString(),
    outcome: '0',
    purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }] }],
    agent: [
      {
        who: session.user ?? { display: 'unknown user' },
        requestor: true,
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/extra-security-role-type', code: 'humanuser', display: 'human user' }] },
      },
      ...(session.clientId
        ? [{ who: { identifier: { system: 'urn:ietf:rfc:6749#client_id', value: session.clientId }, display: 'kpro' }, requestor: false }]
        : []),
    ],
    source: { observer: { display: 'kpro' }, type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }] },
    entity: [
      {
        what: { reference: `Patient/${patientId}` },
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
        role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
      },
    ],
  };
}

/** Where "already logged" marks live; sessionStorage in browsers so a reload is still the same session. */
export interface SeenStore {
  has(key: string): boolean;
  add(key: string): void;
}

export function sessionSeenStore(storage: Storage | undefined = globalThis.sessionStorage): SeenStore {
  const memory = new Set<string>();
  return {
    has: (k) => memory.has(k) || storage?.getItem(`kpro-audit:${k}`) === '1',
    add: (k) => {
      memory.add(k);
      try {
        storage?.setItem(`kpro-audit:${k}`, '1');
      } catch {
        /* private mode: memory only */
      }
    },
  };
}

/**
 * Logs a real look-up of a citizen exactly once per session: never at login, never for lists, never
 * twice for the same citizen in one sitting (this is what floods MinLog today).
 */
export class Auditor {
  #pending = new Map<string, Promise<void>>();

  constructor(
    private readonly session: AuditSession,
    private readonly write: (event: fhir4.AuditEvent) => Promise<unknown>,
    private readonly seen: SeenStore = sessionSeenStore(),
  ) {}

  get correlationId(): string {
    return this.session.correlationId;
  }

  /** Records that the user opened this citizen; resolves when logged (or already was). */
  patientOpened(patientId: string): Promise<void> {
    const key = `${this.session.correlationId}:${patientId}`;
    if (this.seen.has(key)) return Promise.resolve();
    let p = this.#pending.get(key);
    if (!p) {
      p = this.write(buildPatientLookupAuditEvent(patientId, this.session)).then(
        () => {
          this.seen.add(key);
          this.#pending.delete(key);
        },
        (e) => {
          this.#pending.delete(key);
          throw e;
        },
      );
      this.#pending.set(key, p);
    }
    return p;
  }
}

export function newCorrelationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
