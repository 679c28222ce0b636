// Action guides (handlevejledninger): our JSON format and its schema, FUT Basic reading and writing,
// national + regional/municipal layering, and matching to a triage result.
export * from './types.js';
export { ACTION_GUIDE_SCHEMA, SCHEMA_ID } from './schema.js';
export { validateSchema, formatSchemaError, type SchemaError } from './validate.js';
export { loadGuides, parseGuideDocument, canonicalUrl, sameCanonical, type GuideInput } from './load.js';
export { isActionGuidance, fromFhirBasic, toFhirBasic, decodeBase64Utf8, encodeBase64Utf8, GUIDANCE_URLS, ACTION_GUIDANCE_CODE } from './fhir.js';
export { resolveGuides, overlayApplies, type MunicipalityContext } from './layers.js';
export { matchGuides, matchForLinkId, guideFitsQuestionnaire, triggerNames } from './match.js';
