// Reads plan templates: PlanDefinition (actions, offsets via relatedAction/offsetDuration, optional repeat
// via timingTiming) -> ActivityDefinition (our questionnaire extension) -> Questionnaire.
import { type CalendarUnit, type PlanOffset, type PlanProblem, type PlanRepeat, type PlanTemplate, type TemplateActivity, QUESTIONNAIRE_EXT } from './types.js';

/** "url|version" of a canonical resource (just the url when it has no version). */
export function canonicalOf(r: { url?: string; version?: string; resourceType?: string; id?: string }): string {
  const url = r.url ?? (r.resourceType && r.id ? `${r.resourceType}/${r.id}` : '');
  return r.version ? `${url}|${r.version}` : url;
}

/** True when two canonicals name the same resource (a missing version matches any version). */
export function sameCanonical(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const [ua, va] = a.split('|');
  const [ub, vb] = b.split('|');
  return ua === ub && (!va || !vb || va === vb);
}

/** Finds a canonical resource by canonical, preferring an exact version. */
export function findCanonical<T extends { url?: string; version?: string }>(list: readonly T[], canonical: string | undefined): T | undefined {
  if (!canonical) return undefined;
  const [url, version] = canonical.split('|');
  const same = list.filter((r) => r.url === url);
  return same.find((r) => !version || r.version === version) ?? (version ? undefined : same[0]);
}

const UNITS: Record<string, CalendarUnit> = { d: 'd', day: 'd', days: 'd', wk: 'wk', week: 'wk', weeks: 'wk', mo: 'mo', month: 'mo', months: 'mo', a: 'a', year: 'a', years: 'a' };

function unitOf(code: string | undefined): CalendarUnit | undefined {
  return code ? UNITS[code] : undefined;
}

/** Everything from resources, bundles and arrays of them, flattened. */
function flatten(input: unknown, out: fhir4.Resource[] = []): fhir4.Resource[] {
  if (Array.isArray(input)) for (const x of input) flatten(x, out);
  else if (input && typeof input === 'object' && 'resourceType' in input) {
    const r = input as fhir4.Resource;
    if (r.resourceType === 'Bundle') for (const e of (r as fhir4.Bundle).entry ?? []) flatten(e.resource, out);
    else out.push(r);
  }
  return out;
}

export interface ReadTemplatesOptions {
  /**
   * Report activities whose questionnaire is not among the given Questionnaires. Default: when any
   * Questionnaire is in the input.
   */
  checkQuestionnaires?: boolean;
}

/**
 * Reads every PlanDefinition in the input (resources, Bundles or arrays) into a template, resolving its
 * ActivityDefinitions and Questionnaires from the same input. Problems are reported on the template,
 * never thrown: the assigner shows the template with what is wrong with it.
 */
export function readPlanTemplates(input: unknown, opts: ReadTemplatesOptions = {}): PlanTemplate[] {
  const all = flatten(input);
  const plans = all.filter((r): r is fhir4.PlanDefinition => r.resourceType === 'PlanDefinition');
  const activities = all.filter((r): r is fhir4.ActivityDefinition => r.resourceType === 'ActivityDefinition');
  const questionnaires = all.filter((r): r is fhir4.Questionnaire => r.resourceType === 'Questionnaire');
  const check = opts.checkQuestionnaires ?? questionnaires.length > 0;
  return plans.map((p) => readPlanTemplate(p, activities, check ? questionnaires : undefined));
}

