// SMART scopes in words a person can judge on a consent page: "Læse borgerens besvarelser", never
// "patient/QuestionnaireResponse.cru". The strings live next to the logic that picks them.
import { section } from '../i18n/catalogue.js';
import { parseScopes, type ScopeAction } from './scopes.js';

/** Who reads the words: a clinician opening a citizen, or the citizen about their own data. */
export type ScopeAudience = 'clinician' | 'citizen';

export interface ScopeWords {
  /** "Læse", "oprette", "ændre", "slette" joined: "læse og ændre". */
  verbs: Record<'read' | 'create' | 'update' | 'delete', string>;
  and: (list: string[]) => string;
  /** "Læse og ændre borgerens besvarelser" / "… dine besvarelser". */
  data: (verbs: string, what: string, audience: ScopeAudience) => string;
  /** Names of the kinds of data, plural, lower case. */
  types: Record<string, string>;
  /** Anything of the citizen's (`patient/*`). */
  everything: string;
  /** Definitions everyone may read (`user/Questionnaire.rs` …): one line for all of them. */
  definitions: (list: string) => string;
  launch: Record<ScopeAudience, string>;
  identity: Record<ScopeAudience, string>;
  session: string;
  offline: string;
  /** A scope we have no words for is shown as it is, marked so. */
  other: (scope: string) => string;
}

const join = (and: string) => (list: string[]) => (list.length < 2 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${and} ${list.at(-1)}`);

const da: ScopeWords = {
  verbs: { read: 'læse', create: 'oprette', update: 'ændre', delete: 'slette' },
  and: join('og'),
  data: (v, w, a) => `${v[0]!.toUpperCase()}${v.slice(1)} ${a === 'citizen' ? 'dine' : 'borgerens'} ${w}`,
  types: {
    QuestionnaireResponse: 'besvarelser',
    CarePlan: 'planer',
    ServiceRequest: 'udsendte spørgeskemaer',
    Task: 'opgaver',
    ClinicalImpression: 'vurderinger',
    AuditEvent: 'adgangslog',
    Patient: 'stamoplysninger',
    Condition: 'diagnoser',
    EpisodeOfCare: 'forløb',
    Observation: 'målinger',
    Questionnaire: 'spørgeskemaer',
    PlanDefinition: 'planskabeloner',
    ActivityDefinition: 'aktiviteter i planskabeloner',
    Basic: 'handlevejledninger',
    CareTeam: 'teams',
    Practitioner: 'medarbejdere',
    PractitionerRole: 'medarbejderroller',
    Organization: 'organisationer',
    ValueSet: 'svarmuligheder (værdisæt)',
    CodeSystem: 'kodesystemer',
    Library: 'beregningsregler',
  },
  everything: 'oplysninger',
  definitions: (l) => `Læse ${l}`,
  launch: { clinician: 'Åbne den borger, du har valgt i journalen', citizen: 'Åbne dine egne spørgeskemaer' },
  identity: { clinician: 'Vide, hvem du er (navn og rolle)', citizen: 'Vide, hvem du er' },
  session: 'Holde dig logget ind, mens appen er åben',
  offline: 'Holde dig logget ind, også når appen er lukket',
  other: (s) => `Anden adgang: ${s}`,
};

const en: ScopeWords = {
  verbs: { read: 'read', create: 'create', update: 'change', delete: 'delete' },
  and: join('and'),
  data: (v, w, a) => `${v[0]!.toUpperCase()}${v.slice(1)} ${a === 'citizen' ? 'your' : "the citizen's"} ${w}`,
  types: {
    QuestionnaireResponse: 'responses',
    CarePlan: 'plans',
    ServiceRequest: 'questionnaires sent',
    Task: 'tasks',
    ClinicalImpression: 'assessments',
    AuditEvent: 'access log',
    Patient: 'personal details',
    Condition: 'diagnoses',
    EpisodeOfCare: 'episodes of care',
    Observation: 'measurements',
    Questionnaire: 'questionnaires',
    PlanDefinition: 'plan templates',
    ActivityDefinition: 'activities of plan templates',
    Basic: 'action guides',
    CareTeam: 'teams',
    Practitioner: 'staff',
    PractitionerRole: 'staff roles',
    Organization: 'organisations',
    ValueSet: 'answer options (value sets)',
    CodeSystem: 'code systems',
    Library: 'calculation rules',
  },
  everything: 'data',
  definitions: (l) => `Read ${l}`,
  launch: { clinician: 'Open the citizen you chose in the record', citizen: 'Open your own questionnaires' },
  identity: { clinician: 'Know who you are (name and role)', citizen: 'Know who you are' },
  session: 'Keep you logged in while the app is open',
  offline: 'Keep you logged in, also when the app is closed',
  other: (s) => `Other access: ${s}`,
};

export const scopeText = /* @__PURE__ */ section<ScopeWords>('scopes', { da, en });

const VERB_OF: Record<ScopeAction, keyof ScopeWords['verbs'] | undefined> = { r: 'read', s: 'read', c: 'create', u: 'update', d: 'delete' };

/**
 * The granted scopes as lines a person reads on a consent page, in order: who you are, what opens, the
 * citizen's data by kind and what may be done with it, the definitions read, staying logged in.
 */
export function describeScopes(scope: string | undefined, lang: string, audience: ScopeAudience): string[] {
  const t = scopeText.for(lang);
  const words = (scope ?? '').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  if (words.includes('openid') || words.includes('fhirUser') || words.includes('profile')) lines.push(t.identity[audience]);
  if (words.some((w) => w === 'launch' || w.startsWith('launch/'))) lines.push(t.launch[audience]);
  const definitions: string[] = [];
  const known = new Set(['openid', 'fhirUser', 'profile', 'launch', 'online_access', 'offline_access']);
  for (const g of parseScopes(scope)) {
    const verbs = [...new Set([...g.actions].map((a) => VERB_OF[a]).filter((v): v is keyof ScopeWords['verbs'] => !!v))]
      .sort((a, b) => ['read', 'create', 'update', 'delete'].indexOf(a) - ['read', 'create', 'update', 'delete'].indexOf(b))
      .map((v) => t.verbs[v]);
    const what = g.type === '*' ? t.everything : t.types[g.type] ?? g.type;
    if (g.level === 'user' && verbs.length === 1 && verbs[0] === t.verbs.read) definitions.push(what);
    else lines.push(t.data(t.and(verbs), what, audience));
  }
  if (definitions.length) lines.push(t.definitions(t.and(definitions)));
  if (words.includes('online_access')) lines.push(t.session);
  if (words.includes('offline_access')) lines.push(t.offline);
  for (const w of words) {
    if (known.has(w) || w.startsWith('launch/') || /^(patient|user|system)\//.test(w)) continue;
    lines.push(t.other(w));
  }
  return [...new Set(lines)];
}
