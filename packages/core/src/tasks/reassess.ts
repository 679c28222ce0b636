// A response that is changed after it arrived (amended) is triaged again: its ClinicalImpression gets the
// new verdict and its task the new priority and category; a task someone had finished is opened again,
// because what they assessed is no longer what the citizen answered.
import type { ClinicalImpression } from '../triage/clinical-impression.js';
import type { Task } from './arrival.js';
import { isOpenTask } from './read.js';

/** JSON with sorted keys: the same verdict written in another order is the same verdict. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Whether two TriagingResults say the same (overall finding, the answers behind it, the rules used). */
export function sameAssessment(a: ClinicalImpression, b: ClinicalImpression): boolean {
  const gist = (ci: ClinicalImpression) => stable({ extension: ci.extension ?? [], finding: ci.finding ?? [], protocol: ci.protocol ?? [], investigation: ci.investigation ?? [] });
  return gist(a) === gist(b);
}

/**
 * The stored arrival task brought up to date with a new triage (`fresh`: what `arrivalResources` would make
 * now): priority, category and responsible extensions, reason, inputs and requests from `fresh`; the
 * task's own id, focus, history (notes, owner while open) kept. A task that was no longer open is
 * `requested` again, without owner or end, with a note saying why.
 */
export function reassessedTask(existing: Task, fresh: Task, at: string): Task {
  const reopened = !isOpenTask(existing);
  const { owner, executionPeriod, ...rest } = existing;
  return {
    ...rest,
    ...(reopened ? {} : { ...(owner ? { owner } : {}), ...(executionPeriod ? { executionPeriod } : {}) }),
    ...(reopened && executionPeriod?.start ? { executionPeriod: { start: executionPeriod.start } } : {}),
    extension: fresh.extension,
    priority: fresh.priority,
    reasonCode: fresh.reasonCode,
    input: fresh.input,
    ...(fresh.basedOn ? { basedOn: fresh.basedOn } : {}),
    status: reopened ? 'requested' : existing.status,
    note: [...(existing.note ?? []), ...(reopened ? [{ time: at, text: 'Besvarelsen er ændret efter vurderingen; vurdér den igen.' }] : [])],
  };
}
