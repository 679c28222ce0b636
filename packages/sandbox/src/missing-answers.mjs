// Missing answers, as FUT finds them: on start and every few minutes of the sandbox's clock, each
// occurrence of an active request whose window has passed without an answer gets one
// `MissingMeasurementResolving` task, created with If-None-Exist on its identifier
// (`missing:<ServiceRequest id>#<index>`), so a second check finds the first task and makes none.
import { canonicalOf, identifierToken, missingAnswerTask, missingTaskIdentifier, nowIso, overdueOccurrences, patientIdOf } from '@kpro/core';
import { parseSearchRequest } from '@medplum/core';
import { repositoryLookup, responsibleFor } from './task-arrival.mjs';

/** How often to look (sandbox clock; it runs at the machine's pace from its start time). */
export const MISSING_CHECK_INTERVAL_MS = 5 * 60 * 1000;

/**
 * @param {{
 *   repo: import('./fhir-repository.mjs').SandboxRepository,
 *   store: ReturnType<import('./fhir-persistence.mjs').createDurableStore>,
 *   intervalMs?: number,
 *   onError?: (err: Error) => void,
 * }} options
 */
export function createMissingAnswerWatch({ repo, store, intervalMs = MISSING_CHECK_INTERVAL_MS, onError = () => {} }) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;

  /** One check, alone on the store and as one journal record. Resolves to the number of tasks made. */
  async function check() {
    const made = await store.exclusive(() =>
      repo.withTransaction(async () => {
        const at = nowIso();
        const lookup = repositoryLookup(repo);
        const questionnaires = repo.current('Questionnaire');
        const responses = repo.current('QuestionnaireResponse');
        let made = 0;
        for (const occurrence of overdueOccurrences(repo.current('ServiceRequest'), responses, at)) {
          const request = occurrence.request;
          if (!patientIdOf(request.subject?.reference)) continue;
          const { responsible, episodeOfCare } = await responsibleFor(request, request, lookup);
          const questionnaire = questionnaires.find((q) => canonicalOf(q) === occurrence.questionnaire) ?? questionnaires.find((q) => q.url === occurrence.questionnaire?.split('|')[0]);
          const task = missingAnswerTask(occurrence, { at, responsible, ...(episodeOfCare ? { episodeOfCare } : {}), ...(questionnaire ? { questionnaire } : {}) });
          const search = parseSearchRequest(`Task?identifier=${encodeURIComponent(identifierToken(missingTaskIdentifier(occurrence.key)))}`);
          const { outcome } = await repo.conditionalCreate(task, search);
          if (outcome.id === 'created') made++;
        }
        return made;
      }),
    );
    await store.durable();
    return made;
  }

  return {
    check,
    /** Checks now, then every `intervalMs`; the timer never keeps the process alive. */
    start() {
      const run = () => check().catch((err) => onError(err));
      timer = setInterval(run, intervalMs);
      timer.unref();
      return run();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
