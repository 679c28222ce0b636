import type { Element, Extension } from './types.js';

/** Extension and code-system URLs we read. One place, so a typo cannot hide in a component. */
export const EXT = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  choiceOrientation: 'http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation',
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  unitOption: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  minLength: 'http://hl7.org/fhir/StructureDefinition/minLength',
  maxDecimalPlaces: 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces',
  maxSize: 'http://hl7.org/fhir/StructureDefinition/maxSize',
  mimeType: 'http://hl7.org/fhir/StructureDefinition/mimeType',
  regex: 'http://hl7.org/fhir/StructureDefinition/regex',
  entryFormat: 'http://hl7.org/fhir/StructureDefinition/entryFormat',
  minOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs',
  maxOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs',
  sliderStep: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  optionPrefix: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  iso21090CoValue: 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
  renderingXhtml: 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml',
  renderingMarkdown: 'http://hl7.org/fhir/StructureDefinition/rendering-markdown',
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  variable: 'http://hl7.org/fhir/StructureDefinition/variable',
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  enableWhenExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression',
  initialExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression',
  answerExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression',
  itemPopulationContext: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemPopulationContext',
  launchContext: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext',
  sourceQueries: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-sourceQueries',
  answerSignificance: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaire-answerSignificance',
  answerCondition: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-answer-Condition',
} as const;

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** Modifier extensions we understand. Anything else on a questionnaire makes us refuse it. */
export const UNDERSTOOD_MODIFIER_EXTENSIONS: ReadonlySet<string> = new Set<string>([]);

export function findExtension(el: { extension?: Extension[] } | undefined, url: string): Extension | undefined {
  return el?.extension?.find((e) => e.url === url);
}

export function findExtensions(el: { extension?: Extension[] } | undefined, url: string): Extension[] {
  return el?.extension?.filter((e) => e.url === url) ?? [];
}

/** The value[x] of an extension (or any element with value[x]), whatever its type. */
export function extensionValue(ext: object | undefined): unknown {
  if (!ext) return undefined;
  for (const [k, v] of Object.entries(ext)) if (k.startsWith('value')) return v;
  return undefined;
}

export function numberExtension(el: { extension?: Extension[] } | undefined, url: string): number | undefined {
  const v = extensionValue(findExtension(el, url));
  return typeof v === 'number' ? v : undefined;
}

export function stringExtension(el: { extension?: Extension[] } | undefined, url: string): string | undefined {
  const v = extensionValue(findExtension(el, url));
  return typeof v === 'string' ? v : undefined;
}

/** The code of an itemControl-like CodeableConcept extension. */
export function codeableExtensionCode(el: { extension?: Extension[] } | undefined, url: string): string | undefined {
  const cc = findExtension(el, url)?.valueCodeableConcept;
  return cc?.coding?.find((c) => c.code)?.code;
}

export type WithPrimitiveExtension = Element | undefined;
