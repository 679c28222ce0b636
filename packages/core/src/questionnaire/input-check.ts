import type { Questionnaire, QuestionnaireItem } from '../fhir/types.js';
import { UNDERSTOOD_MODIFIER_EXTENSIONS } from '../fhir/extensions.js';
import { KproError } from './errors.js';

const R4_TYPES = new Set([
  'group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url',
  'choice', 'open-choice', 'attachment', 'reference', 'quantity',
]);
const R5_ONLY_TYPES = new Set(['coding', 'question']);
const STU3_ONLY_TYPES = new Set(['open-choice-stu3']);
const R5_ONLY_ITEM_FIELDS = ['answerConstraint', 'disabledDisplay'];
const STU3_ONLY_ITEM_FIELDS = ['option', 'options'];

/**
 * Refuses what we must not half-render: other FHIR versions, modifier extensions we do not understand,
 * items without linkId or with unknown types.
 */
export function checkQuestionnaireShape(q: Questionnaire): void {
  const anyQ = q as unknown as Record<string, unknown>;
  const fhirVersion = (anyQ.meta as { fhirVersion?: string } | undefined)?.fhirVersion ?? (anyQ.fhirVersion as string | undefined);
  if (fhirVersion && !fhirVersion.startsWith('4.0')) {
    throw new KproError('wrong-fhir-version', `This questionnaire is FHIR ${fhirVersion}; only R4 (4.0.x) is supported.`, { version: fhirVersion });
  }
  checkModifiers(anyQ, 'Questionnaire');
  if (q.item !== undefined && !Array.isArray(q.item)) {
    throw new KproError('invalid-questionnaire', 'Questionnaire.item must be an array.');
  }
  const walk = (items: QuestionnaireItem[], path: string) => {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const raw = item as unknown as Record<string, unknown>;
      if (!item || typeof item !== 'object') throw new KproError('invalid-questionnaire', `An item under ${path} is not an object.`);
      const where = item.linkId ?? `${path}/?`;
      // One pass over the item's own keys finds other FHIR versions' elements (big forms: keep it cheap).
      let r5 = R5_ONLY_TYPES.has(item.type);
      let stu3 = STU3_ONLY_TYPES.has(item.type);
      for (const k in raw) {
        if (R5_ONLY_ITEM_FIELDS.includes(k)) r5 = true;
        else if (STU3_ONLY_ITEM_FIELDS.includes(k) || (k.length > 7 && k.startsWith('initial'))) stu3 = true;
      }
      if (r5) {
        throw new KproError('wrong-fhir-version', `Item ${where} uses FHIR R5 elements; only R4 is supported.`, { version: 'R5' });
      }
      if (stu3 || (item.enableWhen && hasStu3EnableWhen(item))) {
        throw new KproError('wrong-fhir-version', `Item ${where} uses FHIR STU3 elements; only R4 is supported.`, { version: 'STU3' });
      }
      if (typeof item.linkId !== 'string' || item.linkId === '') {
        throw new KproError('invalid-questionnaire', `An item under ${path} has no linkId.`);
      }
      if (!R4_TYPES.has(item.type)) {
        throw new KproError('invalid-questionnaire', `Item ${item.linkId} has unknown type "${String(item.type)}".`, { linkId: item.linkId, type: String(item.type) });
      }
      if (raw.modifierExtension) checkModifiers(raw, `item ${item.linkId}`);
      if (item.answerOption) {
        for (const o of item.answerOption) if ('modifierExtension' in o) checkModifiers(o as unknown as Record<string, unknown>, `an answer of ${item.linkId}`);
      }
      if (item.item !== undefined && !Array.isArray(item.item)) {
        throw new KproError('invalid-questionnaire', `Item ${item.linkId}: item must be an array.`, { linkId: item.linkId });
      }
      if (item.item) walk(item.item, where);
    }
  };
  walk(q.item ?? [], '');
}

function checkModifiers(el: Record<string, unknown>, where: string): void {
  const mods = el.modifierExtension as { url?: string }[] | undefined;
  for (const m of mods ?? []) {
    if (!m.url || !UNDERSTOOD_MODIFIER_EXTENSIONS.has(m.url)) {
      throw new KproError('unsupported-modifier', `${where} has a modifier extension we do not understand: ${m.url ?? '(no url)'}`, {
        url: m.url ?? '',
      });
    }
  }
}

function hasStu3EnableWhen(item: QuestionnaireItem): boolean {
  return (item.enableWhen ?? []).some((ew) => 'hasAnswer' in ew || !ew.operator);
}
