// Stories for <kpro-questionnaire>, for designers reviewing every state in Danish and English.
// Order (house style 8.9): Playground → Overview → Options → Behaviours → Accessibility → Localisation.
// Every story follows the "Sprog" toolbar (the preview sets `lang` on a wrapper) unless it sets `lang`
// itself. All stories but "Kladde gendannet" use `noDraft`, so they never share IndexedDB drafts.
//
// Tags `expect:*` tell stories/check-stories.mjs what a story must show besides questions
// (`expect:state` = loading/empty text, `expect:error` = the error panel, others = a named part).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import { indexedDbDrafts, type DraftStore, type Questionnaire, type QuestionnaireResponse, type Reference } from '@kpro/core';
import '@kpro/elements/kpro-questionnaire.js';
import type { KproQuestionnaire } from '@kpro/elements/kpro-questionnaire.js';
import rehabJson from '@kpro/core/content/questionnaires/kommunal-rehabilitering.json';
import who5Json from '@kpro/core/content/questionnaires/who-5.json';
import { itemTypes } from './fixtures/item-types.js';
import * as controls from './fixtures/item-controls.js';
import {
  citizen,
  empty,
  memoryDraftStore,
  patientInsteadOfQuestionnaire,
  samtale,
  samtaleCompleted,
  samtaleInProgress,
  samtaleWithErrors,
  stu3Questionnaire,
  therapist,
  unknownModifier,
} from './fixtures/states.js';

const rehab = rehabJson as Questionnaire;
const who5 = who5Json as Questionnaire;

/** The element's simple properties, as Storybook controls. Content comes from each story's fixture. */
interface Args {
  readonly: boolean;
  mode: 'citizen' | 'clinician';
  /** '' follows the toolbar (the wrapper's `lang`); 'da' or 'en' sets `lang` on the element. */
  lang: '' | 'da' | 'en';
  loading: boolean;
  noDraft: boolean;
  /** Playground only: which questionnaire to show. */
  skema?: keyof typeof playgroundContent;
}

/** What a story shows: rich data goes in as properties, never as Storybook args (they are serialised). */
interface Fixture {
  questionnaire?: Questionnaire | unknown;
  response?: QuestionnaireResponse;
  subject?: Reference;
  author?: Reference;
  draftStore?: DraftStore;
}

type Story = StoryObj<Args>;

const playgroundContent = {
  samtale: samtale,
  rehabilitering: rehab,
  who5: who5,
  tomt: empty,
} satisfies Record<string, Questionnaire>;

const log = {
  change: action('kpro-response-change'),
  submit: action('kpro-response-submit'),
  error: action('kpro-error'),
};

/** Resolves once the element shows its form or its error (FHIRPath and rich text load lazily). */
async function whenReady(el: KproQuestionnaire): Promise<KproQuestionnaire> {
  for (let i = 0; i < 500; i++) {
    await el.updateComplete;
    if (el.isConnected && !el.loading && el.shadowRoot?.querySelector('form, .error-state')) return el;
    await new Promise((r) => setTimeout(r, 20));
  }
  return el;
}

/**
 * Renders the element with the args and a fixture. `after` runs once the form is ready (to validate or
 * submit), also on the docs page, so the state shows there too.
 */
function questionnaire(args: Args, fixture: Fixture, after?: (el: KproQuestionnaire) => unknown): TemplateResult {
  return html`<kpro-questionnaire
    lang=${args.lang || nothing}
    mode=${args.mode}
    ?readonly=${args.readonly}
    ?loading=${args.loading}
    ?no-draft=${args.noDraft}
    .questionnaire=${fixture.questionnaire}
    .response=${fixture.response}
    .subject=${fixture.subject}
    .author=${fixture.author}
    .draftStore=${fixture.draftStore ?? indexedDbDrafts}
    @kpro-response-change=${(e: HTMLElementEventMap['kpro-response-change']) => log.change(e.detail)}
    @kpro-response-submit=${(e: HTMLElementEventMap['kpro-response-submit']) => log.submit(e.detail)}
    @kpro-error=${(e: HTMLElementEventMap['kpro-error']) => log.error(e.detail)}
    ${ref((el) => {
      if (el && after) void whenReady(el as KproQuestionnaire).then(after);
    })}
  ></kpro-questionnaire>`;
}

