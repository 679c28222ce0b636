// Stories for <kpro-answer-view>, for designers and clinicians reviewing every state in Danish and English.
// Order (house style 8.9): Playground → Overview → Options → Behaviours → Accessibility → Localisation.
// Every story follows the "Sprog" toolbar (the preview sets `lang` on a wrapper) unless it sets `lang`.
//
// Tags `expect:*` tell stories/check-stories.mjs what a story must show besides answer rows
// (`expect:state` = loading/empty text, `expect:error` = the error panel, `expect:warnings` = the warning box).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import type { ClinicalImpression, Questionnaire, QuestionnaireResponse } from '@kpro/core';
// Relative: packages/elements/package.json has no ./kpro-answer-view.js export yet.
import '../packages/elements/src/answer-view/kpro-answer-view.js';
import {
  course,
  courseRequests,
  greenCitizen,
  library,
  longCourse,
  missingAnswers,
  otherQuestionnaire,
  patientInsteadOfQuestionnaire,
  redCitizen,
  rehab,
  serverVerdict,
  worked,
  yellowCitizen,
} from './fixtures/answer-view.js';

/** The element's simple properties, as Storybook controls. Content comes from each story's fixture. */
interface Args {
  bigScreen: boolean;
  print: boolean;
  onlyFlagged: boolean;
  /** '' follows the toolbar (the wrapper's `lang`); 'da' or 'en' sets `lang` on the element. */
  lang: '' | 'da' | 'en';
  /** Playground only: which citizen to show. */
  borger?: keyof typeof citizens;
}

/** What a story shows: rich data goes in as properties, never as Storybook args (they are serialised). */
interface Fixture {
  questionnaire?: Questionnaire | Questionnaire[] | unknown;
  responses?: QuestionnaireResponse[] | unknown;
  triage?: ClinicalImpression[];
  requests?: fhir4.ServiceRequest[];
}

type Story = StoryObj<Args>;

const citizens = {
  roed: redCitizen,
  gul: yellowCitizen,
  groen: greenCitizen,
  forloeb: course,
  mangler: missingAnswers,
} satisfies Record<string, QuestionnaireResponse[]>;

const log = {
  select: action('kpro-answer-select'),
  error: action('kpro-error'),
};

function answerView(args: Args, f: Fixture): TemplateResult {
  return html`<kpro-answer-view
    lang=${args.lang || nothing}
    ?big-screen=${args.bigScreen}
    ?print=${args.print}
    ?only-flagged=${args.onlyFlagged}
    .questionnaire=${'questionnaire' in f ? f.questionnaire : library}
    .responses=${f.responses}
    .triage=${f.triage}
    .requests=${f.requests ?? courseRequests}
    @kpro-answer-select=${(e: HTMLElementEventMap['kpro-answer-select']) => log.select(e.detail)}
    @kpro-error=${(e: HTMLElementEventMap['kpro-error']) => log.error(e.detail)}
  ></kpro-answer-view>`;
}

const show =
  (f: Fixture) =>
  (args: Args): TemplateResult =>
    answerView(args, f);

