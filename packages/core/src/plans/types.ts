// Plans of questionnaires ("pakker og forløb"): templates, schedules, assignments and their status.
import type { CalendarOffset, CalendarUnit } from '../time/dates.js';

/** Our extension linking an ActivityDefinition or ServiceRequest to its Questionnaire (`valueCanonical` url|version). */
export const QUESTIONNAIRE_EXT = 'https://kpro.example.dk/fhir/StructureDefinition/questionnaire';
/** The EpisodeOfCare a request or plan belongs to (FUT). */
export const EPISODE_OF_CARE_EXT = 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare';
/** Identifier system for one assignment attempt (a retried click re-sends the same value: no duplicate plan). */
export const ASSIGNMENT_IDENTIFIER_SYSTEM = 'https://kpro.example.dk/fhir/NamingSystem/plan-assignment';
/** SDC "complete-questionnaire", the code of our ActivityDefinitions and ServiceRequests. */
export const COMPLETE_QUESTIONNAIRE: fhir4.Coding = { system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp', code: 'complete-questionnaire', display: 'Complete Questionnaire' };


export type { CalendarUnit };
export type PlanOffset = CalendarOffset;

export interface PlanRepeat {
  /** Number of occurrences in all (including the first). */
  count: number;
  /** Every `period` `periodUnit`. */
  period: number;
  periodUnit: CalendarUnit;
}

/** One action of a template: a questionnaire sent at an offset from the plan's start. */
export interface TemplateActivity {
  actionId: string;
  title: string;
  /** Canonical of the ActivityDefinition (url|version). */
  activityDefinition?: string;
  /** Canonical of the Questionnaire (url|version), from our extension on the ActivityDefinition. */
  questionnaire?: string;
  /** Title of the questionnaire, when it was found. */
  questionnaireTitle?: string;
  offset: PlanOffset;
  repeat?: PlanRepeat;
  code?: fhir4.CodeableConcept;
}

/** A plan template (PlanDefinition) read into a model. */
export interface PlanTemplate {
  id: string;
  /** Canonical url|version (what a CarePlan instantiates). */
  canonical: string;
  title: string;
  description?: string;
  activities: TemplateActivity[];
  /** What makes this template unusable (no activities, an activity or questionnaire missing …). */
  problems: PlanProblem[];
  resource: fhir4.PlanDefinition;
}

/** One activity placed on the calendar. Dates are local calendar dates (YYYY-MM-DD). */
export interface ScheduledActivity {
  actionId: string;
  title: string;
  questionnaire?: string;
  questionnaireTitle?: string;
  activityDefinition?: string;
  date: string;
  /** True when the clinician moved it away from the template's date. */
  adjusted: boolean;
  repeat?: PlanRepeat;
  code?: fhir4.CodeableConcept;
}

/** Every problem, warning and failure has a stable code, translated in the `planAssigner.errors` catalogue. */
export type PlanErrorCode =
  | 'no-activities'
  | 'activity-missing'
  | 'questionnaire-missing'
  | 'offset-unit'
  | 'offset-cycle'
  | 'invalid-date'
  | 'date-in-past'
  | 'out-of-order'
  | 'end-before-start'
  | 'no-care-team'
  | 'no-patient'
  | 'timing-missing'
  | 'timing-no-start'
  | 'timing-no-timezone'
  | 'timing-recurring-incomplete'
  | 'timing-period-unit'
  | 'timing-duration-unit'
  | 'timing-unit-combination'
  | 'no-version'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'not-found'
  | 'invalid'
  | 'server'
  | 'network';

export interface PlanProblem {
  code: PlanErrorCode;
  params: Record<string, string | number>;
}

/** A failure with a code for the catalogue (and the underlying error, if any). */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly problems: PlanProblem[] = [],
    override readonly cause?: unknown,
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'PlanError';
  }
}

export type OccurrenceStatus = 'planned' | 'due' | 'answered' | 'overdue' | 'cancelled';

/** One time a questionnaire is to be answered. */
export interface Occurrence {
  /** `<ServiceRequest id>#<index>`. */
  key: string;
  request: fhir4.ServiceRequest;
  /** 0 for a one-off request; the repeat index otherwise. */
  index: number;
  /** Total occurrences of the request. */
  of: number;
  /** When it opens (ISO date-time as on the request). */
  start: string;
  /** When it should have been answered by (ISO), if known. */
  end?: string;
  status: OccurrenceStatus;
  /** The answering QuestionnaireResponse's id (status answered). */
  responseId?: string;
  title: string;
  questionnaire?: string;
}

/** A citizen's plan (or the loose, ad hoc requests) with its occurrences, in date order. */
export interface PlanView {
  /** CarePlan id, or undefined for requests that belong to no plan (ad hoc). */
  id?: string;
  carePlan?: fhir4.CarePlan;
  title: string;
  status: fhir4.CarePlan['status'] | 'ad-hoc';
  requests: fhir4.ServiceRequest[];
  occurrences: Occurrence[];
  counts: Record<OccurrenceStatus, number>;
}
