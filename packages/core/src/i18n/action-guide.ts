// Strings of <kpro-action-guide>. Danish (the default) and English; a host adds a language with
// `actionGuideText.register(code, strings)`.
import { section } from './catalogue.js';
import type { GuidanceWarningCode } from '../guidance/types.js';

type Params = Record<string, string | number>;

/** Strings of <kpro-action-guide> (handlevejledninger). Guide content is not here: it has its own language. */
export interface ActionGuideTranslation {
  title: string;
  count: (n: number) => string;
  noTriage: string;
  none: string;
  noGuides: string;
  colour: Record<'red' | 'yellow' | 'green', string>;
  triggeredBy: string;
  when: string;
  phrases: string;
  interpretation: string;
  agreements: string;
  offers: string;
  copy: string;
  copyLabel: (n: number) => string;
  copied: string;
  copyFailed: string;
  newWindow: string;
  call: (phone: string) => string;
  hours: string;
  origin: { national: string; regional: (name: string) => string; municipal: (name: string) => string };
  phraseAdapted: (name: string) => string;
  markDiscussed: string;
  discussed: string;
  opened: (title: string) => string;
  noGuideForAnswer: string;
  warningsTitle: string;
  warnings: Record<GuidanceWarningCode, (p: Params) => string>;
}

const da: ActionGuideTranslation = {
  title: 'Handlevejledninger',
  count: (n) => (n === 1 ? '1 handlevejledning' : `${n} handlevejledninger`),
  noTriage: 'Vælg en besvarelse for at se handlevejledninger.',
  none: 'Ingen handlevejledninger til denne besvarelse',
  noGuides: 'Der er ingen handlevejledninger til dette spørgeskema.',
  colour: { red: 'Rød', yellow: 'Gul', green: 'Grøn' },
  triggeredBy: 'Vises på grund af',
  when: 'Hvornår',
  phrases: 'Sådan kan du åbne samtalen',
  interpretation: 'Sådan kan du læse svaret',
  agreements: 'Hvad I kan aftale',
  offers: 'Tilbud',
  copy: 'Kopiér',
  copyLabel: (n) => `Kopiér formulering ${n}`,
  copied: 'Kopieret',
  copyFailed: 'Kunne ikke kopiere. Teksten er markeret: tryk Ctrl+C (Cmd+C på Mac).',
  newWindow: '(åbner i et nyt vindue)',
  call: (phone) => `Ring ${phone}`,
  hours: 'Åbent',
  origin: { national: 'Nationalt tilbud', regional: (name) => `Regionalt tilbud, ${name}`, municipal: (name) => `Kommunalt tilbud, ${name}` },
  phraseAdapted: (name) => `Tilpasset af ${name}`,
  markDiscussed: 'Drøftet med borgeren',
  discussed: 'Drøftet med borgeren ✓',
  opened: (title) => `Handlevejledningen "${title}" er åbnet.`,
  noGuideForAnswer: 'Der er ingen handlevejledning til det valgte svar.',
  warningsTitle: 'Nogle handlevejledninger kunne ikke vises',
  warnings: {
    'guide-invalid-json': (p) => `${p.source}: indholdet er ikke gyldig JSON og er sprunget over.`,
    'guide-schema': (p) => `${p.id}: handlevejledningen følger ikke formatet (${p.path}: ${p.detail}) og er sprunget over.`,
    'guide-unsafe-link': (p) => `${p.id}: et link er ikke sikkert (${p.path}) og handlevejledningen er sprunget over.`,
    'guide-html': (p) => `${p.id}: teksten indeholder HTML (${p.path}) og handlevejledningen er sprunget over.`,
    'guide-not-action-guidance': (p) => `${p.source} er ikke en handlevejledning og er sprunget over.`,
    'guide-no-content': (p) => `${p.source}: handlevejledningen har intet indhold og er sprunget over.`,
    'guide-bad-content': (p) => `${p.source}: indholdet kan ikke læses og er sprunget over.`,
    'guide-duplicate': (p) => `${p.id} findes to gange; den sidste er sprunget over.`,
    'guide-questionnaire-mismatch': (p) => `${p.id} hører til et andet spørgeskema og er sprunget over.`,
    'overlay-unknown-guide': (p) => `${p.source}: der er ingen handlevejledning "${p.id}" at tilpasse.`,
    'overlay-unknown-offer': (p) => `${p.source}: tilbuddet "${p.id}" findes ikke i ${p.guide}.`,
    'overlay-unknown-phrase': (p) => `${p.source}: formuleringen "${p.id}" findes ikke i ${p.guide}.`,
    'overlay-duplicate-offer': (p) => `${p.source}: tilbuddet "${p.id}" findes allerede i ${p.guide}.`,
  },
};

