// The AuditEvent a FHIR server writes for a request that touched a citizen's data, shaped as FUT's
// (ehealth-auditevent): the citizen as entity with role 1 (what MinLog keys on; never the CPR), the user
// as the one requestor agent, the SMART client as a second agent, and the launch's correlation id as the
// trace-id entity (role 21), by which MinLog groups the requests of one look-up.
import { now } from '../time/clock.js';

/** FHIR's restful-interaction codes for what a request did. */
export type AuditInteraction = 'read' | 'vread' | 'history-instance' | 'search-type' | 'create' | 'update' | 'patch' | 'delete';

/** C, R, U, D (and E for custom operations) as FUT uses them. */
export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

export const OBJECT_ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/object-role';
/** Entity role of the citizen whose data was touched: MinLog makes an entry only for these. */
export const PATIENT_ROLE = '1';
/** Entity role of the trace id: the correlation id of one launch. */
export const TRACE_ID_ROLE = '21';
export const PURPOSE_OF_USE_SYSTEM = 'http://ehealth.sundhed.dk/fhir/PurposeOfUse';
/** FUT's opt-out from external audit (MinLog): the event is kept, but not shown to the citizen. */
export const INTERNAL_AUDIT_ONLY = 'INTERNAL_AUDIT_ONLY';
export const CLIENT_ID_SYSTEM = 'urn:ietf:rfc:6749#client_id';

const ACTION_OF: Record<AuditInteraction, AuditAction> = {
  read: 'R',
  vread: 'R',
  'history-instance': 'R',
  'search-type': 'R',
  create: 'C',
  update: 'U',
  patch: 'U',
  delete: 'D',
};

/** The AuditEvent action for an interaction. */
export function auditActionOf(interaction: AuditInteraction): AuditAction {
  return ACTION_OF[interaction];
}

export interface AuditedRequest {
  /**
   * The citizen whose data the request touched (a Patient id). Absent for a write that concerns no
   * citizen (a care team's members): then `resource` names what was written, and no MinLog sees it.
   */
  patientId?: string;
  /** The resource written (`CareTeam/<id>`), as an entity with role 4 (domain resource). */
  resource?: string;
  interaction: AuditInteraction;
  /** The primary resource type (FUT: `outcomeDesc`). */
  resourceType: string;
  /** The user the token was issued to: `Practitioner/<id>` or `Patient/<id>`, and a name to show. */
  user: { reference: string; display?: string };
  /** The SMART client the user worked in: the "system" MinLog shows. */
  client: { id: string; display?: string };
  /** The launch's correlation id, from the access token (never from the client's request). */
  correlationId: string;
  /** The server that recorded the request. */
  observer: string;
  /** Kept out of MinLog (`INTERNAL_AUDIT_ONLY`), e.g. a list read by the municipality's choice. */
  internalOnly?: boolean;
  recorded?: Date;
}

/** Entity role of a resource the request wrote, when it concerns no citizen. */
export const RESOURCE_ROLE = '4';
const LIFECYCLE: Partial<Record<AuditAction, string>> = { C: 'Creation', U: 'Amendment', D: 'Logical deletion' };

/** One AuditEvent for one citizen touched by one request. Names people by reference only: no CPR. */
export function buildAuditEvent(r: AuditedRequest): fhir4.AuditEvent {
  const event: fhir4.AuditEvent = {
    resourceType: 'AuditEvent',
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: r.interaction }],
    action: auditActionOf(r.interaction),
    recorded: (r.recorded ?? now()).toISOString(),
    outcome: '0',
    outcomeDesc: r.resourceType,
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/extra-security-role-type', code: 'humanuser', display: 'human user' }] },
        who: { reference: r.user.reference, identifier: { value: r.user.reference }, ...(r.user.display ? { display: r.user.display } : {}) },
        requestor: true,
      },
      {
        type: { coding: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110150', display: 'Application' }] },
        who: { identifier: { system: CLIENT_ID_SYSTEM, value: r.client.id }, display: r.client.display ?? r.client.id },
        requestor: false,
      },
    ],
    source: {
      observer: { display: r.observer },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    entity: [
      ...(r.patientId
        ? [
            {
              what: { reference: `Patient/${r.patientId}` },
              type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
              role: { system: OBJECT_ROLE_SYSTEM, code: PATIENT_ROLE, display: 'Patient' },
            },
          ]
        : []),
      ...(r.resource
        ? [
            {
              what: { reference: r.resource },
              type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
              role: { system: OBJECT_ROLE_SYSTEM, code: RESOURCE_ROLE, display: 'Domain Resource' },
              ...(LIFECYCLE[auditActionOf(r.interaction)] ? { lifecycle: { system: 'http://hl7.org/fhir/dicom-audit-lifecycle', code: LIFECYCLE[auditActionOf(r.interaction)] } } : {}),
            },
          ]
        : []),
      {
        what: { identifier: { value: r.correlationId } },
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
        role: { system: OBJECT_ROLE_SYSTEM, code: TRACE_ID_ROLE, display: 'Job Stream' },
      },
    ],
  };
  if (r.internalOnly) event.purposeOfEvent = [{ coding: [{ system: PURPOSE_OF_USE_SYSTEM, code: INTERNAL_AUDIT_ONLY }] }];
  return event;
}

/** A fresh random id (identifiers of submissions and the like); never derived from a CPR. */
export function newCorrelationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${now().getTime().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
