import { responseSaysSomething, type FhirDataSource, type Questionnaire } from '@kpro/core';

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

/** The citizen's QuestionnaireResponses that say something (completed or amended, with answers), newest first. */
export async function responsesOf(fhir: FhirDataSource, patientId: string): Promise<fhir4.QuestionnaireResponse[]> {
  const { resources } = await fhir.search<fhir4.QuestionnaireResponse>('QuestionnaireResponse', {
    subject: `Patient/${patientId}`,
    _sort: '-authored',
    _count: '200',
  });
  return resources
    .filter((r) => (r.status === 'completed' || r.status === 'amended') && responseSaysSomething(r))
    .sort((a, b) => (b.authored ?? '').localeCompare(a.authored ?? ''));
}

/** The citizen's questionnaire requests (ServiceRequests), every status: the lists sort them by core's occurrence status. */
export async function requestsOf(fhir: FhirDataSource, patientId: string): Promise<fhir4.ServiceRequest[]> {
  const { resources } = await fhir.search<fhir4.ServiceRequest>('ServiceRequest', { subject: `Patient/${patientId}`, _count: '200' });
  return resources;
}

/** The questionnaire a ServiceRequest asks for (instantiatesCanonical on the request, or its first code). */
export function questionnaireOfRequest(s: fhir4.ServiceRequest): string | undefined {
  const ext = s.extension?.find((e) => /questionnaire(Request)?$/i.test(e.url));
  return ext?.valueCanonical ?? ext?.valueReference?.reference ?? s.instantiatesCanonical?.find((c) => c.includes('/Questionnaire/') || c.startsWith('Questionnaire/'));
}
