import type { Coding, QuestionnaireResponseItemAnswer } from '../fhir/types.js';

/** One answer value: a QuestionnaireResponse answer without nested items. */
export type AnswerValue = Omit<QuestionnaireResponseItemAnswer, 'item'>;

export const VALUE_KEYS = [
  'valueBoolean',
  'valueDecimal',
  'valueInteger',
  'valueDate',
  'valueDateTime',
  'valueTime',
  'valueString',
  'valueUri',
  'valueAttachment',
  'valueCoding',
  'valueQuantity',
  'valueReference',
] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

/** The value[x] key of an answer-like object (answer, answerOption, initial, enableWhen uses answer[x]). */
export function valueKeyOf(v: object | undefined, prefix = 'value'): ValueKey | undefined {
  if (!v) return undefined;
  // Answers and options are almost always codings: skip the scan over the keys for them (hot in big forms).
  if (prefix === 'value' && (v as { valueCoding?: unknown }).valueCoding !== undefined && Object.keys(v).length === 1) return 'valueCoding';
  for (const k of Object.keys(v)) {
    if (k.startsWith(prefix) && k.length > prefix.length) {
      const key = ('value' + k.slice(prefix.length)) as ValueKey;
      if ((VALUE_KEYS as readonly string[]).includes(key)) return key;
    }
  }
  return undefined;
}

/** Converts `answerCoding`/`initialCoding`-style objects to an AnswerValue. */
export function toAnswerValue(v: object | undefined, prefix = 'value'): AnswerValue | undefined {
  const key = valueKeyOf(v, prefix);
  if (!key) return undefined;
  const raw = (v as Record<string, unknown>)[prefix + key.slice(5)];
  return { [key]: raw } as AnswerValue;
}

export function rawValue(a: AnswerValue | undefined): unknown {
  const k = valueKeyOf(a);
  return k ? (a as Record<string, unknown>)[k] : undefined;
}

export function codingsEqual(a: Coding, b: Coding): boolean {
  if (a.code !== undefined || b.code !== undefined) {
    // A missing system on either side matches any system (many forms omit it on enableWhen).
    return a.code === b.code && (!a.system || !b.system || a.system === b.system);
  }
  return a.display !== undefined && a.display === b.display;
}

/** Equality of two answers; numbers of different numeric types still compare by value. */
export function answersEqual(a: AnswerValue, b: AnswerValue): boolean {
  const ka = valueKeyOf(a);
  const kb = valueKeyOf(b);
  if (!ka || !kb) return false;
  const va = rawValue(a);
  const vb = rawValue(b);
  if (ka === 'valueCoding' && kb === 'valueCoding') return codingsEqual(va as Coding, vb as Coding);
  if (ka === 'valueCoding' && kb === 'valueString') return (va as Coding).display === vb || (va as Coding).code === vb;
  if (kb === 'valueCoding' && ka === 'valueString') return answersEqual(b, a);
  if (ka === 'valueQuantity' && kb === 'valueQuantity') {
    const qa = va as fhir4.Quantity;
    const qb = vb as fhir4.Quantity;
    return qa.value === qb.value && (qa.code ?? qa.unit) === (qb.code ?? qb.unit);
  }
  if (ka === 'valueReference' && kb === 'valueReference') {
    return (va as fhir4.Reference).reference === (vb as fhir4.Reference).reference;
  }
  if (ka === 'valueAttachment' && kb === 'valueAttachment') {
    const xa = va as fhir4.Attachment;
    const xb = vb as fhir4.Attachment;
    return (xa.url ?? xa.data) === (xb.url ?? xb.data);
  }
  if (isNumeric(ka) && isNumeric(kb)) return Number(va) === Number(vb);
  if (isTemporal(ka) && isTemporal(kb)) return compareTemporal(String(va), String(vb)) === 0;
  if (ka === 'valueTime' && kb === 'valueTime') return normaliseTime(String(va)) === normaliseTime(String(vb));
  return ka === kb && va === vb;
}

const isNumeric = (k: ValueKey) => k === 'valueInteger' || k === 'valueDecimal';
const isTemporal = (k: ValueKey) => k === 'valueDate' || k === 'valueDateTime';

/** Orders two answers: negative, 0, positive; NaN when they cannot be ordered. */
export function compareAnswers(a: AnswerValue, b: AnswerValue): number {
  const ka = valueKeyOf(a);
  const kb = valueKeyOf(b);
  if (!ka || !kb) return NaN;
  const va = rawValue(a);
  const vb = rawValue(b);
  if (isNumeric(ka) && isNumeric(kb)) return Number(va) - Number(vb);
  if (isTemporal(ka) && isTemporal(kb)) return compareTemporal(String(va), String(vb));
  if (ka === 'valueTime' && kb === 'valueTime') return compareStrings(normaliseTime(String(va)), normaliseTime(String(vb)));
  if (ka === 'valueQuantity' && kb === 'valueQuantity') {
    const qa = va as fhir4.Quantity;
    const qb = vb as fhir4.Quantity;
    if ((qa.code ?? qa.unit) !== (qb.code ?? qb.unit) || qa.value === undefined || qb.value === undefined) return NaN;
    return qa.value - qb.value;
  }
  if (ka === 'valueQuantity' && isNumeric(kb)) return ((va as fhir4.Quantity).value ?? NaN) - Number(vb);
  if ((ka === 'valueString' || ka === 'valueUri') && (kb === 'valueString' || kb === 'valueUri')) {
    return compareStrings(String(va), String(vb));
  }
  return NaN;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normaliseTime(t: string): string {
  return t.length === 5 ? `${t}:00` : t;
}

/** Compares FHIR date/dateTime strings at the precision both have. */
export function compareTemporal(a: string, b: string): number {
  const da = Date.parse(a.length === 4 ? `${a}-01-01` : a.length === 7 ? `${a}-01` : a);
  const db = Date.parse(b.length === 4 ? `${b}-01-01` : b.length === 7 ? `${b}-01` : b);
  if (Number.isNaN(da) || Number.isNaN(db)) return compareStrings(a, b);
  if (a.length <= 10 || b.length <= 10) {
    // Compare at day precision when either side is a date.
    return compareStrings(a.slice(0, Math.min(a.length, b.length, 10)), b.slice(0, Math.min(a.length, b.length, 10)));
  }
  return da - db;
}

/** A short, stable key for an answer value, used to match options and detect changes. */
export function answerKey(a: AnswerValue | undefined): string {
  const k = valueKeyOf(a);
  if (!k) return '';
  const v = rawValue(a);
  if (k === 'valueCoding') {
    const c = v as Coding;
    return c.code !== undefined ? `c:${c.system ?? ''}|${c.code}` : `c:|${c.display ?? ''}`;
  }
  if (typeof v === 'object' && v !== null) return `${k}:${JSON.stringify(v)}`;
  return `${k}:${String(v)}`;
}

export function isEmptyAnswer(a: AnswerValue | undefined): boolean {
  const v = rawValue(a);
  return v === undefined || v === null || v === '';
}
