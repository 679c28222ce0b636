// The clinician's task overview (opgaveoverblik) on FUT's Task model: which query a filter is, what a row
// shows, and what taking, releasing and handling a task writes. No DOM: the element only renders this.
import { personName } from '../fhir/names.js';
import type { Reference } from '../fhir/types.js';
import { nowIso, nowMillis } from '../time/clock.js';
import { taskCategoryOf, taskColourOf, taskSummaryOf } from './read.js';
import { OPEN_TASK_STATUSES, TASK_CATEGORY } from './urls.js';
import { PRIORITY_OF } from './priority.js';

/** What a row's colour is: the triage colour of an answer to assess, or a missing answer. */
export type TaskColour = 'red' | 'yellow' | 'green' | 'none' | 'missing';

/** Colours the counts and the colour filter know, red first, missing answers last. */
export const TASK_COLOURS = ['red', 'yellow', 'green', 'none', 'missing'] as const satisfies readonly TaskColour[];

/** Whose tasks: the user's own, every team the user is in, or one team. */
export type TaskScope = 'mine' | 'teams' | { team: string };

export interface TaskFilter {
  scope: TaskScope;
  /** Only this colour (the colour filter); undefined: all. */
  colour?: TaskColour;
  /** Free text matched against the citizen's name (on the server). */
  name?: string;
  /** Sort: by colour (red first, then missing answers) or by arrival. */
  sort?: { by: 'colour' | 'arrived'; dir: 'asc' | 'desc' };
}

/** Who is looking: the practitioner and the care teams they belong to. */
export interface TaskViewer {
  user: Reference;
  teams: readonly Pick<fhir4.CareTeam, 'id' | 'name'>[];
}



/** The search parameters of one page of the overview (one request, with the citizen, focus and request included). */
export function taskSearch(filter: TaskFilter, viewer: TaskViewer, count = 50): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {
    status: OPEN_TASK_STATUSES.join(','),
    _count: String(count),
    _include: 'Task:patient',
    ...scopeParams(filter.scope, viewer),
    ...colourParams(filter.colour),
  };
  const name = filter.name?.trim();
  if (name) params['patient.name'] = name;
  const dir = filter.sort?.dir ?? 'asc';
  const minus = dir === 'desc' ? '-' : '';
  // Colour order: category sorts MeasurementForAssessment < …NotTriaged < MissingMeasurementResolving, and
  // priority asap < urgent < routine: red, yellow, green, no colour, then missing answers. Oldest first within.
  params._sort = filter.sort?.by === 'arrived' ? `${minus}authored-on` : `${minus}category,${minus}priority,authored-on`;
  return params;
}

/** The count of every colour for a scope and name (one `_summary=count` search each; never a page of rows). */
export function taskCountSearches(filter: Omit<TaskFilter, 'colour' | 'sort'>, viewer: TaskViewer): Record<TaskColour, Record<string, string | string[]>> {
  const base: Record<string, string | string[]> = { status: OPEN_TASK_STATUSES.join(','), _summary: 'count', ...scopeParams(filter.scope, viewer) };
  const name = filter.name?.trim();
  if (name) base['patient.name'] = name;
  return Object.fromEntries(TASK_COLOURS.map((c) => [c, { ...base, ...colourParams(c) }])) as Record<TaskColour, Record<string, string | string[]>>;
}

function scopeParams(scope: TaskScope, viewer: TaskViewer): Record<string, string> {
  if (scope === 'mine') return { owner: viewer.user.reference ?? '' };
  const teams = typeof scope === 'object' ? [scope.team] : viewer.teams.map((t) => t.id).filter((id): id is string => !!id);
  // No team: a value that matches nothing, never "all tasks".
  return { responsible: teams.length ? teams.map((id) => `CareTeam/${id}`).join(',') : 'CareTeam/-' };
}

