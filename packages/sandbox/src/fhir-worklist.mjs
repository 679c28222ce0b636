// What a launch without a citizen (the task overview, intent `tasks`) may do with its `user/Task` and
// `user/Patient` scopes, which the authorization server grants only to such launches (scopes.mjs):
// - Tasks: only those a care team the user is a member of is responsible for (`ehealth-task-responsible`);
//   update only owner, status, note and executionPeriod, with If-Match: take it (owner = me, in-progress),
//   release it (no owner, requested), mark it handled (completed, a note by me).
// - Patients: only the citizens those tasks are `for`; in lists (searches, `_include`) their id and name
//   only; read one by one (GET Patient/<id>) with the CPR as well, which is a look-up of that citizen.
// And for every launch, a care team's participants may be changed by a member of it whose role may
// (`user/CareTeam.u`), with If-Match, and nothing else of the team.
import { careTeamIdOf, taskResponsibleOf } from '@kpro/core';
import { badRequest, OperationOutcomeError } from '@medplum/core';
import { CPR_SYSTEM } from './cpr.mjs';

/** `Practitioner/<id>` of a reference, relative or absolute (the app may write the fhirUser URL). */
const LOCAL = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const local = (reference) => (reference ? LOCAL.exec(reference)?.[1] : undefined);

/** Task fields a worklist may change; everything else must stay as stored. */
const TASK_WORKFLOW_FIELDS = ['owner', 'status', 'note', 'executionPeriod', 'lastModified'];
/** The statuses of taking, releasing and handling a task. */
const TASK_WORKFLOW_STATUSES = new Set(['requested', 'in-progress', 'completed']);
const MAX_NOTE_LENGTH = 4000;

/** A request the client got wrong (400); refusals are the caller's forbiddenError (403). */
const invalid = (text) => new OperationOutcomeError(badRequest(text));

/** JSON with sorted keys, for comparing what must not change. */
function stable(v) {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
const without = (resource, fields) => Object.fromEntries(Object.entries(resource).filter(([k]) => !fields.includes(k) && k !== 'meta' && k !== 'text'));

/** The ids of the active care teams a user (`Practitioner/<id>`) is a participant of. */
export function teamsOf(repo, userReference) {
  return new Set(
    repo
      .current('CareTeam')
      .filter((t) => t.status !== 'inactive' && t.status !== 'entered-in-error' && t.participant?.some((p) => p.member?.reference === userReference))
      .map((t) => t.id),
  );
}

/** Whether a task is on one of the teams' lists. */
export function taskOnTeams(task, teams) {
  return taskResponsibleOf(task).some((r) => teams.has(careTeamIdOf(r.reference)));
}

/** A citizen as a worklist shows her: who (id and name), nothing else. */
export function patientInList(patient) {
  return { resourceType: 'Patient', id: patient.id, meta: { versionId: patient.meta?.versionId, lastUpdated: patient.meta?.lastUpdated }, ...(patient.name ? { name: patient.name } : {}) };
}

/** A citizen read on her own from the worklist (the list's "show CPR"): name and CPR. */
export function patientRevealed(patient) {
  const cpr = (patient.identifier ?? []).filter((i) => i.system === CPR_SYSTEM);
  return { ...patientInList(patient), ...(cpr.length ? { identifier: cpr } : {}) };
}

/**
 * Checks a worklist update of a task against the stored one (throws 400/403): only the workflow fields
 * changed; the status one of requested, in-progress, completed; the owner nobody, as before, or the user;
 * the notes as before plus new ones by the user.
 * @param {any} stored @param {any} next @param {string} user `Practitioner/<id>`
 * @param {(text: string) => Error} forbiddenError
 */
export function checkTaskUpdate(stored, next, user, forbiddenError) {
  if (stable(without(stored, TASK_WORKFLOW_FIELDS)) !== stable(without(next, TASK_WORKFLOW_FIELDS))) {
    throw forbiddenError(`From the task overview only ${TASK_WORKFLOW_FIELDS.join(', ')} of a task may change`);
  }
  if (!TASK_WORKFLOW_STATUSES.has(next.status)) throw forbiddenError(`A task may be set to ${[...TASK_WORKFLOW_STATUSES].join(', ')} here, not ${next.status}`);
  const owner = local(next.owner?.reference) ?? next.owner?.reference;
  if (owner !== undefined && owner !== local(stored.owner?.reference) && owner !== user) throw forbiddenError(`A task may be taken by the user (${user}) only, not given to ${owner}`);
  if (next.owner && Object.keys(next.owner).some((k) => !['reference', 'display'].includes(k))) throw invalid('Task.owner: a reference and a display only');
  const before = stored.note ?? [];
  const after = next.note ?? [];
  if (after.length < before.length || stable(after.slice(0, before.length)) !== stable(before)) throw forbiddenError('Notes on a task may be added, not changed or removed');
  for (const note of after.slice(before.length)) {
    if (typeof note.text !== 'string' || !note.text.trim() || note.text.length > MAX_NOTE_LENGTH) throw invalid(`Task.note.text: 1 to ${MAX_NOTE_LENGTH} characters`);
    if (note.authorString !== undefined) throw forbiddenError('Task.note: the author is the user (authorReference), not a name');
    if (note.authorReference && local(note.authorReference.reference) !== user) throw forbiddenError(`Task.note: written by the user (${user}) only`);
  }
}

/**
 * Checks an update of a care team (throws 400/403): the user is a participant of it; only `participant`
 * changed; every participant is a Practitioner of this server with a role.
 * @param {any} stored @param {any} next @param {string} user @param {(type: string, id: string) => Promise<any>} read
 * @param {(text: string) => Error} forbiddenError
 */
export async function checkCareTeamUpdate(stored, next, user, read, forbiddenError) {
  if (!stored.participant?.some((p) => local(p.member?.reference) === user)) throw forbiddenError(`Only a participant of ${stored.name ?? 'the care team'} may change who is in it`);
  if (stable(without(stored, ['participant'])) !== stable(without(next, ['participant']))) throw forbiddenError('Only the participants of a care team may change here');
  const seen = new Set();
  for (const p of next.participant ?? []) {
    const m = /^Practitioner\/([A-Za-z0-9\-.]{1,64})$/.exec(p.member?.reference ?? '');
    if (!m) throw invalid('CareTeam.participant.member: a Practitioner (Practitioner/<id>)');
    if (seen.has(m[1])) throw invalid(`CareTeam.participant: ${p.member.reference} is there twice`);
    seen.add(m[1]);
    if (!(await read('Practitioner', m[1]))) throw invalid(`CareTeam.participant.member: ${p.member.reference} is not on this server`);
    if (!p.role?.length) throw invalid('CareTeam.participant.role: each participant has a role (FUT: 1..*)');
  }
}

/** Whether a request must say which version it changes (`If-Match`), and says it. */
export function requireIfMatch(options, what) {
  if (!options?.ifMatch) throw invalid(`${what} is changed with If-Match: W/"<versionId>" (the version you read), so that a colleague's change is never overwritten`);
}
