// Strings of <kpro-plan-assigner>. Danish (the default) and English; a host adds a language with
// `planAssignerText.register(code, strings)`.
import { section } from './catalogue.js';
import type { CalendarUnit, OccurrenceStatus, PlanErrorCode } from '../plans/types.js';

type Params = Record<string, string | number>;

export interface PlanAssignerTranslation {
  title: string;
  /** The one-line summary above the plans (e.g. "2 planer"). */
  summary: (plans: number) => string;
  loading: string;
  empty: string;
  adHocGroup: string;
  planStatus: Record<'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown' | 'ad-hoc', string>;
  period: (start: string, end: string) => string;
  careTeam: (name: string) => string;
  /** Occurrence status as text (shown with an icon, never colour alone). */
  status: Record<OccurrenceStatus, string>;
  occurrenceOf: (n: number, total: number) => string;
  answerBy: (date: string) => string;
  questionnaire: string;
  date: string;
  statusHeading: string;
  actions: string;
  openResponse: string;
  openResponseLabel: (title: string, date: string) => string;
  assign: string;
  assignTitle: string;
  stepTemplate: string;
  stepDates: string;
  stepPreview: string;
  searchTemplates: string;
  noTemplates: string;
  noTemplatesAtAll: string;
  sends: string;
  offset: (value: number, unit: CalendarUnit) => string;
  repeat: (count: number, period: number, unit: CalendarUnit) => string;
  unusable: string;
  startDate: string;
  dateFor: (title: string) => string;
  adjusted: string;
  resetDates: string;
  careTeamLabel: string;
  chooseCareTeam: string;
  next: string;
  back: string;
  close: string;
  previewIntro: (template: string, count: number) => string;
  confirm: string;
  saving: string;
  assigned: (title: string) => string;
  vetoed: string;
  cancelPlan: string;
  cancelPlanLabel: (title: string) => string;
  cancelPlanTitle: (title: string) => string;
  cancelOccurrence: string;
  cancelOccurrenceLabel: (title: string, date: string) => string;
  cancelOccurrenceTitle: (title: string, date: string) => string;
  cancelRepeatingNote: string;
  reason: string;
  reasonRequired: string;
  confirmCancelPlan: string;
  confirmCancelOccurrence: string;
  keep: string;
  planCancelled: (title: string) => string;
  occurrenceCancelled: (title: string) => string;
  addAdHoc: string;
  adHocTitle: string;
  adHocQuestionnaire: string;
  adHocChoose: string;
  adHocSend: string;
  adHocSent: (title: string) => string;
  reload: string;
  retry: string;
  readOnly: string;
  errorTitle: string;
  errors: Record<PlanErrorCode, (p: Params) => string>;
}

