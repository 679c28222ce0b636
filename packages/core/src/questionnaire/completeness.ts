// Whether a response says something. A response with no answers is never stored as completed, never
// marks a plan occurrence answered and never becomes the result a clinician is shown first: "not
// answered" must not pass for an answer (clinical safety: a blank form is no sign of well-being).
import type { QuestionnaireResponse } from '../fhir/types.js';
import type { Form, ItemNode } from './form.js';
import { validateForm, type ValidationIssue } from './validation.js';

/**
 * A question the person answering is asked: shown (enabled, not hidden, no hidden group around it),
 * answerable (not read-only, not calculated), and not a group or a display text.
 */
export function isAskedQuestion(node: ItemNode): boolean {
  const def = node.def;
  if (!node.enabled || def.type === 'group' || def.type === 'display' || def.readOnly || def.hidden) return false;
  for (let p = node.parent; p; p = p.parent) if (p.def.hidden) return false;
  return true;
}

export interface Completeness {
  /** Questions asked (see isAskedQuestion). */
  asked: number;
  /** Of those, how many have an answer. */
  answered: number;
}

/** How much of the form is answered: only questions the person is asked count. */
export function completeness(form: Form): Completeness {
  let asked = 0;
  let answered = 0;
  for (const node of form.nodes()) {
    if (!isAskedQuestion(node)) continue;
    asked++;
    if (node.answers.length) answered++;
  }
  return { asked, answered };
}

/**
 * What a submit may do now:
 * - `invalid`: required questions are missing or answers break their rules: the error summary says which;
 * - `empty`: nothing is answered: never submitted (a blank response is not a response);
 * - `confirm`: optional questions are unanswered: ask once ("5 af 12 ikke besvaret. Send alligevel?");
 * - `ready`: submit.
 */
export type SubmitDecision =
  | { kind: 'empty' }
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'confirm'; unanswered: number; asked: number }
  | { kind: 'ready' };

/**
 * Decides a submit. `confirmed` is true when the person already said "send anyway" to these unanswered
 * questions. `issues` may be passed when the caller has them (validation is not run twice).
 */
export function submitDecision(form: Form, opts: { confirmed?: boolean; issues?: ValidationIssue[] } = {}): SubmitDecision {
  const issues = opts.issues ?? validateForm(form);
  if (issues.length) return { kind: 'invalid', issues };
  const { asked, answered } = completeness(form);
  if (answered === 0) return { kind: 'empty' };
  if (answered < asked && !opts.confirmed) return { kind: 'confirm', unanswered: asked - answered, asked };
  return { kind: 'ready' };
}

/**
 * Whether a stored response says something: at least one answer, anywhere in it. A stored score counts (a
 * total taken over from paper is information); what the form itself sends is held to more (submitDecision
 * counts only questions the person is asked, so a score calculated from nothing never makes a form sendable).
 */
export function responseSaysSomething(response: Pick<QuestionnaireResponse, 'item'>): boolean {
  const walk = (items: fhir4.QuestionnaireResponseItem[] | undefined): boolean => {
    for (const item of items ?? []) {
      if (item.answer?.length) return true;
      if (walk(item.item)) return true;
    }
    return false;
  };
  return walk(response.item);
}