const meta = {
  title: 'Komponenter/Besvarelser (kpro-answer-view)',
  component: 'kpro-answer-view',
  tags: ['autodocs'],
  args: { bigScreen: false, print: false, onlyFlagged: false, lang: '' },
  argTypes: {
    bigScreen: { control: 'boolean', description: 'Storskærm til samtalen med borgeren: stor tekst, høj kontrast, borgernære ord, intet internt (`big-screen`).' },
    print: { control: 'boolean', description: 'Viser udskriftslayoutet på skærmen: alle områder foldet ud, ingen knapper (`print`).' },
    onlyFlagged: { control: 'boolean', description: 'Vis kun røde og gule svar (`only-flagged`, også en knap i komponenten).' },
    lang: {
      control: { type: 'select', labels: { '': 'Som værktøjslinjen', da: 'Dansk (da)', en: 'English (en)' } },
      options: ['', 'da', 'en'],
      description: '`lang` på elementet. Tom: arves fra siden (værktøjslinjen "Sprog").',
    },
    borger: {
      control: { type: 'select', labels: { roed: 'Rød borger', gul: 'Gul borger', groen: 'Grøn borger', forloeb: 'Forløb (3 besvarelser)', mangler: 'Manglende svar' } },
      options: Object.keys(citizens),
      description: 'Hvilken borger legepladsen viser.',
      if: { arg: 'borger', exists: true },
    },
  },
  render: (args) => answerView(args, { responses: redCitizen }),
  parameters: {
    docs: {
      description: {
        component:
          'Viser en borgers besvarelser farvekodet, som klinikeren prioriterer samtalen: borgerens egen dagsorden øverst, så områderne ' +
          'rød, gul, grøn og grå med ikon, tekst og scorer; hvert svar med farve og begrundelse; og med flere besvarelser forløbet over tid ' +
          'med ændringen i hver score. Farverne kommer fra serverens triagering (ClinicalImpression `TriagingResult`), når den findes, ' +
          'ellers beregnes de i browseren med reglerne fra den version af spørgeskemaet, besvarelsen hører til. ' +
          'Klik eller tryk Enter/mellemrum på et svar for at vælge det (`kpro-answer-select`, se fanen *Actions*). ' +
          'Eksempeldata: de gennemregnede eksempler fra triagemotoren (packages/core/src/triage/README.md). Reglerne er ikke klinisk godkendt.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ---- Playground ----------------------------------------------------------------------------------

export const Playground: Story = {
  name: 'Legeplads',
  args: { borger: 'roed' },
  render: (args) => answerView(args, { responses: citizens[args.borger ?? 'roed'] }),
  parameters: { docs: { description: { story: 'Prøv `big-screen`, `print`, `only-flagged` og `lang` under *Controls*, og vælg en borger.' } } },
};

// ---- Overview: citizens ----------------------------------------------------------------------------

export const RedCitizen: Story = {
  name: 'Rød borger',
  render: show({ responses: redCitizen }),
  parameters: {
    docs: {
      description: {
        story: 'Rød i otte områder, alle tre tværgående regler slår til. Borgeren vil tale om alkohol og "Min hofte" (dagsordenen står øverst).',
      },
    },
  },
};

export const YellowCitizen: Story = {
  name: 'Gul borger',
  render: show({ responses: yellowCitizen }),
  parameters: { docs: { description: { story: 'Ting at drøfte og følge op på: højst gul. WHO-5 48 (gul).' } } },
};

export const GreenCitizen: Story = {
  name: 'Grøn borger',
  render: show({ responses: greenCitizen }),
  parameters: {
    docs: { description: { story: 'Ressourcer overalt. Svar uden regel er "Ingen farve" – ikke grønne. Ubesvarede områder er grå.' } },
  },
};

export const Course: Story = {
  name: 'Forløb med tre besvarelser',
  render: show({ responses: course, requests: courseRequests }),
  parameters: {
    docs: {
      description: {
        story:
          'Første samtale, midtvejssamtale og afsluttende samtale (titlerne fra ServiceRequest). En kolonne pr. besvarelse, tendenskurver for ' +
          'scorerne og ændringen siden sidst i ord: WHO-5 28 → 32 → 44, "Bedre: +12 point, klinisk betydende".',
      },
    },
  },
};

export const LongCourse: Story = {
  name: 'Langt forløb med tolv besvarelser',
  render: show({ responses: longCourse }),
  parameters: {
    docs: {
      description: {
        story:
          'Tolv ugentlige besvarelser. Med mere end seks besvarelser viser forløbstabellen først områderne (en farve pr. besvarelse), ' +
          'og knappen "Vis alle … spørgsmål over tid" viser hvert spørgsmål. Udskriften viser altid alle spørgsmål.',
      },
    },
  },
};

export const MissingAnswers: Story = {
  name: 'Manglende svar',
  render: show({ responses: missingAnswers }),
  parameters: {
    docs: {
      description: {
        story:
          'WHO-5 mangler et svar (scoren kan ikke beregnes: grå, aldrig grøn), "Ønsker ikke at svare" på hverdagslivet (grå), og de fleste områder er ubesvarede.',
      },
    },
  },
};

export const ServerVerdict: Story = {
  name: 'Serverens vurdering',
  loaders: [async () => ({ triage: await serverVerdict() })],
  render: (args, { loaded }) => answerView(args, { responses: yellowCitizen, triage: loaded.triage as ClinicalImpression[] }),
  parameters: {
    docs: {
      description: {
        story: 'Serveren har allerede triageret besvarelsen (ClinicalImpression `TriagingResult`): dens farver vises, og komponenten siger det.',
      },
    },
  },
};

export const OlderVersion: Story = {
  name: 'Besvarelse til en ældre version',
  render: show({ responses: [worked('who5-v0.9-32', { id: 'gammel' })] }),
  parameters: {
    docs: { description: { story: 'WHO-5 32 til version 0.9.0 er gul (rød i 1.0.0): besvarelsen farves med reglerne fra sin egen version.' } },
  },
};

// ---- Options -------------------------------------------------------------------------------------

export const BigScreen: Story = {
  name: 'Storskærm',
  args: { bigScreen: true },
  render: show({ responses: course, requests: courseRequests }),
  parameters: {
    docs: {
      description: {
        story: 'Til samtalen med borgeren: stor tekst, høj kontrast og borgernære ord ("Det vil vi gerne tale med dig om"); ingen begrundelser, versioner eller advarsler.',
      },
    },
  },
};

export const Print: Story = {
  name: 'Udskrift',
  args: { print: true },
  render: show({ responses: redCitizen }),
  parameters: {
    docs: {
      description: {
        story: 'Udskriftslayoutet (`print`, som `@media print` bruger): alle områder foldet ud, ingen knapper, farver med ikon og tekst, som kan læses i sort-hvid.',
      },
    },
  },
};

export const OnlyFlagged: Story = {
  name: 'Kun røde og gule',
  args: { onlyFlagged: true },
  render: show({ responses: redCitizen }),
  parameters: { docs: { description: { story: 'Filteret "Vis kun røde og gule" slået til.' } } },
};

// ---- Behaviours ----------------------------------------------------------------------------------

export const Warnings: Story = {
  name: 'Advarsler: besvarelse til et andet skema',
  tags: ['expect:warnings'],
  render: show({ questionnaire: rehab, responses: otherQuestionnaire }),
  parameters: {
    docs: {
      description: {
        story: 'En WHO-5-besvarelse vist med rehabiliteringsskemaet og et svar på et ukendt spørgsmål: en oversat advarsel og `kpro-error` (warning); resten vises stadig.',
      },
    },
  },
};

export const Empty: Story = {
  name: 'Ingen besvarelser',
  tags: ['expect:state'],
  render: show({ responses: [] }),
};

export const Loading: Story = {
  name: 'Henter',
  tags: ['expect:state'],
  render: show({ questionnaire: undefined, responses: redCitizen }),
  parameters: { docs: { description: { story: 'Besvarelserne er der, spørgeskemaet endnu ikke (værten henter det).' } } },
};

export const ErrorNotAQuestionnaire: Story = {
  name: 'Fejl: ikke et spørgeskema',
  tags: ['expect:error'],
  render: show({ questionnaire: patientInsteadOfQuestionnaire, responses: redCitizen }),
};

// ---- Accessibility -------------------------------------------------------------------------------

export const Keyboard: Story = {
  name: 'Tilgængelighed: tastatur og skærmlæser',
  render: show({ responses: yellowCitizen }),
  parameters: {
    docs: {
      description: {
        story:
          'Tab flytter mellem knapper og svar; Enter eller mellemrum vælger et svar (aria-current). Områderne foldes med knapper med aria-expanded. ' +
          'Farver har altid ikon og tekst. Se fanen *Accessibility* (axe).',
      },
    },
  },
};

// ---- Localisation --------------------------------------------------------------------------------

export const Danish: Story = {
  name: 'Dansk',
  args: { lang: 'da' },
  render: show({ responses: course, requests: courseRequests }),
};

export const English: Story = {
  name: 'Engelsk',
  args: { lang: 'en' },
  render: show({ responses: course, requests: courseRequests }),
  parameters: { docs: { description: { story: '`lang="en"`: komponentens tekster og begrundelser på engelsk, spørgsmålene fra skemaets oversættelser.' } } },
};

export const BigScreenEnglish: Story = {
  name: 'Storskærm på engelsk',
  args: { lang: 'en', bigScreen: true },
  render: show({ responses: redCitizen }),
};
