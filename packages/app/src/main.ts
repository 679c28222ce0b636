// The app page the authorization server redirects back to: finish the SMART launch, then start <kpro-app>.
import FHIR from 'fhirclient';
import '@kpro/elements/all.js';
import { restDataSource, type LaunchFailure } from '@kpro/core';
import type { AppIntent } from '@kpro/elements';
import { CPR_CONTEXT_ROLE } from './config.js';
import { forgetCpr, forgetOldAuditMarks } from './smart-storage.js';
import { applySmartStyle } from './smart-style.js';

FHIR.oauth2.settings.refreshTokenWithClientId = true;

const app = document.querySelector('kpro-app')!;
const params = new URLSearchParams(location.search);

interface FhirContextItem {
  reference?: string;
  type?: string;
  role?: string;
  identifier?: { system?: string; value?: string };
}

function fail(code: LaunchFailure): void {
  app.failure = code;
}

/** The screen for an error the authorization server sent back instead of a code. */
function failureOfAuthorizationError(error: string, description: string): LaunchFailure {
  if (error === 'access_denied') return 'consent-denied';
  // A launch id is single-use, short-lived and bound to the EOJ session: a reload of the EOJ page, an old
  // link or a forged id ends here, and the way on is to open the citizen again from the EOJ.
  if (error === 'invalid_request' && /\blaunch\b/i.test(description)) return 'launch-expired';
  return 'unknown';
}

async function start(): Promise<void> {
  const error = params.get('error');
  if (error) return fail(failureOfAuthorizationError(error, params.get('error_description') ?? ''));
  let client: Awaited<ReturnType<typeof FHIR.oauth2.ready>>;
  try {
    client = await FHIR.oauth2.ready();
  } catch (e) {
    // No stored state: the page was opened without a launch (or the session is gone).
    return fail(/state/i.test(String((e as Error).message)) ? 'no-launch' : 'token-refused');
  }
  const token = client.state.tokenResponse ?? {};
  const fhirContext = (client.getState('tokenResponse.fhirContext') as FhirContextItem[] | undefined) ?? [];
  const cprItem = fhirContext.find((c) => c.role === CPR_CONTEXT_ROLE && c.identifier?.value);
  forgetOldAuditMarks();
  // The CPR stays in browser storage only until the citizen is found: at once when the token names them.
  let patientId = client.patient.id ?? undefined;
  if (patientId) forgetCpr(client);
  app.addEventListener('kpro-patient-open', (e) => {
    patientId = e.detail.patientId;
    forgetCpr(client, patientId);
  });

  const fhir = restDataSource(client.state.serverUrl, {
    token: () => client.state.tokenResponse?.access_token,
    // An expired token: refresh once, then let the app show the "log in again" screen.
    onUnauthorized: async () => {
      try {
        await client.refresh();
        forgetCpr(client, patientId); // the refreshed token response carries the launch context again
        return true;
      } catch {
        return false;
      }
    },
  });

  // The language the EHR launched us in: the token response's `locale` (our convention, see the README) or
  // the OIDC `locale` claim of the user; the app's own switch changes it afterwards.
  const locale = (client.getState('tokenResponse.locale') as string | undefined) ?? (client.getIdToken()?.locale as string | undefined);
  const lang = locale?.toLowerCase().split(/[-_]/)[0];
  if (lang === 'da' || lang === 'en') app.lang = lang;

  const styleUrl = client.getState('tokenResponse.smart_style_url') as string | undefined;
  if (styleUrl) void applySmartStyle(app, styleUrl);

  const fhirUser = client.getFhirUser();
  const intent = (client.getState('tokenResponse.intent') as string | undefined) ?? (params.get('view') === 'citizen' || fhirUser?.startsWith('Patient/') ? 'citizen' : 'answers');
  app.clientId = client.state.clientId;
  app.scopes = String(token.scope ?? '');
  app.intent = (['answers', 'plans', 'answer-on-behalf', 'citizen', 'tasks'].includes(intent) ? intent : 'answers') as AppIntent;
  // SMART Web Messaging: how the app asks the EHR to open a citizen (the task overview's "Åbn borger").
  const wmOrigin = client.getState('tokenResponse.smart_web_messaging_origin') as string | undefined;
  const wmHandle = client.getState('tokenResponse.smart_web_messaging_handle') as string | undefined;
  if (wmOrigin && wmHandle) app.webMessaging = { origin: wmOrigin, handle: wmHandle };
  app.needPatientBanner = client.getState('tokenResponse.need_patient_banner') === true;
  app.user = fhirUser ? { reference: fhirUser } : undefined;
  // The citizen: the token's patient, or the CPR identifier the EOJ put in fhirContext.
  if (client.patient.id) app.patientId = client.patient.id;
  else if (cprItem) app.cpr = cprItem.identifier!.value;
  app.fhir = fhir;
  // The task overview is launched without a citizen on purpose; every other view needs one.
  if (!client.patient.id && !cprItem && app.intent !== 'tasks') fail('citizen-not-found');
}

void start();