function colourParams(colour: TaskColour | undefined): Record<string, string> {
  if (!colour) return {};
  if (colour === 'missing') return { category: TASK_CATEGORY.missing };
  if (colour === 'none') return { category: TASK_CATEGORY.notTriaged };
  return { category: TASK_CATEGORY.assessment, priority: PRIORITY_OF[colour] };
}

/** A row of the overview. */
export interface TaskRow {
  id: string;
  task: fhir4.Task;
  colour: TaskColour;
  citizen: { id?: string; name: string };
  /** "Kommunal rehabilitering – Afsluttende samtale (uge 12)", or the task's description. */
  title: string;
  /** When it arrived (authoredOn). */
  arrived?: string;
  owner?: Reference;
  status: fhir4.Task['status'];
  /** Names of the responsible care teams. */
  teams: string[];
}

/** The row colour: a missing answer, or the colour of the answer to assess (core's taskColourOf; grey reads as none). */
export function taskColour(task: fhir4.Task): TaskColour {
  if (taskCategoryOf(task) === TASK_CATEGORY.missing) return 'missing';
  const c = taskColourOf(task);
  return c === 'red' || c === 'yellow' || c === 'green' ? c : 'none';
}

/**
 * Rows from one page: the tasks and the citizens the search included (names only: a task list reads no
 * clinical data; the questionnaire and the occurrence are on the task's references).
 */
export function taskRows(tasks: readonly fhir4.Task[], included: readonly fhir4.Resource[]): TaskRow[] {
  const patients = new Map(included.filter((r): r is fhir4.Patient => r.resourceType === 'Patient').map((p) => [p.id, p]));
  return tasks.map((task) => {
    const s = taskSummaryOf(task);
    const patient = s.patientId ? patients.get(s.patientId) : undefined;
    const title = [s.questionnaire, s.occurrence && s.occurrence !== s.questionnaire ? s.occurrence : undefined].filter(Boolean).join(' – ') || task.description || '';
    return {
      id: task.id ?? '',
      task,
      colour: taskColour(task),
      citizen: { ...(s.patientId ? { id: s.patientId } : {}), name: personName(patient) || task.for?.display || '' },
      title,
      ...(task.authoredOn ? { arrived: task.authoredOn } : {}),
      ...(s.owner ? { owner: s.owner } : {}),
      status: task.status,
      teams: s.teams.map((t) => t.display ?? t.reference ?? '').filter(Boolean),
    };
  });
}

/** Whole hours a task has waited since it arrived (now: the clock). */
export function hoursWaited(arrived: string | undefined, now = nowMillis()): number | undefined {
  const t = arrived ? Date.parse(arrived) : NaN;
  return Number.isNaN(t) ? undefined : Math.max(0, Math.floor((now - t) / 3_600_000));
}

/** "Take" a task: the user owns it and works on it. */
export function takeTask(task: fhir4.Task, user: Reference): fhir4.Task {
  return { ...task, owner: user, status: 'in-progress', lastModified: nowIso() };
}

/** "Release" a task: back in the team's list, nobody's. */
export function releaseTask(task: fhir4.Task): fhir4.Task {
  const { owner: _owner, ...rest } = task;
  return { ...rest, status: 'requested', lastModified: nowIso() };
}

/** "Vurderet": handled, with the clinician's note when there is one; kept (completed), never deleted. */
export function completeTask(task: fhir4.Task, user: Reference, note?: string): fhir4.Task {
  const at = nowIso();
  const text = note?.trim();
  return {
    ...task,
    status: 'completed',
    owner: task.owner ?? user,
    lastModified: at,
    executionPeriod: { ...(task.executionPeriod ?? {}), end: at },
    ...(text ? { note: [...(task.note ?? []), { text, authorReference: user, time: at }] } : {}),
  };
}

/** The version a task was read at, for If-Match. */
export function versionTag(resource: fhir4.Resource): string | undefined {
  return resource.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined;
}
