// Strings of the SMART app shell (<kpro-app>). Danish (the default) and English; a host adds a language with
// `appText.register(code, strings)`.
import { section } from './catalogue.js';

/** Strings of the SMART app shell (<kpro-app>). */
export interface AppTranslation {
  title: string;
  loadingCitizen: string;
  citizen: string;
  cpr: string;
  showCpr: string;
  hideCpr: string;
  born: string;
  age: (years: number) => string;
  user: string;
  readOnlyUser: string;
  views: { answers: string; plans: string; answerOnBehalf: string; citizen: string; team: string };
  /** A task's citizen could not be opened from the list (no EHR to ask for a new launch). */
  openInRecord: (citizen: string) => string;
  /** The citizen's care teams and who is on them. */
  team: {
    title: string;
    intro: string;
    none: string;
    members: string;
    noMembers: string;
    remove: string;
    removeLabel: (member: string, team: string) => string;
    add: string;
    addLabel: (team: string) => string;
    choose: string;
    added: (member: string, team: string) => string;
    removed: (member: string, team: string) => string;
    conflict: string;
    failed: string;
    readOnly: string;
  };
  noResponses: string;
  responsesTitle: string;
  latestResponse: (date: string) => string;
  responseFrom: (date: string) => string;
  dueTitle: string;
  noDue: string;
  answeredTitle: string;
  allQuestionnaires: string;
  startAnswering: string;
  dueDate: (date: string) => string;
  /** An overdue occurrence is still open to answer. */
  overdueSince: (date: string) => string;
  upcomingTitle: string;
  /** A coming occurrence: when it opens (nothing to answer before). */
  opensOn: (date: string) => string;
  /** "Kommunal rehabilitering – Afsluttende samtale (uge 12)", "WHO-5 (2 af 4)". */
  entryName: (questionnaire: string, occurrence?: string, number?: { n: number; of: number }) => string;
  showAnswers: string;
  showAnswersLabel: (name: string, date: string) => string;
  answeredOn: (date: string) => string;
  /** After a clinician saved answers on the citizen's behalf. */
  savedFor: (citizen: string) => string;
  /** After the citizen sent their own answers. */
  savedCitizen: string;
  back: string;
  saving: string;
  saved: string;
  /** `kind`: why the save failed (`errorKindOf` of the error: network, server, forbidden, conflict, invalid …). */
  saveFailed: (kind: string) => string;
  retry: string;
  plansTitle: string;
  noPlans: string;
  bigScreen: string;
  /** The citizen's own MinLog: who has looked at their data (one row per look-up). */
  lookUps: {
    title: string;
    intro: string;
    loading: string;
    none: string;
    failed: string;
    when: string;
    who: string;
    system: string;
    requests: string;
  };
  print: string;
  /** Closes the guide sheet on a narrow screen and returns to the selected answer. */
  backToAnswer: string;
  guideSheet: string;
  language: string;
  languages: Record<string, string>;
  failures: Record<LaunchFailure, { title: string; next: string }>;
  /** The same failures in words for the citizen (their own page): nothing about journals or IT support. */
  failuresCitizen: Record<LaunchFailure, { title: string; next: string }>;
}

export type LaunchFailure =
  | 'no-launch'
  | 'consent-denied'
  | 'token-refused'
  | 'citizen-not-found'
  | 'server-down'
  | 'forbidden'
  | 'launch-expired'
  | 'unknown-server'
  | 'unknown';

/** Why a save failed, in words, by error kind; anything else is "unknown". */
const saveReasonDa: Record<string, string> = {
  network: 'der er ingen forbindelse til serveren',
  server: 'serveren svarede med en fejl',
  forbidden: 'du har ikke adgang til at gemme dem',
  conflict: 'de er ændret et andet sted imens',
  invalid: 'serveren afviste dem',
  unknown: 'en ukendt fejl',
};
const saveReasonEn: Record<string, string> = {
  network: 'the server cannot be reached',
  server: 'the server answered with an error',
  forbidden: 'you are not allowed to save them',
  conflict: 'they were changed elsewhere meanwhile',
  invalid: 'the server refused them',
  unknown: 'an unknown error',
};

