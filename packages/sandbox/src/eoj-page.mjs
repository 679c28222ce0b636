// The simulated EOJ (the municipality's EHR): a citizen list, the logged-in clinician, an intent and
// a failure to simulate, and "Åbn PRO", which creates an EHR launch on the server and opens the app
// in an iframe with only `iss` and the opaque `launch` id in its URL. The CPR is shown on the page
// (this is the EHR) and goes to the app inside the token response, never in a URL.
// The EOJ has a browser session (a cookie): a launch belongs to the session that created it, and the
// authorization server accepts it only from that session.
import { ageOn, formatDate, lookUpsOf, patientIdOf } from '@kpro/core';
import { formatCpr, CPR_SYSTEM } from './cpr.mjs';
import { escapeHtml, parseCookies, parseForm, readBody, redirect, sendHtml, sendJson } from './http-util.mjs';
import { randomId } from './launches.mjs';
import { EOJ_STYLE, layout } from './page-layout.mjs';
import { PRACTITIONERS, practitionerById, practitionerLabel } from './roles.mjs';
import { UNKNOWN_CITIZEN } from './seed.mjs';
import { teamsOf } from './fhir-worklist.mjs';

export const INTENTS = [
  { code: 'answers', label: 'Besvarelser' },
  { code: 'plans', label: 'Planer' },
  { code: 'answer-on-behalf', label: 'Besvar på borgers vegne' },
  // No citizen: the clinician's task overview across the citizens of her care teams.
  { code: 'tasks', label: 'Opgaver (uden borger)' },
];
/** What the task overview may ask the EOJ to open a citizen in (ui.launchActivity, kpro-open-patient). */
const OPEN_PATIENT_INTENTS = ['answers', 'plans', 'answer-on-behalf'];

/** The EOJ user's language: the launch passes it on, and the app starts in it. */
export const LOCALES = [
  { code: 'da', label: 'Dansk' },
  { code: 'en', label: 'English' },
];

export const SIMULATIONS = [
  { code: 'none', label: 'Ingen' },
  { code: 'consent', label: 'Samtykke vises (kan afvises)' },
  { code: 'expired', label: 'Udløbet token' },
  { code: 'unknown', label: 'Ukendt borger' },
  { code: 'fhir-down', label: 'FHIR-server nede' },
];


/**
 * The EOJ listens to the app in its frame, as SMART Web Messaging has it: `ui.launchActivity` with
 * activityType `kpro-open-patient` and `activityParameters.patient` (`Patient/<id>`, optionally `intent`)
 * opens that citizen in a new launch for the same user, replacing this page (and its frame). Only
 * messages from the frame itself on this origin, with this launch's `messagingHandle` (the token
 * response's smart_web_messaging_handle), count; the app gets a response (status success or failure)
 * before the page is replaced.
 */
const OPEN_PATIENT_SCRIPT = `<script>
(() => {
  const frame = document.getElementById('pro-frame');
  const error = document.querySelector('[data-testid=open-patient-error]');
  window.addEventListener('message', async (event) => {
    if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
    const m = event.data;
    if (!m || typeof m !== 'object' || m.messageType !== 'ui.launchActivity' || m.messagingHandle !== frame.dataset.messagingHandle) return;
    const payload = m.payload && typeof m.payload === 'object' ? m.payload : {};
    if (payload.activityType !== 'kpro-open-patient') return;
    const parameters = payload.activityParameters && typeof payload.activityParameters === 'object' ? payload.activityParameters : {};
    const reply = (status, text) => event.source.postMessage({ messageId: String(Date.now()), responseToMessageId: m.messageId, additionalResponsesExpected: false, payload: { status, ...(text ? { statusDetail: { text } } : {}) } }, event.origin);
    let answer;
    try {
      const res = await fetch('/eoj/open-patient', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: frame.dataset.launchId, handle: m.messagingHandle, patient: parameters.patient, intent: parameters.intent }) });
      answer = { ok: res.ok, body: await res.json().catch(() => ({})) };
    } catch {
      answer = { ok: false, body: { error: 'EOJ kunne ikke nås' } };
    }
    if (!answer.ok) {
      reply('failure', answer.body.error);
      error.textContent = 'Borgeren kunne ikke åbnes: ' + (answer.body.error || 'ukendt fejl');
      error.hidden = false;
      return;
    }
    reply('success');
    location.assign(answer.body.session);
  });
})();
</script>`;

/** The EOJ's session cookie (HttpOnly: no script reads it; SameSite=Lax: the app's frame is same-site). */
export const EOJ_SESSION_COOKIE = 'kpro_eoj_session';

