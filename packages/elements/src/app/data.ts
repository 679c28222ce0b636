import type { FhirDataSource, Questionnaire } from '@kpro/core';

/** Loads Questionnaires by canonical (url|version), once per app: responses name their questionnaire. */
export class QuestionnaireCache {
  #byCanonical = new Map<string, Promise<Questionnaire | undefined>>();
  constructor(private readonly fhir: FhirDataSource) {}

  get(canonical: string): Promise<Questionnaire | undefined> {
    let p = this.#byCanonical.get(canonical);
    if (!p) {
      p = this.#load(canonical);
      this.#byCanonical.set(canonical, p);
    }
    return p;
  }

  async #load(canonical: string): Promise<Questionnaire | undefined> {
    if (canonical.startsWith('Questionnaire/')) return this.fhir.read<Questionnaire>('Questionnaire', canonical.slice(14));
    const [url, version] = canonical.split('|');
    const params: Record<string, string> = { url: url! };
    if (version) params.version = version;
    const { resources } = await this.fhir.search<Questionnaire>('Questionnaire', params);
    return resources[0];
  }

  async all(): Promise<Questionnaire[]> {
    const { resources } = await this.fhir.search<Questionnaire>('Questionnaire', { status: 'active', _count: '100' });
    return resources;
  }
}

/** The QuestionnaireResponses of a citizen, newest first. */
export async function responsesOf(fhir: FhirDataSource, patientId: string): Promise<fhir4.QuestionnaireResponse[]> {
  const { resources } = await fhir.search<fhir4.QuestionnaireResponse>('QuestionnaireResponse', {
    subject: `Patient/${patientId}`,
    _sort: '-authored',
    _count: '200',
  });
  return resources.filter((r) => r.status === 'completed' || r.status === 'amended').sort((a, b) => (b.authored ?? '').localeCompare(a.authored ?? ''));
}

/** Questionnaire requests (ServiceRequests) that are active and not yet answered. */
export async function dueRequestsOf(fhir: FhirDataSource, patientId: string, answered: fhir4.QuestionnaireResponse[]): Promise<fhir4.ServiceRequest[]> {
  const { resources } = await fhir.search<fhir4.ServiceRequest>('ServiceRequest', { subject: `Patient/${patientId}`, status: 'active', _count: '200' });
  const answeredIds = new Set(answered.flatMap((r) => (r.basedOn ?? []).map((b) => b.reference)));
  return resources.filter((s) => !answeredIds.has(`ServiceRequest/${s.id}`)).sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
}

export function dueOf(s: fhir4.ServiceRequest): string {
  return s.occurrenceDateTime ?? s.occurrencePeriod?.end ?? s.occurrenceTiming?.event?.[0] ?? s.occurrenceTiming?.repeat?.boundsPeriod?.end ?? '';
}

/** The questionnaire a ServiceRequest asks for (instantiatesCanonical on the request, or its first code). */
export function questionnaireOfRequest(s: fhir4.ServiceRequest): string | undefined {
  const ext = s.extension?.find((e) => /questionnaire(Request)?$/i.test(e.url));
  return ext?.valueCanonical ?? ext?.valueReference?.reference ?? s.instantiatesCanonical?.find((c) => c.includes('/Questionnaire/') || c.startsWith('Questionnaire/'));
}