const da: AppTranslation = {
  title: 'PRO',
  loadingCitizen: 'Henter borgerens oplysninger …',
  citizen: 'Borger',
  cpr: 'CPR-nummer',
  showCpr: 'Vis CPR-nummer',
  hideCpr: 'Skjul CPR-nummer',
  born: 'Født',
  age: (y) => `${y} år`,
  user: 'Bruger',
  readOnlyUser: 'Du har læseadgang og kan ikke ændre noget.',
  views: { answers: 'Besvarelser', plans: 'Planer', answerOnBehalf: 'Besvar på borgers vegne', citizen: 'Mine spørgeskemaer', team: 'Team' },
  openInRecord: (c) => `${c || 'Borgeren'} kan ikke åbnes herfra. Åbn borgeren i journalen.`,
  team: {
    title: 'Borgerens teams',
    intro: 'De teams, borgeren er tilknyttet gennem sine forløb og planer. Teamets medarbejdere ser borgerens opgaver i deres opgaveoverblik.',
    none: 'Borgeren er ikke tilknyttet et team.',
    members: 'Medarbejdere',
    noMembers: 'Ingen medarbejdere på teamet.',
    remove: 'Fjern',
    removeLabel: (m, t) => `Fjern ${m} fra ${t}`,
    add: 'Tilføj medarbejder',
    addLabel: (t) => `Tilføj medarbejder til ${t}`,
    choose: 'Vælg medarbejder',
    added: (m, t) => `${m} er tilføjet til ${t}.`,
    removed: (m, t) => `${m} er fjernet fra ${t}.`,
    conflict: 'Teamet er ændret af en anden i mellemtiden. Det er hentet igen; prøv igen.',
    failed: 'Ændringen kunne ikke gemmes. Prøv igen.',
    readOnly: 'Din rolle må ikke ændre teams.',
  },
  noResponses: 'Borgeren har ikke besvaret nogen spørgeskemaer endnu.',
  responsesTitle: 'Besvarelser',
  latestResponse: (d) => `Seneste besvarelse: ${d}`,
  responseFrom: (d) => `Besvarelse fra ${d}`,
  dueTitle: 'Spørgeskemaer der venter',
  noDue: 'Der er ingen spørgeskemaer, der venter på svar.',
  answeredTitle: 'Besvarede spørgeskemaer',
  allQuestionnaires: 'Alle spørgeskemaer',
  startAnswering: 'Besvar',
  dueDate: (d) => `Skal besvares senest ${d}`,
  overdueSince: (d) => `Fristen var ${d}. Kan stadig besvares.`,
  upcomingTitle: 'Kommende spørgeskemaer',
  opensOn: (d) => `Åbner ${d}`,
  entryName: (q, o, n) => `${q}${o ? ` – ${o}` : ''}${n ? ` (${n.n} af ${n.of})` : ''}`,
  showAnswers: 'Vis svar',
  showAnswersLabel: (name, d) => `Vis svar: ${name}, ${d}`,
  answeredOn: (d) => `Besvaret ${d}`,
  savedFor: (c) => `Svarene er gemt for ${c}.`,
  savedCitizen: 'Tak, dine svar er sendt.',
  back: 'Tilbage',
  saving: 'Gemmer svarene …',
  saved: 'Svarene er gemt.',
  saveFailed: (kind) => `Svarene kunne ikke gemmes (${saveReasonDa[kind] ?? saveReasonDa.unknown}). De er bevaret på denne enhed; prøv igen.`,
  retry: 'Prøv igen',
  plansTitle: 'Planer',
  noPlans: 'Borgeren har ingen planer.',
  bigScreen: 'Storskærm (samtale med borgeren)',
  lookUps: {
    title: 'Hvem har set dine oplysninger',
    intro: 'Hver linje er én gang, en medarbejder har åbnet dine oplysninger i PRO, uanset hvor meget der blev set. Det samme ser du i MinLog på sundhed.dk.',
    loading: 'Henter opslagene …',
    none: 'Ingen medarbejdere har åbnet dine oplysninger i PRO endnu.',
    failed: 'Opslagene kunne ikke hentes lige nu. Prøv igen senere.',
    when: 'Hvornår',
    who: 'Hvem',
    system: 'System',
    requests: 'Antal kald',
  },
  print: 'Udskriv',
  backToAnswer: 'Tilbage til svaret',
  guideSheet: 'Handlevejledning til det valgte svar',
  language: 'Sprog',
  languages: { da: 'Dansk', en: 'English' },
  failuresCitizen: {
    'no-launch': { title: 'Siden mangler oplysninger', next: 'Åbn linket til dine spørgeskemaer igen fra din kommunes besked eller hjemmeside. Siden kan ikke åbnes uden.' },
    'consent-denied': { title: 'Du gav ikke adgang', next: 'Siden må ikke vise dine spørgeskemaer, før du giver adgang. Åbn siden igen, og vælg "Godkend".' },
    'token-refused': { title: 'Du er logget ud', next: 'Af sikkerhedshensyn er du logget ud. Åbn siden igen for at logge ind. Det, du har svaret, er ikke gået tabt.' },
    'citizen-not-found': { title: 'Vi kunne ikke finde dine spørgeskemaer', next: 'Kontakt din kommunes sundhedscenter, så de kan hjælpe dig.' },
    'server-down': { title: 'Siden kan ikke få forbindelse', next: 'Prøv igen om lidt. Virker det stadig ikke, så kontakt din kommunes sundhedscenter.' },
    forbidden: { title: 'Du har ikke adgang til dette', next: 'Kontakt din kommunes sundhedscenter, hvis du mener, det er en fejl.' },
    'launch-expired': { title: 'Linket er udløbet', next: 'Af sikkerhedshensyn virker et link kun kort tid og kun én gang. Åbn siden igen fra din kommunes besked eller hjemmeside.' },
    'unknown-server': { title: 'Siden kender ikke den adresse', next: 'Linket peger på et sted, siden ikke må hente data fra. Brug kun linket fra din kommune, og kontakt kommunen, hvis du er i tvivl.' },
    unknown: { title: 'Noget gik galt', next: 'Prøv igen om lidt. Kontakt din kommunes sundhedscenter, hvis fejlen bliver ved.' },
  },
  failures: {
    'no-launch': { title: 'PRO skal åbnes fra journalen', next: 'Åbn borgeren i jeres omsorgssystem, og vælg "Åbn PRO" derfra. Siden kan ikke åbnes direkte.' },
    'consent-denied': { title: 'Adgangen blev afvist', next: 'PRO fik ikke lov til at hente borgerens data. Åbn PRO igen fra journalen, og godkend adgangen.' },
    'token-refused': { title: 'Din adgang er udløbet', next: 'Åbn PRO igen fra journalen for at logge ind på ny. Intet af det, du har skrevet, er gået tabt.' },
    'citizen-not-found': { title: 'Borgeren blev ikke fundet', next: 'Borgeren findes ikke i PRO-systemet. Kontrollér, at du har valgt den rigtige borger i journalen, eller kontakt support.' },
    'server-down': { title: 'PRO-serveren svarer ikke', next: 'Prøv igen om lidt. Virker det stadig ikke, så kontakt jeres IT-support.' },
    forbidden: { title: 'Du har ikke adgang', next: 'Din rolle giver ikke adgang til dette. Kontakt din leder eller jeres IT-support, hvis du mener, det er en fejl.' },
    'launch-expired': {
      title: 'Åbningen fra journalen er udløbet',
      next: 'PRO kan kun åbnes én gang pr. klik i journalen og kun inden for fem minutter. Åbn borgeren igen fra jeres omsorgssystem, og vælg "Åbn PRO".',
    },
    'unknown-server': {
      title: 'Ukendt server',
      next: 'PRO blev bedt om at logge ind på en server, den ikke er sat op til, og har derfor ikke gjort det. Åbn PRO fra jeres eget omsorgssystem, og kontakt IT-support, hvis fejlen bliver ved.',
    },
    unknown: { title: 'Noget gik galt', next: 'Prøv at åbne PRO igen fra journalen. Kontakt support, hvis fejlen bliver ved.' },
  },
};

