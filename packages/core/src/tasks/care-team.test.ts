import { expect } from '@open-wc/testing';
import { careTeamsOf, teamMembers, withTeamMember, withoutTeamMember } from './care-team.js';

const hanne = { reference: 'Practitioner/practitioner-hanne', display: 'Hanne Holm' };
const mads = { reference: 'Practitioner/practitioner-mads', display: 'Mads Madsen' };
const team: fhir4.CareTeam = { resourceType: 'CareTeam', id: 'hjerte-nord', status: 'active', participant: [{ member: hanne }, { member: { reference: 'Organization/x' } }] };

describe('care teams', () => {
  it('finds the teams of a citizen’s plans and episodes, each once, open ones first', () => {
    const plan = (status: fhir4.CarePlan['status'], teams: string[]): fhir4.CarePlan => ({ resourceType: 'CarePlan', status, intent: 'plan', subject: { reference: 'Patient/p' }, careTeam: teams.map((reference) => ({ reference })) });
    expect(careTeamsOf([plan('revoked', ['CareTeam/c']), plan('active', ['CareTeam/a', 'CareTeam/b']), plan('active', ['CareTeam/a'])]), 'open plans first').to.deep.equal(['CareTeam/a', 'CareTeam/b', 'CareTeam/c']);
    const episode = (status: fhir4.EpisodeOfCare['status'], team: string): fhir4.EpisodeOfCare => ({ resourceType: 'EpisodeOfCare', status, patient: { reference: 'Patient/p' }, team: [{ reference: team }] });
    expect(careTeamsOf([plan('completed', ['CareTeam/c'])], [episode('finished', 'CareTeam/e'), episode('active', 'CareTeam/d')]), 'episodes too, open first').to.deep.equal(['CareTeam/d', 'CareTeam/c', 'CareTeam/e']);
  });

  it('adds and removes staff, and lists only staff as members', () => {
    expect(teamMembers(team)).to.deep.equal([hanne]);
    const added = withTeamMember(team, mads);
    expect(teamMembers(added)).to.deep.equal([hanne, mads]);
    expect(added.participant!.at(-1)!.role, 'FUT wants a role on every participant').to.have.length(1);
    expect(withTeamMember(added, { reference: 'Practitioner/practitioner-mads' }), 'no duplicate').to.equal(added);
    expect(teamMembers(withoutTeamMember(added, hanne))).to.deep.equal([mads]);
    expect(withoutTeamMember(added, hanne).participant, 'other participants stay').to.deep.include({ member: { reference: 'Organization/x' } });
  });
});
