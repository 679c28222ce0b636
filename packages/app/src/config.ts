/**
 * What the app asks an authorization server for, and which servers it may ask. An EOJ vendor registers
 * these (see the README): client id `kpro-app`, redirect URI = this app's folder, and the scopes below;
 * the server grants each user what their role allows (a read-only user gets only the `.rs` part).
 */
import { SAME_ORIGIN_FHIR } from '@kpro/core';

export const EHR_CLIENT_ID = 'kpro-app';
export const CITIZEN_CLIENT_ID = 'kpro-citizen';

/**
 * No AuditEvent scope: the FHIR server writes the audit (MinLog) itself. `user/` only for definitions
 * and the directory the plan assigner lists; everything about the citizen goes through `patient/`.
 */
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
  // Staff on care teams (the Team view; granted with write only to roles that may change teams).
  'user/CareTeam.rsu',
  'user/Practitioner.rs',
  // The task overview (intent tasks, no citizen): the user's teams' tasks and the citizens' names, nothing more
  // (the server narrows them; it grants these only in a tasks launch).
  'user/Task.rus',
  'user/Patient.rs',
].join(' ');

export const CITIZEN_SCOPES = ['launch/patient', 'openid', 'fhirUser', 'online_access', 'patient/*.rs', 'patient/QuestionnaireResponse.cru', 'user/Questionnaire.rs'].join(' ');

/** The role URI on a `fhirContext` item that carries the citizen's CPR identifier (our convention). */
export const CPR_CONTEXT_ROLE = 'https://kpro.example.dk/fhir/smart-role/cpr-context';

/**
 * The FHIR servers (base URLs) the app may be launched against; any other `iss` is refused before any
 * redirect. The deploying vendor sets them here before building, or without a build in the pages
 * (launch.html, citizen.html): `<meta name="kpro-fhir-servers" content="https://fhir.kommune.dk/fhir …">`.
 * `same-origin` means `<the app's own origin>/fhir`: the sandbox, which serves the app and FHIR together.
 */
export const ALLOWED_FHIR_SERVERS: readonly string[] = [SAME_ORIGIN_FHIR];

/** The allowed servers for this page: its meta tag when it has one, else ALLOWED_FHIR_SERVERS. */
export function allowedFhirServers(doc: Document = document): readonly string[] {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="kpro-fhir-servers"]')?.content.trim();
  return meta ? meta.split(/\s+/) : ALLOWED_FHIR_SERVERS;
}
