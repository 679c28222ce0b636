// The host page's code: plain browser JavaScript, no bundler and no imports. It reads static FHIR JSON,
// sets the components' properties, and handles their events. Everything a server would do (save a
// response, write a plan) is done here in memory, so the page works from any static file server.

const $ = (id) => document.getElementById(id);
const questionnaireEl = $('questionnaire');
const answers = $('answers');
const guide = $('guide');
const plans = $('plans');

/** Reads a JSON file next to this page (or elsewhere in the repository). */
async function json(path) {
  const res = await fetch(new URL(path, import.meta.url));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

/** The resources of a Bundle, by type. */
const resourcesOf = (bundle, type) => (bundle.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === type);

function log(text) {
  const li = document.createElement('li');
  li.textContent = text;
  $('log').prepend(li);
  while ($('log').children.length > 40) $('log').lastElementChild.remove();
}

// The bundle's script runs before this one; if it did not load, say what to do instead of failing later.
if (!customElements.get('kpro-questionnaire')) {
  $('notice').textContent = 'packages/elements/dist/kpro-elements.js blev ikke indlæst: byg den med "npm run build", og servér siden fra repoets rod.';
  throw new Error('kpro-elements.js is not loaded');
}

// ---- the data -----------------------------------------------------------------------------------

const [rehab, who5, citizen, templates, guides] = await Promise.all([
  json('../../packages/core/content/questionnaires/kommunal-rehabilitering.json'),
  json('../../packages/core/content/questionnaires/who-5.json'),
  json('./data/citizen.json'),
  json('./data/plan-templates.json'),
  json('./data/guides.json'),
]);
const patient = resourcesOf(citizen, 'Patient')[0];
const patientRef = { reference: `Patient/${patient.id}`, display: patient.name?.[0]?.text ?? `${patient.name?.[0]?.given?.join(' ')} ${patient.name?.[0]?.family}` };
const clinician = { reference: 'Practitioner/practitioner-mads', display: 'Terapeut Mads Madsen' };

/** What a server would hold for this citizen; the page keeps it in memory. */
const store = {
  carePlans: resourcesOf(citizen, 'CarePlan'),
  requests: resourcesOf(citizen, 'ServiceRequest'),
  responses: resourcesOf(citizen, 'QuestionnaireResponse'), // newest first
};

// ---- the components -----------------------------------------------------------------------------

questionnaireEl.subject = patientRef;
questionnaireEl.author = clinician;
questionnaireEl.questionnaire = rehab;

answers.questionnaire = rehab;
answers.requests = [...store.requests, ...store.carePlans];

guide.guides = guides; // FUT ehealth-actionguidance Basic resources (a Bundle is fine)

plans.templates = templates; // PlanDefinitions and ActivityDefinitions (a Bundle is fine)
plans.questionnaires = [rehab, who5];
plans.careTeams = resourcesOf(templates, 'CareTeam');
plans.patient = patient;
plans.user = clinician;

/** Shows the store in the components; the guide gets the answer view's triage result of the newest response. */
async function refresh() {
  answers.responses = [...store.responses];
  plans.plans = [...store.carePlans];
  plans.requests = [...store.requests];
  plans.responses = [...store.responses];
  await answers.updateComplete;
  guide.triage = answers.results[0] ?? null;
}

// ---- the events ---------------------------------------------------------------------------------

let changes = 0;
questionnaireEl.addEventListener('kpro-response-change', () => {
  changes++;
  const first = $('log').querySelector('[data-event="kpro-response-change"]');
  if (first) first.textContent = `kpro-response-change ×${changes}`;
  else {
    log(`kpro-response-change ×${changes}`);
    $('log').firstElementChild.dataset.event = 'kpro-response-change';
  }
});

questionnaireEl.addEventListener('kpro-response-submit', async (e) => {
  // "Save" the response (a server would give it its id), then show it as the newest.
  const response = { ...e.detail, id: `eksempel-${Date.now()}`, authored: e.detail.authored ?? new Date().toISOString() };
  store.responses.unshift(response);
  log(`kpro-response-submit: ${response.item?.length ?? 0} grupper besvaret, gemt som QuestionnaireResponse/${response.id}`);
  await refresh();
});

document.addEventListener('kpro-answer-select', (e) => log(`kpro-answer-select: ${e.detail.linkId}`));
document.addEventListener('kpro-action-complete', (e) => log(`kpro-action-complete: ${e.detail.guideId} (${e.detail.severity})`));
document.addEventListener('kpro-plan-open-response', (e) => {
  log(`kpro-plan-open-response: QuestionnaireResponse/${e.detail.responseId}`);
  answers.scrollIntoView({ behavior: 'smooth' });
});

plans.addEventListener('kpro-plan-assign', (e) => {
  // Without a data source, the event is the output: the host writes the transaction. Here: in memory,
  // the way a server would (urn:uuid references become ids).
  let text = JSON.stringify(e.detail.bundle.entry.map((entry) => entry.resource));
  const ids = new Map(e.detail.bundle.entry.map((entry) => [entry.fullUrl, `${entry.resource.resourceType}/${entry.fullUrl.replace('urn:uuid:', '')}`]));
  for (const [fullUrl, ref] of ids) text = text.replaceAll(`"${fullUrl}"`, `"${ref}"`);
  const written = JSON.parse(text).map((r, i) => ({ ...r, id: ids.get(e.detail.bundle.entry[i].fullUrl).split('/')[1] }));
  store.carePlans.push(...written.filter((r) => r.resourceType === 'CarePlan'));
  store.requests.push(...written.filter((r) => r.resourceType === 'ServiceRequest'));
  log(`kpro-plan-assign: ${e.detail.template} (${written.length} ressourcer)`);
  void refresh();
});

plans.addEventListener('kpro-plan-cancel', (e) => {
  const { carePlan, request, reason } = e.detail;
  const revoke = (r) => (r.status === 'completed' ? r : { ...r, status: 'revoked' });
  if (carePlan) {
    store.carePlans = store.carePlans.map((c) => (c.id === carePlan.id ? revoke(c) : c));
    store.requests = store.requests.map((r) => (r.basedOn?.some((b) => b.reference === `CarePlan/${carePlan.id}`) ? revoke(r) : r));
  }
  if (request) store.requests = store.requests.map((r) => (r.id === request.id ? revoke(r) : r));
  log(`kpro-plan-cancel: ${e.detail.kind} (${reason})`);
  void refresh();
});

for (const el of [questionnaireEl, answers, guide, plans]) {
  el.addEventListener('kpro-error', (e) => {
    log(`kpro-error fra <${el.localName}>: ${e.detail.code} (${e.detail.severity}): ${e.detail.message}`);
    console.warn('kpro-error', el.localName, e.detail);
  });
}

// ---- language -----------------------------------------------------------------------------------

const controls = $('controls');
controls.lang.value = document.documentElement.lang;
controls.addEventListener('change', () => {
  document.documentElement.lang = controls.lang.value;
});

await refresh();
log(`indlæst: ${store.responses.length} besvarelser, ${store.carePlans.length} plan, ${resourcesOf(guides, 'Basic').length} handlevejledninger`);
