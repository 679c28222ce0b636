// Synthetic, clearly fictitious Danish seed data. Deterministic: the same ids, names, CPR numbers,
// dates and answers every time (only meta.versionId/lastUpdated come from the server).
//
// - 6 citizens with CPR numbers from the high test range that fail modulus 11 (checked here)
// - Testkommune, two clinicians with PractitionerRoles, a rehabilitation CareTeam
// - the sample questionnaires from packages/core/content/questionnaires (unchanged)
// - plan templates: PlanDefinition -> ActivityDefinition -> Questionnaire
// - per citizen: Condition, EpisodeOfCare, CarePlan + 3 ServiceRequests, 3 QuestionnaireResponses
//   (start, week 6, week 12) whose answers give mostly red, yellow or green results
// - action guides: every *.json in packages/sandbox/seed/guides (none yet)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPR_SYSTEM, passesMod11, testCpr } from './cpr.mjs';
import { cacheDir, guideDir, questionnaireDir } from './paths.mjs';
import { PRACTITIONERS } from './roles.mjs';
import { ANSWERS, DOMAINS, parseProfile } from './seed-answers.mjs';
import { triage } from './seed-triage.mjs';

const KPRO = 'https://kpro.example.dk/fhir';
export const FICTITIOUS_TAG = { system: `${KPRO}/CodeSystem/sandbox`, code: 'fictitious', display: 'Fiktive testdata' };
const HTEST_TAG = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' };
const EPISODE_EXT = 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare';
/** Our link from an ActivityDefinition or ServiceRequest to the Questionnaire that fulfils it (R4 has no element for it). */
export const QUESTIONNAIRE_EXT = `${KPRO}/StructureDefinition/questionnaire`;
const COMPLETE_QUESTIONNAIRE = { system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp', code: 'complete-questionnaire', display: 'Complete Questionnaire' };
const UCUM = 'http://unitsofmeasure.org';

export const ORGANIZATION_ID = 'testkommune';
export const CARE_TEAM_ID = 'rehabiliteringsteam';
const REHAB_Q = 'kommunal-rehabilitering';

/** A CPR in the test range that no seeded citizen has: the EOJ's "unknown citizen" failure. */
export const UNKNOWN_CITIZEN = { name: 'Ukendt Test Borger', cpr: testCpr('1950-06-15', 'female', 3), birthDate: '1950-06-15', gender: 'female' };

/**
 * The citizens. Profiles: one letter per domain (see seed-answers.mjs DOMAINS) for the start,
 * mid-course and final response; R/Y/G = red/yellow/green answers in that domain.
 */
export const CITIZENS = [
  { id: 'inge-test-jensen', given: 'Inge', family: 'Jensen', gender: 'female', birthDate: '1948-03-12', outcome: 'mostly red', profiles: ['RRRRYRYYR', 'RRYRRRYYR', 'RYRRYRRYR'] },
  { id: 'poul-test-nielsen', given: 'Poul', family: 'Nielsen', gender: 'male', birthDate: '1956-07-21', outcome: 'mostly yellow', profiles: ['YYYGYYYGY', 'YYGYYYYYY', 'YGYYYYGYY'], declined: { mid: 'h4' } },
  { id: 'karen-test-hansen', given: 'Karen', family: 'Hansen', gender: 'female', birthDate: '1962-11-02', outcome: 'mostly green', profiles: ['GGGGGGYGG', 'GGGGGGGGG', 'GYGGGGGGG'], onBehalf: 'mid' },
  { id: 'jens-test-pedersen', given: 'Jens', family: 'Pedersen', gender: 'male', birthDate: '1951-01-30', outcome: 'red to green', profiles: ['RRRYRRYYR', 'YYYYYYYGY', 'GGGGGYGGG'] },
  { id: 'birthe-test-andersen', given: 'Birthe', family: 'Andersen', gender: 'female', birthDate: '1944-05-08', outcome: 'green to red', profiles: ['GGGYGGGGG', 'YYYYYGYGY', 'RRRRYGRYR'] },
  { id: 'mette-test-soerensen', given: 'Mette', family: 'Sørensen', gender: 'female', birthDate: '1975-12-24', outcome: 'mostly green, some yellow', profiles: ['YGYGGYGGY', 'GGYGGYGGG', 'GGGGGYGGG'], skipped: { start: 'x2' }, otherAgenda: { slut: 'Jeg vil gerne tale om at komme tilbage på arbejde' } },
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

const tagged = (resource) => ({ ...resource, meta: { tag: [FICTITIOUS_TAG, HTEST_TAG] } });
const ref = (type, id, display) => ({ reference: `${type}/${id}`, ...(display ? { display } : {}) });
const canonical = (r) => `${r.url}|${r.version}`;
const fullName = (c) => `${c.given} Test ${c.family}`;

function organizationAndStaff() {
  const organization = tagged({
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'govt', display: 'Government' }] }],
    name: 'Testkommune',
    alias: ['Sundhed og Omsorg, Testkommune (fiktiv)'],
    address: [{ line: ['Rådhuspladsen 1'], postalCode: '9999', city: 'Testby', country: 'DK' }],
  });
  const practitioners = PRACTITIONERS.map((p) =>
    tagged({
      resourceType: 'Practitioner',
      id: p.id,
      active: true,
      name: [{ use: 'official', text: `${p.given} ${p.family}`, family: p.family, given: [p.given], prefix: [p.title] }],
      qualification: [{ code: { text: p.title } }],
    }),
  );
  const roles = PRACTITIONERS.map((p) =>
    tagged({
      resourceType: 'PractitionerRole',
      id: `${p.id}-role`,
      active: true,
      practitioner: ref('Practitioner', p.id, `${p.title} ${p.given} ${p.family}`),
      organization: ref('Organization', ORGANIZATION_ID, 'Testkommune'),
      code: [
        { coding: [{ system: 'http://ehealth.sundhed.dk/cs/careteam-participant-role', code: p.roleCode }], text: p.roleText },
      ],
      specialty: [{ text: p.title }],
    }),
  );
  const careTeam = tagged({
    resourceType: 'CareTeam',
    id: CARE_TEAM_ID,
    status: 'active',
    name: 'Rehabiliteringsteamet, Testkommune',
    managingOrganization: [ref('Organization', ORGANIZATION_ID, 'Testkommune')],
    participant: PRACTITIONERS.map((p) => ({
      role: [{ coding: [{ system: 'http://ehealth.sundhed.dk/cs/careteam-participant-role', code: p.roleCode }], text: p.roleText }],
      member: ref('Practitioner', p.id, `${p.title} ${p.given} ${p.family}`),
    })),
  });
  return [organization, ...practitioners, ...roles, careTeam];
}

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

