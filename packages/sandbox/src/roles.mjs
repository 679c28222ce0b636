// Who can log in, and what each role may do. The seed creates these Practitioners; the authorization
// server narrows requested SMART scopes to these permissions (resource type or '*' -> c/r/u/d/s).

const CLINICAL_WRITE = ['QuestionnaireResponse', 'CarePlan', 'ServiceRequest', 'Task', 'AuditEvent', 'ClinicalImpression'];

export const PRACTITIONERS = [
  {
    id: 'practitioner-hanne',
    title: 'Sygeplejerske',
    given: 'Hanne',
    family: 'Holm',
    roleCode: 'clinicalViewer',
    roleText: 'Læseadgang (klinisk)',
    // Read-only clinical access. AuditEvent.c is the one exception: the app must log her look-up of a
    // citizen (MinLog), and a read-only user who cannot leave an audit trail would break that rule.
    permissions: { '*': 'rs', AuditEvent: 'c' },
  },
  {
    id: 'practitioner-mads',
    title: 'Terapeut',
    given: 'Mads',
    family: 'Madsen',
    roleCode: 'monitoring_adjuster',
    roleText: 'Tildeler planer og indtaster besvarelser',
    permissions: { '*': 'rs', ...Object.fromEntries(CLINICAL_WRITE.map((t) => [t, 'cruds'])) },
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
