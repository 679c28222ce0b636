// Strings of <kpro-task-overview>, next to the logic they describe. Danish (the default) and English; a host
// adds a language with `taskOverviewText.register(code, strings)`.
import { section } from '../i18n/catalogue.js';
import type { TaskColour } from './overview.js';

export interface TaskOverviewTranslation {
  title: string;
  loading: string;
  /** No open task in the chosen scope at all. */
  empty: string;
  /** Open tasks exist, but none match the colour or the name. */
  emptyFiltered: string;
  failed: string;
  retry: string;
  countsLabel: string;
  /** "Rød: 4" in the counts; also the colour filter's options. */
  colour: Record<TaskColour, string>;
  /** Plain words for the colours in a row, with the icon (never colour alone). */
  colourLong: Record<TaskColour, string>;
  scope: string;
  scopeMine: string;
  scopeTeams: string;
  colourFilter: string;
  allColours: string;
  search: string;
  searchHint: string;
  columns: { colour: string; citizen: string; questionnaire: string; arrived: string; waited: string; owner: string; actions: string };
  sortBy: (column: string, dir: 'asc' | 'desc') => string;
  waited: (hours: number) => string;
  nobody: string;
  you: string;
  take: string;
  release: string;
  handled: string;
  open: string;
  rowLabel: (action: string, citizen: string) => string;
  handledTitle: (citizen: string) => string;
  note: string;
  noteHint: string;
  saveHandled: string;
  cancel: string;
  more: (shown: number, total: number) => string;
  shownOf: (shown: number, total: number) => string;
  taken: (citizen: string) => string;
  released: (citizen: string) => string;
  completed: (citizen: string) => string;
  conflict: string;
  saveFailed: string;
  openFailed: string;
}

const da: TaskOverviewTranslation = {
  title: 'Opgaver',
  loading: 'Henter opgaver …',
  empty: 'Der er ingen åbne opgaver.',
  emptyFiltered: 'Ingen åbne opgaver passer på det valgte.',
  failed: 'Opgaverne kunne ikke hentes.',
  retry: 'Prøv igen',
  countsLabel: 'Åbne opgaver efter farve',
  colour: { red: 'Rød', yellow: 'Gul', green: 'Grøn', none: 'Uden farve', missing: 'Mangler svar' },
  colourLong: {
    red: 'Rød – kræver særlig opmærksomhed',
    yellow: 'Gul – drøft og følg op',
    green: 'Grøn – ressource',
    none: 'Uden farve – ingen farveregel',
    missing: 'Manglende besvarelse',
  },
  scope: 'Vis',
  scopeMine: 'Mine opgaver',
  scopeTeams: 'Alle mine teams',
  colourFilter: 'Farve',
  allColours: 'Alle',
  search: 'Søg på borgerens navn',
  searchHint: 'Søgningen sker i jeres teams’ opgaver.',
  columns: { colour: 'Farve', citizen: 'Borger', questionnaire: 'Spørgeskema', arrived: 'Modtaget', waited: 'Ventet', owner: 'Ansvarlig', actions: 'Handlinger' },
  sortBy: (c, d) => `Sortér efter ${c.toLowerCase()} (${d === 'asc' ? 'stigende' : 'faldende'})`,
  waited: (h) => (h < 1 ? 'under 1 time' : h < 48 ? `${h} ${h === 1 ? 'time' : 'timer'}` : `${Math.floor(h / 24)} dage`),
  nobody: 'Ingen',
  you: 'Dig',
  take: 'Tag',
  release: 'Frigiv',
  handled: 'Vurderet',
  open: 'Åbn borger',
  rowLabel: (a, c) => `${a}: ${c}`,
  handledTitle: (c) => `Marker som vurderet: ${c}`,
  note: 'Notat (valgfrit)',
  noteHint: 'Fx hvad I aftalte. Notatet gemmes på opgaven.',
  saveHandled: 'Gem som vurderet',
  cancel: 'Fortryd',
  more: (s, t) => `Vis flere (${s} af ${t} vist)`,
  shownOf: (s, t) => `Viser ${s} af ${t}`,
  taken: (c) => `Du har taget opgaven for ${c}.`,
  released: (c) => `Opgaven for ${c} er frigivet til teamet.`,
  completed: (c) => `Opgaven for ${c} er markeret som vurderet.`,
  conflict: 'Opgaven er ændret af en anden i mellemtiden, fx taget af en kollega. Listen er hentet igen.',
  saveFailed: 'Ændringen kunne ikke gemmes. Prøv igen.',
  openFailed: 'Borgeren kunne ikke åbnes herfra. Åbn borgeren i journalen.',
};

const en: TaskOverviewTranslation = {
  title: 'Tasks',
  loading: 'Loading tasks …',
  empty: 'There are no open tasks.',
  emptyFiltered: 'No open task matches your choice.',
  failed: 'The tasks could not be loaded.',
  retry: 'Try again',
  countsLabel: 'Open tasks by colour',
  colour: { red: 'Red', yellow: 'Yellow', green: 'Green', none: 'No colour', missing: 'Missing' },
  colourLong: {
    red: 'Red – needs special attention',
    yellow: 'Yellow – discuss and follow up',
    green: 'Green – resource',
    none: 'No colour – no colour rule',
    missing: 'Missing answer',
  },
  scope: 'Show',
  scopeMine: 'My tasks',
  scopeTeams: 'All my teams',
  colourFilter: 'Colour',
  allColours: 'All',
  search: "Search by the citizen's name",
  searchHint: "Searches your teams' tasks.",
  columns: { colour: 'Colour', citizen: 'Citizen', questionnaire: 'Questionnaire', arrived: 'Arrived', waited: 'Waited', owner: 'Owner', actions: 'Actions' },
  sortBy: (c, d) => `Sort by ${c.toLowerCase()} (${d === 'asc' ? 'ascending' : 'descending'})`,
  waited: (h) => (h < 1 ? 'under 1 hour' : h < 48 ? `${h} ${h === 1 ? 'hour' : 'hours'}` : `${Math.floor(h / 24)} days`),
  nobody: 'Nobody',
  you: 'You',
  take: 'Take',
  release: 'Release',
  handled: 'Assessed',
  open: 'Open citizen',
  rowLabel: (a, c) => `${a}: ${c}`,
  handledTitle: (c) => `Mark as assessed: ${c}`,
  note: 'Note (optional)',
  noteHint: 'E.g. what you agreed. The note is kept on the task.',
  saveHandled: 'Save as assessed',
  cancel: 'Cancel',
  more: (s, t) => `Show more (${s} of ${t} shown)`,
  shownOf: (s, t) => `Showing ${s} of ${t}`,
  taken: (c) => `You have taken the task for ${c}.`,
  released: (c) => `The task for ${c} is released to the team.`,
  completed: (c) => `The task for ${c} is marked as assessed.`,
  conflict: 'Someone else changed the task meanwhile, e.g. a colleague took it. The list has been reloaded.',
  saveFailed: 'The change could not be saved. Try again.',
  openFailed: 'The citizen cannot be opened from here. Open the citizen in the record.',
};

export const taskOverviewText = /* @__PURE__ */ section<TaskOverviewTranslation>('taskOverview', { da, en });
