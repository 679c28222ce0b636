import type { RuleColour, Significance } from '../triage/types.js';

/** Where a guide or an offer comes from. */
export type GuideLevel = 'national' | 'regional' | 'municipal';

/** A municipality or region: its official code (e.g. "0101", "1084") and its name. */
export interface GuidePlace {
  code: string;
  name: string;
}

/** A code that says what an item is about (a `Questionnaire.item.code`). */
export interface GuideCode {
  system: string;
  code: string;
}

/**
 * When a guide applies: the item or score it is about, named exactly one way, and the colours that
 * trigger the guide.
 */
export interface GuideTrigger {
  /** Any item that carries this code (`Questionnaire.item.code`), in any questionnaire. Preferred. */
  code?: GuideCode;
  /** Any item with this canonical definition (`Questionnaire.item.definition`), in any questionnaire. */
  definition?: string;
  /** The fallback: the item with this linkId in the guide's own `questionnaire` (nowhere else). */
  linkId?: string;
  colours: RuleColour[];
}

/** A phrase to open the conversation. `id` lets an overlay replace it. */
export interface GuidePhrase {
  id: string;
  text: string;
}

/** An offer the clinician can point the citizen to. */
export interface GuideOffer {
  /** Unique within the guide; overlays hide offers by this id. */
  id: string;
  title: string;
  /** What it is. */
  description?: string;
  /** http(s) only. */
  url?: string;
  /** Digits and spaces, optionally a leading +. */
  phone?: string;
  /** Opening hours in words. */
  hours?: string;
  level: GuideLevel;
  /** For municipal offers: the municipality. For regional offers: the region. */
  municipality?: GuidePlace;
  region?: GuidePlace;
}

/** A national action guide (our JSON format, kind "guide"; see content/guides/README.md). */
export interface ActionGuide {
  kind: 'guide';
  id: string;
  version?: string;
  /** Language of the guide's content (BCP 47, e.g. "da"); the UI shows it in this language. */
  lang: string;
  title: string;
  /**
   * Canonical URL of the Questionnaire the guide was written for (without |version). Triggers by linkId
   * are read in it; triggers by code or definition apply in any questionnaire that has the item.
   */
  questionnaire: string;
  /** When it applies, in words (for the clinician). */
  summary?: string;
  /** When it applies, for the machine: any trigger that matches makes the guide apply. */
  when: GuideTrigger[];
  phrases: GuidePhrase[];
  /** How to read the score. */
  interpretation: string[];
  /** What can be agreed with the citizen. */
  agreements: string[];
  offers: GuideOffer[];
  /** Sources or notes for the people who maintain the guide (not shown by default). */
  note?: string;
}

/** Changes an overlay makes to one guide. */
export interface GuidePatch {
  guide: string;
  addOffers?: GuideOffer[];
  hideOffers?: string[];
  replacePhrases?: GuidePhrase[];
}

/** A regional or municipal overlay (kind "overlay"). */
export interface GuideOverlay {
  kind: 'overlay';
  id: string;
  version?: string;
  lang: string;
  level: 'regional' | 'municipal';
  /** Municipal overlays: the municipality they are for. */
  municipality?: GuidePlace;
  /** Regional overlays: the region, and the municipality codes it covers. */
  region?: GuidePlace;
  municipalities?: string[];
  patches: GuidePatch[];
}

export type GuideDocument = ActionGuide | GuideOverlay;

/** Where an offer or a phrase came from after layering. */
export interface GuideOrigin {
  level: GuideLevel;
  /** The guide or overlay that contributed it. */
  source: string;
  municipality?: GuidePlace;
  region?: GuidePlace;
}

export interface ResolvedOffer extends GuideOffer {
  origin: GuideOrigin;
}

export interface ResolvedPhrase extends GuidePhrase {
  origin: GuideOrigin;
}

/** A guide with the overlays for a municipality applied. */
export interface ResolvedGuide extends Omit<ActionGuide, 'offers' | 'phrases'> {
  phrases: ResolvedPhrase[];
  offers: ResolvedOffer[];
  /** Ids of the overlays applied, in order. */
  overlays: string[];
  /** The Basic resource the guide was read from, if any (e.g. "Basic/hv-01"). */
  resource?: string;
}

export type GuidanceWarningCode =
  | 'guide-invalid-json'
  | 'guide-schema'
  | 'guide-unsafe-link'
  | 'guide-html'
  | 'guide-not-action-guidance'
  | 'guide-no-content'
  | 'guide-bad-content'
  | 'guide-duplicate'
  | 'guide-questionnaire-mismatch'
  | 'overlay-unknown-guide'
  | 'overlay-unknown-offer'
  | 'overlay-unknown-phrase'
  | 'overlay-duplicate-offer';

/** Something was skipped or ignored; never thrown. `message` is for developers (English). */
export interface GuidanceWarning {
  code: GuidanceWarningCode;
  message: string;
  params: Record<string, string | number>;
}

/** Parsed guides and overlays, and what was skipped. */
export interface GuideLibrary {
  guides: (ActionGuide & { resource?: string })[];
  overlays: GuideOverlay[];
  warnings: GuidanceWarning[];
}

/** An answer that made a guide apply. */
export interface GuideMatchTrigger {
  linkId: string;
  /** The domain (top-level group) of the answer, if any. */
  domain?: string;
  significance: RuleColour;
  /** The item's label and answer as the triage engine words them. */
  label: string;
  answerText: string;
  /** "WHO-5: 32, højst 35 → rød". */
  reason: string;
}

export interface GuideMatch {
  guide: ResolvedGuide;
  /** The most severe colour among the triggers. */
  severity: RuleColour;
  triggers: GuideMatchTrigger[];
}

export type { RuleColour, Significance };
