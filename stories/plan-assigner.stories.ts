// Stories for <kpro-plan-assigner>: a citizen's plans of questionnaires, assigning and cancelling.
// Tags `expect:*` tell stories/check-stories.mjs what a story shows instead of questionnaire items
// (`expect:state` = the summary line `.state`, `expect:error` = the error panel `.error-state`).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import { capabilitiesFromScopes } from '@kpro/core';
import '../packages/elements/src/plan-assigner/kpro-plan-assigner.js';
import type { KproPlanAssigner } from '../packages/elements/src/plan-assigner/plan-assigner.js';
import { careTeams, inge, mads, MemoryFhir, NOW, questionnaires, runningPlan, templateResources } from './fixtures/plan-assigner.js';

interface Args {
  readonly: boolean;
  lang: '' | 'da' | 'en';
}

const log = {
  assign: action('kpro-plan-assign'),
  cancel: action('kpro-plan-cancel'),
  change: action('kpro-plan-change'),
  open: action('kpro-plan-open-response'),
  error: action('kpro-error'),
};

function render(args: Args, data: Partial<KproPlanAssigner>) {
  return html`<kpro-plan-assigner
    lang=${ifDefined(args.lang || undefined)}
    ?readonly=${args.readonly}
    .templates=${templateResources}
    .questionnaires=${questionnaires}
    .careTeams=${careTeams}
    .now=${NOW}
    .plans=${data.plans}
    .requests=${data.requests}
    .responses=${data.responses}
    .dataSource=${data.dataSource}
    .patient=${data.patient}
    .user=${data.user}
    .capabilities=${data.capabilities}
    @kpro-plan-assign=${log.assign}
    @kpro-plan-cancel=${log.cancel}
    @kpro-plan-change=${log.change}
    @kpro-plan-open-response=${log.open}
    @kpro-error=${log.error}
  ></kpro-plan-assigner>`;
}

const meta: Meta<Args> = {
  title: 'Komponenter/Planer (kpro-plan-assigner)',
  component: 'kpro-plan-assigner',
  tags: ['autodocs', 'expect:state'],
  args: { readonly: false, lang: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['', 'da', 'en'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Borgerens planer (pakker og forløb): hvert spørgeskema med dato og status (ikon + tekst). Tildel en plan fra en skabelon, stop en plan eller aflys ét spørgeskema med en begrundelse, og send et ekstra spørgeskema nu. I appen henter og gemmer komponenten selv via kontekst; her får den alt som egenskaber.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A citizen without plans yet. */
export const Empty: Story = { name: 'Ingen planer', render: (args) => render(args, {}) };

/** A running heart-rehabilitation plan: start answered, mid-course overdue, the end planned; an extra WHO-5 due. */
export const Running: Story = {
  name: 'Igangværende plan (besvaret, forfalden, planlagt)',
  render: (args) => {
    const { carePlan, requests, responses } = runningPlan();
    const extra: fhir4.ServiceRequest = {
      ...requests[0]!,
      id: 'sr-ekstra',
      basedOn: undefined,
      code: { text: 'Ekstra: WHO-5 Trivselsindeks' },
      occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-04-24T10:00:00+02:00', end: '2026-05-01T10:00:00+02:00' }, count: 1 } },
    };
    return render(args, { plans: [carePlan], requests: [...requests, extra], responses });
  },
};

/** The assign flow opened on the template step (click a template, Næste, dates and team, preview, confirm). */
export const AssignFlow: Story = {
  name: 'Tildel en plan',
  render: (args) => render(args, runningPlan() as unknown as Partial<KproPlanAssigner>),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kpro-plan-assigner')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="assign"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('[data-template="hjerterehabilitering"] input')!.click();
  },
};

/** Someone else changed the request meanwhile: cancelling it gives the conflict message and a reload button. */
export const Conflict: Story = {
  name: 'Konflikt: planen er ændret af en anden',
  tags: ['expect:error'],
  render: (args) => {
    const { carePlan, requests, responses } = runningPlan();
    const fhir = new MemoryFhir([...templateResources, ...careTeams, inge, carePlan, ...requests, ...responses]);
    fhir.failWrites = [412];
    return render(args, { dataSource: fhir, patient: inge, user: mads });
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kpro-plan-assigner')!;
    await el.reload();
    await el.updateComplete;
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[data-occurrence="sr-slut#0"] [data-action="cancel-occurrence"]')!.click();
    await el.updateComplete;
    const reason = root.querySelector<HTMLTextAreaElement>('#cancel-reason')!;
    reason.value = 'Borgeren er flyttet';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await el.confirmCancel();
  },
};

/** A clinician with viewing access only (Hanne): plans, no assign or cancel controls. */
export const ReadOnly: Story = {
  name: 'Kun læseadgang',
  render: (args) => {
    const { carePlan, requests, responses } = runningPlan();
    return render(args, { plans: [carePlan], requests, responses, capabilities: capabilitiesFromScopes('user/*.rs patient/*.rs') });
  },
};
