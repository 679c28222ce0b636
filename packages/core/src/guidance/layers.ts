/**
 * Layering: national guides, then the regional overlays that cover the municipality in context, then
 * that municipality's own overlays. Overlays add offers, hide offers (by id) or replace a phrase (by
 * id); every offer and phrase remembers where it came from.
 */
import type { ActionGuide, GuidanceWarning, GuideLibrary, GuideOrigin, GuideOverlay, GuidePlace, ResolvedGuide } from './types.js';

/** The municipality in context: its code ("0999"), its name ("Testkommune") or both. */
export type MunicipalityContext = string | GuidePlace | undefined | null;

const norm = (s: string) => s.trim().toLowerCase();

/** Whether an overlay is for the municipality in context. */
export function overlayApplies(overlay: GuideOverlay, municipality: MunicipalityContext): boolean {
  if (!municipality) return false;
  const code = typeof municipality === 'string' ? municipality : municipality.code;
  const name = typeof municipality === 'string' ? municipality : municipality.name;
  if (overlay.level === 'municipal') {
    const m = overlay.municipality;
    return !!m && (m.code === code || norm(m.name) === norm(name));
  }
  return !!overlay.municipalities?.includes(code);
}

const nationalOrigin = (g: ActionGuide): GuideOrigin => ({ level: 'national', source: g.id });
const overlayOrigin = (o: GuideOverlay): GuideOrigin => ({
  level: o.level,
  source: o.id,
  ...(o.municipality ? { municipality: o.municipality } : {}),
  ...(o.region ? { region: o.region } : {}),
});

/** Applies the overlays that fit the municipality (regional before municipal) to the national guides. */
export function resolveGuides(library: Pick<GuideLibrary, 'guides' | 'overlays'>, municipality?: MunicipalityContext): { guides: ResolvedGuide[]; warnings: GuidanceWarning[] } {
  const warnings: GuidanceWarning[] = [];
  const guides = new Map<string, ResolvedGuide>();
  for (const g of library.guides) {
    const origin = nationalOrigin(g);
    guides.set(g.id, {
      ...g,
      phrases: g.phrases.map((p) => ({ ...p, origin })),
      offers: g.offers.map((o) => ({ ...o, origin: o.level === 'national' ? origin : { ...origin, level: o.level, municipality: o.municipality, region: o.region } })),
      overlays: [],
    });
  }
  const rank = { regional: 0, municipal: 1 } as const;
  const overlays = library.overlays.filter((o) => overlayApplies(o, municipality)).sort((a, b) => rank[a.level] - rank[b.level]);
  for (const overlay of overlays) {
    const origin = overlayOrigin(overlay);
    for (const patch of overlay.patches) {
      const guide = guides.get(patch.guide);
      if (!guide) {
        warnings.push({ code: 'overlay-unknown-guide', message: `overlay ${overlay.id}: no guide "${patch.guide}"`, params: { source: overlay.id, id: patch.guide } });
        continue;
      }
      if (!guide.overlays.includes(overlay.id)) guide.overlays.push(overlay.id);
      for (const id of patch.hideOffers ?? []) {
        const before = guide.offers.length;
        guide.offers = guide.offers.filter((o) => o.id !== id);
        if (guide.offers.length === before) {
          warnings.push({ code: 'overlay-unknown-offer', message: `overlay ${overlay.id}: guide ${guide.id} has no offer "${id}"`, params: { source: overlay.id, id, guide: guide.id } });
        }
      }
      for (const phrase of patch.replacePhrases ?? []) {
        const i = guide.phrases.findIndex((p) => p.id === phrase.id);
        if (i < 0) {
          warnings.push({ code: 'overlay-unknown-phrase', message: `overlay ${overlay.id}: guide ${guide.id} has no phrase "${phrase.id}"`, params: { source: overlay.id, id: phrase.id, guide: guide.id } });
          continue;
        }
        guide.phrases = guide.phrases.map((p, j) => (j === i ? { ...phrase, origin } : p));
      }
      for (const offer of patch.addOffers ?? []) {
        if (guide.offers.some((o) => o.id === offer.id)) {
          warnings.push({ code: 'overlay-duplicate-offer', message: `overlay ${overlay.id}: guide ${guide.id} already has an offer "${offer.id}"`, params: { source: overlay.id, id: offer.id, guide: guide.id } });
          continue;
        }
        guide.offers = [...guide.offers, { ...offer, origin: { ...origin, level: offer.level, municipality: offer.municipality ?? origin.municipality, region: offer.region ?? origin.region } }];
      }
    }
  }
  return { guides: [...guides.values()], warnings };
}