function questionnaireResponse(questionnaire, citizen, timepoint, profileText, refs, fp) {
  const answers = responseAnswers(questionnaire, citizen, timepoint, profileText);
  const draft = { resourceType: 'QuestionnaireResponse', item: buildResponseItems(questionnaire, answers) };
  const calculated = new Map();
  for (const { item, evaluate } of compiledCalculations(questionnaire, fp)) {
    const [value] = evaluate(draft, { resource: draft, questionnaire });
    if (value === undefined) continue;
    calculated.set(item.linkId, [item.type === 'boolean' ? { valueBoolean: Boolean(value) } : { valueDecimal: Number(value) }]);
  }
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
    item: buildResponseItems(questionnaire, answers, calculated),
  });
}

function citizenResources(citizen, index, templates, questionnaire, fp) {
  const cpr = testCpr(citizen.birthDate, citizen.gender);
  if (passesMod11(cpr)) throw new Error(`seed: ${cpr} passes modulus 11; test CPRs must fail it`);
  const start = COURSE_START + index * 14 * DAY;
  const end = start + 12 * 7 * DAY;
  const patientRef = ref('Patient', citizen.id, fullName(citizen));
  const episodeRef = ref('EpisodeOfCare', `${citizen.id}-forloeb`);
  const carePlanId = `${citizen.id}-hjerterehabilitering`;
  const mads = ref('Practitioner', 'practitioner-mads', 'Terapeut Mads Madsen');
  const team = ref('CareTeam', CARE_TEAM_ID, 'Rehabiliteringsteamet, Testkommune');
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
    const authored = start + tp.weeks * 7 * DAY + ((index + i) % 3) * DAY + (index * 17 + i * 11) * 60 * 1000 + 90 * 60 * 1000;
    return questionnaireResponse(questionnaire, citizen, tp, citizen.profiles[i], {
      patient: patientRef,
      episode: episodeRef,
      serviceRequest: ref('ServiceRequest', serviceRequests[i].id),
      authored: iso(authored),
    }, fp);
  });
  return { cpr, resources: [patient, condition, episode, ...serviceRequests, carePlan, ...responses], responses };
}

/**
 * Everything the sandbox starts with, in creation order, plus a summary (for the console and tests).
 * @returns {Promise<{ resources: any[], summary: { citizens: { id: string, name: string, cpr: string, outcome: string, results: ReturnType<typeof triage>[] }[] } }>}
 */
export async function buildSeed() {
  const fp = await loadFhirpath();
  const questionnaires = loadQuestionnaires();
  const rehabQuestionnaire = questionnaires.find((q) => q.id === REHAB_Q);
  if (!rehabQuestionnaire) throw new Error(`seed: ${REHAB_Q}.json not found in ${questionnaireDir}`);
  const templates = planTemplates(questionnaires);
  const resources = [...organizationAndStaff(), ...questionnaires, ...templates.resources, ...loadGuides()];
  const citizens = [];
  CITIZENS.forEach((citizen, index) => {
    const built = citizenResources(citizen, index, templates, rehabQuestionnaire, fp);
    resources.push(...built.resources);
    citizens.push({
      id: citizen.id,
      name: fullName(citizen),
      cpr: built.cpr,
      outcome: citizen.outcome,
      results: built.responses.map((qr) => triage(rehabQuestionnaire, qr)),
    });
  });
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
  return { resources, summary: { citizens } };
}

/** Hash of everything the seed is made from, so a cached seed is used only while it is still the same. */
function seedInputsKey() {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const f of ['seed.mjs', 'seed-answers.mjs', 'seed-triage.mjs', 'cpr.mjs', 'roles.mjs', 'fhir-definitions.mjs']) hash.update(readFileSync(join(here, f)));
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

/**
 * Fills an empty repository with the seed. Built and validated (every resource goes through the
 * validating create) the first time; the result is cached under node_modules/.cache, keyed by the seed's
 * inputs, because building it evaluates FHIRPath for every score and takes a few seconds, which every
 * test that starts a sandbox on a fresh data folder would otherwise pay.
 * @param {import('./fhir-repository.mjs').SandboxRepository} repo
 * @param {{ useCache?: boolean }} [options]
 */
export async function seedRepository(repo, { useCache = true } = {}) {
  const file = join(cacheDir, `seed-${seedInputsKey()}.json`);
  if (useCache && existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    repo.importData(cached.data);
    return cached.summary;
  }
  const seed = await buildSeed();
  for (const resource of seed.resources) await repo.createResource(resource);
  if (useCache) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ summary: seed.summary, data: repo.exportData() }));
    renameSync(`${file}.tmp`, file);
  }
  return seed.summary;
}
