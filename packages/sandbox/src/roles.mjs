// Who can log in, and what each role may do. The seed creates these Practitioners; the authorization
// server narrows requested SMART scopes to these permissions (resource type or '*' -> c/r/u/d/s).

// AuditEvent is none of them: the FHIR server writes the audit, no client may (fhir-audit.mjs).
const CLINICAL_WRITE = ['QuestionnaireResponse', 'CarePlan', 'ServiceRequest', 'Task', 'ClinicalImpression'];

export const PRACTITIONERS = [
  {
    id: 'practitioner-hanne',
    title: 'Sygeplejerske',
    given: 'Hanne',
    family: 'Holm',
    roleCode: 'clinicalViewer',
    roleText: 'Læseadgang (klinisk)',
    // Read-only clinical access. Her look-ups reach MinLog all the same: the FHIR server audits every read.
    permissions: { '*': 'rs' },
  },
  {
    id: 'practitioner-mads',
    title: 'Terapeut',
    given: 'Mads',
    family: 'Madsen',
    roleCode: 'monitoring_adjuster',
    roleText: 'Tildeler planer og indtaster besvarelser',
    // CareTeam u: the members of a team change who is in it (fhir-worklist.mjs).
    permissions: { '*': 'rs', ...Object.fromEntries(CLINICAL_WRITE.map((t) => [t, 'cruds'])), CareTeam: 'rsu' },
  },
];

/** A citizen using the standalone launch on their own behalf: read their data, answer questionnaires. */
export const CITIZEN_PERMISSIONS = { '*': 'rs', QuestionnaireResponse: 'crus' };

/** @param {string} id */
export function practitionerById(id) {
  return PRACTITIONERS.find((p) => p.id === id);
}

/** @param {{ title: string, given: string, family: string }} p */
export function practitionerLabel(p) {
  return `${p.title} ${p.given} ${p.family}`;
}