/** A render function showing one fixture. */
const show =
  (fixture: Fixture, after?: (el: KproQuestionnaire) => unknown) =>
  (args: Args): TemplateResult =>
    questionnaire(args, fixture, after);

const meta = {
  title: 'Komponenter/Spørgeskema (kpro-questionnaire)',
  component: 'kpro-questionnaire',
  tags: ['autodocs'],
  args: { readonly: false, mode: 'citizen', lang: '', loading: false, noDraft: true },
  argTypes: {
    readonly: { control: 'boolean', description: 'Gennemsyn: svarene vises og kan ikke ændres (`readonly`).' },
    mode: {
      control: 'inline-radio',
      options: ['citizen', 'clinician'],
      description: '`citizen` (borgeren svarer) eller `clinician` (en medarbejder udfylder på borgerens vegne).',
    },
    lang: {
      control: { type: 'select', labels: { '': 'Som værktøjslinjen', da: 'Dansk (da)', en: 'English (en)' } },
      options: ['', 'da', 'en'],
      description: '`lang` på elementet. Tom: arves fra siden (værktøjslinjen "Sprog").',
    },
    loading: { control: 'boolean', description: 'Viser indlæsning, mens værten henter spørgeskemaet (`loading`).' },
    noDraft: { control: 'boolean', description: 'Ingen kladder i IndexedDB (`no-draft`). Slået til i alle historier undtagen kladde-historien.' },
    skema: {
      control: { type: 'select', labels: { samtale: 'Før din samtale', rehabilitering: 'Kommunal rehabilitering', who5: 'WHO-5', tomt: 'Uden spørgsmål' } },
      options: Object.keys(playgroundContent),
      description: 'Hvilket spørgeskema legepladsen viser.',
      if: { arg: 'skema', exists: true },
    },
  },
  render: (args) => questionnaire(args, { questionnaire: samtale }),
  parameters: {
    docs: {
      description: {
        component:
          'Viser et FHIR R4-spørgeskema (SDC) for en borger eller en medarbejder på borgerens vegne og melder svarene tilbage som ' +
          '`QuestionnaireResponse` med hændelserne `kpro-response-change`, `kpro-response-submit` og `kpro-error` (se fanen *Actions*). ' +
          'Skift sprog med "Sprog" i værktøjslinjen: komponentens tekster følger altid med, og spørgeskemaets egne tekster gør det, ' +
          'når spørgeskemaet har engelske oversættelser (translation-udvidelsen), som alle eksemplerne her har.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;

// ---- Playground ----------------------------------------------------------------------------------

export const Playground: Story = {
  name: 'Legeplads',
  args: { skema: 'samtale' },
  render: (args) => questionnaire(args, { questionnaire: playgroundContent[args.skema ?? 'samtale'], subject: citizen, author: therapist }),
  parameters: { docs: { description: { story: 'Prøv `readonly`, `mode`, `lang` og `loading` under *Controls*, og vælg et spørgeskema.' } } },
};

// ---- Overview ------------------------------------------------------------------------------------

export const KommunalRehabilitering: Story = {
  name: 'Kommunal rehabilitering (eksempel)',
  render: show({ questionnaire: rehab }),
  parameters: {
    docs: {
      description: {
        story: 'Eksempelskemaet til dialogstøtte i kommunal rehabilitering (diabetes/hjerte): dagsorden og 9 domæner. Scorerne beregnes skjult.',
      },
    },
  },
};

export const Who5: Story = {
  name: 'WHO-5 Trivselsindeks',
  render: show({ questionnaire: who5 }),
  parameters: { docs: { description: { story: 'WHO-5 med dansk tekst og engelsk oversættelse. Scoren (0–100) beregnes skjult.' } } },
};

// ---- Options: item types -------------------------------------------------------------------------

export const TypeGroup: Story = { name: 'Type: gruppe (group)', render: show({ questionnaire: itemTypes.group }) };
export const TypeDisplay: Story = {
  name: 'Type: visningstekst (display)',
  render: show({ questionnaire: itemTypes.display }),
  parameters: { docs: { description: { story: 'Den anden tekst har rendering-xhtml (fed skrift) på dansk; på engelsk vises oversættelsen.' } } },
};
export const TypeBoolean: Story = { name: 'Type: ja/nej (boolean)', render: show({ questionnaire: itemTypes.boolean }) };
export const TypeDecimal: Story = {
  name: 'Type: decimaltal (decimal)',
  render: show({ questionnaire: itemTypes.decimal }),
  parameters: { docs: { description: { story: 'Dansk decimalkomma ("6,5"); på engelsk punktum. Højst én decimal, 1–35.' } } },
};
export const TypeInteger: Story = { name: 'Type: heltal (integer)', render: show({ questionnaire: itemTypes.integer }) };
export const TypeDate: Story = { name: 'Type: dato (date)', render: show({ questionnaire: itemTypes.date }) };
export const TypeDateTime: Story = { name: 'Type: dato og klokkeslæt (dateTime)', render: show({ questionnaire: itemTypes.dateTime }) };
export const TypeTime: Story = { name: 'Type: klokkeslæt (time)', render: show({ questionnaire: itemTypes.time }) };
export const TypeString: Story = { name: 'Type: kort tekst (string)', render: show({ questionnaire: itemTypes.string }) };
export const TypeText: Story = { name: 'Type: lang tekst (text)', render: show({ questionnaire: itemTypes.text }) };
export const TypeUrl: Story = { name: 'Type: webadresse (url)', render: show({ questionnaire: itemTypes.url }) };
export const TypeChoice: Story = { name: 'Type: valg (choice)', render: show({ questionnaire: itemTypes.choice }) };
export const TypeOpenChoice: Story = { name: 'Type: valg med andet svar (open-choice)', render: show({ questionnaire: itemTypes['open-choice'] }) };
export const TypeAttachment: Story = { name: 'Type: vedhæftet fil (attachment)', render: show({ questionnaire: itemTypes.attachment }) };
export const TypeReference: Story = { name: 'Type: reference', render: show({ questionnaire: itemTypes.reference }) };
export const TypeQuantity: Story = {
  name: 'Type: mængde med enhed (quantity)',
  render: show({ questionnaire: itemTypes.quantity }),
  parameters: { docs: { description: { story: 'Én fast enhed (kg) og et valg mellem enheder (km/meter).' } } },
};

// ---- Options: item controls, repeats ------------------------------------------------------------

export const ControlRadioButton: Story = { name: 'Kontrol: radioknapper (radio-button)', render: show({ questionnaire: controls.radioButton }) };
export const ControlCheckBox: Story = {
  name: 'Kontrol: afkrydsningsfelter (check-box)',
  render: show({ questionnaire: controls.checkBox }),
  parameters: { docs: { description: { story: 'Et valg med flere svar og et enkelt ja/nej som afkrydsningsfelt.' } } },
};
export const ControlDropDown: Story = { name: 'Kontrol: rulleliste (drop-down)', render: show({ questionnaire: controls.dropDown }) };
export const ControlAutocomplete: Story = { name: 'Kontrol: autoudfyld (autocomplete)', render: show({ questionnaire: controls.autocomplete }) };
export const ControlSliderChoice: Story = { name: 'Kontrol: skyder, valg (slider)', render: show({ questionnaire: controls.sliderChoice }) };
export const ControlSliderInteger: Story = { name: 'Kontrol: skyder, heltal 0–10 (slider)', render: show({ questionnaire: controls.sliderInteger }) };
export const ControlGtable: Story = {
  name: 'Kontrol: tabel, gentaget gruppe (gtable)',
  tags: ['expect:grid'],
  render: show({ questionnaire: controls.gtable, response: controls.gtableResponse }),
  parameters: { docs: { description: { story: 'En gentaget gruppe som tabel; to rækker er udfyldt på forhånd, og der kan tilføjes flere.' } } },
};
export const ControlPage: Story = {
  name: 'Kontrol: sider med fremskridt (page)',
  tags: ['expect:progress'],
  render: show({ questionnaire: controls.page }),
  parameters: { docs: { description: { story: 'Hver gruppe på sin egen side med "Side 1 af 3" og en fremskridtsbjælke.' } } },
};
export const ControlHelp: Story = {
  name: 'Kontrol: hjælpetekst (help)',
  render: show({ questionnaire: controls.help }),
  parameters: { docs: { description: { story: 'Hjælpeteksten er skjult bag knappen "Hjælp" og foldes ud på stedet.' } } },
};
export const ControlHorizontal: Story = { name: 'Kontrol: vandrette svar (choiceOrientation)', render: show({ questionnaire: controls.horizontal }) };

export const RepeatingQuestion: Story = {
  name: 'Gentagelser: spørgsmål',
  render: show({ questionnaire: controls.repeatingQuestion }),
  parameters: { docs: { description: { story: 'Et spørgsmål med flere svar (højst 5): "Tilføj" og "Fjern".' } } },
};
export const RepeatingGroup: Story = { name: 'Gentagelser: gruppe', render: show({ questionnaire: controls.repeatingGroup }) };

// ---- Options: properties -------------------------------------------------------------------------

export const ReadonlyReview: Story = {
  name: 'Gennemsyn af svar (readonly)',
  args: { readonly: true },
  render: show({ questionnaire: samtale, response: samtaleCompleted }),
  parameters: { docs: { description: { story: '`readonly` med et udfyldt svar: som medarbejderen ser det før samtalen.' } } },
};

export const ClinicianMode: Story = {
  name: 'Medarbejder på borgerens vegne (clinician)',
  args: { mode: 'clinician' },
  render: show({ questionnaire: samtale, subject: citizen, author: therapist }),
  parameters: {
    docs: {
      description: {
        story: '`mode="clinician"` med `subject` (borgeren) og `author` (medarbejderen). Svaret får medarbejderen som forfatter og borgeren som kilde.',
      },
    },
  },
};

// ---- Behaviours ----------------------------------------------------------------------------------

export const EnableWhen: Story = {
  name: 'Betingede spørgsmål (enableWhen)',
  render: show({ questionnaire: controls.enableWhen }),
  parameters: { docs: { description: { story: 'Svar "Ja" til "Ryger du?", så kommer opfølgende spørgsmål frem; "Nej" skjuler dem igen.' } } },
};

export const CalculatedScore: Story = {
  name: 'Beregnede scorer (udtryk)',
  render: show({ questionnaire: controls.calculatedScore, response: controls.calculatedScoreResponse }),
  parameters: {
    docs: {
      description: {
        story: 'calculatedExpression (FHIRPath): aktive minutter om ugen og BMI regnes ud, mens borgeren skriver. Udfyldt på forhånd; ret tallene.',
      },
    },
  },
};

export const Empty: Story = {
  name: 'Tilstand: uden spørgsmål',
  tags: ['expect:state'],
  render: show({ questionnaire: empty }),
};

export const Loading: Story = {
  name: 'Tilstand: indlæser',
  tags: ['expect:state'],
  args: { loading: true },
  render: show({}),
  parameters: { docs: { description: { story: '`loading` sat og intet spørgeskema endnu, mens værten henter det.' } } },
};

export const ErrorNotAQuestionnaire: Story = {
  name: 'Fejl: en Patient i stedet for et spørgeskema',
  tags: ['expect:error'],
  render: show({ questionnaire: patientInsteadOfQuestionnaire }),
};

export const ErrorStu3: Story = {
  name: 'Fejl: spørgeskema i FHIR STU3',
  tags: ['expect:error'],
  render: show({ questionnaire: stu3Questionnaire }),
};

export const ErrorUnknownModifier: Story = {
  name: 'Fejl: ukendt modifierExtension',
  tags: ['expect:error'],
  render: show({ questionnaire: unknownModifier }),
  parameters: { docs: { description: { story: 'En regel (modifierExtension), elementet ikke kender, kan ændre betydningen: skemaet vises ikke.' } } },
};

export const ValidationErrors: Story = {
  name: 'Valideringsfejl',
  tags: ['expect:summary'],
  render: show({ questionnaire: samtale, response: samtaleWithErrors }, (el) => el.validate()),
  parameters: {
    docs: {
      description: { story: 'Efter `validate()`: et krævet svar mangler, 9 dage er for mange, og telefonnummeret har ikke 8 cifre.' },
    },
  },
};

export const DraftRestored: Story = {
  name: 'Kladde gendannet',
  tags: ['expect:draft-notice'],
  args: { noDraft: false },
  render: (args) => questionnaire(args, { questionnaire: samtale, draftStore: memoryDraftStore(samtaleInProgress) }),
  parameters: {
    docs: {
      description: {
        story: 'En `draftStore` i hukommelsen med et halvt udfyldt svar, som da borgeren lukkede siden. "Start forfra" kasserer kladden.',
      },
    },
  },
};

/** Presses "Send svar", and "Send alligevel" if the element asks about unanswered questions. */
async function submitAnyway(el: KproQuestionnaire): Promise<void> {
  el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  await el.updateComplete;
  el.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="send-anyway"]')?.click();
}

export const Submitted: Story = {
  name: 'Sendt',
  tags: ['expect:submitted'],
  render: show({ questionnaire: samtale, response: samtaleCompleted }, submitAnyway),
  parameters: { docs: { description: { story: 'Et udfyldt skema, hvor borgeren har trykket "Send svar" (se `kpro-response-submit` under *Actions*).' } } },
};

export const SubmittedOnBehalf: Story = {
  name: 'Gemt på borgerens vegne',
  tags: ['expect:submitted'],
  args: { mode: 'clinician' },
  render: show({ questionnaire: samtale, response: samtaleCompleted, subject: { ...citizen, display: 'Inge Test Jensen' }, author: therapist }, submitAnyway),
  parameters: {
    docs: { description: { story: 'En medarbejder har udfyldt skemaet på borgerens vegne: bekræftelsen taler til medarbejderen ("Svarene er gemt for …"), ikke til borgeren.' } },
  },
};

export const NothingAnswered: Story = {
  name: 'Send uden svar',
  tags: ['expect:submit-check'],
  render: show({ questionnaire: who5 }, (el) => el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click()),
  parameters: {
    docs: { description: { story: '"Send svar" uden et eneste svar: intet sendes, og skemaet siger, at mindst ét spørgsmål skal besvares. En tom besvarelse er aldrig en besvarelse.' } },
  },
};

export const SomeUnanswered: Story = {
  name: 'Send alligevel?',
  tags: ['expect:submit-check'],
  render: show({ questionnaire: samtale, response: samtaleInProgress }, (el) => el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click()),
  parameters: {
    docs: {
      description: { story: '"Send svar" med ubesvarede (valgfrie) spørgsmål: skemaet spørger én gang ("Du har ikke besvaret 3 af 9 spørgsmål. Send alligevel?"). "Fortsæt med at svare" går til det første ubesvarede.' },
    },
  },
};

// ---- Accessibility -------------------------------------------------------------------------------

export const ErrorSummaryFocus: Story = {
  name: 'Tilgængelighed: fejlopsummering får fokus',
  tags: ['expect:summary'],
  render: show({ questionnaire: samtale, response: samtaleWithErrors }),
  // A play function (not `after`) so the docs page does not jump to this story's focused summary.
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<KproQuestionnaire>('kpro-questionnaire');
    if (!el) return;
    await whenReady(el);
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  },
  parameters: {
    docs: {
      description: {
        story:
          'Tryk på "Send svar" med fejl: opsummeringen får fokus og oplæses (role="alert"), og hvert link flytter fokus til feltet. ' +
          'Se også fanen *Accessibility* (axe).',
      },
    },
  },
};

// ---- Localisation --------------------------------------------------------------------------------

export const KommunalRehabiliteringEngelsk: Story = {
  name: 'Kommunal rehabilitering på engelsk',
  args: { lang: 'en' },
  render: show({ questionnaire: rehab }),
  parameters: { docs: { description: { story: '`lang="en"` på elementet: engelske tekster fra spørgeskemaets oversættelser.' } } },
};

export const FejlEngelsk: Story = {
  name: 'Fejl på engelsk',
  tags: ['expect:error'],
  args: { lang: 'en' },
  render: show({ questionnaire: patientInsteadOfQuestionnaire }),
};

export const SideBySide: Story = {
  name: 'Dansk og engelsk side om side',
  render: (args) => html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem">
    ${questionnaire({ ...args, lang: 'da' }, { questionnaire: samtale })} ${questionnaire({ ...args, lang: 'en' }, { questionnaire: samtale })}
  </div>`,
  parameters: { docs: { description: { story: 'Samme spørgeskema med `lang="da"` og `lang="en"`, til at sammenligne tekstlængder.' } } },
};
