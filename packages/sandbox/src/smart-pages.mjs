// Pages the authorization server shows: consent (Approve / Deny), the citizen's log-in with a
// patient picker (standalone launch) and errors. Danish, like the EOJ around them.
import { describeScopes } from '@kpro/core';
import { escapeHtml } from './http-util.mjs';
import { layout } from './page-layout.mjs';
import { practitionerLabel } from './roles.mjs';

/**
 * What the app may do, in words (core's describeScopes), for the clinician or the citizen who approves;
 * the exact scopes stay one click away for developers.
 * @param {string} scopes @param {'clinician'|'citizen'} audience
 */
const scopeList = (scopes, audience) =>
  `<ul class="scopes" data-testid="scope-words">${describeScopes(scopes, 'da', audience)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('')}</ul>
  <details class="muted"><summary>Tekniske detaljer: de præcise adgangsrettigheder (scopes)</summary><code>${escapeHtml(String(scopes ?? ''))}</code></details>`;

const buttons = (uid) => `
<div class="row">
  <button class="primary" type="submit" formaction="/oidc/interaction/${escapeHtml(uid)}/confirm" data-testid="consent-approve">Godkend</button>
  <button class="danger" type="submit" formaction="/oidc/interaction/${escapeHtml(uid)}/abort" formnovalidate data-testid="consent-deny">Afvis</button>
</div>`;

/**
 * Shown for an EHR launch with simulate=consent.
 * @param {{ uid: string, clientId: string, scopes: string, who: any, launch: any }} p
 */
export function consentPage({ uid, clientId, scopes, who }) {
  return layout({
    title: 'Samtykke',
    body: `<h1>Samtykke til PRO-appen</h1>
<form method="post" class="panel" data-testid="consent-form">
  <p><strong>${escapeHtml(practitionerLabel(who))}</strong> åbner <code>${escapeHtml(clientId)}</code>, som får lov til at:</p>
  ${scopeList(scopes, 'clinician')}
  <p class="muted">Dette trin vises kun, fordi EOJ blev bedt om at simulere samtykke. Vælg "Afvis" for at teste appens skærm for afvist samtykke.</p>
  ${buttons(uid)}
</form>`,
  });
}

/**
 * Standalone launch: the citizen picks who they are (a stand-in for MitID) and approves.
 * @param {{ uid: string, clientId: string, scopes: string, patients: any[], error?: boolean }} p
 */
export function patientPickerPage({ uid, clientId, scopes, patients, error }) {
  const rows = patients
    .map((p, i) => {
      const name = p.name?.[0];
      const label = name ? [...(name.given ?? []), name.family].join(' ') : p.id;
      return `<tr class="citizen"><td><label><input type="radio" name="patient" value="${escapeHtml(p.id)}" data-testid="pick-patient-${escapeHtml(p.id)}"${i === 0 ? ' required' : ''}> ${escapeHtml(label)}</label></td><td>${escapeHtml(p.birthDate ?? '')}</td></tr>`;
    })
    .join('');
  return layout({
    title: 'Log ind som borger',
    body: `<h1>Log ind som borger (simuleret MitID)</h1>
<form method="post" class="panel" data-testid="patient-picker">
  ${error ? '<p class="error">Vælg en borger.</p>' : ''}
  <p>Appen <code>${escapeHtml(clientId)}</code> beder om lov til at:</p>
  ${scopeList(scopes, 'citizen')}
  <table><thead><tr><th>Borger</th><th>Fødselsdato</th></tr></thead><tbody>${rows}</tbody></table>
  <p class="muted">Alle borgere er fiktive testpersoner.</p>
  ${buttons(uid)}
</form>`,
  });
}

/** @param {string} code @param {string} [description] */
export function errorPage(code, description) {
  return layout({
    title: 'Fejl ved log-ind',
    body: `<h1>Log-ind mislykkedes</h1>
<div class="panel" data-testid="auth-error"><p class="error"><code>${escapeHtml(code)}</code></p><p>${escapeHtml(description ?? '')}</p>
<p class="muted">Luk appen og åbn den igen fra EOJ.</p></div>`,
  });
}
