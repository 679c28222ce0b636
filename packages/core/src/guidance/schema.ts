/**
 * The JSON Schema (draft 2020-12) of our action-guide format. The file
 * packages/core/content/guides/action-guide.schema.json is written from this constant by
 * content/guides/make-fhir.mjs, and a test checks that they are equal. `validate.ts` enforces exactly
 * the keywords used here (a small, strict subset of JSON Schema).
 */
export const SCHEMA_ID = 'https://kpro.example.dk/schema/action-guide.schema.json';

const text = (maxLength = 2000) => ({ $ref: '#/$defs/text', maxLength });

export const ACTION_GUIDE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SCHEMA_ID,
  title: 'kpro action guide (handlevejledning) or overlay',
  description:
    'A national action guide (kind "guide") or a regional/municipal overlay (kind "overlay") that adds offers, hides offers or replaces phrases of national guides.',
  oneOf: [{ $ref: '#/$defs/guide' }, { $ref: '#/$defs/overlay' }],
  $defs: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Lower-case letters, digits and hyphens.' },
    text: {
      type: 'string',
      minLength: 1,
      description: 'Plain text. No HTML: a "<" followed by a letter, "/", "!" or "?" is refused, and so are character references such as "&amp;".',
      pattern: '^(?![\\s\\S]*<[A-Za-z/!?])(?![\\s\\S]*&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)[\\s\\S]*$',
    },
    url: { type: 'string', maxLength: 500, pattern: '^https?://[^\\s<>"\'`\\\\]+$', description: 'http or https only.' },
    phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ]{1,18}[0-9]$', description: 'Digits and spaces, e.g. "80 200 500" or "+45 70 20 12 01".' },
    lang: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    version: { type: 'string', pattern: '^[0-9A-Za-z.+-]{1,32}$' },
    colour: { enum: ['red', 'yellow', 'green'] },
    place: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name'],
      properties: {
        code: { type: 'string', pattern: '^[0-9]{4}$', description: 'The official four-digit code (kommunekode or regionskode).' },
        name: text(100),
      },
    },
    uri: { type: 'string', maxLength: 500, pattern: '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$', description: 'An absolute URI.' },
    code: {
      type: 'object',
      additionalProperties: false,
      required: ['system', 'code'],
      description: 'A code an item carries in Questionnaire.item.code (LOINC, SNOMED CT or our own code system).',
      properties: {
        system: { $ref: '#/$defs/uri' },
        code: { type: 'string', maxLength: 100, pattern: '^[^\\s]+( [^\\s]+)*$' },
      },
    },
    trigger: {
      type: 'object',
      additionalProperties: false,
      required: ['colours'],
      description:
        'What the guide is about, named exactly one way: "code" (any item with that Questionnaire.item.code, in any questionnaire; preferred), "definition" (any item with that Questionnaire.item.definition) or "linkId" (the fallback: that item of the guide\'s own questionnaire only).',
      oneOf: [{ required: ['code'] }, { required: ['definition'] }, { required: ['linkId'] }],
      properties: {
        code: { $ref: '#/$defs/code' },
        definition: { $ref: '#/$defs/uri' },
        linkId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
        colours: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { $ref: '#/$defs/colour' } },
      },
    },
    phrase: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'text'],
      properties: { id: { $ref: '#/$defs/id' }, text: text(1000) },
    },
    offer: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'level'],
      properties: {
        id: { $ref: '#/$defs/id' },
        title: text(200),
        description: text(1000),
        url: { $ref: '#/$defs/url' },
        phone: { $ref: '#/$defs/phone' },
        hours: text(200),
        level: { enum: ['national', 'regional', 'municipal'] },
        municipality: { $ref: '#/$defs/place' },
        region: { $ref: '#/$defs/place' },
      },
    },
    guide: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'id', 'lang', 'title', 'questionnaire', 'when', 'phrases', 'interpretation', 'agreements', 'offers'],
      properties: {
        $schema: { type: 'string' },
        kind: { const: 'guide' },
        id: { $ref: '#/$defs/id' },
        version: { $ref: '#/$defs/version' },
        lang: { $ref: '#/$defs/lang' },
        title: text(200),
        questionnaire: { $ref: '#/$defs/url' },
        summary: text(1000),
        when: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/$defs/trigger' } },
        phrases: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/$defs/phrase' } },
        interpretation: { type: 'array', maxItems: 20, items: text(1000) },
        agreements: { type: 'array', maxItems: 20, items: text(1000) },
        offers: { type: 'array', maxItems: 30, items: { $ref: '#/$defs/offer' } },
        note: text(2000),
      },
    },
    patch: {
      type: 'object',
      additionalProperties: false,
      required: ['guide'],
      properties: {
        guide: { $ref: '#/$defs/id' },
        addOffers: { type: 'array', maxItems: 30, items: { $ref: '#/$defs/offer' } },
        hideOffers: { type: 'array', maxItems: 30, uniqueItems: true, items: { $ref: '#/$defs/id' } },
        replacePhrases: { type: 'array', maxItems: 20, items: { $ref: '#/$defs/phrase' } },
      },
    },
    overlay: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'id', 'lang', 'level', 'patches'],
      properties: {
        $schema: { type: 'string' },
        kind: { const: 'overlay' },
        id: { $ref: '#/$defs/id' },
        version: { $ref: '#/$defs/version' },
        lang: { $ref: '#/$defs/lang' },
        level: { enum: ['regional', 'municipal'] },
        municipality: { $ref: '#/$defs/place' },
        region: { $ref: '#/$defs/place' },
        municipalities: { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', pattern: '^[0-9]{4}$' } },
        patches: { type: 'array', minItems: 1, maxItems: 50, items: { $ref: '#/$defs/patch' } },
      },
    },
  },
} as const;
