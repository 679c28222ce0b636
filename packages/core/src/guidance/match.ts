/**
 * Matching: which guides apply to a triage result, most severe first, with the answers that triggered each.
 * A guide follows the item it is about, not the questionnaire: a trigger naming a code or a definition
 * applies in every questionnaire that asks that item (the WHO-5 guide opens for a stand-alone WHO-5 too).
 */
import type { ItemTriage, TriageResult } from '../triage/types.js';
import { sameCanonical } from './load.js';
import type { GuideMatch, GuideMatchTrigger, GuideTrigger, ResolvedGuide, RuleColour } from './types.js';

const RANK: Record<RuleColour, number> = { red: 0, yellow: 1, green: 2 };

/**
 * Whether a trigger is about this item of a triage result: by code or definition in any questionnaire; by
 * linkId only in the questionnaire the guide is written for (a linkId means nothing in another one).
 */
export function triggerNames(
  trigger: GuideTrigger,
  item: Pick<ItemTriage, 'linkId' | 'codes' | 'definition'>,
  guide: Pick<ResolvedGuide, 'questionnaire'>,
  triage: Pick<TriageResult, 'questionnaire'>,
): boolean {
  const { code, definition } = trigger;
  if (code) return !!item.codes?.some((c) => c.system === code.system && c.code === code.code);
  if (definition) return item.definition === definition;
  return trigger.linkId === item.linkId && sameCanonical(guide.questionnaire, triage.questionnaire);
}

/**
 * Whether a guide has anything to say about the questionnaire of a triage result: it is written for it, or
 * one of its triggers names an item the result has.
 */
export const guideFitsQuestionnaire = (guide: Pick<ResolvedGuide, 'questionnaire' | 'when'>, triage: Pick<TriageResult, 'questionnaire' | 'items'>): boolean =>
  sameCanonical(guide.questionnaire, triage.questionnaire) || guide.when.some((w) => triage.items.some((i) => triggerNames(w, i, guide, triage)));

/**
 * The guides that apply: a guide applies when any of its triggers names an answer or score whose colour
 * is one of the trigger's colours. Sorted by the most severe trigger, then the number of triggers of
 * that colour, then the guides' own order.
 */
export function matchGuides(guides: readonly ResolvedGuide[], triage: TriageResult | undefined | null): GuideMatch[] {
  if (!triage) return [];
  const matches: (GuideMatch & { order: number })[] = [];
  guides.forEach((guide, order) => {
    const triggers: GuideMatchTrigger[] = [];
    for (const when of guide.when) {
      for (const item of triage.items) {
        if (!triggerNames(when, item, guide, triage)) continue;
        const s = item.significance;
        if ((s === 'red' || s === 'yellow' || s === 'green') && when.colours.includes(s) && !triggers.some((t) => t.linkId === item.linkId && t.answerText === item.answerText)) {
          triggers.push({ linkId: item.linkId, domain: item.domain, significance: s, label: item.label, answerText: item.answerText, reason: item.reason.text });
        }
      }
    }
    if (!triggers.length) return;
    triggers.sort((a, b) => RANK[a.significance] - RANK[b.significance]);
    matches.push({ guide, severity: triggers[0]!.significance, triggers, order });
  });
  const count = (m: GuideMatch) => m.triggers.filter((t) => t.significance === m.severity).length;
  matches.sort((a, b) => RANK[a.severity] - RANK[b.severity] || count(b) - count(a) || a.order - b.order);
  return matches.map(({ order: _order, ...m }) => m);
}

/** The guide to open for a selected answer or domain (linkId): the most severe match that it triggered. */
export function matchForLinkId(matches: readonly GuideMatch[], linkId: string): GuideMatch | undefined {
  return (
    matches.find((m) => m.triggers.some((t) => t.linkId === linkId)) ??
    matches.find((m) => m.triggers.some((t) => t.domain === linkId))
  );
}

