import type { ItemDef } from './definition.js';
import { textFor } from './text.js';
import { answerKey, rawValue, valueKeyOf, type AnswerValue } from './values.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { questionnaireText } from '../i18n/questionnaire.js';

/** An answer as a person reads it, in their language (option labels, Intl numbers and dates). */
export function formatAnswer(a: AnswerValue, def: ItemDef | undefined, lang: string, baseLang?: string): string {
  const key = valueKeyOf(a);
  const v = rawValue(a);
  const t = questionnaireText.for(lang);
  switch (key) {
    case 'valueCoding': {
      const option = def?.options.find((o) => o.key === answerKey(a));
      if (option) return textFor(option.label, lang, baseLang);
      const c = v as fhir4.Coding;
      return c.display ?? c.code ?? '';
    }
    case 'valueBoolean':
      return v ? t.yes : t.no;
    case 'valueInteger':
    case 'valueDecimal':
      return formatNumber(v as number, lang, { maximumFractionDigits: 10 });
    case 'valueDate':
      return (v as string).length === 10 ? formatDate(v as string, lang) : String(v);
    case 'valueDateTime':
      return formatDate(v as string, lang, (v as string).length > 10);
    case 'valueTime':
      return String(v).slice(0, 5);
    case 'valueQuantity': {
      const q = v as fhir4.Quantity;
      const num = q.value === undefined ? '' : formatNumber(q.value, lang, { maximumFractionDigits: 10 });
      return [num, q.unit ?? q.code].filter(Boolean).join(' ');
    }
    case 'valueAttachment': {
      const att = v as fhir4.Attachment;
      return att.title ?? att.url ?? att.contentType ?? '';
    }
    case 'valueReference': {
      const r = v as fhir4.Reference;
      return r.display ?? r.reference ?? '';
    }
    default:
      return v === undefined ? '' : String(v);
  }
}
