// Typed React wrappers for the four kpro components, made with @lit/react's createComponent.
// Properties (questionnaire, responses, triage …) are set as properties, not attributes, and every kpro
// event is a React prop (`onResponseSubmit`, `onAnswerSelect` …) typed with the event class it receives.
//
// Why here and not in @kpro/elements: a `react` entry point in the package would make react and
// @lit/react (optional) peer dependencies of @kpro/elements. Until that is decided, copy this file
// into your app; it depends only on @kpro/elements, react and @lit/react.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
// The define modules register their tag (unless it is already taken) and export the class.
import { KproQuestionnaire } from '@kpro/elements/kpro-questionnaire.js';
import { KproAnswerView } from '@kpro/elements/kpro-answer-view.js';
import { KproActionGuide } from '@kpro/elements/kpro-action-guide.js';
import { KproPlanAssigner } from '@kpro/elements/kpro-plan-assigner.js';
import type {
  KproActionCompleteEvent,
  KproAnswerSelectEvent,
  KproErrorEvent,
  KproPlanAssignEvent,
  KproPlanCancelEvent,
  KproPlanChangeEvent,
  KproPlanOpenResponseEvent,
  KproResponseChangeEvent,
  KproResponseSubmitEvent,
} from '@kpro/elements';

export type { KproQuestionnaire, KproAnswerView, KproActionGuide, KproPlanAssigner };
export type {
  KproActionCompleteEvent,
  KproAnswerSelectEvent,
  KproErrorEvent,
  KproPlanAssignEvent,
  KproPlanCancelEvent,
  KproPlanChangeEvent,
  KproPlanOpenResponseEvent,
  KproResponseChangeEvent,
  KproResponseSubmitEvent,
};

const onError = 'kpro-error' as EventName<KproErrorEvent>;

/** `<kpro-questionnaire>`: `questionnaire`, `response`, `readonly`, `mode`, `subject`, `author` … */
export const Questionnaire = createComponent({
  react: React,
  tagName: 'kpro-questionnaire',
  elementClass: KproQuestionnaire,
  displayName: 'KproQuestionnaire',
  events: {
    onResponseChange: 'kpro-response-change' as EventName<KproResponseChangeEvent>,
    onResponseSubmit: 'kpro-response-submit' as EventName<KproResponseSubmitEvent>,
    onError,
  },
});

/** `<kpro-answer-view>`: `questionnaire`, `responses` (newest first), `triage`, `requests` … */
export const AnswerView = createComponent({
  react: React,
  tagName: 'kpro-answer-view',
  elementClass: KproAnswerView,
  displayName: 'KproAnswerView',
  events: {
    onAnswerSelect: 'kpro-answer-select' as EventName<KproAnswerSelectEvent>,
    onError,
  },
});

/** `<kpro-action-guide>`: `guides`, `triage`, `municipality`, `selectedLinkId` … */
export const ActionGuide = createComponent({
  react: React,
  tagName: 'kpro-action-guide',
  elementClass: KproActionGuide,
  displayName: 'KproActionGuide',
  events: {
    onActionComplete: 'kpro-action-complete' as EventName<KproActionCompleteEvent>,
    onError,
  },
});

/** `<kpro-plan-assigner>`: `templates`, `plans`, `requests`, `responses`, `questionnaires`, `careTeams` … */
export const PlanAssigner = createComponent({
  react: React,
  tagName: 'kpro-plan-assigner',
  elementClass: KproPlanAssigner,
  displayName: 'KproPlanAssigner',
  events: {
    onPlanAssign: 'kpro-plan-assign' as EventName<KproPlanAssignEvent>,
    onPlanCancel: 'kpro-plan-cancel' as EventName<KproPlanCancelEvent>,
    onPlanChange: 'kpro-plan-change' as EventName<KproPlanChangeEvent>,
    onPlanOpenResponse: 'kpro-plan-open-response' as EventName<KproPlanOpenResponseEvent>,
    onError,
  },
});
