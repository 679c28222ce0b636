import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import type { Capabilities, FhirDataSource, Reference } from '@kpro/core';
import { capabilitiesContext, fhirContext, patientContext, userContext } from '../../shared/context.js';
import { LocalizeController } from '../../shared/localize.js';
import { translation } from '@kpro/core';
import { hostStyles } from '../../shared/host.styles.js';
import { QuestionnaireCache } from '../data.js';

/** What every app view shares: the context it consumes and a way to report server failures. */
export class AppView extends LitElement {
  static override styles = [hostStyles];

  @consume({ context: fhirContext, subscribe: true }) @state() protected fhir?: FhirDataSource;
  @consume({ context: patientContext, subscribe: true }) @state() protected patient?: fhir4.Patient;
  @consume({ context: userContext, subscribe: true }) @state() protected user?: Reference;
  @consume({ context: capabilitiesContext, subscribe: true }) @state() protected capabilities?: Capabilities;

  protected readonly localize = new LocalizeController(this, translation);
  #cache?: QuestionnaireCache;

  protected get questionnaires(): QuestionnaireCache {
    if (!this.#cache) this.#cache = new QuestionnaireCache(this.fhir!);
    return this.#cache;
  }

  /** Hands a server failure to the app shell, which shows the right screen. */
  protected report(e: unknown): void {
    const host = (this.getRootNode() as ShadowRoot).host as (Element & { reportFailure?(e: unknown): void }) | undefined;
    if (host?.reportFailure) host.reportFailure(e);
    else throw e;
  }
}
