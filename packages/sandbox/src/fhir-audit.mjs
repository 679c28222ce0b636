// The FHIR server's own audit, as FUT does it (../shared/reference/danish-fhir.md section 4.2): every
// request that touches a citizen's data leaves an AuditEvent per citizen, written here and never by a
// client, so it can be neither skipped nor forged. The user comes from the verified token, the correlation
// id from the launch's token (MinLog groups a launch's requests by it). What to write is decided by
// @kpro/core's audit module; this file collects what each request touched and stores the events.
import { auditEntriesFor, buildAuditEvent, isListRead, resourceWritesFor } from '@kpro/core';

/**
 * What one request touched, as the access layer (fhir-access.mjs) saw it succeed. A failed transaction
 * rolls its touches back with its writes.
 */
export function createTouchCollector() {
  /** @type {(import('@kpro/core').Touch & { list?: boolean })[]} */
  const touches = [];
  return {
    touches,
    /**
     * @param {import('@kpro/core').AuditInteraction} interaction @param {{ resourceType: string, id?: string }} resource
     * @param {{ list?: boolean }} [options] list: a worklist read (a task, a citizen's name in it), whatever the interaction
     */
    touch(interaction, resource, { list = false } = {}) {
      touches.push({ interaction, resource, list });
    },
    mark: () => touches.length,
    /** @param {number} mark */
    rollback(mark) {
      touches.length = mark;
    },
  };
}

/**
 * @param {{
 *   repo: import('./fhir-repository.mjs').SandboxRepository,
 *   clientNames: Record<string, string>,
 *   listReadsInternalOnly: boolean,
 *   observer?: string,
 * }} options
 *   listReadsInternalOnly: the municipality's policy for list reads (a search without a citizen in
 *   context, such as a task overview): audited per citizen, but marked INTERNAL_AUDIT_ONLY so they do
 *   not flood the citizens' MinLog.
 */
export function createServerAudit({ repo, clientNames, listReadsInternalOnly, observer = 'Testkommune FHIR (kpro sandbox)' }) {
  /** @type {Map<string, string | undefined>} */
  const names = new Map();

  /** A user's name for MinLog's "who" (Practitioner or Patient), read once. @param {string} reference */
  async function displayOf(reference) {
    if (names.has(reference)) return names.get(reference);
    const [type, id] = reference.split('/');
    const resource = ['Practitioner', 'Patient'].includes(type) ? await repo.readResource(type, id).catch(() => undefined) : undefined;
    const name = resource?.name?.[0];
    const display = name ? name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(' ') : undefined;
    names.set(reference, display);
    return display;
  }

  return {
    /**
     * Writes the AuditEvents of one request. Runs inside the request's exclusive section, so they are
     * journaled with (and as durably as) what the request wrote.
     * @param {{ grant: import('./fhir-server.mjs').Grant, interaction: import('@kpro/core').AuditInteraction, touches: import('@kpro/core').Touch[] }} request
     */
    async record({ grant, interaction, touches }) {
      // Worklist reads (the task overview: tasks, and the names of the citizens they are for) are list
      // reads whatever the request; so is any search without a citizen in context.
      const listed = auditEntriesFor(touches.filter((t) => t.list));
      const other = auditEntriesFor(touches.filter((t) => !t.list));
      const writes = resourceWritesFor(touches);
      if (!listed.length && !other.length && !writes.length) return 0;
      const user = { reference: grant.sub, display: await displayOf(grant.sub) };
      const client = { id: grant.clientId, display: clientNames[grant.clientId] ?? grant.clientId };
      const otherInternal = listReadsInternalOnly && isListRead({ patientInContext: grant.patient, interaction });
      const events = [
        ...listed.map((entry) => ({ ...entry, internalOnly: listReadsInternalOnly })),
        ...other.map((entry) => ({ ...entry, internalOnly: otherInternal })),
        ...writes.map((entry) => ({ ...entry, internalOnly: false })),
      ];
      for (const entry of events) await repo.storeTrusted(buildAuditEvent({ ...entry, user, client, correlationId: grant.correlationId, observer }));
      return events.length;
    },
  };
}
