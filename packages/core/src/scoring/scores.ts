import { EXT, findExtension } from '../fhir/extensions.js';

/**
 * The score an answer option or value-set concept carries: itemWeight (R5 backport), ordinalValue,
 * or the older iso21090-CO-value. Undefined when it has none.
 */
export function scoreOfExtensions(el: { extension?: fhir4.Extension[] } | undefined): number | undefined {
  for (const url of [EXT.itemWeight, EXT.ordinalValue, EXT.iso21090CoValue]) {
    const e = findExtension(el, url);
    const v = e?.valueDecimal ?? e?.valueInteger;
    if (typeof v === 'number') return v;
  }
  return undefined;
}
