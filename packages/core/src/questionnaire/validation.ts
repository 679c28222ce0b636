import type { Form, ItemNode } from './form.js';
import { compareAnswers, rawValue, valueKeyOf, type AnswerValue } from './values.js';

export type ValidationCode =
  | 'required'
  | 'min-length'
  | 'max-length'
  | 'regex'
  | 'min-value'
  | 'max-value'
  | 'max-decimals'
  | 'min-occurs'
  | 'max-occurs'
  | 'invalid-url'
  | 'max-size'
  | 'mime-type'
  | 'invalid-number'
  | 'invalid-date';

export interface ValidationIssue {
  nodeId: string;
  linkId: string;
  code: ValidationCode;
  params: Record<string, string | number>;
}

/** Validates every enabled, editable item. Pure: reads the form, changes nothing. */
export function validateForm(form: Form): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const node of form.nodes()) issues.push(...validateNode(form, node));
  return issues;
}

export function validateNode(form: Form, node: ItemNode): ValidationIssue[] {
  const def = node.def;
  if (!node.enabled || def.type === 'display' || def.hidden) return [];
  const out: ValidationIssue[] = [];
  const add = (code: ValidationCode, params: Record<string, string | number> = {}) =>
    out.push({ nodeId: node.id, linkId: def.linkId, code, params });

  if (def.type === 'group') {
    if (def.required && !hasAnyAnswer(node)) add('required');
    if (def.repeats) {
      const count = form.repeatsOf(node).filter(hasAnyAnswer).length;
      if (form.repeatsOf(node)[0] === node) {
        if (def.minOccurs !== undefined && count < def.minOccurs && (def.required || count > 0)) add('min-occurs', { min: def.minOccurs });
        if (def.maxOccurs !== undefined && count > def.maxOccurs) add('max-occurs', { max: def.maxOccurs });
      }
    }
    return out;
  }
  if (def.readOnly) return out;
  const answers = node.answers;
  if (def.required && answers.length === 0) add('required');
  if (def.repeats) {
    if (def.minOccurs !== undefined && answers.length > 0 && answers.length < def.minOccurs) add('min-occurs', { min: def.minOccurs });
    if (def.maxOccurs !== undefined && answers.length > def.maxOccurs) add('max-occurs', { max: def.maxOccurs });
  }
  for (const a of answers) checkAnswer(node, a, add);
  return out;
}

function checkAnswer(node: ItemNode, a: AnswerValue, add: (c: ValidationCode, p?: Record<string, string | number>) => void): void {
  const def = node.def;
  const key = valueKeyOf(a);
  const v = rawValue(a);
  if (typeof v === 'string' && (key === 'valueString' || key === 'valueUri')) {
    if (def.minLength !== undefined && v.length < def.minLength) add('min-length', { min: def.minLength });
    if (def.maxLength !== undefined && v.length > def.maxLength) add('max-length', { max: def.maxLength });
    if (def.regex && !safeRegex(def.regex, v)) add('regex', { pattern: def.regex });
    if (def.type === 'url' && !/^https?:\/\/[^\s]+$/i.test(v)) add('invalid-url');
  }
  if (key === 'valueDecimal' || key === 'valueInteger' || key === 'valueQuantity') {
    const num = key === 'valueQuantity' ? (v as fhir4.Quantity).value : (v as number);
    if (num !== undefined && def.maxDecimalPlaces !== undefined && decimals(num) > def.maxDecimalPlaces) {
      add('max-decimals', { max: def.maxDecimalPlaces });
    }
    if (def.maxLength !== undefined && num !== undefined && String(num).length > def.maxLength) add('max-length', { max: def.maxLength });
  }
  if (def.minValue && compareAnswers(a, def.minValue) < 0) add('min-value', { min: display(def.minValue) });
  if (def.maxValue && compareAnswers(a, def.maxValue) > 0) add('max-value', { max: display(def.maxValue) });
  if (key === 'valueAttachment') {
    const att = v as fhir4.Attachment;
    if (def.maxSize !== undefined && (att.size ?? 0) > def.maxSize) add('max-size', { max: def.maxSize });
    if (def.mimeTypes.length && att.contentType && !def.mimeTypes.includes(att.contentType)) {
      add('mime-type', { types: def.mimeTypes.join(', ') });
    }
  }
}

function hasAnyAnswer(node: ItemNode): boolean {
  return node.children.some((c) => c.enabled && (c.answers.length > 0 || hasAnyAnswer(c)));
}

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function display(a: AnswerValue): string | number {
  const v = rawValue(a);
  return typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);
}

/** A questionnaire's regex must never throw or hang the page; a broken pattern is ignored. */
function safeRegex(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`).test(value);
    } catch {
      return true;
    }
  }
}
