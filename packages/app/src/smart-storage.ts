// What stays in the browser after a launch. fhirclient keeps its whole state in the tab's sessionStorage
// (the key named by `SMART_KEY`): the server URL, the client id and the token response, with the access
// token, the refresh token and, from an EOJ that only knows the citizen's CPR, the CPR in `fhirContext`.
// It needs the tokens there so that a reload of the app continues the same launch (same token, same
// correlation id, no second look-up in MinLog); sessionStorage ends with the tab and is not shared with
// other tabs, so the tokens live no longer than the tab that uses them. The CPR is needed only until the
// citizen is found: after that it is removed from the stored state, and the Patient id kept instead.
import type FHIR from 'fhirclient';
import { withoutCpr } from '@kpro/core';
import { CPR_CONTEXT_ROLE } from './config.js';

type Client = Awaited<ReturnType<typeof FHIR.oauth2.ready>>;

/** Removes the CPR from fhirclient's state in memory and in sessionStorage (after a refresh too). */
export function forgetCpr(client: Client, patientId?: string): void {
  const state = client.state;
  state.tokenResponse = withoutCpr(state.tokenResponse ?? {}, CPR_CONTEXT_ROLE, patientId);
  if (state.key) sessionStorage.setItem(state.key, JSON.stringify(state));
}

/** What earlier versions kept per tab for the app-written audit, which the FHIR server now does itself. */
export function forgetOldAuditMarks(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key === 'kpro-correlation-id' || key.startsWith('kpro-audit:')) sessionStorage.removeItem(key);
  }
}
