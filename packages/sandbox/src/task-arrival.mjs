// FUT's automated processing of a response, in the sandbox: when a completed (or amended) response is
// stored, it is triaged with @kpro/core (the same engine and rules as the answer view) and its
// TriagingResult ClinicalImpression and Task are written in the same transaction (fhir-repository.mjs
// calls `onResponseStored` inside the write). The seed makes its responses' tasks with the same code.
import { randomUUID } from 'node:crypto';
import {
  arrivalOf,
  arrivalTaskIdentifier,
  isOpenTask,
  missingOccurrenceKeyOf,
  nowIso,
  occurrenceSlots,
  occurrenceStatus,
  patientIdOf,
  reassessedTask,
  resolvedMissingTasks,
  responsibleTeams,
  sameAssessment,
} from '@kpro/core';

const ANSWERED = new Set(['completed', 'amended']);
const EPISODE_EXT = 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare';
const idIn = (reference, type) => new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(reference ?? '')?.[1];
const episodeRefOf = (resource) => resource?.extension?.find((e) => e.url === EPISODE_EXT)?.valueReference?.reference;

/**
 * Where the processing reads what it needs. Over the repository for live writes; over the seed's own
 * resource list while the seed is built.
 * @typedef {{
 *   read(type: string, id: string): Promise<any | undefined>,
 *   questionnaires(url: string): Promise<any[]>,
 *   episodesOf(patientId: string): Promise<any[]>,
 *   responsesTo(serviceRequestId: string): Promise<any[]>,
 * }} Lookup
 */

/** A Lookup over the repository (inside the write's transaction, so it sees what the write did). */
export function repositoryLookup(repo) {
  return {
    read: (type, id) => repo.readResource(type, id).catch(() => undefined),
    questionnaires: async (url) => repo.current('Questionnaire').filter((q) => q.url === url),
    episodesOf: async (patientId) => repo.current('EpisodeOfCare').filter((e) => patientIdOf(e.patient?.reference) === patientId),
    responsesTo: async (srId) => repo.current('QuestionnaireResponse').filter((r) => r.basedOn?.some((b) => idIn(b.reference, 'ServiceRequest') === srId)),
  };
}

/**
 * What the arrival of a response needs to know: the request it answers (and which occurrence), the
 * questionnaire's versions, the responsible teams (the plan's, else the episode's) and the episode of care.
 * @param {any} response @param {Lookup} lookup
 */
export async function arrivalContext(response, lookup) {
  const srId = (response.basedOn ?? []).map((b) => idIn(b.reference, 'ServiceRequest')).find(Boolean);
  const serviceRequest = srId ? await lookup.read('ServiceRequest', srId) : undefined;
  const { responsible, episodeOfCare } = await responsibleFor(serviceRequest, response, lookup);
  const url = String(response.questionnaire ?? '').split('|')[0];
  const questionnaires = url ? await lookup.questionnaires(url) : [];
  // Which occurrence a response answers matters only for a request that asks more than once.
  const responses = serviceRequest && occurrenceSlots(serviceRequest).length > 1 ? await lookup.responsesTo(serviceRequest.id) : [];
  return { ...(serviceRequest ? { serviceRequest } : {}), questionnaires, responsible, ...(episodeOfCare ? { episodeOfCare } : {}), responses };
}

/**
 * The responsible teams of a request (or, without one, of the citizen's episode) and its episode of care.
 * @param {any} serviceRequest @param {any} resource the response, or the request itself @param {Lookup} lookup
 */
