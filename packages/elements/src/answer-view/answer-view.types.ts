import type { ClinicalImpression, Significance, TriageResult } from '@kpro/core';

/** Order of colours in the overview and the details: red first, uncoloured last. */
export const SIGNIFICANCE_ORDER = ['red', 'yellow', 'green', 'grey', 'none'] as const satisfies readonly Significance[];

/** The colours the counts show (uncoloured answers are not counted). */
export const COUNTED = ['red', 'yellow', 'green', 'grey'] as const satisfies readonly Significance[];

/** The colours the filter "only red and yellow" keeps. */
export const FLAGGED: readonly Significance[] = ['red', 'yellow'];

/** Icon per colour, so colour is never the only signal (also readable in black and white). */
export const ICON: Record<Significance, string> = { red: '●', yellow: '▲', green: '✓', grey: '–', none: '○' };

/** The status token family of each colour (`--kpro-color-<family>-{fill|border|on}`). */
export const TOKEN: Record<Significance, 'critical' | 'attention' | 'normal' | 'unknown' | 'none'> = {
  red: 'critical',
  yellow: 'attention',
  green: 'normal',
  grey: 'unknown',
  none: 'none',
};

/** What `triage` takes: FUT TriagingResult ClinicalImpressions from the server, or results already computed. */
export type AnswerViewTriage = ClinicalImpression | TriageResult;

/** Resources that name a conversation: a ServiceRequest (its `code.text`) or a CarePlan (its activities' reference display). */
export type ConversationSource = fhir4.ServiceRequest | fhir4.CarePlan;
