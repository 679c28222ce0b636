// Compile-time test (checked by `tsc` in `npm test`, never run): what a TypeScript host gets from importing the
// elements. Tags resolve to their classes through HTMLElementTagNameMap, and addEventListener knows every
// event's class and detail; each @ts-expect-error line must stay an error, or tsc fails ("unused directive").
import '@kpro/elements/all.js';
import type { KproPlanAssignEvent, KproResponseSubmitEvent } from '@kpro/elements';

export function hostWiring(): void {
  const questionnaire = document.querySelector('kpro-questionnaire')!;
  const view = document.querySelector('kpro-answer-view')!;
  const guide = document.createElement('kpro-action-guide');
  const plans = document.createElement('kpro-plan-assigner');

  // Properties are typed by the tag.
  questionnaire.readonly = true;
  view.bigScreen = true;
  guide.municipality = '0999';
  plans.readonly = false;
  // @ts-expect-error readonly is a boolean
  questionnaire.readonly = 'yes';

  // Events: the listener gets the event class with its typed detail.
  questionnaire.addEventListener('kpro-response-submit', (e) => {
    const status: fhir4.QuestionnaireResponse['status'] = e.detail.status;
    e.preventDefault(); // cancelable: the host saves it itself
    void status;
  });
  questionnaire.addEventListener('kpro-response-change', (e) => void e.detail.item);
  view.addEventListener('kpro-answer-select', (e) => {
    const linkId: string = e.detail.linkId;
    void linkId;
  });
  guide.addEventListener('kpro-action-complete', (e) => void e.detail.guideId.toUpperCase());
  plans.addEventListener('kpro-plan-assign', (e: KproPlanAssignEvent) => void e.detail.bundle.entry);
  plans.addEventListener('kpro-plan-reload', (e) => void e.type);
  for (const el of [questionnaire, view, guide, plans]) {
    el.addEventListener('kpro-error', (e) => {
      const severity: 'error' | 'warning' = e.detail.severity;
      void [e.detail.code, e.detail.message, severity];
    });
  }
  // @ts-expect-error the answer view's select event has a linkId, not a responseId
  view.addEventListener('kpro-answer-select', (e) => void e.detail.responseId);
  // @ts-expect-error a submit event is not a plan-assign event
  questionnaire.addEventListener('kpro-response-submit', (e: KproPlanAssignEvent) => void e);

  const submitted: KproResponseSubmitEvent | undefined = undefined;
  void submitted;
}
