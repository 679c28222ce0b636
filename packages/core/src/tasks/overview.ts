// The clinician's task overview (opgaveoverblik) on FUT's Task model: which query a filter is, what a row
// shows, and what taking, releasing and handling a task writes. No DOM: the element only renders this.
import { personName } from '../fhir/names.js';
import type { Reference } from '../fhir/types.js';
import { nowIso, nowMillis } from '../time/clock.js';
import { TASK_CATEGORY_EXT, TASK_RESPONSIBLE_EXT, type TaskCategory } from './fhir-task.js';

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

/** Open tasks: not yet handled. */
export const OPEN_STATUSES = ['requested', 'received', 'accepted', 'in-progress'] as const;

/** FUT priority per triage colour (red → asap, yellow → urgent, green → routine). */
const PRIORITY_OF: Partial<Record<TaskColour, fhir4.Task['priority']>> = { red: 'asap', yellow: 'urgent', green: 'routine' };

/** The search parameters of one page of the overview (one request, with the citizen, focus and request included). */
export function taskSearch(filter: TaskFilter, viewer: TaskViewer, count = 50): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {
    status: OPEN_STATUSES.join(','),
    _count: String(count),
    _include: ['Task:patient', 'Task:focus', 'Task:based-on'],
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
  const base: Record<string, string | string[]> = { status: OPEN_STATUSES.join(','), _summary: 'count', ...scopeParams(filter.scope, viewer) };
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
  if (colour === 'missing') return { category: 'MissingMeasurementResolving' };
  if (colour === 'none') return { category: 'MeasurementForAssessmentNotTriaged' };
  return { category: 'MeasurementForAssessment', priority: PRIORITY_OF[colour]! };
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

export function taskCategory(task: fhir4.Task): TaskCategory | undefined {
  const c = task.extension?.find((e) => e.url === TASK_CATEGORY_EXT)?.valueCodeableConcept?.coding?.[0]?.code;
  return c as TaskCategory | undefined;
}

/** The row colour: a missing answer, the triage colour of an answer to assess (from its priority), or none. */
export function taskColour(task: fhir4.Task): TaskColour {
  const category = taskCategory(task);
  if (category === 'MissingMeasurementResolving') return 'missing';
  if (category === 'MeasurementForAssessmentNotTriaged') return 'none';
  return task.priority === 'asap' ? 'red' : task.priority === 'urgent' ? 'yellow' : task.priority === 'routine' ? 'green' : 'none';
}

const idOf = (reference: string | undefined, type: string): string | undefined => {
  const m = reference ? new RegExp(`(?:^|/)${type}/([^/]+)(?:/_history/.*)?$`).exec(reference) : null;
  return m?.[1];
};

/**
 * Rows from one page: the tasks with the citizens, focus resources and requests the search included.
 * `questionnaireTitle` names a request's questionnaire (canonical → title, from a cache of definitions).
 */
export function taskRows(
  tasks: readonly fhir4.Task[],
  included: readonly fhir4.Resource[],
  questionnaireTitle: (canonical: string) => string | undefined = () => undefined,
): TaskRow[] {
  const patients = new Map(included.filter((r): r is fhir4.Patient => r.resourceType === 'Patient').map((p) => [p.id, p]));
  const requests = new Map(included.filter((r): r is fhir4.ServiceRequest => r.resourceType === 'ServiceRequest').map((r) => [r.id, r]));
  return tasks.map((task) => {
    const patientId = idOf(task.for?.reference, 'Patient');
    const patient = patientId ? patients.get(patientId) : undefined;
    const requestId = idOf(task.basedOn?.[0]?.reference, 'ServiceRequest') ?? idOf(task.focus?.reference, 'ServiceRequest');
    const request = requestId ? requests.get(requestId) : undefined;
    const canonical = request?.extension?.find((e) => /\/questionnaire$/.test(e.url))?.valueCanonical;
    const qTitle = canonical ? questionnaireTitle(canonical) : undefined;
    const occurrence = request?.code?.text?.trim();
    const title = [qTitle, occurrence && occurrence !== qTitle ? occurrence : undefined].filter(Boolean).join(' – ') || task.description || '';
    const teams = (task.extension ?? []).filter((e) => e.url === TASK_RESPONSIBLE_EXT).map((e) => e.valueReference?.display ?? e.valueReference?.reference ?? '');
    return {
      id: task.id ?? '',
      task,
      colour: taskColour(task),
      citizen: { ...(patientId ? { id: patientId } : {}), name: personName(patient) || task.for?.display || '' },
      title,
      ...(task.authoredOn ? { arrived: task.authoredOn } : {}),
      ...(task.owner ? { owner: task.owner } : {}),
      status: task.status,
      teams: teams.filter(Boolean),
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
