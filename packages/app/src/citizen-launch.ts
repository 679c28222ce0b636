// Standalone launch for the citizen's own use: citizen.html?iss=<FHIR base> (no EHR around it), only
// against a FHIR server the app is configured for.
import FHIR from 'fhirclient';
import '@kpro/elements/all.js';
import { isAllowedFhirServer } from '@kpro/core';
import { allowedFhirServers, CITIZEN_CLIENT_ID, CITIZEN_SCOPES } from './config.js';

const iss = new URLSearchParams(location.search).get('iss');
const app = document.querySelector('kpro-app')!;
if (!iss) app.failure = 'no-launch';
else if (!isAllowedFhirServer(iss, allowedFhirServers(), location.origin)) app.failure = 'unknown-server';
else {
  FHIR.oauth2
    .authorize({ iss, clientId: CITIZEN_CLIENT_ID, scope: CITIZEN_SCOPES, redirectUri: './?view=citizen', pkceMode: 'required' })
    .catch(() => (app.failure = 'server-down'));
}
