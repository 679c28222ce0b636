// The app page the authorization server redirects back to: finish the SMART launch, then start <kpro-app>.
import FHIR from 'fhirclient';
import '@kpro/elements/all.js';
import { newCorrelationId, restDataSource, type LaunchFailure } from '@kpro/core';
import type { AppIntent } from '@kpro/elements';
import { CPR_CONTEXT_ROLE } from './config.js';
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

async function start(): Promise<void> {
  if (params.get('error')) return fail(params.get('error') === 'access_denied' ? 'consent-denied' : 'unknown');
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

  const fhir = restDataSource(client.state.serverUrl, {
    token: () => client.state.tokenResponse?.access_token,
    // An expired token: refresh once, then let the app show the "log in again" screen.
    onUnauthorized: async () => {
      try {
        await client.refresh();
        return true;
      } catch {
        return false;
      }
    },
  });

  let correlationId = sessionStorage.getItem('kpro-correlation-id');
  if (!correlationId) {
    correlationId = newCorrelationId();
    sessionStorage.setItem('kpro-correlation-id', correlationId);
  }

  // The language the EHR launched us in: the token response's `locale` (our convention, see the README) or
  // the OIDC `locale` claim of the user; the app's own switch changes it afterwards.
  const locale = (client.getState('tokenResponse.locale') as string | undefined) ?? (client.getIdToken()?.locale as string | undefined);
  const lang = locale?.toLowerCase().split(/[-_]/)[0];
  if (lang === 'da' || lang === 'en') app.lang = lang;

  const styleUrl = client.getState('tokenResponse.smart_style_url') as string | undefined;
  if (styleUrl) void applySmartStyle(app, styleUrl);

  const fhirUser = client.getFhirUser();
  const intent = (client.getState('tokenResponse.intent') as string | undefined) ?? (params.get('view') === 'citizen' || fhirUser?.startsWith('Patient/') ? 'citizen' : 'answers');
  app.correlationId = correlationId;
  app.clientId = client.state.clientId;
  app.scopes = String(token.scope ?? '');
  app.intent = (['answers', 'plans', 'answer-on-behalf', 'citizen'].includes(intent) ? intent : 'answers') as AppIntent;
  app.needPatientBanner = client.getState('tokenResponse.need_patient_banner') === true;
  app.user = fhirUser ? { reference: fhirUser } : undefined;
  // The citizen: the token's patient, or the CPR identifier the EOJ put in fhirContext.
  if (client.patient.id) app.patientId = client.patient.id;
  else if (cprItem) app.cpr = cprItem.identifier!.value;
  app.fhir = fhir;
  if (!client.patient.id && !cprItem) fail('citizen-not-found');
}

void start();