/** One template; `questionnaires` undefined = do not check that they exist. */
export function readPlanTemplate(plan: fhir4.PlanDefinition, activityDefinitions: readonly fhir4.ActivityDefinition[], questionnaires?: readonly fhir4.Questionnaire[]): PlanTemplate {
  const problems: PlanProblem[] = [];
  const title = plan.title ?? plan.name ?? plan.id ?? '';
  const actions = flattenActions(plan.action ?? []);
  const byId = new Map(actions.map((a, i) => [a.id ?? `action-${i + 1}`, a]));
  const offsets = new Map<string, PlanOffset | null>();

  const offsetOf = (id: string, seen: Set<string>): PlanOffset | null => {
    if (offsets.has(id)) return offsets.get(id)!;
    if (seen.has(id)) {
      problems.push({ code: 'offset-cycle', params: { action: id } });
      return null;
    }
    seen.add(id);
    const action = byId.get(id);
    const rel = action?.relatedAction?.find((r) => ['after-start', 'after', 'after-end', 'concurrent-with-start', 'concurrent', 'before-start', 'before'].includes(r.relationship));
    let result: PlanOffset | null = { value: 0, unit: 'd' };
    if (rel && byId.has(rel.actionId)) {
      const base = offsetOf(rel.actionId, seen);
      const d = rel.offsetDuration;
      const unit = unitOf(d?.code ?? d?.unit) ?? (d ? undefined : 'd');
      if (!base) result = null;
      else if (!unit) {
        problems.push({ code: 'offset-unit', params: { action: id, unit: d?.code ?? d?.unit ?? '' } });
        result = null;
      } else {
        const sign = rel.relationship.startsWith('before') ? -1 : 1;
        result = addOffsets(base, { value: sign * (d?.value ?? 0), unit });
      }
    }
    offsets.set(id, result);
    return result;
  };

  const list: TemplateActivity[] = [];
  for (const [id, action] of byId) {
    const offset = offsetOf(id, new Set());
    const ad = findCanonical(activityDefinitions, action.definitionCanonical);
    const actionTitle = action.title ?? ad?.title ?? id;
    if (!ad) {
      problems.push({ code: 'activity-missing', params: { action: actionTitle, canonical: action.definitionCanonical ?? '' } });
      continue;
    }
    const questionnaire = ad.extension?.find((e) => e.url === QUESTIONNAIRE_EXT)?.valueCanonical;
    const q = questionnaires ? findCanonical(questionnaires, questionnaire) : undefined;
    if (!questionnaire || (questionnaires && !q)) {
      problems.push({ code: 'questionnaire-missing', params: { action: actionTitle, canonical: questionnaire ?? '' } });
    }
    list.push({
      actionId: id,
      title: actionTitle,
      activityDefinition: canonicalOf(ad),
      questionnaire,
      questionnaireTitle: q?.title ?? q?.name,
      offset: offset ?? { value: 0, unit: 'd' },
      repeat: repeatOf(action.timingTiming) ?? repeatOf(ad.timingTiming),
      code: ad.code,
    });
  }
  if (!byId.size) problems.push({ code: 'no-activities', params: { template: title } });
  // Template order is the order of the offsets (stable for equal offsets).
  const order = (a: TemplateActivity) => approxDays(a.offset);
  list.sort((a, b) => order(a) - order(b));
  return { id: plan.id ?? '', canonical: canonicalOf(plan), title, description: plan.description, activities: list, problems, resource: plan };
}

function flattenActions(actions: fhir4.PlanDefinitionAction[]): fhir4.PlanDefinitionAction[] {
  // Nested actions (groups) are flattened; only actions with a definition are activities.
  return actions.flatMap((a) => (a.action?.length && !a.definitionCanonical ? flattenActions(a.action) : a.definitionCanonical ? [a] : []));
}

function repeatOf(t: fhir4.Timing | undefined): PlanRepeat | undefined {
  const r = t?.repeat;
  const unit = unitOf(r?.periodUnit);
  if (!r || !unit || !r.period) return undefined;
  return { count: Math.max(1, r.count ?? 1), period: r.period, periodUnit: unit };
}

function addOffsets(a: PlanOffset, b: PlanOffset): PlanOffset {
  if (a.value === 0) return b;
  if (b.value === 0) return a;
  if (a.unit === b.unit) return { value: a.value + b.value, unit: a.unit };
  const days = approxDays(a) + approxDays(b);
  return { value: days, unit: 'd' };
}

/** Approximate days of an offset (only for ordering and mixing units). */
export function approxDays(o: PlanOffset): number {
  return o.value * { d: 1, wk: 7, mo: 30, a: 365 }[o.unit];
}