const da: PlanAssignerTranslation = {
  title: 'Planer',
  summary: (n) => (n === 0 ? 'Ingen planer' : n === 1 ? '1 plan' : `${n} planer`),
  loading: 'Henter planer …',
  empty: 'Borgeren har ingen planer endnu.',
  adHocGroup: 'Ekstra spørgeskemaer',
  planStatus: {
    draft: 'Kladde',
    active: 'Aktiv',
    'on-hold': 'På pause',
    revoked: 'Stoppet',
    completed: 'Afsluttet',
    'entered-in-error': 'Oprettet ved en fejl',
    unknown: 'Ukendt status',
    'ad-hoc': 'Sendt enkeltvis',
  },
  period: (start, end) => `${start} til ${end}`,
  careTeam: (name) => `Ansvarligt team: ${name}`,
  status: { planned: 'Planlagt', due: 'Klar til besvarelse', answered: 'Besvaret', overdue: 'Ikke besvaret (overskredet)', cancelled: 'Aflyst' },
  occurrenceOf: (n, total) => `gang ${n} af ${total}`,
  answerBy: (date) => `besvares senest ${date}`,
  questionnaire: 'Spørgeskema',
  date: 'Dato',
  statusHeading: 'Status',
  actions: 'Handlinger',
  openResponse: 'Se besvarelsen',
  openResponseLabel: (title, date) => `Se besvarelsen af ${title} fra ${date}`,
  assign: 'Tildel plan',
  assignTitle: 'Tildel en plan',
  stepTemplate: '1. Vælg skabelon',
  stepDates: '2. Datoer og team',
  stepPreview: '3. Se og bekræft',
  searchTemplates: 'Søg efter skabelon',
  noTemplates: 'Ingen skabeloner passer til søgningen.',
  noTemplatesAtAll: 'Der er ingen planskabeloner.',
  sends: 'Sender',
  offset: (value, unit) => (value === 0 ? 'Startdagen' : `${{ d: 'Dag', wk: 'Uge', mo: 'Måned', a: 'År' }[unit]} ${value}`),
  repeat: (count, period, unit) =>
    `${count} gange, hver ${period === 1 ? '' : `${period}. `}${{ d: 'dag', wk: 'uge', mo: 'måned', a: 'år' }[unit]}`,
  unusable: 'Kan ikke tildeles',
  startDate: 'Startdato',
  dateFor: (title) => `Dato for ${title}`,
  adjusted: 'ændret',
  resetDates: 'Brug skabelonens datoer',
  careTeamLabel: 'Ansvarligt team',
  chooseCareTeam: 'Vælg team',
  next: 'Næste',
  back: 'Tilbage',
  close: 'Luk',
  previewIntro: (template, count) => `"${template}" sender ${count === 1 ? '1 spørgeskema' : `${count} spørgeskemaer`}:`,
  confirm: 'Tildel planen',
  saving: 'Gemmer …',
  assigned: (title) => `Planen "${title}" er tildelt.`,
  vetoed: 'Tildelingen blev stoppet, før den blev gemt.',
  cancelPlan: 'Stop planen',
  cancelPlanLabel: (title) => `Stop planen ${title}`,
  cancelPlanTitle: (title) => `Stop planen "${title}"`,
  cancelOccurrence: 'Aflys',
  cancelOccurrenceLabel: (title, date) => `Aflys ${title} ${date}`,
  cancelOccurrenceTitle: (title, date) => `Aflys "${title}" ${date}`,
  cancelRepeatingNote: 'Spørgeskemaet gentages: de resterende gange aflyses også.',
  reason: 'Begrundelse',
  reasonRequired: 'Skriv en begrundelse.',
  confirmCancelPlan: 'Stop planen',
  confirmCancelOccurrence: 'Aflys spørgeskemaet',
  keep: 'Fortryd',
  planCancelled: (title) => `Planen "${title}" er stoppet.`,
  occurrenceCancelled: (title) => `"${title}" er aflyst.`,
  addAdHoc: 'Send ekstra spørgeskema',
  adHocTitle: 'Send et ekstra spørgeskema nu',
  adHocQuestionnaire: 'Spørgeskema',
  adHocChoose: 'Vælg spørgeskema',
  adHocSend: 'Send nu',
  adHocSent: (title) => `"${title}" er sendt til borgeren.`,
  reload: 'Hent planen igen',
  retry: 'Prøv igen',
  readOnly: 'Du kan se planerne, men ikke tildele eller stoppe dem.',
  errorTitle: 'Det lykkedes ikke',
  errors: {
    'no-activities': (p) => `Skabelonen "${p.template}" har ingen spørgeskemaer og kan ikke tildeles.`,
    'activity-missing': (p) => `"${p.action}" i skabelonen peger på en aktivitet, der ikke findes (${p.canonical}).`,
    'questionnaire-missing': (p) => `Spørgeskemaet til "${p.action}" findes ikke på serveren${p.canonical ? ` (${p.canonical})` : ''}.`,
    'offset-unit': (p) => `"${p.action}" har en tidsenhed, vi ikke kan bruge (${p.unit}).`,
    'offset-cycle': (p) => `Skabelonens tidspunkter henviser i ring til hinanden ("${p.action}").`,
    'invalid-date': (p) => `Datoen for "${p.action}" er ikke en gyldig dato.`,
    'date-in-past': (p) => `Datoen for "${p.action}" ligger i fortiden. Vælg en dato fra i dag og frem.`,
    'out-of-order': (p) => `"${p.action}" ligger før "${p.previous}". Datoerne skal komme i rækkefølge.`,
    'end-before-start': () => 'En periode slutter, før den begynder.',
    'no-care-team': () => 'Vælg det ansvarlige team.',
    'no-patient': () => 'Der er ingen borger valgt.',
    'timing-missing': () => 'Spørgeskemaet har intet tidspunkt.',
    'timing-no-start': () => 'Tidspunktet mangler en startdato (boundsPeriod.start).',
    'timing-no-timezone': (p) => `Tidspunktet ${p.value} mangler klokkeslæt og tidszone.`,
    'timing-recurring-incomplete': () => 'En gentagelse skal have en hyppighed og enten ugedage eller en periode.',
    'timing-period-unit': (p) => `Perioden har en enhed, som FUT ikke tillader (${p.unit}).`,
    'timing-duration-unit': (p) => `Varigheden har en enhed, som FUT ikke tillader (${p.unit}).`,
    'timing-unit-combination': (p) => `Enheden ${p.unit} kan ikke bruges sammen med ${p.with}.`,
    'no-version': () => 'Planen er ændret af en anden i mellemtiden. Hent planen igen, før du ændrer den.',
    conflict: () => 'Planen er ændret af en anden i mellemtiden. Hent planen igen, og prøv så igen.',
    forbidden: () => 'Du har ikke adgang til at ændre planer for borgeren.',
    unauthorized: () => 'Du er ikke længere logget ind. Log ind igen.',
    'not-found': () => 'Planen eller en del af den findes ikke længere på serveren.',
    invalid: (p) => `Serveren afviste ændringen${p.detail ? `: ${p.detail}` : ''}. Intet er gemt.`,
    server: () => 'Serveren svarede med en fejl. Intet er gemt. Prøv igen om lidt.',
    network: () => 'Serveren kunne ikke nås. Intet er gemt. Prøv igen.',
  },
};