export async function responsibleFor(serviceRequest, resource, lookup) {
  const carePlans = [];
  for (const b of serviceRequest?.basedOn ?? []) {
    const id = idIn(b.reference, 'CarePlan');
    const plan = id ? await lookup.read('CarePlan', id) : undefined;
    if (plan) carePlans.push(plan);
  }
  const episodeRef = episodeRefOf(resource) ?? episodeRefOf(serviceRequest) ?? carePlans.map(episodeRefOf).find(Boolean);
  const named = idIn(episodeRef, 'EpisodeOfCare') ? await lookup.read('EpisodeOfCare', idIn(episodeRef, 'EpisodeOfCare')) : undefined;
  let episodes = named ? [named] : [];
  if (!responsibleTeams({ carePlans }).length && !episodes.some((e) => e.team?.length)) {
    const patientId = patientIdOf(resource?.subject?.reference ?? serviceRequest?.subject?.reference);
    if (patientId) episodes = (await lookup.episodesOf(patientId)).filter((e) => e.status !== 'entered-in-error');
  }
  const teamIds = [...carePlans.flatMap((p) => p.careTeam ?? []), ...episodes.flatMap((e) => e.team ?? [])].map((r) => idIn(r.reference, 'CareTeam')).filter(Boolean);
  const careTeams = (await Promise.all([...new Set(teamIds)].map((id) => lookup.read('CareTeam', id)))).filter(Boolean);
  const episodeId = idIn(episodeRef, 'EpisodeOfCare') ?? (episodes.length === 1 ? episodes[0].id : undefined);
  return {
    responsible: responsibleTeams({ carePlans, episodesOfCare: episodes, careTeams }),
    ...(episodeId ? { episodeOfCare: { reference: `EpisodeOfCare/${episodeId}` } } : {}),
  };
}

/**
 * The repository's hook for stored responses (SandboxRepository.onResponseStored). Runs inside the
 * write's transaction: if anything here fails, the response is not stored either.
 * - A completed or amended response without a task: ClinicalImpression + Task (arrival), and any open
 *   missing-answer task of the occurrence it answers is closed.
 * - One that already has its task (an amendment): triaged again; when the verdict changed, the
 *   ClinicalImpression gets a new version and the task the new priority (a finished task is reopened).
 * - One marked entered-in-error: its open task is cancelled.
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 */
export function createArrivalProcessing(repo) {
  const lookup = repositoryLookup(repo);
  const taskOf = async (responseId) => {
    const [id] = repo.taskIdsWithIdentifier(arrivalTaskIdentifier(responseId));
    return id ? repo.readResource('Task', id) : undefined;
  };

  return async function onResponseStored(stored) {
    // FUT's responses always name their citizen; one that names none is nobody's task.
    if (!patientIdOf(stored.subject?.reference)) return;
    const at = nowIso();
    const existing = await taskOf(stored.id);
    if (!ANSWERED.has(stored.status)) {
      if (stored.status === 'entered-in-error' && existing && isOpenTask(existing)) {
        await repo.updateResource({ ...existing, status: 'cancelled', note: [...(existing.note ?? []), { time: at, text: 'Besvarelsen er markeret som fejlagtig.' }] });
      }
      return;
    }
    const context = await arrivalContext(stored, lookup);
    if (existing) {
      const ciId = idIn(existing.focus?.reference, 'ClinicalImpression') ?? randomUUID();
      const fresh = await arrivalOf(stored, { ...context, at, clinicalImpressionId: ciId, taskId: existing.id });
      const current = await lookup.read('ClinicalImpression', ciId);
      if (current && sameAssessment(current, fresh.clinicalImpression)) return;
      await repo.updateResource(fresh.clinicalImpression);
      await repo.updateResource(reassessedTask(existing, fresh.task, at));
      return;
    }
    const arrival = await arrivalOf(stored, { ...context, at, clinicalImpressionId: randomUUID(), taskId: randomUUID() });
    await repo.createResource(arrival.clinicalImpression);
    await repo.createResource(arrival.task);
    if (context.serviceRequest) await closeMissingTasks(repo, context.serviceRequest, at);
  };
}

/** Closes the open missing-answer tasks of a request whose occurrence has now been answered. */
async function closeMissingTasks(repo, serviceRequest, at) {
  const patientId = patientIdOf(serviceRequest.subject?.reference);
  const open = (patientId ? repo.tasksFor(patientId) : []).filter((t) => isOpenTask(t) && missingOccurrenceKeyOf(t)?.startsWith(`${serviceRequest.id}#`));
  if (!open.length) return;
  const responses = await repositoryLookup(repo).responsesTo(serviceRequest.id);
  for (const task of resolvedMissingTasks(open, occurrenceStatus([serviceRequest], responses, at), at)) await repo.updateResource(task);
}
