// Which citizens a resource concerns: the Patient itself, and every Reference to a Patient anywhere in it
// (subject, author, source, performer, entity, extensions, contained resources …). The FHIR server audits
// a request once for each such citizen in what it read or wrote (FUT: "if the entity is related to a
// patient, that patient must also be added"; one AuditEvent per patient), and refuses a write that names
// a citizen other than the one in context.
import type { AuditAction, AuditInteraction } from './audit-event.js';
import { auditActionOf } from './audit-event.js';

/** `Patient/<id>`, relative or absolute, with or without `/_history/<version>`. */
const PATIENT_REFERENCE = /^(?:[a-z][a-z0-9+.-]*:\/\/[^?#]*\/)?Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/i;

/** The Patient id a reference string points at, if it points at a Patient. */
export function patientIdOf(reference: string | undefined): string | undefined {
  return reference ? PATIENT_REFERENCE.exec(reference)?.[1] : undefined;
}

/**
 * Every `reference` string in a resource, as written (a walk without recursion, so a deeply nested
 * resource cannot overflow the stack).
 */
export function referencesIn(resource: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [resource];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const [key, value] of Object.entries(v)) {
      if (key === 'reference' && typeof value === 'string') out.push(value);
      else if (typeof value === 'object') stack.push(value);
    }
  }
  return out;
}

/** Every `reference` string in a resource that points at a Patient. */
export function patientReferencesIn(resource: unknown): string[] {
  return referencesIn(resource).filter((r) => patientIdOf(r) !== undefined);
}

/** The citizens a resource concerns (Patient ids): itself when it is a Patient, and every Patient it refers to. */
export function patientsOf(resource: { resourceType?: string; id?: string }): Set<string> {
  const ids = new Set<string>();
  if (resource.resourceType === 'Patient' && resource.id) ids.add(resource.id);
  for (const ref of patientReferencesIn(resource)) ids.add(patientIdOf(ref)!);
  return ids;
}

/** What one request did to one resource, as the server saw it. */
export interface Touch {
  interaction: AuditInteraction;
  resource: { resourceType: string; id?: string };
}

/** One AuditEvent to write: a citizen, and what the request did to their data. */
export interface AuditEntry {
  patientId: string;
  action: AuditAction;
  interaction: AuditInteraction;
  resourceType: string;
}

/**
 * Collapses what one request touched into one entry per citizen and action (a search of a citizen's
 * three responses is one read of that citizen; a transaction that creates a plan and its requests is one
 * create). Resources that concern no citizen (a Questionnaire, a plan template, an action guide) give none.
 */
export function auditEntriesFor(touches: Iterable<Touch>): AuditEntry[] {
  const entries = new Map<string, AuditEntry>();
  for (const { interaction, resource } of touches) {
    const action = auditActionOf(interaction);
    for (const patientId of patientsOf(resource)) {
      const key = `${patientId}|${action}`;
      if (!entries.has(key)) entries.set(key, { patientId, action, interaction, resourceType: resource.resourceType });
    }
  }
  return [...entries.values()];
}

/** One AuditEvent to write for a write that concerns no citizen (a care team's members). */
export interface ResourceAuditEntry {
  /** `Type/id` of what was written. */
  resource: string;
  action: AuditAction;
  interaction: AuditInteraction;
  resourceType: string;
}

const WRITES = new Set<AuditInteraction>(['create', 'update', 'patch', 'delete']);

/**
 * The writes of one request that concern no citizen (a CareTeam's participants): audited like any write,
 * with the resource as entity and no citizen, so they reach no MinLog. Reads of such resources (the
 * directory, definitions) are not audited.
 */
export function resourceWritesFor(touches: Iterable<Touch>): ResourceAuditEntry[] {
  const entries = new Map<string, ResourceAuditEntry>();
  for (const { interaction, resource } of touches) {
    if (!WRITES.has(interaction) || !resource.id || patientsOf(resource).size) continue;
    const ref = `${resource.resourceType}/${resource.id}`;
    const action = auditActionOf(interaction);
    if (!entries.has(`${ref}|${action}`)) entries.set(`${ref}|${action}`, { resource: ref, action, interaction, resourceType: resource.resourceType });
  }
  return [...entries.values()];
}

/**
 * A list read: a search made without a citizen in context (a task overview or worklist) that returns
 * citizens' data. FUT audits it per citizen like any read; whether those entries reach the citizens'
 * MinLog (or are marked INTERNAL_AUDIT_ONLY) is the municipality's policy.
 */
export function isListRead(request: { patientInContext?: string; interaction: AuditInteraction }): boolean {
  return !request.patientInContext && request.interaction === 'search-type';
}
