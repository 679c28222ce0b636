// Synthetic, clearly fictitious Danish seed data. Deterministic: the same ids, names, CPR numbers,
// dates and answers every time (only meta.versionId/lastUpdated come from the server).
//
// - 6 citizens with CPR numbers from the high test range that fail modulus 11 (checked here)
// - Testkommune, its staff with PractitionerRoles and four care teams (seed-teams.mjs)
// - the sample questionnaires from packages/core/content/questionnaires (unchanged)
// - plan templates: PlanDefinition -> ActivityDefinition -> Questionnaire
// - per citizen: Condition, EpisodeOfCare, CarePlan (with the citizen's care team) + 3 ServiceRequests,
//   3 QuestionnaireResponses (start, week 6, week 12) whose answers give mostly red, yellow or green
//   results, and the TriagingResult ClinicalImpression and Task of each, as their arrival made them
//   (seed-tasks.mjs, with @kpro/core's triage)
// - action guides: every *.json in packages/sandbox/seed/guides (none yet)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPR_SYSTEM, passesMod11, testCpr } from './cpr.mjs';
import { cacheDir, coreSrcDir, guideDir, questionnaireDir } from './paths.mjs';
import { ORGANIZATION_ID, organizationAndStaff, teamRef } from './seed-teams.mjs';
import { ANSWERS, DOMAINS, parseProfile } from './seed-answers.mjs';
import { generatedCitizens } from './seed-scale.mjs';
import { seedArrivals } from './seed-tasks.mjs';
import { validate } from './fhir-definitions.mjs';
import { FORMAT } from './fhir-repository.mjs';

