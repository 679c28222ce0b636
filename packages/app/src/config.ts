/**
 * What the app asks an authorization server for. An EOJ vendor registers these (see the README):
 * client id `kpro-app`, redirect URI = this app's folder, and the scopes below; the server grants
 * each user what their role allows (a read-only user gets only the `.rs` part).
 */
export const EHR_CLIENT_ID = 'kpro-app';
export const CITIZEN_CLIENT_ID = 'kpro-citizen';

export const EHR_SCOPES = [
  'launch',
  'openid',
  'fhirUser',
  'online_access',
  'patient/*.rs',
  'patient/QuestionnaireResponse.cru',
  'patient/CarePlan.cru',
  'patient/ServiceRequest.cru',
  'patient/Task.cru',
  'patient/ClinicalImpression.cru',
  'user/Questionnaire.rs',
  'user/PlanDefinition.rs',
  'user/ActivityDefinition.rs',
  'user/Basic.rs',
  'user/CareTeam.rs',
  'user/Practitioner.rs',
].join(' ');

export const CITIZEN_SCOPES = ['launch/patient', 'openid', 'fhirUser', 'online_access', 'patient/*.rs', 'patient/QuestionnaireResponse.cru', 'user/Questionnaire.rs'].join(' ');

/** The role URI on a `fhirContext` item that carries the citizen's CPR identifier (our convention). */
export const CPR_CONTEXT_ROLE = 'https://kpro.example.dk/fhir/smart-role/cpr-context';
