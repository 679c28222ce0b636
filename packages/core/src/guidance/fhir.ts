/**
 * FUT `ehealth-actionguidance`: a Basic with code basic-resource-type#actionguidance whose content is a
 * contained Binary (base64 JSON), pointed to by the `ehealth-content` extension, and which names the
 * Questionnaire it is for in `ehealth-actionguidance-for` (forType + forReference).
 */
import type { ActionGuide, GuidanceWarning, GuideDocument } from './types.js';

const SD = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/';
export const GUIDANCE_URLS = {
  basicType: 'http://ehealth.sundhed.dk/cs/basic-resource-type',
  guidanceTypes: 'http://ehealth.sundhed.dk/cs/action-guidance-types',
  resourceTypes: 'http://hl7.org/fhir/resource-types',
  content: `${SD}ehealth-content`,
  type: `${SD}ehealth-actionguidance-type`,
  for: `${SD}ehealth-actionguidance-for`,
  status: `${SD}ehealth-status`,
  modifierRole: `${SD}ehealth-modifierRole`,
  title: `${SD}ehealth-basic-title`,
  version: `${SD}ehealth-version`,
  description: `${SD}ehealth-description`,
} as const;
export const ACTION_GUIDANCE_CODE = 'actionguidance';

interface Ext {
  url: string;
  extension?: Ext[];
  valueReference?: { reference?: string };
  valueCanonical?: string;
  valueUri?: string;
  valueCoding?: { system?: string; code?: string };
  valueString?: string;
  [k: string]: unknown;
}
interface BasicLike {
  resourceType: 'Basic';
  id?: string;
  code?: { coding?: { system?: string; code?: string }[] };
  extension?: Ext[];
  contained?: { resourceType?: string; id?: string; contentType?: string; data?: string }[];
  [k: string]: unknown;
}

/** True for a Basic whose code is basic-resource-type#actionguidance. */
export function isActionGuidance(r: unknown): r is BasicLike {
  const b = r as BasicLike | null;
  return (
    !!b &&
    b.resourceType === 'Basic' &&
    !!b.code?.coding?.some((c) => c.code === ACTION_GUIDANCE_CODE && (!c.system || c.system === GUIDANCE_URLS.basicType))
  );
}

/** base64 → UTF-8 text (browser and Node). */
export function decodeBase64Utf8(data: string): string {
  const bin = atob(data.replace(/\s+/g, ''));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** UTF-8 text → base64 (browser and Node). */
export function encodeBase64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Reads the JSON text and the Questionnaire canonicals out of a Basic. */
export function fromFhirBasic(basic: BasicLike, source = `Basic/${basic.id ?? '?'}`): { content?: string; questionnaires: string[]; warnings: GuidanceWarning[] } {
  const questionnaires = (basic.extension ?? [])
    .filter((e) => e.url === GUIDANCE_URLS.for)
    .map((e) => {
      const sub = e.extension ?? [];
      const type = sub.find((s) => s.url === 'forType')?.valueCoding?.code;
      const ref = sub.find((s) => s.url === 'forReference');
      const target = ref?.valueReference?.reference ?? ref?.valueCanonical ?? ref?.valueUri;
      return type && type !== 'Questionnaire' ? undefined : target;
    })
    .filter((q): q is string => !!q);
  const ref = (basic.extension ?? []).find((e) => e.url === GUIDANCE_URLS.content)?.valueReference?.reference;
  const binary = ref?.startsWith('#') ? basic.contained?.find((c) => c.resourceType === 'Binary' && c.id === ref.slice(1)) : undefined;
  if (!binary || typeof binary.data !== 'string') {
    return { questionnaires, warnings: [{ code: 'guide-no-content', message: `${source}: no contained Binary with the guide (ehealth-content)`, params: { source } }] };
  }
  if (binary.contentType && !/^application\/(.+\+)?json\b/i.test(binary.contentType)) {
    return {
      questionnaires,
      warnings: [{ code: 'guide-bad-content', message: `${source}: the Binary is ${binary.contentType}, not JSON`, params: { source, detail: binary.contentType } }],
    };
  }
  try {
    return { content: decodeBase64Utf8(binary.data), questionnaires, warnings: [] };
  } catch {
    return { questionnaires, warnings: [{ code: 'guide-bad-content', message: `${source}: the Binary is not base64 UTF-8`, params: { source, detail: 'base64' } }] };
  }
}

/**
 * A guide or overlay as a FUT ehealth-actionguidance Basic (for seeding a server). Overlays name the
 * questionnaires of the guides they patch when `questionnaires` is given.
 */
export function toFhirBasic(doc: GuideDocument, options: { questionnaires?: string[]; status?: string } = {}): BasicLike {
  const questionnaires = doc.kind === 'guide' ? [(doc as ActionGuide).questionnaire] : (options.questionnaires ?? []);
  const { $schema: _schema, ...content } = doc as GuideDocument & { $schema?: string };
  const title = doc.kind === 'guide' ? doc.title : `${doc.level === 'municipal' ? doc.municipality?.name : doc.region?.name}: ${doc.id}`;
  return {
    resourceType: 'Basic',
    id: doc.id,
    meta: { profile: [`${SD}ehealth-actionguidance`] },
    contained: [{ resourceType: 'Binary', id: 'content', contentType: 'application/json', data: encodeBase64Utf8(JSON.stringify(content)) }],
    extension: [
      { url: GUIDANCE_URLS.content, valueReference: { reference: '#content' } },
      { url: GUIDANCE_URLS.type, valueCoding: { system: GUIDANCE_URLS.guidanceTypes, code: ACTION_GUIDANCE_CODE } },
      ...questionnaires.map((q) => ({
        url: GUIDANCE_URLS.for,
        extension: [
          { url: 'forType', valueCoding: { system: GUIDANCE_URLS.resourceTypes, code: 'Questionnaire' } },
          { url: 'forReference', valueReference: { reference: q } },
        ],
      })),
      { url: GUIDANCE_URLS.status, valueCoding: { system: 'http://ehealth.sundhed.dk/cs/status', code: options.status ?? 'active' } },
      { url: GUIDANCE_URLS.title, valueString: title },
      ...(doc.version ? [{ url: GUIDANCE_URLS.version, valueString: doc.version }] : []),
    ],
    code: { coding: [{ system: GUIDANCE_URLS.basicType, code: ACTION_GUIDANCE_CODE }] },
  };
}
