import type { Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import type { QuestionnaireDef } from '../questionnaire/definition.js';
import { DEFAULT_LANGUAGE, formatDate, formatNumber, triageText } from '../i18n/index.js';
import { triageResponse, isDeclined } from './evaluate.js';
import { numberOf } from './rules.js';
import type { Significance, TriageOptions, TriageResult, TriageWarning } from './types.js';

/** `better`/`worse` when the score says which way is better; otherwise only `up`/`down`. */
export type ChangeDirection = 'better' | 'worse' | 'unchanged' | 'up' | 'down';

export interface CourseChange {
  /** This value minus the earlier one. */
  delta: number;
  /** The earlier response compared with: the nearest older one that has a value. */
  since: { responseId?: string; date?: string };
  direction: ChangeDirection;
  /** |delta| is at least the score's minimal important difference; undefined when the score has none. */
  meaningful?: boolean;
  /** "bedre", "dårligere", "uændret" (or "steget", "faldet"). */
  directionText: string;
  /** "-12 siden 3. mar. 2025: dårligere, klinisk betydende ændring (mindst 10)". */
  text: string;
}

export interface CoursePoint {
  responseId?: string;
  /** When the response was authored. */
  date?: string;
  /** url|version whose rules coloured this point. */
  questionnaire: string;
  value?: number;
  significance: Significance;
  /** The band in words ("mellem 36 og 50"). */
  band?: string;
  change?: CourseChange;
}

export interface ScoreCourse {
  linkId: string;
  label: string;
  domain?: string;
  higherIsBetter?: boolean;
  minimalImportantDifference?: number;
  /** One point per response, newest first (as the responses were given). */
  points: CoursePoint[];
  /** The change of the newest value, when there is an earlier one. */
  latest?: CourseChange;
}

export interface TriageCourse {
  /** One result per response, newest first. */
  results: TriageResult[];
  scores: ScoreCourse[];
  warnings: TriageWarning[];
}

/**
 * The course over time: each response coloured with the rules of its own questionnaire version, and
 * per score the series of values with their band colour, the change since the previous value, and
 * whether that change is clinically meaningful (at least the score's `minimal-important-difference`,
 * e.g. 10 points for WHO-5) and better or worse (the score's `higher-is-better`).
 *
 * `responses` must be newest first. With a list of questionnaires, each response gets the version it
 * names (see `selectQuestionnaireVersion`).
 */
export async function triageCourse(
  questionnaires: Questionnaire | QuestionnaireDef | Questionnaire[],
  responses: QuestionnaireResponse[],
  options: TriageOptions = {},
): Promise<TriageCourse> {
  const results: TriageResult[] = [];
  // One at a time: results stay in order and FHIRPath is loaded once.
  for (const r of responses) results.push(await triageResponse(questionnaires, r, options));
  return courseOf(results, options);
}

/** The course from results already at hand (computed or read from the server), newest first. */
export function courseOf(results: TriageResult[], options: TriageOptions = {}): TriageCourse {
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const t = triageText.for(lang).course;
  const ids: string[] = [];
  // Each result's first score item per linkId, found in one pass (a long course has 20 results of 50 items).
  const scoreItems = results.map((r) => {
    const byLinkId = new Map<string, (typeof r.items)[number]>();
    for (const i of r.items) {
      if (i.kind !== 'score' || byLinkId.has(i.linkId)) continue;
      byLinkId.set(i.linkId, i);
      if (!ids.includes(i.linkId)) ids.push(i.linkId);
    }
    return byLinkId;
  });

  const scores = ids.map((linkId): ScoreCourse => {
    const items = scoreItems.map((m) => m.get(linkId));
    const info = items.find((i) => i)!;
    const points: CoursePoint[] = results.map((r, k) => {
      const item = items[k];
      const value = numberOf(item?.values.find((a) => !isDeclined(a)));
      return {
        ...(r.responseId ? { responseId: r.responseId } : {}),
        ...(r.authored ? { date: r.authored } : {}),
        questionnaire: r.questionnaire,
        ...(value !== undefined ? { value } : {}),
        significance: item?.significance ?? 'none',
        ...(item?.reason.conditionText !== undefined && (item.reason.kind === 'rule' || item.reason.kind === 'server') ? { band: item.reason.conditionText } : {}),
      };
    });
    const hib = info.higherIsBetter;
    const mid = info.minimalImportantDifference;
    points.forEach((p, k) => {
      if (p.value === undefined) return;
      const prev = points.slice(k + 1).find((q) => q.value !== undefined);
      if (!prev) return;
      const delta = Math.round((p.value - prev.value!) * 1e9) / 1e9;
      const direction: ChangeDirection = delta === 0 ? 'unchanged' : hib === undefined ? (delta > 0 ? 'up' : 'down') : delta > 0 === hib ? 'better' : 'worse';
      const meaningful = mid === undefined ? undefined : Math.abs(delta) >= mid;
      const directionText = t[direction];
      const since = prev.date ? formatDate(prev.date.slice(0, 10), lang) : (prev.responseId ?? t.previous);
      const signed = formatNumber(delta, lang, { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
      let text = t.change(signed, since, directionText);
      if (meaningful !== undefined && delta !== 0) {
        const m = formatNumber(mid!, lang, { maximumFractionDigits: 2 });
        text += `, ${meaningful ? t.meaningful(m) : t.notMeaningful(m)}`;
      }
      p.change = {
        delta,
        since: { ...(prev.responseId ? { responseId: prev.responseId } : {}), ...(prev.date ? { date: prev.date } : {}) },
        direction,
        ...(meaningful !== undefined ? { meaningful } : {}),
        directionText,
        text,
      };
    });
    return {
      linkId,
      label: info.label,
      ...(info.domain ? { domain: info.domain } : {}),
      ...(hib !== undefined ? { higherIsBetter: hib } : {}),
      ...(mid !== undefined ? { minimalImportantDifference: mid } : {}),
      points,
      ...(points[0]?.change ? { latest: points[0].change } : {}),
    };
  });
  return { results, scores, warnings: results.flatMap((r) => r.warnings) };
}
