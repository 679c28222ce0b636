import { expect } from '@open-wc/testing';
import { careTeamsOf, teamMembers, withTeamMember, withoutTeamMember } from './care-team.js';

const hanne = { reference: 'Practitioner/practitioner-hanne', display: 'Hanne Holm' };
const mads = { reference: 'Practitioner/practitioner-mads', display: 'Mads Madsen' };
const team: fhir4.CareTeam = { resourceType: 'CareTeam', id: 'hjerte-nord', status: 'active', participant: [{ member: hanne }, { member: { reference: 'Organization/x' } }] };

describe('care teams', () => {
  it('finds the teams of a citizen’s open plans, each once', () => {
    const plan = (status: fhir4.CarePlan['status'], teams: string[]): fhir4.CarePlan => ({ resourceType: 'CarePlan', status, intent: 'plan', subject: { reference: 'Patient/p' }, careTeam: teams.map((reference) => ({ reference })) });
    expect(careTeamsOf([plan('active', ['CareTeam/a', 'CareTeam/b']), plan('active', ['CareTeam/a']), plan('revoked', ['CareTeam/c'])])).to.deep.equal(['CareTeam/a', 'CareTeam/b']);
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
