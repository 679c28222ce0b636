// Who must look at a citizen's tasks: the care team(s) of the plan the response belongs to, as FUT's
// processing has it (`ehealth-task-responsible` = the CarePlan's CareTeam(s)); without any, the teams of the
// citizen's episode of care; without those, nobody (the task is "unassigned" and shows in no team's list).
import type { Reference } from '../fhir/types.js';

export interface ResponsibleInput {
  /** The plan(s) the answered ServiceRequest is based on. */
  carePlans?: readonly fhir4.CarePlan[];
  /** The citizen's episode(s) of care: the one the response or request names first. */
  episodesOfCare?: readonly fhir4.EpisodeOfCare[];
  /** Teams by id, for their names (`display`). */
  careTeams?: readonly fhir4.CareTeam[];
}

const CARE_TEAM_REF = /(?:^|\/)CareTeam\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** The CareTeam id a reference points at. */
export function careTeamIdOf(reference: string | undefined): string | undefined {
  return reference ? CARE_TEAM_REF.exec(reference)?.[1] : undefined;
}

/** One reference per responsible team (`CareTeam/<id>` with the team's name), in the order found. */
export function responsibleTeams({ carePlans = [], episodesOfCare = [], careTeams = [] }: ResponsibleInput): Reference[] {
  const fromPlans = carePlans.filter((p) => p.status !== 'entered-in-error').flatMap((p) => p.careTeam ?? []);
  const found = fromPlans.some((r) => careTeamIdOf(r.reference)) ? fromPlans : episodesOfCare.filter((e) => e.status !== 'entered-in-error').flatMap((e) => e.team ?? []);
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const ref of found) {
    const id = careTeamIdOf(ref.reference);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const name = careTeams.find((t) => t.id === id)?.name ?? ref.display;
    out.push({ reference: `CareTeam/${id}`, ...(name ? { display: name } : {}) });
  }
  return out;
}
