import { attachExpressions, type ExpressionOptions } from './expressions.js';
import type { KproWarning } from './errors.js';
import { Form } from './form.js';
import { prepareRichText } from './rich-text.js';

export interface QuestionnaireSession {
  form: Form;
  /** Resolves once lazy parts (FHIRPath, sanitiser) are loaded; undefined when nothing needs loading. */
  ready: Promise<void> | undefined;
}

/**
 * Opens a questionnaire for answering. Synchronous for plain forms (the common, fast case); forms with
 * expressions or rich text get a `ready` promise that loads what they need. Throws KproError on bad input.
 */
export function createQuestionnaireSession(
  input: unknown,
  onWarning?: (w: KproWarning) => void,
  options: Pick<ExpressionOptions, 'launchContext'> = {},
): QuestionnaireSession {
  const form = new Form(input);
  const needs: Promise<void>[] = [];
  if (form.def.usesExpressions) needs.push(attachExpressions(form, onWarning, options));
  if (form.def.usesRichText) needs.push(prepareRichText(form.def));
  return { form, ready: needs.length ? Promise.all(needs).then(() => undefined) : undefined };
}
