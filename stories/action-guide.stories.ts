// Stories for <kpro-action-guide> (handlevejledninger): each of the ten national guides, nationally and
// with Testkommune's overlay side by side; all guides for a red citizen; the linked behaviour next to
// <kpro-answer-view>; empty states; unsafe content; English.
// Every story follows the "Sprog" toolbar (the preview sets `lang` on a wrapper) unless it sets `lang`.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import type { TriageResult } from '@kpro/core';
// Relative: packages/elements/package.json has no ./kpro-action-guide.js export yet.
import '../packages/elements/src/action-guide/kpro-action-guide.js';
import '../packages/elements/src/answer-view/kpro-answer-view.js';
import { TESTKOMMUNE, nationalGuides, redCitizen, rehab, testkommune, triageOf, unsafeGuides } from './fixtures/action-guide.js';

interface Loaded {
  red: TriageResult;
  green: TriageResult;
}

type Story = StoryObj<{ municipality: string }>;

const log = {
  complete: action('kpro-action-complete'),
  error: action('kpro-error'),
};

const guide = (guides: unknown, triage: TriageResult, municipality = '', extra = ''): TemplateResult =>
  html`<kpro-action-guide
    id=${extra || 'guide'}
    .guides=${guides}
    .triage=${triage}
    municipality=${municipality}
    @kpro-action-complete=${log.complete}
    @kpro-error=${log.error}
  ></kpro-action-guide>`;

const sideBySide = (left: TemplateResult, right: TemplateResult, labels: [string, string]): TemplateResult =>
  html`<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.5rem;align-items:start">
    <section aria-label=${labels[0]}>${left}</section>
    <section aria-label=${labels[1]}>${right}</section>
  </div>`;

const meta: Meta<{ municipality: string }> = {
  title: 'Komponenter/Handlevejledninger (kpro-action-guide)',
  component: 'kpro-action-guide',
  tags: ['autodocs'],
  loaders: [async (ctx) => ({ red: await triageOf('red', ctx.globals.locale ?? 'da'), green: await triageOf('green', ctx.globals.locale ?? 'da') })],
  args: { municipality: '' },
  parameters: {
    docs: {
      description: {
        component:
          'The action guides that apply to the citizen\'s latest response, most severe first, with the answers that triggered them. ' +
          'Select an answer in `<kpro-answer-view>` to open its guide. Guides are our JSON (see packages/core/content/guides/README.md) or FUT `ehealth-actionguidance` Basic resources; ' +
          'Testkommune (0999) adds a sleep school and a local alcohol centre, hides two national offers and replaces a phrase.',
      },
    },
  },
};
export default meta;

export const Playground: Story = {
  args: { municipality: TESTKOMMUNE },
  render: (args, { loaded }) => guide([...nationalGuides, testkommune], (loaded as Loaded).red, args.municipality),
};

/** One story per national guide: national content on the left, with Testkommune's overlay on the right. */
const perGuide = (index: number): Story => ({
  name: nationalGuides[index]!.title,
  render: (_args, { loaded }) => {
    const g = nationalGuides[index]!;
    const red = (loaded as Loaded).red;
    // The overlay as a host that loads only this guide would pass it: the patches for this guide.
    const patches = testkommune.patches.filter((p) => p.guide === g.id);
    const local = patches.length ? [g, { ...testkommune, patches }] : [g];
    return sideBySide(guide([g], red, '', `national-${g.id}`), guide(local, red, TESTKOMMUNE, `testkommune-${g.id}`), ['Nationalt', 'Testkommune']);
  },
  play: async ({ canvasElement }) => {
    // Open the guide in both columns so every part is visible.
    for (const el of canvasElement.querySelectorAll('kpro-action-guide')) {
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      el.shadowRoot?.querySelectorAll('details').forEach((d) => (d.open = true));
    }
  },
});

export const HV01MentalTrivsel = perGuide(0);
export const HV02Nedtrykthed = perGuide(1);
export const HV03Alkohol = perGuide(2);
export const HV04Rygning = perGuide(3);
export const HV05Soevn = perGuide(4);
export const HV06Netvaerk = perGuide(5);
export const HV07Seksualitet = perGuide(6);
export const HV08FysiskAktivitet = perGuide(7);
export const HV09Hverdagsliv = perGuide(8);
export const HV10Sygdomshaandtering = perGuide(9);

export const AlleForEnRoedBorger: Story = {
  name: 'Alle handlevejledninger, rød borger (Testkommune)',
  render: (_args, { loaded }) => guide([...nationalGuides, testkommune], (loaded as Loaded).red, TESTKOMMUNE),
};

export const SammenMedBesvarelser: Story = {
  name: 'Sammen med besvarelserne (klik på et rødt svar)',
  render: (_args, { loaded }) =>
    sideBySide(
      html`<kpro-answer-view id="svar" .questionnaire=${rehab} .responses=${redCitizen}></kpro-answer-view>`,
      html`<kpro-action-guide for="svar" .guides=${[...nationalGuides, testkommune]} .triage=${(loaded as Loaded).red} municipality=${TESTKOMMUNE} @kpro-action-complete=${log.complete}></kpro-action-guide>`,
      ['Besvarelser', 'Handlevejledninger'],
    ),
};

export const IngenTilBesvarelsen: Story = {
  name: 'Tom: ingen handlevejledninger til besvarelsen',
  tags: ['expect:state'],
  render: (_args, { loaded }) => guide([...nationalGuides], (loaded as Loaded).green),
};

export const IngenTilSpoergeskemaet: Story = {
  name: 'Tom: spørgeskemaet har ingen handlevejledninger',
  tags: ['expect:state'],
  render: (_args, { loaded }) => guide([], (loaded as Loaded).red),
};

export const UsikkertIndhold: Story = {
  name: 'Usikkert indhold springes over',
  tags: ['expect:warnings'],
  render: (_args, { loaded }) => guide(unsafeGuides(), (loaded as Loaded).red),
};

export const Engelsk: Story = {
  name: 'English UI (Danish content)',
  loaders: [async () => ({ red: await triageOf('red', 'en') })],
  render: (_args, { loaded }) => html`<div lang="en">${guide([...nationalGuides, testkommune], (loaded as Loaded).red, TESTKOMMUNE)}</div>`,
};