const en: AppTranslation = {
  title: 'PRO',
  loadingCitizen: "Loading the citizen's details …",
  citizen: 'Citizen',
  cpr: 'CPR number',
  showCpr: 'Show CPR number',
  hideCpr: 'Hide CPR number',
  born: 'Born',
  age: (y) => `${y} years`,
  user: 'User',
  readOnlyUser: 'You have read access and cannot change anything.',
  views: { answers: 'Responses', plans: 'Plans', answerOnBehalf: 'Answer on behalf of the citizen', citizen: 'My questionnaires', team: 'Team' },
  openInRecord: (c) => `${c || 'The citizen'} cannot be opened from here. Open the citizen in the record.`,
  team: {
    title: "The citizen's teams",
    intro: "The teams the citizen is attached to through her episodes of care and plans. The team's staff see the citizen's tasks in their task overview.",
    none: 'The citizen is not attached to a team.',
    members: 'Staff',
    noMembers: 'No staff on the team.',
    remove: 'Remove',
    removeLabel: (m, t) => `Remove ${m} from ${t}`,
    add: 'Add staff member',
    addLabel: (t) => `Add a staff member to ${t}`,
    choose: 'Choose a staff member',
    added: (m, t) => `${m} has been added to ${t}.`,
    removed: (m, t) => `${m} has been removed from ${t}.`,
    conflict: 'Someone else changed the team meanwhile. It has been reloaded; try again.',
    failed: 'The change could not be saved. Try again.',
    readOnly: 'Your role may not change teams.',
  },
  noResponses: 'The citizen has not answered any questionnaires yet.',
  responsesTitle: 'Responses',
  latestResponse: (d) => `Latest response: ${d}`,
  responseFrom: (d) => `Response from ${d}`,
  dueTitle: 'Questionnaires waiting',
  noDue: 'No questionnaires are waiting for answers.',
  answeredTitle: 'Answered questionnaires',
  allQuestionnaires: 'All questionnaires',
  startAnswering: 'Answer',
  dueDate: (d) => `Due by ${d}`,
  overdueSince: (d) => `The deadline was ${d}. It can still be answered.`,
  upcomingTitle: 'Coming questionnaires',
  opensOn: (d) => `Opens ${d}`,
  entryName: (q, o, n) => `${q}${o ? ` – ${o}` : ''}${n ? ` (${n.n} of ${n.of})` : ''}`,
  showAnswers: 'Show answers',
  showAnswersLabel: (name, d) => `Show answers: ${name}, ${d}`,
  answeredOn: (d) => `Answered ${d}`,
  savedFor: (c) => `The answers are saved for ${c}.`,
  savedCitizen: 'Thank you, your answers have been sent.',
  back: 'Back',
  saving: 'Saving the answers …',
  saved: 'The answers are saved.',
  saveFailed: (kind) => `The answers could not be saved (${saveReasonEn[kind] ?? saveReasonEn.unknown}). They are kept on this device; try again.`,
  retry: 'Try again',
  plansTitle: 'Plans',
  noPlans: 'The citizen has no plans.',
  bigScreen: 'Big screen (conversation with the citizen)',
  lookUps: {
    title: 'Who has looked at your data',
    intro: 'Each line is one time a member of staff opened your data in PRO, however much they looked at. MinLog on sundhed.dk shows the same.',
    loading: 'Fetching the look-ups …',
    none: 'No member of staff has opened your data in PRO yet.',
    failed: 'The look-ups could not be fetched right now. Try again later.',
    when: 'When',
    who: 'Who',
    system: 'System',
    requests: 'Requests',
  },
  print: 'Print',
  backToAnswer: 'Back to the answer',
  guideSheet: 'Action guide for the selected answer',
  language: 'Language',
  languages: { da: 'Dansk', en: 'English' },
  failuresCitizen: {
    'no-launch': { title: 'The page is missing some details', next: 'Open the link to your questionnaires again from your municipality\'s message or website. The page cannot be opened without it.' },
    'consent-denied': { title: 'You did not give access', next: 'The page may not show your questionnaires until you give access. Open the page again and choose "Approve".' },
    'token-refused': { title: 'You have been logged out', next: 'For your security you have been logged out. Open the page again to log in. Nothing you answered has been lost.' },
    'citizen-not-found': { title: 'We could not find your questionnaires', next: "Contact your municipality's health centre, and they will help you." },
    'server-down': { title: 'The page cannot connect', next: "Try again in a moment. If it still does not work, contact your municipality's health centre." },
    forbidden: { title: 'You do not have access to this', next: "Contact your municipality's health centre if you think this is a mistake." },
    'launch-expired': { title: 'The link has expired', next: "For your security a link works only for a short time and only once. Open the page again from your municipality's message or website." },
    'unknown-server': { title: 'The page does not know that address', next: 'The link points somewhere this page may not fetch data from. Only use the link from your municipality, and contact them if in doubt.' },
    unknown: { title: 'Something went wrong', next: "Try again in a moment. Contact your municipality's health centre if the error persists." },
  },
  failures: {
    'no-launch': { title: 'PRO must be opened from the record', next: 'Open the citizen in your care record system and choose "Open PRO" there. This page cannot be opened directly.' },
    'consent-denied': { title: 'Access was refused', next: "PRO was not allowed to read the citizen's data. Open PRO again from the record and approve the access." },
    'token-refused': { title: 'Your access has expired', next: 'Open PRO again from the record to log in again. Nothing you typed has been lost.' },
    'citizen-not-found': { title: 'The citizen was not found', next: 'The citizen does not exist in the PRO system. Check that you chose the right citizen in the record, or contact support.' },
    'server-down': { title: 'The PRO server does not answer', next: 'Try again in a moment. If it still does not work, contact your IT support.' },
    forbidden: { title: 'You do not have access', next: 'Your role does not give access to this. Contact your manager or IT support if you think this is a mistake.' },
    'launch-expired': {
      title: 'The launch from the record has expired',
      next: 'PRO opens only once per click in the record, and only within five minutes. Open the citizen again in your care record system and choose "Open PRO".',
    },
    'unknown-server': {
      title: 'Unknown server',
      next: 'PRO was asked to log in to a server it is not set up for, and did not. Open PRO from your own care record system, and contact IT support if this keeps happening.',
    },
    unknown: { title: 'Something went wrong', next: 'Try opening PRO again from the record. Contact support if the error persists.' },
  },
};

export const appText = /* @__PURE__ */ section<AppTranslation>('app', { da, en });
