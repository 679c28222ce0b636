import type { Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import type { TriageWarning } from './types.js';

export interface VersionSelection {
  /** The questionnaire to evaluate with; undefined when none with the response's url or id is given. */
  questionnaire?: Questionnaire;
  /** Its canonical url|version. */
  canonical?: string;
  /** True when it is exactly the url|version (or resource id) the response names. */
  exact: boolean;
  /** True when the response names a version that is missing and another version was chosen. */
  fallback: boolean;
  warnings: TriageWarning[];
}

/** canonical url|version of a questionnaire (or Questionnaire/id without a url). */
export function canonicalOf(q: Questionnaire): string {
  return q.url ? (q.version ? `${q.url}|${q.version}` : q.url) : `Questionnaire/${q.id ?? 'unknown'}`;
}

/**
 * Orders versions: dotted numbers numerically ("1.10.0" after "1.9.0"), other parts as text, a
 * pre-release before its release ("1.9.0-beta" before "1.9.0"), then by `date`. Returns > 0 when `a` is newer.
 */
export function compareVersions(a: Questionnaire, b: Questionnaire): number {
  const pa = (a.version ?? '').split(/[.-]/);
  const pb = (b.version ?? '').split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    // A pre-release tag makes a version older than the release itself: 1.9.0-beta < 1.9.0.
    if (x === '' && Number.isNaN(ny)) return 1;
    if (y === '' && Number.isNaN(nx)) return -1;
    return x < y ? -1 : 1;
  }
  return (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0;
}

/**
 * Picks the Questionnaire a response must be evaluated with: the exact `url|version` it names (so a
 * response to who-5|0.9.0 gets 0.9.0's rules), or a resource it names by id
 * (`…/Questionnaire/65006`, as FUT writes it). When the named version is missing, it falls back to the
 * newest version with the same url and says so (`questionnaire-version-missing`); when the response
 * names no version and several exist, the newest is used (`questionnaire-version-unspecified`).
 */
export function selectQuestionnaireVersion(response: QuestionnaireResponse | string | undefined, questionnaires: Questionnaire[]): VersionSelection {
  const ref = typeof response === 'string' ? response : response?.questionnaire;
  const warnings: TriageWarning[] = [];
  const pick = (q: Questionnaire, exact: boolean, fallback = false): VersionSelection => ({ questionnaire: q, canonical: canonicalOf(q), exact, fallback, warnings });
  const newest = (list: Questionnaire[]) => [...list].sort((a, b) => compareVersions(b, a))[0]!;
  if (!ref) {
    if (questionnaires.length === 1) {
      const only = questionnaires[0]!;
      warnings.push({ code: 'questionnaire-version-unspecified', message: `The response names no questionnaire; using ${canonicalOf(only)}.`, params: { used: canonicalOf(only) } });
      return pick(only, false);
    }
    warnings.push({ code: 'questionnaire-not-found', message: 'The response names no questionnaire.', params: { questionnaire: '' } });
    return { exact: false, fallback: false, warnings };
  }
  const bar = ref.indexOf('|');
  const url = bar < 0 ? ref : ref.slice(0, bar);
  const version = bar < 0 ? undefined : ref.slice(bar + 1);
  const sameUrl = questionnaires.filter((q) => q.url === url);
  if (version !== undefined) {
    const exact = sameUrl.find((q) => q.version === version);
    if (exact) return pick(exact, true);
  } else if (sameUrl.length === 1) {
    return pick(sameUrl[0]!, true);
  }
  if (sameUrl.length) {
    const used = newest(sameUrl);
    if (version !== undefined) {
      warnings.push({
        code: 'questionnaire-version-missing',
        message: `The response is for ${ref}, which is not available; using ${canonicalOf(used)}.`,
        params: { asked: ref, used: canonicalOf(used) },
      });
      return pick(used, false, true);
    }
    warnings.push({
      code: 'questionnaire-version-unspecified',
      message: `The response names no version of ${url}; using the newest, ${canonicalOf(used)}.`,
      params: { used: canonicalOf(used) },
    });
    return pick(used, false);
  }
  const byId = questionnaires.find((q) => q.id && (url === `Questionnaire/${q.id}` || url.endsWith(`/Questionnaire/${q.id}`)));
  if (byId) return pick(byId, true);
  warnings.push({ code: 'questionnaire-not-found', message: `No questionnaire ${ref} is available.`, params: { questionnaire: ref } });
  return { exact: false, fallback: false, warnings };
}