const en: ActionGuideTranslation = {
  title: 'Action guides',
  count: (n) => (n === 1 ? '1 action guide' : `${n} action guides`),
  noTriage: 'Choose a response to see action guides.',
  none: 'No action guides for this response',
  noGuides: 'There are no action guides for this questionnaire.',
  colour: { red: 'Red', yellow: 'Yellow', green: 'Green' },
  triggeredBy: 'Shown because of',
  when: 'When',
  phrases: 'How to open the conversation',
  interpretation: 'How to read the answer',
  agreements: 'What you can agree on',
  offers: 'Offers',
  copy: 'Copy',
  copyLabel: (n) => `Copy phrase ${n}`,
  copied: 'Copied',
  copyFailed: 'Could not copy. The text is selected: press Ctrl+C (Cmd+C on a Mac).',
  newWindow: '(opens in a new window)',
  call: (phone) => `Call ${phone}`,
  hours: 'Open',
  origin: { national: 'National offer', regional: (name) => `Regional offer, ${name}`, municipal: (name) => `Municipal offer, ${name}` },
  phraseAdapted: (name) => `Adapted by ${name}`,
  markDiscussed: 'Discussed with the citizen',
  discussed: 'Discussed with the citizen ✓',
  opened: (title) => `The action guide "${title}" is open.`,
  noGuideForAnswer: 'There is no action guide for the selected answer.',
  warningsTitle: 'Some action guides could not be shown',
  warnings: {
    'guide-invalid-json': (p) => `${p.source}: the content is not valid JSON and was skipped.`,
    'guide-schema': (p) => `${p.id}: the guide does not follow the format (${p.path}: ${p.detail}) and was skipped.`,
    'guide-unsafe-link': (p) => `${p.id}: a link is not safe (${p.path}) and the guide was skipped.`,
    'guide-html': (p) => `${p.id}: the text contains HTML (${p.path}) and the guide was skipped.`,
    'guide-not-action-guidance': (p) => `${p.source} is not an action guide and was skipped.`,
    'guide-no-content': (p) => `${p.source}: the guide has no content and was skipped.`,
    'guide-bad-content': (p) => `${p.source}: the content cannot be read and was skipped.`,
    'guide-duplicate': (p) => `${p.id} is there twice; the second was skipped.`,
    'guide-questionnaire-mismatch': (p) => `${p.id} belongs to another questionnaire and was skipped.`,
    'overlay-unknown-guide': (p) => `${p.source}: there is no guide "${p.id}" to adapt.`,
    'overlay-unknown-offer': (p) => `${p.source}: the offer "${p.id}" is not in ${p.guide}.`,
    'overlay-unknown-phrase': (p) => `${p.source}: the phrase "${p.id}" is not in ${p.guide}.`,
    'overlay-duplicate-offer': (p) => `${p.source}: the offer "${p.id}" is already in ${p.guide}.`,
  },
};

export const actionGuideText = /* @__PURE__ */ section<ActionGuideTranslation>('actionGuide', { da, en });
