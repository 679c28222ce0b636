// What the SMART app checks before and after a launch: that the FHIR server (`iss`) is one it is
// configured for (a foreign `iss` would send the user's browser, with our client id and redirect URI, to
// another server's log-in page), and that the CPR it was handed is not kept in browser storage once the
// citizen is found.
import { CPR_SYSTEM } from '../cpr/cpr.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A FHIR base URL in the form it is compared in: lower-case scheme and host, no default port, no dot
 * segments, no trailing slash (the path keeps its case). Undefined for anything that is not a plain absolute URL: https, or http on loopback only; no
 * user name or password, query or fragment.
 */
export function normaliseFhirBase(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.username || u.password || u.search || u.hash || /[?#]/.test(url)) return undefined;
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return undefined;
  // URL has lower-cased scheme and host, dropped a default port and resolved dot segments already.
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** The entry in a list of allowed servers that stands for `<this app's origin>/fhir`. */
export const SAME_ORIGIN_FHIR = 'same-origin';

/**
 * Whether the app may launch against `iss`: it must equal one of the allowed FHIR bases exactly (after
 * normalising; no prefix matching, so `https://fhir.example.dk/fhir` does not allow
 * `https://fhir.example.dk/fhir.evil` or `…/fhir/../other`). `same-origin` in the list allows
 * `<origin>/fhir`.
 */
export function isAllowedFhirServer(iss: string | null | undefined, allowed: readonly string[], origin?: string): boolean {
  const wanted = normaliseFhirBase(iss);
  if (!wanted) return false;
  return allowed.some((entry) => normaliseFhirBase(entry === SAME_ORIGIN_FHIR && origin ? `${origin}/fhir` : entry) === wanted);
}

interface ContextItem {
  role?: string;
  identifier?: { system?: string; value?: string };
}

/**
 * A token response without the CPR: every `fhirContext` item that carries a CPR identifier (or has the
 * CPR-context role) is dropped. When the citizen was found by that CPR, `patient` is set to their Patient
 * id, so a reload finds them again without it.
 */
export function withoutCpr<T extends { patient?: string; fhirContext?: unknown }>(tokenResponse: T, cprRole: string, patientId?: string): T {
  const items = Array.isArray(tokenResponse.fhirContext) ? (tokenResponse.fhirContext as ContextItem[]) : undefined;
  const kept = items?.filter((i) => i?.role !== cprRole && i?.identifier?.system !== CPR_SYSTEM);
  const out: T = { ...tokenResponse };
  if (items) {
    if (kept!.length) out.fhirContext = kept;
    else delete out.fhirContext;
  }
  if (patientId && !out.patient) out.patient = patientId;
  return out;
}
