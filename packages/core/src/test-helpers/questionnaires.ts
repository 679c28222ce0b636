// Small builders shared by the core tests. Not part of the package build (see tsconfig.build.json).
import type { Questionnaire, QuestionnaireItem } from '../fhir/types.js';
import { Form, type ItemNode } from '../questionnaire/form.js';
import type { AnswerValue } from '../questionnaire/values.js';

/** A minimal R4 Questionnaire around the given items. */
export function questionnaire(items: QuestionnaireItem[], extra: Partial<Questionnaire> = {}): Questionnaire {
  return { resourceType: 'Questionnaire', status: 'active', url: 'http://example.org/Questionnaire/test', item: items, ...extra };
}

/** The only node with this linkId (fails loudly when there is none or several). */
export function nodeOf(form: Form, linkId: string): ItemNode {
  const nodes = form.nodesFor(linkId);
  if (nodes.length !== 1) throw new Error(`Expected exactly one node for ${linkId}, found ${nodes.length}`);
  return nodes[0]!;
}

export function answer(form: Form, linkId: string, ...answers: AnswerValue[]): void {
  form.setAnswers(nodeOf(form, linkId), answers);
}

export function enabled(form: Form, linkId: string): boolean {
  return nodeOf(form, linkId).enabled;
}

/** Loads a questionnaire from the conformance corpus served by the test runner. */
export async function conformanceQuestionnaire(name: string): Promise<Questionnaire> {
  const res = await fetch(`/__conformance__/${name}`);
  if (!res.ok) throw new Error(`Could not fetch ${name}: ${res.status}`);
  return (await res.json()) as Questionnaire;
}

export { Form };
