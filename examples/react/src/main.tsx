// A React 19 host for the four kpro components, through the typed wrappers in kpro-react.ts. The data is
// static FHIR JSON (the plain-HTML example's files and the sample questionnaires); everything a server
// would do is React state here: a submitted response is "saved" into state and the answer view, the
// action guide and the plan list follow.
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { TriageResult } from '@kpro/core';
import { ActionGuide, AnswerView, PlanAssigner, Questionnaire, type KproAnswerView, type KproPlanAssignEvent, type KproResponseSubmitEvent } from './kpro-react.js';
import rehabJson from '../../../packages/core/content/questionnaires/kommunal-rehabilitering.json';
import who5Json from '../../../packages/core/content/questionnaires/who-5.json';
import citizenJson from '../../plain-html/data/citizen.json';
import templatesJson from '../../plain-html/data/plan-templates.json';
import guidesJson from '../../plain-html/data/guides.json';

const rehab = rehabJson as unknown as fhir4.Questionnaire;
const who5 = who5Json as unknown as fhir4.Questionnaire;
const citizen = citizenJson as unknown as fhir4.Bundle;
const templates = templatesJson as unknown as fhir4.Bundle;
const guides = guidesJson as unknown as fhir4.Bundle;

function resourcesOf<T extends fhir4.FhirResource>(bundle: fhir4.Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
}

const patient = resourcesOf<fhir4.Patient>(citizen, 'Patient')[0]!;
const subject: fhir4.Reference = { reference: `Patient/${patient.id}`, display: `${patient.name?.[0]?.given?.join(' ')} ${patient.name?.[0]?.family}` };
const clinician: fhir4.Reference = { reference: 'Practitioner/practitioner-mads', display: 'Terapeut Mads Madsen' };
const careTeams = resourcesOf<fhir4.CareTeam>(templates, 'CareTeam');

/** A transaction as the server would store it: urn:uuid references become Type/id. */
function written(bundle: fhir4.Bundle): fhir4.FhirResource[] {
  const entries = bundle.entry ?? [];
  const refs = new Map(entries.map((e) => [e.fullUrl!, `${e.resource!.resourceType}/${e.fullUrl!.replace('urn:uuid:', '')}`]));
  let text = JSON.stringify(entries.map((e) => e.resource));
  for (const [fullUrl, ref] of refs) text = text.replaceAll(`"${fullUrl}"`, `"${ref}"`);
  return (JSON.parse(text) as fhir4.FhirResource[]).map((r, i) => ({ ...r, id: refs.get(entries[i]!.fullUrl!)!.split('/')[1] }));
}

function App() {
  const [lang, setLang] = useState<'da' | 'en'>('da');
  const [responses, setResponses] = useState(() => resourcesOf<fhir4.QuestionnaireResponse>(citizen, 'QuestionnaireResponse'));
  const [plans, setPlans] = useState(() => resourcesOf<fhir4.CarePlan>(citizen, 'CarePlan'));
  const [requests, setRequests] = useState(() => resourcesOf<fhir4.ServiceRequest>(citizen, 'ServiceRequest'));
  const [triage, setTriage] = useState<TriageResult | null>(null);
  const [selected, setSelected] = useState<string>();
  const [events, setEvents] = useState<string[]>([]);
  const answerView = useRef<KproAnswerView>(null);

  const log = useCallback((text: string) => setEvents((list) => [text, ...list].slice(0, 30)), []);

  // The action guide follows the answer view's triage result of the newest response.
  useEffect(() => {
    const view = answerView.current;
    if (!view) return;
    let current = true;
    void view.updateComplete.then(() => current && setTriage(view.results[0] ?? null));
    return () => {
      current = false;
    };
  }, [responses]);

  const onSubmit = (e: KproResponseSubmitEvent) => {
    const saved: fhir4.QuestionnaireResponse = { ...e.detail, id: `react-${Date.now()}`, authored: e.detail.authored ?? new Date().toISOString() };
    setResponses((list) => [saved, ...list]);
    log(`kpro-response-submit: QuestionnaireResponse/${saved.id}`);
  };

  const onAssign = (e: KproPlanAssignEvent) => {
    const resources = written(e.detail.bundle);
    setPlans((list) => [...list, ...resources.filter((r): r is fhir4.CarePlan => r.resourceType === 'CarePlan')]);
    setRequests((list) => [...list, ...resources.filter((r): r is fhir4.ServiceRequest => r.resourceType === 'ServiceRequest')]);
    log(`kpro-plan-assign: ${e.detail.template}`);
  };

  return (
    <main className="page" lang={lang}>
      <p>
        <a href="../index.html">← Eksempler</a>
      </p>
      <h1>kpro i React</h1>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <label>
          Sprog{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as 'da' | 'en')}>
            <option value="da">Dansk (da)</option>
            <option value="en">English (en)</option>
          </select>
        </label>
        <span data-testid="state">
          Besvarelser i React-state: <strong data-testid="response-count">{responses.length}</strong>
          {triage ? (
            <>
              {' '}
              · nyeste samlet: <strong data-testid="overall">{triage.overall}</strong>
            </>
          ) : null}
          {selected ? (
            <>
              {' '}
              · valgt svar: <code data-testid="selected">{selected}</code>
            </>
          ) : null}
        </span>
      </form>
      <aside className="panel events">
        <h2>Hændelser</h2>
        <ol className="log" data-testid="event-log">
          {events.map((text, i) => (
            <li key={events.length - i}>{text}</li>
          ))}
        </ol>
      </aside>
      <div className="stack">
        <section>
          <h2>Besvarelser</h2>
          <AnswerView
            ref={answerView}
            id="answers"
            questionnaire={rehab}
            responses={responses}
            requests={[...requests, ...plans]}
            onAnswerSelect={(e) => {
              setSelected(e.detail.linkId);
              log(`kpro-answer-select: ${e.detail.linkId}`);
            }}
            onError={(e) => log(`kpro-error: ${e.detail.code}`)}
          />
        </section>
        <section>
          <h2>Handlevejledninger</h2>
          <ActionGuide
            guides={guides}
            triage={triage}
            municipality="0999"
            selectedLinkId={selected}
            onActionComplete={(e) => log(`kpro-action-complete: ${e.detail.guideId}`)}
            onError={(e) => log(`kpro-error: ${e.detail.code}`)}
          />
        </section>
        <section>
          <h2>Planer</h2>
          <PlanAssigner
            templates={templates}
            questionnaires={[rehab, who5]}
            careTeams={careTeams}
            plans={plans}
            requests={requests}
            responses={responses}
            patient={patient}
            user={clinician}
            onPlanAssign={onAssign}
            onPlanCancel={(e) => log(`kpro-plan-cancel: ${e.detail.kind}`)}
            onError={(e) => log(`kpro-error: ${e.detail.code}`)}
          />
        </section>
        <section>
          <h2>Besvar på borgers vegne</h2>
          <Questionnaire
            questionnaire={rehab}
            mode="clinician"
            subject={subject}
            author={clinician}
            noDraft
            onResponseSubmit={onSubmit}
            onError={(e) => log(`kpro-error: ${e.detail.code}`)}
          />
        </section>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
