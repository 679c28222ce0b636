// Staff attached to citizens through care teams (FUT: CareTeam has no subject; a citizen's plan names its
// teams in CarePlan.careTeam). Pure: what a membership change writes; the caller writes it with If-Match.
import type { Reference } from '../fhir/types.js';

const isTeam = (r: string) => r.startsWith('CareTeam/') || r.includes('/CareTeam/');

/**
 * The care teams a citizen is attached to, each once (references "CareTeam/<id>"): those of her plans and
 * episodes of care (FUT's EpisodeOfCare.team), the open ones first. A finished course still names the team
 * that follows her up (it is responsible for her tasks).
 */
export function careTeamsOf(carePlans: readonly fhir4.CarePlan[], episodes: readonly fhir4.EpisodeOfCare[] = []): string[] {
  const planOpen = (p: fhir4.CarePlan) => ['active', 'on-hold', 'draft'].includes(p.status);
  const episodeOpen = (e: fhir4.EpisodeOfCare) => ['active', 'waitlist', 'onhold', 'planned'].includes(e.status);
  const open = [...carePlans.filter(planOpen).flatMap((p) => p.careTeam ?? []), ...episodes.filter(episodeOpen).flatMap((e) => e.team ?? [])];
  const rest = [...carePlans.filter((p) => !planOpen(p)).flatMap((p) => p.careTeam ?? []), ...episodes.filter((e) => !episodeOpen(e)).flatMap((e) => e.team ?? [])];
  return [...new Set([...open, ...rest].map((t) => t.reference ?? '').filter(isTeam))];
}

const sameRef = (a: string | undefined, b: string | undefined) => !!a && !!b && (a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`));

/** The staff on a team (participants with a Practitioner member). */
export function teamMembers(team: fhir4.CareTeam): Reference[] {
  return (team.participant ?? []).map((p) => p.member).filter((m): m is Reference => !!m?.reference && /(^|\/)Practitioner\//.test(m.reference));
}

/** FUT's careteam-participant-role (1..* on every participant); a member added from the app gets this one. */
export const DEFAULT_TEAM_ROLE: fhir4.CodeableConcept = { coding: [{ system: 'http://ehealth.sundhed.dk/cs/careteam-participant-role', code: 'monitoringAssistor' }] };

/** The team with a staff member added, with their role on it (unchanged when already on it). */
export function withTeamMember(team: fhir4.CareTeam, member: Reference, role: fhir4.CodeableConcept = DEFAULT_TEAM_ROLE): fhir4.CareTeam {
  if (teamMembers(team).some((m) => sameRef(m.reference, member.reference))) return team;
  return { ...team, participant: [...(team.participant ?? []), { role: [role], member }] };
}

/** The team without a staff member (every participation of theirs). */
export function withoutTeamMember(team: fhir4.CareTeam, member: Reference): fhir4.CareTeam {
  return { ...team, participant: (team.participant ?? []).filter((p) => !sameRef(p.member?.reference, member.reference)) };
}