/** @param {import('node:http').IncomingMessage} req */
export function eojSessionOf(req) {
  const value = parseCookies(req)[EOJ_SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : undefined;
}

/** The session of this browser, started (cookie set on the answer) when it has none. */
function ensureSession(req, res) {
  const existing = eojSessionOf(req);
  if (existing) return existing;
  const id = randomId();
  res.setHeader('set-cookie', `${EOJ_SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
  return id;
}

const nameOf = (p) => p.name?.[0]?.text ?? [...(p.name?.[0]?.given ?? []), p.name?.[0]?.family].join(' ');
const cprOf = (p) => p.identifier?.find((i) => i.system === CPR_SYSTEM)?.value ?? '';
const options = (list, selected) =>
  list.map((o) => `<option value="${escapeHtml(o.code)}"${o.code === selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('');

/**
 * @param {{
 *   repo: import('./fhir-repository.mjs').SandboxRepository,
 *   launches: ReturnType<import('./launches.mjs').createLaunchStore>,
 * }} deps
 */
export function createEojPages({ repo, launches }) {
  async function citizens() {
    const bundle = await repo.search({ resourceType: 'Patient', sortRules: [{ code: 'family' }] });
    return (bundle.entry ?? []).map((e) => e.resource);
  }

  async function home(req, res, { error, practitioner = PRACTITIONERS[0].id, intent = 'answers', simulate = 'none', locale = 'da' } = {}) {
    const list = await citizens();
    const rows = list
      .map((p, i) => {
        const id = escapeHtml(p.id);
        return `<tr class="citizen" data-testid="citizen-${id}" data-patient-id="${id}">
  <td><input type="radio" name="patient" value="${id}" id="patient-${id}" aria-label="Vælg ${escapeHtml(nameOf(p))}"${i === 0 ? ' checked' : ''}></td>
  <td><label for="patient-${id}">${escapeHtml(nameOf(p))}</label></td>
  <td class="cpr">${escapeHtml(formatCpr(cprOf(p)))}</td>
  <td>${p.birthDate ? ageOn(p.birthDate) : ''} år</td>
  <td><a href="/eoj/minlog/${id}" data-testid="minlog-${id}">MinLog</a></td>
</tr>`;
      })
      .join('\n');
    const practitionerOptions = PRACTITIONERS.map((p) => ({ code: p.id, label: `${practitionerLabel(p)} (${p.roleText.toLowerCase()})` }));
    const body = `<h1>Borgere</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/eoj/launch" id="launch-form">
<div class="panel">
  <div class="row">
    <label class="field">Logget ind som
      <select name="practitioner" data-testid="practitioner-select">${options(practitionerOptions, practitioner)}</select>
    </label>
    <label class="field">Åbn PRO med
      <select name="intent" data-testid="intent-select">${options(INTENTS, intent)}</select>
    </label>
    <label class="field">Simulér fejl (til test)
      <select name="simulate" data-testid="simulate-select">${options(SIMULATIONS, simulate)}</select>
    </label>
    <label class="field">Sprog i EOJ
      <select name="locale" data-testid="locale-select">${options(LOCALES, locale)}</select>
    </label>
    <label class="field"><span><input type="checkbox" name="eojBanner" value="1" data-testid="eoj-banner-checkbox"> EOJ viser selv borgerbanner</span></label>
    <button class="primary" type="submit" data-testid="open-pro">Åbn PRO</button>
    <button type="submit" name="open" value="tasks" data-testid="open-tasks" title="Opgaveoverblik for dine teams, uden borger">Opgaver</button>
  </div>
</div>
<table data-testid="citizen-list">
  <thead><tr><th></th><th>Navn</th><th>CPR-nr.</th><th>Alder</th><th>Opslag</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
</form>
<p class="muted">Alle borgere er fiktive testpersoner med test-CPR-numre, der ikke består modulus 11-kontrollen.
FHIR: <code>/fhir</code> · SMART: <code>/fhir/.well-known/smart-configuration</code> · Requestlog: <code>/__sandbox/requests</code></p>
<script>
// A click anywhere on a row picks that citizen (the radio button alone is a small target).
document.querySelectorAll('tr.citizen').forEach((row) => row.addEventListener('click', () => {
  row.querySelector('input[type=radio]').checked = true;
}));
</script>`;
    ensureSession(req, res);
    sendHtml(res, error ? 400 : 200, layout({ title: 'Testkommune EOJ – borgere', body }));
  }

  async function createLaunch(req, res) {
    const form = parseForm(await readBody(req));
    const practitioner = practitionerById(String(form.practitioner ?? ''));
    // "Opgaver" is its own button too: the task overview needs no citizen and no intent chosen.
    const intent = form.open === 'tasks' ? 'tasks' : INTENTS.find((i) => i.code === form.intent)?.code;
    const simulate = SIMULATIONS.find((s) => s.code === (form.simulate ?? 'none'))?.code;
    const locale = LOCALES.find((l) => l.code === (form.locale ?? 'da'))?.code ?? 'da';
    const again = { practitioner: practitioner?.id, intent, simulate, locale };
    if (!practitioner || !intent || !simulate) return home(req, res, { ...again, error: 'Vælg behandler, formål og fejlsimulering.' });
    let patientId;
    let cpr;
    if (intent === 'tasks') {
      // The task overview: no citizen in context (an "unknown citizen" has nothing to simulate here).
    } else if (simulate === 'unknown') {
      // The EOJ knows a citizen the FHIR server has never seen: only the CPR reaches the app.
      cpr = UNKNOWN_CITIZEN.cpr;
    } else {
      const patient = await repo.readResource('Patient', String(form.patient ?? '')).catch(() => undefined);
      if (!patient) return home(req, res, { ...again, error: 'Vælg en borger på listen.' });
      patientId = patient.id;
      cpr = cprOf(patient);
    }
    const launch = launches.create({
      eojSession: ensureSession(req, res),
      practitionerId: practitioner.id,
      patientId,
      cpr,
      intent,
      simulate: intent === 'tasks' && simulate === 'unknown' ? 'none' : simulate,
      locale,
      eojShowsBanner: form.eojBanner === '1',
    });
    return redirect(res, `/eoj/session/${launch.id}`);
  }

  /**
   * The task overview asks to open a citizen (the EOJ page passes on its frame's `ui.launchActivity`
   * message): a new launch with that citizen in context, for the same user in the same EOJ session, as if
   * the clinician had picked her in the citizen list. Only from a task overview launch of this session,
   * only for a citizen with a task of the user's care teams, only from this origin.
   */
  async function openPatient(req, res, origin) {
    if (req.headers.origin !== origin) return sendJson(res, 403, { error: 'Kun EOJ-siden selv kan åbne en borger' });
    let body;
    try {
      body = JSON.parse(await readBody(req, 4096));
    } catch {
      return sendJson(res, 400, { error: 'Forespørgslen kunne ikke læses' });
    }
    const from = launches.ofSession(typeof body?.from === 'string' ? body.from : undefined, eojSessionOf(req));
    if (!from || from.intent !== 'tasks' || body.handle !== from.messagingHandle) return sendJson(res, 403, { error: 'Borgere åbnes fra opgaveoverblikket i denne EOJ-session' });
    const intent = body.intent === undefined ? 'answers' : OPEN_PATIENT_INTENTS.find((i) => i === body.intent);
    const patientId = typeof body.patient === 'string' && /^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(body.patient) ? patientIdOf(body.patient) : undefined;
    if (!intent || !patientId) return sendJson(res, 400, { error: 'Angiv borgeren som Patient/<id> og et formål (answers, plans, answer-on-behalf)' });
    const patient = await repo.readResource('Patient', patientId).catch(() => undefined);
    if (!patient || !repo.patientsOfTeams(teamsOf(repo, `Practitioner/${from.practitionerId}`)).has(patient.id)) {
      return sendJson(res, 403, { error: 'Borgeren har ingen opgave i dine teams' });
    }
    const launch = launches.create({
      eojSession: from.eojSession,
      practitionerId: from.practitionerId,
      patientId: patient.id,
      cpr: cprOf(patient),
      intent,
      simulate: 'none',
      locale: from.locale,
      eojShowsBanner: from.eojShowsBanner,
      openedFrom: 'tasks',
    });
    return sendJson(res, 200, { session: `/eoj/session/${launch.id}` });
  }

  async function session(req, res, origin, launchId) {
    // Only for the session that made it, and only while unused: a launch is used once, so showing this
    // page again (a reload) would only show the app's "launch expired" screen. Open the citizen again.
    const launch = launches.pending(launchId, eojSessionOf(req));
    if (!launch) {
      return sendHtml(res, 404, layout({ title: 'Launch udløbet', body: '<h1>Launch findes ikke længere</h1><p data-testid="launch-gone">Et launch kan bruges én gang og i fem minutter, og kun i den browser, der oprettede det. Åbn borgeren igen. <a href="/">Tilbage til borgerlisten</a></p>' }));
    }
    const practitioner = practitionerById(launch.practitionerId);
    const tasks = launch.intent === 'tasks';
    const patient = launch.patientId ? await repo.readResource('Patient', launch.patientId).catch(() => undefined) : undefined;
    const name = tasks ? 'Opgaver' : patient ? nameOf(patient) : UNKNOWN_CITIZEN.name;
    const birthDate = patient?.birthDate ?? UNKNOWN_CITIZEN.birthDate;
    const banner =
      launch.eojShowsBanner && !tasks
        ? `<div class="banner" data-testid="eoj-banner"><span class="name">${escapeHtml(name)}</span><span>CPR ${escapeHtml(formatCpr(launch.cpr))}</span><span>${ageOn(birthDate)} år</span></div>`
        : '';
    // Back to the task overview from a citizen opened from it: a new launch, as the EOJ's own button would make.
    const backToTasks =
      launch.openedFrom === 'tasks'
        ? ` · <form method="post" action="/eoj/launch" style="display:inline"><input type="hidden" name="practitioner" value="${escapeHtml(launch.practitionerId)}"><input type="hidden" name="locale" value="${escapeHtml(launch.locale ?? 'da')}"><input type="hidden" name="simulate" value="none"><button type="submit" name="open" value="tasks" data-testid="back-to-tasks">← Opgaver</button></form>`
        : '';
    const iss = `${origin}/fhir`;
    const src = `/app/launch.html?iss=${encodeURIComponent(iss)}&launch=${encodeURIComponent(launch.id)}`;
    const intentLabel = INTENTS.find((i) => i.code === launch.intent)?.label ?? launch.intent;
    const simulateLabel = launch.simulate !== 'none' ? ` · simuleret fejl: ${SIMULATIONS.find((s) => s.code === launch.simulate)?.label}` : '';
    const body = `${banner}
<p class="muted"><a href="/" data-testid="back-to-list">← Borgerliste</a>${backToTasks} · PRO (${escapeHtml(intentLabel)})${escapeHtml(simulateLabel)}</p>
<p class="error" role="alert" data-testid="open-patient-error" hidden></p>
<iframe id="pro-frame" data-testid="pro-frame" data-launch-id="${escapeHtml(launch.id)}" data-messaging-handle="${escapeHtml(launch.messagingHandle)}" title="PRO" allow="clipboard-write" src="${escapeHtml(src)}"></iframe>
${OPEN_PATIENT_SCRIPT}`;
    const header = `<span style="margin-left:auto">${escapeHtml(practitioner ? practitionerLabel(practitioner) : '')}</span>`;
    sendHtml(res, 200, layout({ title: `PRO – ${name}`, body, header }));
  }

  /** What the citizen would see in MinLog: the FHIR server's AuditEvents, one row per look-up (launch). */
  async function minlog(res, patientId) {
    const patient = await repo.readResource('Patient', patientId).catch(() => undefined);
    if (!patient) return sendHtml(res, 404, layout({ title: 'MinLog', body: '<h1>Borgeren findes ikke</h1><p><a href="/">Tilbage til borgerlisten</a></p>' }));
    const lookUps = lookUpsOf(patientId, repo.current('AuditEvent'));
    const rows = lookUps
      .map((l) => `<tr data-testid="lookup" data-correlation-id="${escapeHtml(l.correlationId)}"><td>${escapeHtml(formatDate(l.first, 'da', true))}</td><td>${escapeHtml(l.who)}</td><td>${escapeHtml(l.system)}</td><td>${l.count}</td></tr>`)
      .join('\n');
    const body = `<h1>MinLog: ${escapeHtml(nameOf(patient))}</h1>
<p class="muted">Sådan ser borgeren opslagene i sine data: ét opslag pr. åbning fra EOJ (grupperet på korrelations-id), uanset hvor mange kald det gav. Borgerens egne opslag og interne lister vises ikke.</p>
<table data-testid="minlog" data-count="${lookUps.length}">
  <thead><tr><th>Hvornår</th><th>Hvem</th><th>System</th><th>Kald</th></tr></thead>
  <tbody>
${rows || '<tr><td colspan="4">Ingen opslag.</td></tr>'}
  </tbody>
</table>
<p><a href="/">Tilbage til borgerlisten</a> · JSON: <code>/__sandbox/minlog/${escapeHtml(patientId)}</code></p>`;
    sendHtml(res, 200, layout({ title: `MinLog – ${nameOf(patient)}`, body }));
  }

  return {
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {string} origin
     * @returns {Promise<boolean>} false when the path is not the EOJ's
     */
    async handle(req, res, origin) {
      const path = new URL(req.url ?? '/', origin).pathname;
      if (req.method === 'GET' && (path === '/' || path === '/eoj' || path === '/eoj/')) return home(req, res).then(() => true);
      if (req.method === 'POST' && path === '/eoj/launch') return createLaunch(req, res).then(() => true);
      if (req.method === 'POST' && path === '/eoj/open-patient') return openPatient(req, res, origin).then(() => true);
      const m = /^\/eoj\/session\/([A-Za-z0-9_-]+)$/.exec(path);
      if (req.method === 'GET' && m) return session(req, res, origin, m[1]).then(() => true);
      const ml = /^\/eoj\/minlog\/([A-Za-z0-9\-.]{1,64})$/.exec(path);
      if (req.method === 'GET' && ml) return minlog(res, ml[1]).then(() => true);
      if (req.method === 'GET' && path === '/eoj/smart-style.json') {
        sendJson(res, 200, EOJ_STYLE, { 'access-control-allow-origin': '*' });
        return true;
      }
      return false;
    },
  };
}
