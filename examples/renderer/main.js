// The renderer example: <kpro-questionnaire> from source (Vite resolves @kpro/* to the packages' src),
// fed the sample questionnaires, with language, read-only and the live QuestionnaireResponse beside it.

// Every questionnaire Vite can find at dev time; missing folders simply give none.
const SOURCES = {
  ...import.meta.glob('/packages/core/content/questionnaires/*.json', { import: 'default' }),
  ...import.meta.glob('/test/conformance/questionnaires/*.json', { import: 'default' }),
};
const PREFERRED = '/packages/core/content/questionnaires/kommunal-rehabilitering.json';

// Used when no questionnaire file is there yet, so the page still shows the component working.
const FALLBACK = {
  resourceType: 'Questionnaire',
  id: 'eksempel',
  status: 'draft',
  title: 'Eksempel',
  item: [
    {
      linkId: 'smerter',
      text: 'Har du haft smerter den seneste uge?',
      type: 'choice',
      answerOption: [
        { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y', display: 'Ja' } },
        { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'N', display: 'Nej' } },
      ],
    },
    {
      linkId: 'styrke',
      text: 'Hvor stærke (0-10)?',
      type: 'integer',
      enableWhen: [{ question: 'smerter', operator: '=', answerCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y' } }],
    },
    { linkId: 'andet', text: 'Er der andet, du vil fortælle?', type: 'text' },
  ],
};

const $ = (id) => document.getElementById(id);
const controls = $('controls');
const stage = $('stage');
const params = new URLSearchParams(location.search);

function notice(text) {
  $('notice').textContent = text;
}

function log(text) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString('da-DK')} ${text}`;
  $('log').prepend(li);
  while ($('log').children.length > 30) $('log').lastElementChild.remove();
}

function showResponse(response) {
  $('response').textContent = response ? JSON.stringify(response, null, 2) : '(ingen svar endnu)';
}

/** Keeps the choices in the address, so a reload or a shared link shows the same. */
function remember() {
  const p = new URLSearchParams();
  p.set('q', controls.q.value);
  p.set('lang', controls.lang.value);
  if (controls.readonly.checked) p.set('readonly', '');
  history.replaceState(null, '', `?${p}`);
}

function fillChoices() {
  const names = Object.keys(SOURCES).sort((a, b) => (a === PREFERRED ? -1 : b === PREFERRED ? 1 : a.localeCompare(b)));
  const options = names.map((path) => new Option(path.split('/').pop().replace(/\.json$/, ''), path));
  if (options.length === 0) options.push(new Option('eksempel (indbygget)', ''));
  controls.q.replaceChildren(...options);
  const wanted = params.get('q');
  if (wanted !== null && names.includes(wanted)) controls.q.value = wanted;
  controls.lang.value = params.get('lang') === 'en' ? 'en' : 'da';
  controls.readonly.checked = params.has('readonly');
  if (!(PREFERRED in SOURCES)) {
    notice(`${PREFERRED.slice(1)} findes ikke (endnu): vælg et andet skema${names.length ? '' : ' (her vises et indbygget eksempel)'}.`);
  }
}

async function loadQuestionnaire(path) {
  if (!path || !SOURCES[path]) return FALLBACK;
  try {
    return await SOURCES[path]();
  } catch (error) {
    notice(`Kunne ikke læse ${path}: ${error.message}. Viser det indbyggede eksempel.`);
    return FALLBACK;
  }
}

/** A new element per questionnaire: no answers carry over from the previous one. */
async function mount() {
  const questionnaire = await loadQuestionnaire(controls.q.value);
  const el = document.createElement('kpro-questionnaire');
  el.lang = controls.lang.value;
  el.readonly = controls.readonly.checked;
  el.addEventListener('kpro-response-change', (e) => showResponse(e.detail ?? el.response));
  el.addEventListener('kpro-response-submit', (e) => {
    showResponse(e.detail);
    log(`kpro-response-submit (status ${e.detail?.status})`);
  });
  el.addEventListener('kpro-error', (e) => {
    log(`kpro-error ${e.detail?.code}: ${e.detail?.message}`);
    console.warn('kpro-error', e.detail);
  });
  el.questionnaire = questionnaire;
  stage.replaceChildren(el);
  showResponse(el.response);
  log(`indlæst: ${questionnaire.title ?? questionnaire.id ?? 'skema'}`);
}

controls.addEventListener('change', (e) => {
  remember();
  const el = stage.querySelector('kpro-questionnaire');
  if (e.target.name === 'q' || !el) void mount();
  else if (e.target.name === 'lang') el.lang = controls.lang.value;
  else if (e.target.name === 'readonly') el.readonly = controls.readonly.checked;
});

fillChoices();
try {
  // Defines every kpro element, from source.
  await import('@kpro/elements/all.js');
} catch (error) {
  notice(`Komponenterne kunne ikke indlæses (packages/elements/src/all.ts): ${error.message}`);
  console.error(error);
}
await mount();
