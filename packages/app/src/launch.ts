// EHR launch: the EOJ opens launch.html?iss=…&launch=…; we go on to the authorization server, but only
// for a FHIR server the app is configured for (a foreign iss would take the user, with our client id and
// redirect URI, to someone else's log-in page).
import FHIR from 'fhirclient';
import '@kpro/elements/all.js';
import { isAllowedFhirServer } from '@kpro/core';
import { allowedFhirServers, EHR_CLIENT_ID, EHR_SCOPES } from './config.js';

const params = new URLSearchParams(location.search);
const app = document.querySelector('kpro-app')!;

if (!params.get('iss') || !params.get('launch')) {
  // Opened directly: nobody to authorise against. Say what to do instead of a blank page.
  app.failure = 'no-launch';
} else if (!isAllowedFhirServer(params.get('iss'), allowedFhirServers(), location.origin)) {
  app.failure = 'unknown-server';
} else {
  // fhirclient reads iss and launch from the URL itself; PKCE S256 is required by our servers.
  FHIR.oauth2
    .authorize({ clientId: EHR_CLIENT_ID, scope: EHR_SCOPES, redirectUri: './', pkceMode: 'required', completeInTarget: true })
    .catch(() => (app.failure = 'server-down'));
}