const en: PlanAssignerTranslation = {
  title: 'Plans',
  summary: (n) => (n === 0 ? 'No plans' : n === 1 ? '1 plan' : `${n} plans`),
  loading: 'Loading plans …',
  empty: 'The citizen has no plans yet.',
  adHocGroup: 'Extra questionnaires',
  planStatus: {
    draft: 'Draft',
    active: 'Active',
    'on-hold': 'On hold',
    revoked: 'Stopped',
    completed: 'Completed',
    'entered-in-error': 'Entered in error',
    unknown: 'Unknown status',
    'ad-hoc': 'Sent one at a time',
  },
  period: (start, end) => `${start} to ${end}`,
  careTeam: (name) => `Responsible team: ${name}`,
  status: { planned: 'Planned', due: 'Ready to answer', answered: 'Answered', overdue: 'Not answered (overdue)', cancelled: 'Cancelled' },
  occurrenceOf: (n, total) => `${n} of ${total}`,
  answerBy: (date) => `answer by ${date}`,
  questionnaire: 'Questionnaire',
  date: 'Date',
  statusHeading: 'Status',
  actions: 'Actions',
  openResponse: 'See the answers',
  openResponseLabel: (title, date) => `See the answers to ${title} from ${date}`,
  assign: 'Assign a plan',
  assignTitle: 'Assign a plan',
  stepTemplate: '1. Choose a template',
  stepDates: '2. Dates and team',
  stepPreview: '3. Review and confirm',
  searchTemplates: 'Search templates',
  noTemplates: 'No template matches the search.',
  noTemplatesAtAll: 'There are no plan templates.',
  sends: 'Sends',
  offset: (value, unit) => (value === 0 ? 'Start day' : `${{ d: 'Day', wk: 'Week', mo: 'Month', a: 'Year' }[unit]} ${value}`),
  repeat: (count, period, unit) => `${count} times, every ${period === 1 ? '' : `${period} `}${{ d: 'day', wk: 'week', mo: 'month', a: 'year' }[unit]}${period === 1 ? '' : 's'}`,
  unusable: 'Cannot be assigned',
  startDate: 'Start date',
  dateFor: (title) => `Date for ${title}`,
  adjusted: 'changed',
  resetDates: "Use the template's dates",
  careTeamLabel: 'Responsible team',
  chooseCareTeam: 'Choose a team',
  next: 'Next',
  back: 'Back',
  close: 'Close',
  previewIntro: (template, count) => `"${template}" sends ${count === 1 ? '1 questionnaire' : `${count} questionnaires`}:`,
  confirm: 'Assign the plan',
  saving: 'Saving …',
  assigned: (title) => `The plan "${title}" has been assigned.`,
  vetoed: 'The assignment was stopped before it was saved.',
  cancelPlan: 'Stop the plan',
  cancelPlanLabel: (title) => `Stop the plan ${title}`,
  cancelPlanTitle: (title) => `Stop the plan "${title}"`,
  cancelOccurrence: 'Cancel',
  cancelOccurrenceLabel: (title, date) => `Cancel ${title} ${date}`,
  cancelOccurrenceTitle: (title, date) => `Cancel "${title}" ${date}`,
  cancelRepeatingNote: 'This questionnaire repeats: the remaining times are cancelled too.',
  reason: 'Reason',
  reasonRequired: 'Write a reason.',
  confirmCancelPlan: 'Stop the plan',
  confirmCancelOccurrence: 'Cancel the questionnaire',
  keep: 'Keep it',
  planCancelled: (title) => `The plan "${title}" has been stopped.`,
  occurrenceCancelled: (title) => `"${title}" has been cancelled.`,
  addAdHoc: 'Send an extra questionnaire',
  adHocTitle: 'Send an extra questionnaire now',
  adHocQuestionnaire: 'Questionnaire',
  adHocChoose: 'Choose a questionnaire',
  adHocSend: 'Send now',
  adHocSent: (title) => `"${title}" has been sent to the citizen.`,
  reload: 'Reload the plan',
  retry: 'Try again',
  readOnly: 'You can see the plans but not assign or stop them.',
  errorTitle: 'That did not work',
  errors: {
    'no-activities': (p) => `The template "${p.template}" has no questionnaires and cannot be assigned.`,
    'activity-missing': (p) => `"${p.action}" in the template points to an activity that does not exist (${p.canonical}).`,
    'questionnaire-missing': (p) => `The questionnaire for "${p.action}" is not on the server${p.canonical ? ` (${p.canonical})` : ''}.`,
    'offset-unit': (p) => `"${p.action}" has a time unit we cannot use (${p.unit}).`,
    'offset-cycle': (p) => `The template's times refer to each other in a circle ("${p.action}").`,
    'invalid-date': (p) => `The date for "${p.action}" is not a valid date.`,
    'date-in-past': (p) => `The date for "${p.action}" is in the past. Choose today or later.`,
    'out-of-order': (p) => `"${p.action}" comes before "${p.previous}". The dates must be in order.`,
    'end-before-start': () => 'A period ends before it starts.',
    'no-care-team': () => 'Choose the responsible team.',
    'no-patient': () => 'No citizen is selected.',
    'timing-missing': () => 'The questionnaire has no time.',
    'timing-no-start': () => 'The timing has no start date (boundsPeriod.start).',
    'timing-no-timezone': (p) => `The time ${p.value} has no time of day and time zone.`,
    'timing-recurring-incomplete': () => 'A repeat needs a frequency and either weekdays or a period.',
    'timing-period-unit': (p) => `The period has a unit FUT does not allow (${p.unit}).`,
    'timing-duration-unit': (p) => `The duration has a unit FUT does not allow (${p.unit}).`,
    'timing-unit-combination': (p) => `The unit ${p.unit} cannot be used with ${p.with}.`,
    'no-version': () => 'Someone else has changed the plan in the meantime. Reload the plan before changing it.',
    conflict: () => 'Someone else has changed the plan in the meantime. Reload the plan and try again.',
    forbidden: () => "You do not have access to change the citizen's plans.",
    unauthorized: () => 'You are no longer logged in. Log in again.',
    'not-found': () => 'The plan or part of it no longer exists on the server.',
    invalid: (p) => `The server refused the change${p.detail ? `: ${p.detail}` : ''}. Nothing was saved.`,
    server: () => 'The server answered with an error. Nothing was saved. Try again shortly.',
    network: () => 'The server could not be reached. Nothing was saved. Try again.',
  },
};

export const planAssignerText = /* @__PURE__ */ section<PlanAssignerTranslation>('planAssigner', { da, en });
