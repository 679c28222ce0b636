// The municipality's staff and care teams in the seed. The two clinicians who log in to the EOJ
// (roles.mjs) are in some teams and not in others, so each sees a different task overview: Mads in
// Hjerterehabilitering Nord and Rehabiliteringsteamet, Hanne in Rehabiliteringsteamet and Diabetesteam Syd;
// nobody who logs in is in Genoptræning Øst. Staff who never log in fill the teams out.
import { PRACTITIONERS } from './roles.mjs';

export const ORGANIZATION_ID = 'testkommune';
/** FUT's care team participant roles (shared/reference/danish-fhir.md). */
export const PARTICIPANT_ROLE_SYSTEM = 'http://ehealth.sundhed.dk/cs/careteam-participant-role';

/** Staff in the directory and the teams, without a log-in of their own. */
export const STAFF = [
  { id: 'practitioner-lone', title: 'Sygeplejerske', given: 'Lone', family: 'Lund', roleCode: 'monitoringAssistor', roleText: 'Følger op på besvarelser' },
  { id: 'practitioner-soeren', title: 'Fysioterapeut', given: 'Søren', family: 'Skov', roleCode: 'monitoring_adjuster', roleText: 'Tildeler planer og indtaster besvarelser' },
  { id: 'practitioner-anne', title: 'Diætist', given: 'Anne', family: 'Ager', roleCode: 'monitoringAssistor', roleText: 'Følger op på besvarelser' },
  { id: 'practitioner-karim', title: 'Ergoterapeut', given: 'Karim', family: 'Khan', roleCode: 'careteamAdministrator', roleText: 'Administrerer teamet' },
];

export const CARE_TEAMS = [
  { id: 'rehabiliteringsteam', name: 'Rehabiliteringsteamet, Testkommune', reason: 'Rehabilitering efter sygdom', members: ['practitioner-karim', 'practitioner-mads', 'practitioner-hanne'] },
  { id: 'hjerterehabilitering-nord', name: 'Hjerterehabilitering Nord', reason: 'Iskæmisk hjertesygdom', members: ['practitioner-mads', 'practitioner-lone', 'practitioner-soeren'] },
  { id: 'diabetesteam-syd', name: 'Diabetesteam Syd', reason: 'Type 2-diabetes', members: ['practitioner-anne', 'practitioner-hanne'] },
  { id: 'genoptraening-oest', name: 'Genoptræning Øst', reason: 'Genoptræning efter hospitalsophold', members: ['practitioner-soeren', 'practitioner-karim'] },
];

const EVERYONE = [...PRACTITIONERS, ...STAFF];
const ref = (type, id, display) => ({ reference: `${type}/${id}`, ...(display ? { display } : {}) });
const label = (p) => `${p.title} ${p.given} ${p.family}`;
const roleOf = (p) => ({ coding: [{ system: PARTICIPANT_ROLE_SYSTEM, code: p.roleCode }], text: p.roleText });

/** A team's reference with its name. @param {string} id */
export function teamRef(id) {
  return ref('CareTeam', id, CARE_TEAMS.find((t) => t.id === id)?.name);
}

/** The person (login clinician or staff) with a Practitioner id. @param {string} id */
export function staffMember(id) {
  return EVERYONE.find((p) => p.id === id);
}

/** A team member as a Reference (an owner, a note's author). @param {string} id */
export function practitionerRef(id) {
  const p = staffMember(id);
  return ref('Practitioner', id, p ? label(p) : undefined);
}

/**
 * Organization, every Practitioner with a PractitionerRole, and the CareTeams (FUT ehealth-careteam:
 * name, status, participant role and member, reasonCode; no subject: teams are not per citizen).
 * @param {(resource: any) => any} tagged
 */
export function organizationAndStaff(tagged) {
  const org = ref('Organization', ORGANIZATION_ID, 'Testkommune');
  const organization = tagged({
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'govt', display: 'Government' }] }],
    name: 'Testkommune',
    alias: ['Sundhed og Omsorg, Testkommune (fiktiv)'],
    address: [{ line: ['Rådhuspladsen 1'], postalCode: '9999', city: 'Testby', country: 'DK' }],
  });
  const practitioners = EVERYONE.map((p) =>
    tagged({
      resourceType: 'Practitioner',
      id: p.id,
      active: true,
      name: [{ use: 'official', text: `${p.given} ${p.family}`, family: p.family, given: [p.given], prefix: [p.title] }],
      qualification: [{ code: { text: p.title } }],
    }),
  );
  const roles = EVERYONE.map((p) =>
    tagged({
      resourceType: 'PractitionerRole',
      id: `${p.id}-role`,
      active: true,
      practitioner: ref('Practitioner', p.id, label(p)),
      organization: org,
      code: [roleOf(p)],
      specialty: [{ text: p.title }],
    }),
  );
  const teams = CARE_TEAMS.map((t) =>
    tagged({
      resourceType: 'CareTeam',
      id: t.id,
      status: 'active',
      name: t.name,
      reasonCode: [{ text: t.reason }],
      managingOrganization: [org],
      participant: t.members.map((id) => {
        const p = staffMember(id);
        return { role: [roleOf(p)], member: ref('Practitioner', id, label(p)) };
      }),
    }),
  );
  return [organization, ...practitioners, ...roles, ...teams];
}
