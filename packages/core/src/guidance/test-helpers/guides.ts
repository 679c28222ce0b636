// Fixtures for guidance tests (core and the <kpro-action-guide> element): the shipped guides and
// overlay, and triage results of the sample questionnaire built from answers.
import type { Questionnaire } from '../../fhir/types.js';
import { triageResponse } from '../../triage/evaluate.js';
import type { TriageResult } from '../../triage/types.js';
import { workedExampleResponse, type WorkedAnswer } from '../../triage/worked-examples.js';
import type { ActionGuide, GuideOverlay } from '../types.js';

export const GUIDE_IDS = [
  'hv-01-mental-trivsel',
  'hv-02-nedtrykthed',
  'hv-03-alkohol',
  'hv-04-rygning',
  'hv-05-soevn',
  'hv-06-netvaerk',
  'hv-07-seksualitet',
  'hv-08-fysisk-aktivitet',
  'hv-09-hverdagsliv',
  'hv-10-sygdomshaandtering',
] as const;

const get = async <T>(path: string): Promise<T> => (await fetch(`/packages/core/content/${path}`)).json() as Promise<T>;

export const rehab = await get<Questionnaire>('questionnaires/kommunal-rehabilitering.json');
export const who5 = await get<Questionnaire>('questionnaires/who-5.json');
export const who5v09 = await get<Questionnaire>('questionnaires/who-5-v0.9.json');
export const nationalGuides: ActionGuide[] = await Promise.all(GUIDE_IDS.map((id) => get<ActionGuide>(`guides/national/${id}.json`)));
export const testkommune = await get<GuideOverlay>('guides/municipal/testkommune.json');
export const fhirGuide = async (id: string): Promise<unknown> => (await fetch(`/packages/sandbox/seed/guides/${id}.json`)).json();

/** Triage of the sample questionnaire for the given answers (option codes; WHO-5 as points t1–t5). */
export async function triageOf(answers: Record<string, WorkedAnswer>, who5?: number[], lang = 'da'): Promise<TriageResult> {
  const example = { id: 'guide-test', questionnaire: 'kommunal-rehabilitering' as const, shows: '', who5, answers, expect: { overall: 'none' as const, domains: {} } };
  const response = { ...workedExampleResponse(example, rehab), id: 'qr-1' };
  return triageResponse(rehab, response, { lang });
}

/** Triage of the stand-alone WHO-5 questionnaire (or another one built like it) for item points t1–t5. */
export async function triageOfWho5(points: number[], questionnaire: Questionnaire = who5, lang = 'da'): Promise<TriageResult> {
  const example = { id: 'guide-test-who5', questionnaire: 'who-5' as const, shows: '', who5: points, expect: { overall: 'none' as const, domains: {} } };
  return triageResponse(questionnaire, { ...workedExampleResponse(example, questionnaire), id: 'qr-who5' }, { lang });
}

/** A deep copy, for tests that break a guide. */
export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
