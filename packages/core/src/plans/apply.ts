// PlanDefinition/$apply: where a server has it (FUT does), it fills the CarePlan and the ServiceRequests
// from the definitions (sharing policies, episode of care, codes the templates carry). We keep what the
// clinician chose (dates, care team, identifiers for retries) and take the rest from the server.

/** True when the server's CapabilityStatement lists $apply on PlanDefinition. */
export function hasApplyOperation(cs: fhir4.CapabilityStatement | undefined): boolean {
  return !!cs?.rest?.some((r) =>
    [...(r.operation ?? []), ...(r.resource?.find((x) => x.type === 'PlanDefinition')?.operation ?? [])].some(
      (o) => o.name === 'apply' || o.name === '$apply' || /PlanDefinition-apply$/.test(o.definition ?? ''),
    ),
  );
}

/** The resources $apply returned: a CarePlan (with contained requests) or a Bundle of them. */
function appliedResources(applied: fhir4.Resource | undefined): { carePlan?: fhir4.CarePlan; requests: fhir4.ServiceRequest[] } {
  if (!applied) return { requests: [] };
  const all: fhir4.Resource[] =
    applied.resourceType === 'Bundle' ? ((applied as fhir4.Bundle).entry ?? []).map((e) => e.resource!).filter(Boolean) : [applied];
  const carePlan = all.find((r): r is fhir4.CarePlan => r.resourceType === 'CarePlan');
  const requests = [...all, ...(carePlan?.contained ?? [])].filter((r): r is fhir4.ServiceRequest => r.resourceType === 'ServiceRequest');
  return { carePlan, requests };
}

// What the clinician decided (or what makes a retry safe) always wins over the server's proposal.
const OURS_CAREPLAN = new Set(['resourceType', 'id', 'identifier', 'status', 'intent', 'subject', 'period', 'author', 'careTeam', 'activity', 'created', 'contained']);
const OURS_REQUEST = new Set(['resourceType', 'id', 'identifier', 'status', 'intent', 'subject', 'occurrenceTiming', 'occurrenceDateTime', 'occurrencePeriod', 'basedOn', 'authoredOn', 'requester', 'performer', 'contained']);

function mergeInto<T extends object>(ours: T, theirs: object | undefined, keep: Set<string>): T {
  if (!theirs) return ours;
  const merged = { ...ours } as Record<string, unknown>;
  for (const [k, v] of Object.entries(theirs)) {
    if (keep.has(k) || v === undefined) continue;
    if (k === 'extension' && Array.isArray(v)) {
      const have = new Set(((merged.extension as fhir4.Extension[] | undefined) ?? []).map((e) => e.url));
      merged.extension = [...((merged.extension as fhir4.Extension[] | undefined) ?? []), ...(v as fhir4.Extension[]).filter((e) => !have.has(e.url))];
    } else if (merged[k] === undefined || k === 'code' || k === 'category') {
      merged[k] = v;
    }
  }
  return merged as T;
}

/**
 * Merges the server's $apply result into the assignment bundle we built: server-filled elements are added
 * to our CarePlan and to each ServiceRequest (matched by the ActivityDefinition it instantiates, else by
 * position); our dates, statuses, references and identifiers stay, so the transaction stays atomic and
 * retry-safe.
 */
export function mergeServerApply(bundle: fhir4.Bundle, applied: fhir4.Resource | undefined): fhir4.Bundle {
  const { carePlan, requests } = appliedResources(applied);
  if (!carePlan && !requests.length) return bundle;
  let requestIndex = 0;
  const entry = (bundle.entry ?? []).map((e) => {
    const r = e.resource;
    if (r?.resourceType === 'CarePlan') return { ...e, resource: mergeInto(r, carePlan, OURS_CAREPLAN) };
    if (r?.resourceType === 'ServiceRequest') {
      const sr = r as fhir4.ServiceRequest;
      const byDefinition = requests.find((x) => x.instantiatesCanonical?.some((c) => sr.instantiatesCanonical?.includes(c)));
      const theirs = byDefinition ?? requests[requestIndex];
      requestIndex++;
      return { ...e, resource: mergeInto(sr, theirs, OURS_REQUEST) };
    }
    return e;
  });
  return { ...bundle, entry };
}