const KPRO = 'https://kpro.example.dk/fhir';
export const FICTITIOUS_TAG = { system: `${KPRO}/CodeSystem/sandbox`, code: 'fictitious', display: 'Fiktive testdata' };
const HTEST_TAG = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' };
const EPISODE_EXT = 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare';
/** Our link from an ActivityDefinition or ServiceRequest to the Questionnaire that fulfils it (R4 has no element for it). */
export const QUESTIONNAIRE_EXT = `${KPRO}/StructureDefinition/questionnaire`;
const COMPLETE_QUESTIONNAIRE = { system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp', code: 'complete-questionnaire', display: 'Complete Questionnaire' };
const UCUM = 'http://unitsofmeasure.org';

export { ORGANIZATION_ID };
const REHAB_Q = 'kommunal-rehabilitering';

/** A CPR in the test range that no seeded citizen has: the EOJ's "unknown citizen" failure. */
export const UNKNOWN_CITIZEN = { name: 'Ukendt Test Borger', cpr: testCpr('1950-06-15', 'female', 3), birthDate: '1950-06-15', gender: 'female' };

/**
 * The citizens. Profiles: one letter per domain (see seed-answers.mjs DOMAINS) for the start,
 * mid-course and final response; R/Y/G = red/yellow/green answers in that domain. `team`: the care team
 * on the citizen's plan and episode (seed-teams.mjs), whose members see the citizen's tasks.
 */
export const CITIZENS = [
  { id: 'inge-test-jensen', team: 'hjerterehabilitering-nord', given: 'Inge', family: 'Jensen', gender: 'female', birthDate: '1948-03-12', outcome: 'mostly red', profiles: ['RRRRYRYYR', 'RRYRRRYYR', 'RYRRYRRYR'] },
  { id: 'poul-test-nielsen', team: 'hjerterehabilitering-nord', given: 'Poul', family: 'Nielsen', gender: 'male', birthDate: '1956-07-21', outcome: 'mostly yellow', profiles: ['YYYGYYYGY', 'YYGYYYYYY', 'YGYYYYGYY'], declined: { mid: 'h4' } },
  { id: 'karen-test-hansen', team: 'rehabiliteringsteam', given: 'Karen', family: 'Hansen', gender: 'female', birthDate: '1962-11-02', outcome: 'mostly green', profiles: ['GGGGGGYGG', 'GGGGGGGGG', 'GYGGGGGGG'], onBehalf: 'mid' },
  { id: 'jens-test-pedersen', team: 'hjerterehabilitering-nord', given: 'Jens', family: 'Pedersen', gender: 'male', birthDate: '1951-01-30', outcome: 'red to green', profiles: ['RRRYRRYYR', 'YYYYYYYGY', 'GGGGGYGGG'] },
  { id: 'birthe-test-andersen', team: 'diabetesteam-syd', given: 'Birthe', family: 'Andersen', gender: 'female', birthDate: '1944-05-08', outcome: 'green to red', profiles: ['GGGYGGGGG', 'YYYYYGYGY', 'RRRRYGRYR'] },
  { id: 'mette-test-soerensen', team: 'rehabiliteringsteam', given: 'Mette', family: 'Sørensen', gender: 'female', birthDate: '1975-12-24', outcome: 'mostly green, some yellow', profiles: ['YGYGGYGGY', 'GGYGGYGGG', 'GGGGGYGGG'], skipped: { start: 'x2' }, otherAgenda: { slut: 'Jeg vil gerne tale om at komme tilbage på arbejde' } },
];

const TIMEPOINTS = [
  { key: 'start', title: 'Første samtale (start)', weeks: 0 },
  { key: 'mid', title: 'Midtvejssamtale (uge 6)', weeks: 6 },
  { key: 'slut', title: 'Afsluttende samtale (uge 12)', weeks: 12 },
];

/** Every course starts on a Monday in spring 2026, two weeks apart: fixed, so the seed is deterministic. */
const COURSE_START = Date.UTC(2026, 2, 2, 8, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

function loadJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function loadQuestionnaires() {
  return readdirSync(questionnaireDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadJson(join(questionnaireDir, f)));
}

function loadGuides() {
  try {
    return readdirSync(guideDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => loadJson(join(guideDir, f)));
  } catch {
    return [];
  }
}

const SEED_TAGS = [FICTITIOUS_TAG, HTEST_TAG];
const tagged = (resource) => ({ ...resource, meta: { tag: SEED_TAGS } });
const ref = (type, id, display) => ({ reference: `${type}/${id}`, ...(display ? { display } : {}) });
const canonical = (r) => `${r.url}|${r.version}`;
const fullName = (c) => `${c.given} Test ${c.family}`;

/** ActivityDefinitions (one per questionnaire) and the two plan templates. */
function planTemplates(questionnaires) {
  const byId = Object.fromEntries(questionnaires.map((q) => [q.id, q]));
  const activity = (q, id) => ({
    resourceType: 'ActivityDefinition',
    id,
    url: `${KPRO}/ActivityDefinition/${id}`,
    version: '1.0.0',
    name: id.replace(/-/g, '_'),
    title: `Besvar spørgeskemaet "${q.title}"`,
    status: 'active',
    date: '2026-01-15',
    publisher: 'kpro (eksempel)',
    description: `Borgeren besvarer "${q.title}" før en samtale.`,
    kind: 'ServiceRequest',
    code: { coding: [COMPLETE_QUESTIONNAIRE] },
    extension: [{ url: QUESTIONNAIRE_EXT, valueCanonical: canonical(q) }],
  });
  const rehab = activity(byId[REHAB_Q], 'kommunal-rehabilitering-spoergeskema');
  const who5 = activity(byId['who-5'], 'who-5-spoergeskema');
  const weeks = (n) => ({ value: n, unit: 'uger', system: UCUM, code: 'wk' });
  // Offsets are relatedAction "after-start" of the first action; the first action is on the plan's start day.
  const action = (id, title, activityDef, offsetWeeks) => ({
    id,
    title,
    definitionCanonical: canonical(activityDef),
    ...(offsetWeeks ? { relatedAction: [{ actionId: 'start', relationship: 'after-start', offsetDuration: weeks(offsetWeeks) }] } : {}),
  });
  const plan = (id, title, description, actions) => ({
    resourceType: 'PlanDefinition',
    id,
    url: `${KPRO}/PlanDefinition/${id}`,
    version: '1.0.0',
    name: id.replace(/-/g, '_'),
    title,
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type', code: 'clinical-protocol' }] },
    status: 'active',
    date: '2026-01-15',
    publisher: 'kpro (eksempel)',
    description,
    action: actions,
  });
  const heart = plan('hjerterehabilitering', 'Hjerterehabilitering: start, midt, slut', 'Spørgeskema før første samtale (dag 0), midtvejssamtalen (uge 6) og den afsluttende samtale (uge 12).', [
    action('start', TIMEPOINTS[0].title, rehab, 0),
    action('mid', TIMEPOINTS[1].title, rehab, 6),
    action('slut', TIMEPOINTS[2].title, rehab, 12),
  ]);
  const diabetes = plan('diabetes', 'Diabetes: start og slut', 'Spørgeskema før første samtale (dag 0) og den afsluttende samtale (uge 12).', [
    action('start', TIMEPOINTS[0].title, rehab, 0),
    action('slut', TIMEPOINTS[2].title, rehab, 12),
  ]);
  return { resources: [rehab, who5, heart, diabetes], rehab, heart };
}

/** Finds an item (any depth) by linkId. */
function findItem(items, linkId) {
  for (const item of items ?? []) {
    if (item.linkId === linkId) return item;
    const inner = findItem(item.item, linkId);
    if (inner) return inner;
  }
  return undefined;
}

/** The answer for one item from its answer options (or a number for integer items). */
function answerFor(questionnaire, linkId, value) {
  const item = findItem(questionnaire.item, linkId);
  if (!item) throw new Error(`seed: no item ${linkId}`);
  if (typeof value === 'number') return { valueInteger: value };
  const option = item.answerOption?.find((o) => o.valueCoding?.code === value);
  if (!option) throw new Error(`seed: ${linkId} has no option ${value}`);
  const { system, code, display } = option.valueCoding;
  return { valueCoding: { system, code, display } };
}

const DECLINED = { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-declined' };

/**
 * Builds the item tree of a response: groups in questionnaire order, answered items only,
 * then the calculated items (scores, cross-domain flags) evaluated with the questionnaire's FHIRPath.
 */
function buildResponseItems(questionnaire, answers, calculated = new Map()) {
  const build = (items) =>
    items.flatMap((item) => {
      if (item.type === 'display') return [];
      if (item.type === 'group') {
        const children = build(item.item ?? []);
        return children.length ? [{ linkId: item.linkId, text: item.text, item: children }] : [];
      }
      const answer = calculated.get(item.linkId) ?? answers.get(item.linkId);
      return answer?.length ? [{ linkId: item.linkId, text: item.text, answer }] : [];
    });
  return build(questionnaire.item);
}

function calculatedItems(items, out = []) {
  for (const item of items ?? []) {
    const ext = item.extension?.find((e) => e.url === 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression');
    if (ext) out.push({ item, expression: ext.valueExpression.expression });
    calculatedItems(item.item ?? [], out);
  }
  return out;
}

/** FHIRPath, loaded only when the seed is built (a cached seed needs none of it): loading costs a second. */
let fhirpathModules;
async function loadFhirpath() {
  fhirpathModules ??= Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4/index.js')]).then(([f, m]) => ({ fhirpath: f.default, r4model: m.default }));
  return fhirpathModules;
}

/** @type {WeakMap<object, { item: any, evaluate: Function }[]>} compiled once per questionnaire: evaluation is the slow part of seeding */
const compiledCache = new WeakMap();
function compiledCalculations(questionnaire, { fhirpath, r4model }) {
  let list = compiledCache.get(questionnaire);
  if (!list) {
    list = calculatedItems(questionnaire.item).map(({ item, expression }) => ({ item, evaluate: fhirpath.compile(expression, r4model) }));
    compiledCache.set(questionnaire, list);
  }
  return list;
}

function responseAnswers(questionnaire, citizen, timepoint, profileText) {
  const levels = parseProfile(profileText);
  const answers = new Map();
  for (const domain of DOMAINS) {
    for (const [linkId, value] of Object.entries(ANSWERS[domain][levels[domain]])) {
      answers.set(linkId, [answerFor(questionnaire, linkId, value)]);
    }
  }
  if (citizen.declined?.[timepoint.key]) answers.set(citizen.declined[timepoint.key], [{ valueCoding: { ...DECLINED, display: 'Ønsker ikke at svare' } }]);
  if (citizen.skipped?.[timepoint.key]) answers.delete(citizen.skipped[timepoint.key]);
  // Agenda (D1): the domains the citizen wants to talk about are the ones that trouble them most.
  const troubled = DOMAINS.filter((d) => levels[d] === 'red').concat(DOMAINS.filter((d) => levels[d] === 'yellow'));
  const agenda = (troubled.length ? troubled : ['fysisk-aktivitet']).slice(0, 3).map((code) => answerFor(questionnaire, 'd1', code));
  const other = citizen.otherAgenda?.[timepoint.key];
  answers.set('d1', other ? [...agenda, { valueString: other }] : agenda);
  return answers;
}

/**
 * The answer items of one response. The same answers give the same items (scores included), so a large
 * seed computes them once per set of answers (`memo`) instead of evaluating FHIRPath for every response.
 */
function responseItems(questionnaire, citizen, timepoint, profileText, fp, memo) {
  const key = JSON.stringify([profileText, citizen.declined?.[timepoint.key], citizen.skipped?.[timepoint.key], citizen.otherAgenda?.[timepoint.key]]);
  if (memo.has(key)) return memo.get(key);
  const answers = responseAnswers(questionnaire, citizen, timepoint, profileText);
  const draft = { resourceType: 'QuestionnaireResponse', item: buildResponseItems(questionnaire, answers) };
  const calculated = new Map();
  for (const { item, evaluate } of compiledCalculations(questionnaire, fp)) {
    const [value] = evaluate(draft, { resource: draft, questionnaire });
    if (value === undefined) continue;
    calculated.set(item.linkId, [item.type === 'boolean' ? { valueBoolean: Boolean(value) } : { valueDecimal: Number(value) }]);
  }
  const items = deepFreeze(buildResponseItems(questionnaire, answers, calculated));
  memo.set(key, items);
  ANSWERS_KEY.set(items, key);
  return items;
}

/**
 * The answers' memo key by the (shared, frozen) item list: responses with the same answers share one
 * list, so a large seed triages each set of answers once without serialising every response to find out.
 * @type {WeakMap<object, string>}
 */
const ANSWERS_KEY = new WeakMap();

/** The key of a seeded response's answers (seed-tasks.mjs caches triage results by it). */
export const answersKeyOf = (response) => ANSWERS_KEY.get(response.item);

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function questionnaireResponse(questionnaire, citizen, timepoint, profileText, refs, fp, memo) {
  const items = responseItems(questionnaire, citizen, timepoint, profileText, fp, memo);
  const onBehalf = citizen.onBehalf === timepoint.key;
  return tagged({
    resourceType: 'QuestionnaireResponse',
    id: `${citizen.id}-${timepoint.key}-svar`,
    extension: [{ url: EPISODE_EXT, valueReference: refs.episode }],
    basedOn: [refs.serviceRequest],
    questionnaire: canonical(questionnaire),
    status: 'completed',
    subject: refs.patient,
    authored: refs.authored,
    author: onBehalf ? ref('Practitioner', 'practitioner-mads', 'Terapeut Mads Madsen') : refs.patient,
    source: refs.patient,
    // Shared by every response with the same answers (frozen: nothing changes a stored version in place).
    item: items,
  });
}

/**
 * One citizen's record. `options.start` (ms) and `options.cpr` for generated citizens (seed-scale.mjs);
 * the named ones start two weeks apart from COURSE_START.
 */
function citizenResources(citizen, index, templates, questionnaire, fp, { start = COURSE_START + index * 14 * DAY, cpr = testCpr(citizen.birthDate, citizen.gender), memo = new Map() } = {}) {
  if (passesMod11(cpr)) throw new Error(`seed: ${cpr} passes modulus 11; test CPRs must fail it`);
  const end = start + 12 * 7 * DAY;
  const patientRef = ref('Patient', citizen.id, fullName(citizen));
  const episodeRef = ref('EpisodeOfCare', `${citizen.id}-forloeb`);
  const carePlanId = `${citizen.id}-hjerterehabilitering`;
  const mads = ref('Practitioner', 'practitioner-mads', 'Terapeut Mads Madsen');
  const team = teamRef(citizen.team);
  const org = ref('Organization', ORGANIZATION_ID, 'Testkommune');

  const patient = tagged({
    resourceType: 'Patient',
    id: citizen.id,
    identifier: [{ use: 'official', system: CPR_SYSTEM, value: cpr }],
    active: true,
    name: [{ use: 'official', text: fullName(citizen), family: citizen.family, given: [citizen.given, 'Test'] }],
    gender: citizen.gender,
    birthDate: citizen.birthDate,
    address: [{ use: 'home', line: [`Testvej ${index * 7 + 3}`], postalCode: '9999', city: 'Testby', country: 'DK' }],
    managingOrganization: org,
  });
  const condition = tagged({
    resourceType: 'Condition',
    id: `${citizen.id}-hjertesygdom`,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    code: { coding: [{ system: 'urn:oid:1.2.208.176.2.4', code: 'DI259', display: 'Kronisk iskæmisk hjertesygdom UNS' }], text: 'Iskæmisk hjertesygdom' },
    subject: patientRef,
    recordedDate: iso(start - 10 * DAY).slice(0, 10),
  });
  const episode = tagged({
    resourceType: 'EpisodeOfCare',
    id: `${citizen.id}-forloeb`,
    status: 'finished',
    type: [{ text: 'Hjerterehabilitering' }],
    diagnosis: [{ condition: ref('Condition', condition.id), rank: 1 }],
    patient: patientRef,
    managingOrganization: org,
    period: { start: iso(start), end: iso(end + 7 * DAY) },
    team: [team],
  });
  const serviceRequests = TIMEPOINTS.map((tp) => {
    const due = start + tp.weeks * 7 * DAY;
    return tagged({
      resourceType: 'ServiceRequest',
      id: `${citizen.id}-${tp.key}`,
      extension: [
        { url: EPISODE_EXT, valueReference: episodeRef },
        { url: QUESTIONNAIRE_EXT, valueCanonical: canonical(questionnaire) },
      ],
      instantiatesCanonical: [canonical(templates.rehab)],
      basedOn: [ref('CarePlan', carePlanId)],
      status: 'completed',
      intent: 'order',
      code: { coding: [COMPLETE_QUESTIONNAIRE], text: tp.title },
      subject: patientRef,
      occurrenceTiming: { repeat: { boundsPeriod: { start: iso(due), end: iso(due + 7 * DAY) }, count: 1 } },
      authoredOn: iso(start - 3 * DAY),
      requester: mads,
    });
  });
  const carePlan = tagged({
    resourceType: 'CarePlan',
    id: carePlanId,
    extension: [{ url: EPISODE_EXT, valueReference: episodeRef }],
    instantiatesCanonical: [canonical(templates.heart)],
    status: 'completed',
    intent: 'plan',
    title: templates.heart.title,
    subject: patientRef,
    period: { start: iso(start), end: iso(end + 7 * DAY) },
    created: iso(start - 3 * DAY),
    author: mads,
    careTeam: [team],
    addresses: [ref('Condition', condition.id)],
    activity: serviceRequests.map((sr) => ({ reference: ref('ServiceRequest', sr.id, sr.code.text) })),
  });
  const responses = TIMEPOINTS.map((tp, i) => {
    // Answered one to three days after the request opened, mid-morning: spread, but fixed.
    const authored = start + tp.weeks * 7 * DAY + ((index + i) % 3) * DAY + (((index * 17) % 240) + i * 11) * 60 * 1000 + 90 * 60 * 1000;
    return questionnaireResponse(questionnaire, citizen, tp, citizen.profiles[i], {
      patient: patientRef,
      episode: episodeRef,
      serviceRequest: ref('ServiceRequest', serviceRequests[i].id),
      authored: iso(authored),
    }, fp, memo);
  });
  return { cpr, resources: [patient, condition, episode, ...serviceRequests, carePlan, ...responses], responses };
}

/**
 * Everything the sandbox starts with, in creation order, plus a summary (for the console and tests).
 * @returns {Promise<{ resources: any[], summary: { citizens: { id: string, name: string, cpr: string, outcome: string, results: { overall: string, domains: Record<string, string> }[] }[] } }>}
 */
export async function buildSeed({ citizens: total = CITIZENS.length, openTasks } = {}) {
  const fp = await loadFhirpath();
  const questionnaires = loadQuestionnaires();
  const rehabQuestionnaire = questionnaires.find((q) => q.id === REHAB_Q);
  if (!rehabQuestionnaire) throw new Error(`seed: ${REHAB_Q}.json not found in ${questionnaireDir}`);
  const templates = planTemplates(questionnaires);
  const resources = [...organizationAndStaff(tagged), ...questionnaires, ...templates.resources, ...loadGuides()];
  const memo = new Map();
  const built = CITIZENS.map((citizen, index) => ({ citizen, ...citizenResources(citizen, index, templates, rehabQuestionnaire, fp, { memo }) }));
  const more = generatedCitizens(Math.max(0, total - CITIZENS.length), CITIZENS.map((c) => c.profiles), new Set(built.map((b) => b.cpr)));
  const generated = more.map(({ citizen, start, cpr }, k) => ({ citizen, ...citizenResources(citizen, CITIZENS.length + k, templates, rehabQuestionnaire, fp, { start, cpr, memo }) }));
  for (const b of [...built, ...generated]) resources.push(...b.resources);
  // A follow-up WHO-5 that is sent and not yet answered, for the first two citizens: something waits for
  // the citizen (standalone launch) and for a clinician answering on their behalf.
  const who5 = questionnaires.find((q) => q.id === 'who-5');
  if (who5) {
    for (const citizen of CITIZENS.slice(0, 2)) {
      const due = COURSE_START + 20 * 7 * DAY;
      resources.push(
        tagged({
          resourceType: 'ServiceRequest',
          id: `${citizen.id}-opfoelgning`,
          extension: [{ url: QUESTIONNAIRE_EXT, valueCanonical: canonical(who5) }],
          status: 'active',
          intent: 'order',
          code: { coding: [COMPLETE_QUESTIONNAIRE], text: 'Opfølgning: WHO-5' },
          subject: ref('Patient', citizen.id, fullName(citizen)),
          occurrenceTiming: { repeat: { boundsPeriod: { start: iso(due), end: iso(due + 14 * DAY) }, count: 1 } },
          authoredOn: iso(due - 7 * DAY),
          requester: ref('Practitioner', 'practitioner-mads', 'Terapeut Mads Madsen'),
        }),
      );
    }
  }
  // The responses arrived in spring 2026 and were triaged then (as FUT's processing does, with @kpro/core):
  // each citizen's newest one still waits on the team's list, Jens's is being looked at by Mads, the older
  // ones have been assessed.
  const newest = new Set(built.map((b) => b.responses.at(-1).id));
  // A large seed: `openTasks` tasks open in all, the generated citizens' newest answers first.
  const byAge = generated.flatMap((b) => b.responses).sort((a, b) => b.authored.localeCompare(a.authored) || a.id.localeCompare(b.id));
  const openBudget = openTasks === undefined ? generated.length : Math.max(0, openTasks - newest.size);
  const open = new Set(openTasks === undefined ? generated.map((b) => b.responses.at(-1).id) : byAge.slice(0, openBudget).map((r) => r.id));
  const arrivals = await seedArrivals(resources, {
    tags: SEED_TAGS,
    keyOf: (qr) => answersKeyOf(qr) && `${qr.questionnaire}\n${answersKeyOf(qr)}`,
    handling: (qr) => {
      if (qr.id === 'jens-test-pedersen-slut-svar') return { status: 'in-progress', owner: 'practitioner-mads' };
      return newest.has(qr.id) || open.has(qr.id) ? { status: 'requested' } : { status: 'completed' };
    },
  });
  resources.push(...arrivals.resources);
  const citizens = built.map(({ citizen, cpr, responses }) => ({
    id: citizen.id,
    name: fullName(citizen),
    cpr,
    outcome: citizen.outcome,
    results: responses.map((qr) => colours(arrivals.triage.get(qr.id))),
  }));
  const openCount = arrivals.resources.filter((r) => r.resourceType === 'Task' && r.status !== 'completed').length;
  return { resources, summary: { citizens, total: built.length + generated.length, openTasks: openCount } };
}

/** A triage result in short: the overall colour and the domains that got a colour. */
function colours(result) {
  const coloured = result.domains.filter((d) => ['red', 'yellow', 'green'].includes(d.significance));
  return { overall: result.overall, domains: Object.fromEntries(coloured.map((d) => [d.linkId, d.significance])) };
}

/** Hash of everything the seed is made from, so a cached seed is used only while it is still the same. */
function seedInputsKey() {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const f of ['seed.mjs', 'seed-answers.mjs', 'seed-teams.mjs', 'seed-tasks.mjs', 'seed-scale.mjs', 'task-arrival.mjs', 'cpr.mjs', 'roles.mjs', 'fhir-definitions.mjs']) hash.update(readFileSync(join(here, f)));
  // The triage and the tasks come from @kpro/core: a change there changes the seed.
  for (const dir of ['triage', 'tasks', 'plans', 'questionnaire', 'scoring'].map((d) => join(coreSrcDir, d))) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts')).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  }
  for (const dir of [questionnaireDir, guideDir]) {
    let files = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      // no guides yet
    }
    for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** `meta.lastUpdated` of every resource a large seed writes straight into the store (deterministic). */
const SEEDED_AT = '2026-12-01T06:00:00.000Z';

/**
 * Fills an empty repository with the seed. The six named citizens are built and validated (every resource
 * goes through the validating create) the first time; the result is cached under node_modules/.cache,
 * keyed by the seed's inputs, because building it evaluates FHIRPath for every score and takes a few
 * seconds, which every test that starts a sandbox on a fresh data folder would otherwise pay.
 * A large seed (`citizens` > 6, e.g. 2,000) is written into the store directly, after one citizen's
 * record of every kind has been validated: creating tens of thousands of resources one by one would take
 * minutes, and they are all made by the same code.
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {{ useCache?: boolean, citizens?: number, openTasks?: number }} [options]
 */
export async function seedRepository(repo, { useCache = true, citizens, openTasks } = {}) {
  const large = (citizens ?? CITIZENS.length) > CITIZENS.length;
  const options = large ? { citizens, openTasks } : { ...(openTasks === undefined ? {} : { openTasks }) };
  const suffix = Object.entries(options).map(([k, v]) => `-${k}${v}`).join('');
  const file = join(cacheDir, `seed-${seedInputsKey()}${suffix}.json`);
  // A large seed is quicker to build than to cache (its JSON is some 150 MB).
  const cache = useCache && !large;
  if (cache && existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    repo.importData(cached.data);
    return cached.summary;
  }
  const seed = await buildSeed(options);
  if (large) {
    const sample = new Set(['Patient/borger-00001', 'CareTeam/genoptraening-oest']);
    for (const r of seed.resources) if (sample.has(`${r.resourceType}/${r.id}`) || r.id?.includes('borger-00001')) validate(r);
    repo.importData({ format: FORMAT, resources: groupByType(seed.resources.map((r) => ({ ...r, meta: { ...r.meta, versionId: '1', lastUpdated: SEEDED_AT } }))), history: {} });
  } else {
    for (const resource of seed.resources) await repo.createResource(resource);
  }
  if (cache) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ summary: seed.summary, data: repo.exportData() }));
    renameSync(`${file}.tmp`, file);
  }
  return seed.summary;
}

function groupByType(resources) {
  const out = {};
  for (const r of resources) (out[r.resourceType] ??= []).push(r);
  return out;
}
