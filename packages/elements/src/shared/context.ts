import { createContext } from '@lit/context';
import type { Capabilities, FhirDataSource, Reference } from '@kpro/core';

// One context per ambient service. String keys (not symbols) so two copies of the library on one
// page still find each other's providers.
export const fhirContext = createContext<FhirDataSource | undefined>('kpro-fhir');
export const patientContext = createContext<fhir4.Patient | undefined>('kpro-patient');
export const userContext = createContext<Reference | undefined>('kpro-user');
export const capabilitiesContext = createContext<Capabilities | undefined>('kpro-capabilities');
export const localeContext = createContext<string | undefined>('kpro-locale');
