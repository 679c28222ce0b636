// MinLog as the citizen sees it: who looked at their data, when, and in which system. One launch with the
// citizen in context is one look-up however many requests it made, because MinLog groups entries by
// correlation id (the trace-id entity the server took from the launch's token). Entries kept for internal
// audit only, and the citizen's own use of their data, are not shown.
import { INTERNAL_AUDIT_ONLY, OBJECT_ROLE_SYSTEM, PATIENT_ROLE, PURPOSE_OF_USE_SYSTEM, TRACE_ID_ROLE } from './audit-event.js';
import { patientIdOf } from './patients.js';

export interface LookUp {
  /** The correlation id that groups this look-up's requests. */
  correlationId: string;
  /** Who: the requestor's name (or reference when it has none). */
  who: string;
  /** The requestor's reference, e.g. `Practitioner/<id>`. */
  whoReference?: string;
  /** Which system: the client the user worked in. */
  system: string;
  /** When the look-up began and when its last request was (ISO instants). */
  first: string;
  last: string;
  /** How many requests (AuditEvents) it made. */
  count: number;
}

const hasRole = (entity: fhir4.AuditEventEntity, code: string) => entity.role?.code === code && (!entity.role.system || entity.role.system === OBJECT_ROLE_SYSTEM);

/** The citizen (Patient id) an AuditEvent is about: its role-1 entity. */
export function auditedPatientOf(event: fhir4.AuditEvent): string | undefined {
  const entity = event.entity?.find((e) => hasRole(e, PATIENT_ROLE));
  return patientIdOf(entity?.what?.reference);
}

/** The correlation id of the look-up an AuditEvent belongs to: its role-21 (trace id) entity. */
export function correlationIdOf(event: fhir4.AuditEvent): string | undefined {
  return event.entity?.find((e) => hasRole(e, TRACE_ID_ROLE))?.what?.identifier?.value;
}

/** True when the event is kept for internal audit only (not shown in MinLog). */
export function isInternalAuditOnly(event: fhir4.AuditEvent): boolean {
  return (event.purposeOfEvent ?? []).some((p) => p.coding?.some((c) => c.system === PURPOSE_OF_USE_SYSTEM && c.code === INTERNAL_AUDIT_ONLY));
}

/**
 * A citizen's look-ups, newest first: AuditEvents with the citizen as role-1 entity, grouped by correlation
 * id; without internal-only events and the citizen's own requests.
 */
export function lookUpsOf(patientId: string, events: Iterable<fhir4.AuditEvent>): LookUp[] {
  const groups = new Map<string, LookUp>();
  for (const event of events) {
    if (auditedPatientOf(event) !== patientId || isInternalAuditOnly(event)) continue;
    const requestor = event.agent?.find((a) => a.requestor);
    const whoReference = requestor?.who?.reference;
    if (patientIdOf(whoReference) === patientId) continue; // the citizen's own use of their data
    const correlationId = correlationIdOf(event);
    if (!correlationId || !event.recorded) continue;
    const client = event.agent?.find((a) => !a.requestor && a.who?.identifier);
    const group = groups.get(correlationId);
    if (!group) {
      groups.set(correlationId, {
        correlationId,
        who: requestor?.who?.display ?? whoReference ?? requestor?.who?.identifier?.value ?? '?',
        ...(whoReference ? { whoReference } : {}),
        system: client?.who?.display ?? client?.who?.identifier?.value ?? event.source?.observer?.display ?? '?',
        first: event.recorded,
        last: event.recorded,
        count: 1,
      });
      continue;
    }
    group.count++;
    if (event.recorded < group.first) group.first = event.recorded;
    if (event.recorded > group.last) group.last = event.recorded;
  }
  return [...groups.values()].sort((a, b) => b.first.localeCompare(a.first));
}
