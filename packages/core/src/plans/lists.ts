// The citizen's questionnaires sorted by what can be done with them now, from the same occurrence status
// the plan view shows: open to answer (due or overdue), coming (planned: opens later), answered.
import { occurrenceStatus } from './status.js';
import type { Occurrence } from './types.js';

export interface QuestionnaireLists {
  /** Open now: due, or overdue and still answerable; the earliest deadline first. */
  open: Occurrence[];
  /** Not open yet (planned): shown with the date they open, never offered for answering. */
  upcoming: Occurrence[];
  /** Answered, newest first. */
  answered: Occurrence[];
}

const ACTIVE = new Set(['active', 'on-hold', 'draft']);

/**
 * Sorts every occurrence of the requests by what can be done with it at `now` (default: the clock).
 * Cancelled occurrences and requests that are no longer active (unless answered) are left out.
 */
export function questionnaireLists(
  requests: readonly fhir4.ServiceRequest[],
  responses: readonly fhir4.QuestionnaireResponse[],
  now?: Date | string,
): QuestionnaireLists {
  const all = occurrenceStatus(requests, responses, now);
  const by = (o: Occurrence) => o.end ?? o.start;
  return {
    open: all.filter((o) => (o.status === 'due' || o.status === 'overdue') && ACTIVE.has(o.request.status)).sort((a, b) => by(a).localeCompare(by(b))),
    upcoming: all.filter((o) => o.status === 'planned' && ACTIVE.has(o.request.status)),
    answered: all.filter((o) => o.status === 'answered').reverse(),
  };
}

/** What an occurrence is called: the questionnaire, and which conversation of the plan it is (when it says). */
export interface OccurrenceName {
  questionnaire: string;
  /** "Afsluttende samtale (uge 12)": the request's own text, when it says more than the questionnaire's title. */
  occurrence?: string;
  /** For a repeating request: this is number `n` of `of`. */
  number?: { n: number; of: number };
}

/** The parts of an occurrence's name, for "Kommunal rehabilitering – Afsluttende samtale (uge 12)". */
export function occurrenceName(o: Occurrence, questionnaireTitle: string | undefined): OccurrenceName {
  const own = o.request.code?.text?.trim();
  const questionnaire = questionnaireTitle?.trim() || own || o.questionnaire?.split('|')[0]?.split('/').pop() || o.request.id || '';
  return {
    questionnaire,
    ...(own && own !== questionnaire ? { occurrence: own } : {}),
    ...(o.of > 1 ? { number: { n: o.index + 1, of: o.of } } : {}),
  };
}
