// Type-level checks of the wrappers (type-checked by `npm test`, never bundled): if a wrapper lost its
// typing (props or events falling back to `any`), an @ts-expect-error below would be unused, and tsc fails.
import type { ReactElement } from 'react';
import { ActionGuide, AnswerView, PlanAssigner, Questionnaire } from './kpro-react.js';

declare const questionnaire: fhir4.Questionnaire;

export const checks: ReactElement[] = [
  // Events arrive as their classes: detail is typed.
  <Questionnaire key="1" questionnaire={questionnaire} onResponseSubmit={(e) => e.detail.status satisfies fhir4.QuestionnaireResponse['status']} />,
  <AnswerView key="2" onAnswerSelect={(e) => e.detail.linkId satisfies string} />,
  <ActionGuide key="3" onActionComplete={(e) => e.detail.severity satisfies 'red' | 'yellow' | 'green'} />,
  <PlanAssigner key="4" onPlanAssign={(e) => e.detail.bundle.resourceType satisfies 'Bundle'} onError={(e) => e.detail.code satisfies string} />,
  // @ts-expect-error readonly is a boolean property
  <Questionnaire key="5" readonly="yes" />,
  // @ts-expect-error mode is 'citizen' | 'clinician'
  <Questionnaire key="6" mode="patient" />,
  // @ts-expect-error responses are QuestionnaireResponses
  <AnswerView key="7" responses={[questionnaire]} />,
  // @ts-expect-error kpro-answer-select's detail has a linkId, nothing else
  <AnswerView key="8" onAnswerSelect={(e) => e.detail.responseId} />,
  // @ts-expect-error the questionnaire fires no kpro-plan-assign
  <Questionnaire key="9" onPlanAssign={() => undefined} />,
];
