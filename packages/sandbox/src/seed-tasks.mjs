// The ClinicalImpressions and Tasks of the seeded responses, made as FUT's processing makes them when a
// response arrives (task-arrival.mjs with @kpro/core: the same triage, the same task), dated five minutes
// after each response; the caller says which are still open and which a team member has handled since.
import { arrivalResources, careTeamIdOf, taskResponsibleOf, TRIAGE_URL, triageResponse } from '@kpro/core';
import { arrivalContext } from './task-arrival.mjs';
import { CARE_TEAMS, practitionerRef } from './seed-teams.mjs';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * A Lookup (task-arrival.mjs) over the seed's own resources, indexed once.
 * @param {any[]} resources
 */
export function seedLookup(resources) {
  const byKey = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
  const types = new Map();
  const ofType = (type) => {
    if (!types.has(type)) types.set(type, resources.filter((r) => r.resourceType === type));
    return types.get(type);
  };
  let bySr;
  return {
    read: async (type, id) => byKey.get(`${type}/${id}`),
    questionnaires: async (url) => ofType('Questionnaire').filter((q) => q.url === url),
    episodesOf: async (patientId) => ofType('EpisodeOfCare').filter((e) => e.patient?.reference === `Patient/${patientId}`),
    responsesTo: async (srId) => {
      if (!bySr) {
        bySr = new Map();
        for (const r of ofType('QuestionnaireResponse')) {
          for (const b of r.basedOn ?? []) {
            const id = b.reference?.split('/').pop();
            if (!bySr.has(id)) bySr.set(id, []);
            bySr.get(id).push(r);
          }
        }
      }
      return bySr.get(srId) ?? [];
    },
  };
}

/**
 * @typedef {{ status: 'requested' } | { status: 'in-progress', owner: string } | { status: 'completed' }} Handling
 *   completed: by the first member of the task's first team, two days after it arrived, with a note.
 */

/**
 * @param {any[]} resources everything the seed has so far (responses, requests, plans, teams, questionnaires)
 * @param {{ handling: (response: any) => Handling, tags: any[], keyOf?: (response: any) => string | undefined }} options
 *   keyOf: a key for the response's questionnaire and answers. A large seed repeats the same answers, and
 *   the engine gives identical answers the identical result: each set is triaged once, and its
 *   ClinicalImpression's findings are built once and shared (by default the answers are serialised)
 * @returns {Promise<{ resources: any[], triage: Map<string, import('@kpro/core').TriageResult> }>}
 */
export async function seedArrivals(resources, { handling, tags, keyOf = (r) => `${r.questionnaire}\n${JSON.stringify(r.item)}` }) {
  const triageCache = new Map();
  const findings = new Map();
  const lookup = seedLookup(resources);
  const out = [];
  const triageById = new Map();
  for (const response of resources.filter((r) => r.resourceType === 'QuestionnaireResponse' && r.status === 'completed')) {
    const context = await arrivalContext(response, lookup);
    const key = keyOf(response) ?? `${response.questionnaire}\n${JSON.stringify(response.item)}`;
    let triage = triageCache.get(key);
    if (!triage) {
      triage = await triageResponse(context.questionnaires, response);
      triageCache.set(key, triage);
    }
    triageById.set(response.id, triage);
    const arrived = Date.parse(response.authored) + 5 * MINUTE;
    const at = iso(arrived);
    const { clinicalImpression, task } = arrivalResources(response, triage, { ...context, at, clinicalImpressionId: `triage-${response.id}`, taskId: `task-${response.id}`, tags });
    // The findings (one per answer that triggered a rule, each with a copy of the rule) are most of a
    // ClinicalImpression: the same answers give the same ones, so they are kept once (frozen).
    const own = (clinicalImpression.extension ?? []).filter((e) => e.url !== TRIAGE_URL.findingBasis);
    if (!findings.has(key)) findings.set(key, (clinicalImpression.extension ?? []).filter((e) => e.url === TRIAGE_URL.findingBasis).map((e) => Object.freeze(e)));
    if (clinicalImpression.extension) clinicalImpression.extension = [...own, ...findings.get(key)];
    out.push(clinicalImpression, handled(task, handling(response), arrived));
  }
  return { resources: out, triage: triageById };
}

/** The task as the seed leaves it: open, taken, or assessed ("Vurderet") by a member of its team. */
function handled(task, handling, arrived) {
  if (handling.status === 'requested') return task;
  if (handling.status === 'in-progress') {
    return { ...task, status: 'in-progress', owner: practitionerRef(handling.owner), executionPeriod: { start: iso(arrived + 3 * 60 * MINUTE) } };
  }
  const teamId = careTeamIdOf(taskResponsibleOf(task)[0]?.reference);
  const member = CARE_TEAMS.find((t) => t.id === teamId)?.members[0];
  if (!member) return { ...task, status: 'completed', executionPeriod: { end: iso(arrived + 2 * DAY) } };
  const owner = practitionerRef(member);
  const end = iso(arrived + 2 * DAY);
  return {
    ...task,
    status: 'completed',
    owner,
    executionPeriod: { start: iso(arrived + DAY), end },
    note: [{ authorReference: owner, time: end, text: 'Vurderet' }],
  };
}
