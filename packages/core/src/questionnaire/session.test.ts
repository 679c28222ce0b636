import { expect } from '@open-wc/testing';
import { EXT } from '../fhir/extensions.js';
import { nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { KproError } from './errors.js';
import { createQuestionnaireSession } from './session.js';

describe('createQuestionnaireSession', () => {
  it('is ready at once for a plain questionnaire', () => {
    const session = createQuestionnaireSession(questionnaire([{ linkId: 'a', type: 'string' }]));
    expect(session.ready).to.equal(undefined);
    expect(nodeOf(session.form, 'a').enabled).to.equal(true);
  });

  it('throws the refusal synchronously', () => {
    let code: string | undefined;
    try {
      createQuestionnaireSession({ resourceType: 'Patient' });
    } catch (e) {
      code = (e as KproError).code;
    }
    expect(code).to.equal('not-questionnaire');
  });

  it('sanitises rendering-xhtml and renders rendering-markdown before it is ready', async () => {
    const session = createQuestionnaireSession(
      questionnaire(
        [
          {
            linkId: 'a',
            type: 'choice',
            text: 'Plain a',
            _text: { extension: [{ url: EXT.renderingXhtml, valueString: '<b onclick="x()">Bold</b><script>window.__pwned = 1</script>' }] },
            answerOption: [
              {
                valueCoding: {
                  code: 'y',
                  display: 'Yes',
                  _display: { extension: [{ url: EXT.renderingMarkdown, valueMarkdown: '**Yes** [more](https://example.org)' }] },
                } as fhir4.Coding,
              },
            ],
          },
        ],
        { description: 'About *this* form' },
      ),
    );
    expect(session.ready).to.not.equal(undefined);
    await session.ready;
    const a = session.form.def.byLinkId.get('a')!;
    expect(a.text!.plain).to.equal('Plain a');
    expect(a.text!.html).to.equal('<b>Bold</b>');
    expect(a.options[0]!.label.html).to.contain('<strong>Yes</strong>');
    expect(a.options[0]!.label.html).to.contain('rel="noopener noreferrer"');
    expect(session.form.def.description!.html).to.contain('<em>this</em>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('reports run-time expression warnings to the callback', async () => {
    const warnings: string[] = [];
    const session = createQuestionnaireSession(
      questionnaire([
        { linkId: 'a', type: 'integer', repeats: true, initial: [{ valueInteger: 1 }, { valueInteger: 2 }] },
        {
          linkId: 'b',
          type: 'integer',
          extension: [{ url: EXT.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression: "%resource.item.where(linkId='a').answer.value.single()" } }],
        },
      ]),
      (w) => warnings.push(w.code),
    );
    await session.ready;
    expect(warnings).to.deep.equal(['expression-error']);
  });
});
