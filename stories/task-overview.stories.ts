// Stories for <kpro-task-overview>: the clinician's task overview across citizens (opgaveoverblik).
// Tags `expect:*` tell stories/check-stories.mjs what a story shows instead of task rows
// (`expect:state` = the loading/empty text `.state`, `expect:error` = the error panel, `expect:conflict`).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import { memoryTaskSource, type FhirDataSource } from '@kpro/core';
import '../packages/elements/src/task-overview/kpro-task-overview.js';
import type { KproTaskOverview } from '../packages/elements/src/task-overview/task-overview.js';
import { hanne, mads, taskResources, teams } from '../packages/elements/src/task-overview/test-helpers/fixtures.js';

interface Args {
  readonly: boolean;
  lang: '' | 'da' | 'en';
}

const log = { open: action('kpro-task-open'), change: action('kpro-task-change'), error: action('kpro-error') };

function render(args: Args, data: Partial<KproTaskOverview>, after?: (el: KproTaskOverview) => unknown) {
  return html`<kpro-task-overview
    lang=${ifDefined(args.lang || undefined)}
    ?readonly=${args.readonly}
    .user=${hanne}
    .resources=${data.resources}
    .dataSource=${data.dataSource}
    .teams=${data.teams}
    @kpro-task-open=${log.open}
    @kpro-task-change=${log.change}
    @kpro-error=${log.error}
    ${ref((el) => el && after?.(el as KproTaskOverview))}
  ></kpro-task-overview>`;
}

const meta: Meta<Args> = {
  title: 'Komponenter/Opgaver (kpro-task-overview)',
  component: 'kpro-task-overview',
  tags: ['autodocs'],
  args: { readonly: false, lang: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['', 'da', 'en'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Opgaveoverblikket: de åbne opgaver i brugerens teams på FUT’s Task-model, røde først, så gule, grønne, uden farve og manglende besvarelser. Tag, frigiv, markér som vurderet med notat, og åbn borgeren (en ny opstart fra journalen, ét MinLog-opslag). Én side á 50 rækker hentes ad gangen på serveren. Her får komponenten sine data som egenskaber (`resources`).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = { name: 'Mange opgaver', render: (args) => render(args, { resources: taskResources(130) }) };

export const Few: Story = { name: 'Nogle opgaver, én taget af mig', render: (args) => render(args, { resources: taskResources(9, { owner: (i) => (i === 1 ? hanne : i === 6 ? mads : undefined) }) }) };

export const Empty: Story = { name: 'Ingen opgaver', tags: ['expect:state'], render: (args) => render(args, { resources: taskResources(0) }) };

const never: FhirDataSource = { ...memoryTaskSource([]), search: () => new Promise(() => {}) };
export const Loading: Story = { name: 'Henter', tags: ['expect:state'], render: (args) => render(args, { dataSource: never, teams }) };

const failing: FhirDataSource = { ...memoryTaskSource([]), search: () => Promise.reject(new Error('PRO-serveren svarer ikke')) };
export const Failed: Story = { name: 'Fejl', tags: ['expect:error'], render: (args) => render(args, { dataSource: failing, teams }) };

/** A colleague takes the task on the server just before the clinician presses "Tag". */
function conflict() {
  const source = memoryTaskSource(taskResources(12));
  return render({ readonly: false, lang: '' }, { dataSource: source, teams }, async (el) => {
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('tr[data-task-id="t1"] [data-action="take"]'); i++) await new Promise((r) => setTimeout(r, 20));
    const t1 = await source.read<fhir4.Task>('Task', 't1');
    await source.update({ ...t1, owner: mads, status: 'in-progress' });
    el.shadowRoot?.querySelector<HTMLButtonElement>('tr[data-task-id="t1"] [data-action="take"]')?.click();
  });
}
export const Conflict: Story = { name: 'Konflikt: en kollega tog opgaven først', tags: ['expect:conflict'], render: conflict };

export const ReadOnly: Story = { name: 'Kun læseadgang', args: { readonly: true }, render: (args) => render(args, { resources: taskResources(12) }) };

export const English: Story = { name: 'English', args: { lang: 'en' }, render: (args) => render(args, { resources: taskResources(12) }) };

export const Narrow: Story = {
  name: 'Smal skærm (320 px)',
  render: (args) => html`<div style="width: 320px">${render(args, { resources: taskResources(6) })}</div>`,
};
