import { expect } from '@open-wc/testing';
import type { Questionnaire, ValueSet } from '../fhir/types.js';
import { EXT } from '../fhir/extensions.js';
import { Form, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { compileQuestionnaire } from './definition.js';
import { KproError } from './errors.js';

const codeOf = (code: string, system = 'http://example.org/cs') => ({ system, code });

function codeThrown(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof KproError) return e.code;
    throw e;
  }
  return undefined;
}

describe('compileQuestionnaire', () => {
  it('builds the item tree with parents, document order and a linkId index', () => {
    const def = compileQuestionnaire(
      questionnaire([
        { linkId: 'g', type: 'group', item: [{ linkId: 'g.a', type: 'string' }, { linkId: 'g.b', type: 'integer' }] },
        { linkId: 'c', type: 'boolean', required: true, repeats: false, readOnly: true, prefix: '3.' },
      ]),
    );
    expect(def.items.map((i) => i.linkId)).to.deep.equal(['g', 'c']);
    expect(def.all.map((i) => [i.linkId, i.order])).to.deep.equal([
      ['g', 0],
      ['g.a', 1],
      ['g.b', 2],
      ['c', 3],
    ]);
    expect(def.byLinkId.get('g.b')!.parent).to.equal(def.byLinkId.get('g'));
    const c = def.byLinkId.get('c')!;
    expect([c.type, c.required, c.repeats, c.readOnly, c.prefix]).to.deep.equal(['boolean', true, false, true, '3.']);
    expect(def.canonical).to.equal('http://example.org/Questionnaire/test');
    expect(def.usesExpressions).to.equal(false);
    expect(def.usesRichText).to.equal(false);
    expect(def.warnings).to.deep.equal([]);
  });

  it('accepts a JSON string', () => {
    const def = compileQuestionnaire(JSON.stringify(questionnaire([{ linkId: 'a', type: 'string' }])));
    expect(def.byLinkId.has('a')).to.equal(true);
  });

  it('reads constraint and rendering extensions', () => {
    const def = compileQuestionnaire(
      questionnaire([
        {
          linkId: 'n',
          type: 'decimal',
          maxLength: 6,
          extension: [
            { url: EXT.minValue, valueDecimal: 0.5 },
            { url: EXT.maxValue, valueDecimal: 10 },
            { url: EXT.maxDecimalPlaces, valueInteger: 1 },
            { url: EXT.entryFormat, valueString: 'nn,n' },
            { url: EXT.unit, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } },
            { url: EXT.sliderStep, valueInteger: 2 },
            { url: EXT.hidden, valueBoolean: true },
            { url: EXT.itemControl, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'slider' }] } },
          ],
        },
        {
          linkId: 's',
          type: 'string',
          extension: [
            { url: EXT.minLength, valueInteger: 2 },
            { url: EXT.regex, valueString: '[a-z]+' },
          ],
        },
        {
          linkId: 'att',
          type: 'attachment',
          extension: [
            { url: EXT.maxSize, valueDecimal: 1024 },
            { url: EXT.mimeType, valueCode: 'image/png' },
            { url: EXT.mimeType, valueCode: 'application/pdf' },
          ],
        },
        {
          linkId: 'rep',
          type: 'group',
          repeats: true,
          extension: [
            { url: EXT.minOccurs, valueInteger: 1 },
            { url: EXT.maxOccurs, valueInteger: 3 },
          ],
          item: [{ linkId: 'rep.q', type: 'string' }],
        },
        {
          linkId: 'radio',
          type: 'choice',
          extension: [{ url: EXT.choiceOrientation, valueCode: 'horizontal' }],
          answerOption: [{ valueString: 'x' }],
        },
        {
          linkId: 'q',
          type: 'quantity',
          extension: [
            { url: EXT.unitOption, valueCoding: { code: 'kg' } },
            { url: EXT.unitOption, valueCoding: { code: '[lb_av]' } },
          ],
        },
      ]),
    );
    const n = def.byLinkId.get('n')!;
    expect(n.minValue).to.deep.equal({ valueDecimal: 0.5 });
    expect(n.maxValue).to.deep.equal({ valueDecimal: 10 });
    expect([n.maxLength, n.maxDecimalPlaces, n.entryFormat, n.sliderStep, n.hidden, n.control]).to.deep.equal([6, 1, 'nn,n', 2, true, 'slider']);
    expect(n.unit!.code).to.equal('kg');
    const s = def.byLinkId.get('s')!;
    expect([s.minLength, s.regex]).to.deep.equal([2, '[a-z]+']);
    const att = def.byLinkId.get('att')!;
    expect([att.maxSize, att.mimeTypes]).to.deep.equal([1024, ['image/png', 'application/pdf']]);
    const rep = def.byLinkId.get('rep')!;
    expect([rep.minOccurs, rep.maxOccurs]).to.deep.equal([1, 3]);
    expect(def.byLinkId.get('radio')!.orientation).to.equal('horizontal');
    expect(def.byLinkId.get('q')!.unitOptions.map((c) => c.code)).to.deep.equal(['kg', '[lb_av]']);
  });

  it('turns a help display child into help text, not an item', () => {
    const def = compileQuestionnaire(
      questionnaire([
        {
          linkId: 'q',
          type: 'string',
          text: 'Question',
          item: [
            {
              linkId: 'q.help',
              type: 'display',
              text: 'Some help',
              extension: [{ url: EXT.itemControl, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' }] } }],
            },
          ],
        },
      ]),
    );
    const q = def.byLinkId.get('q')!;
    expect(q.help!.plain).to.equal('Some help');
    expect(q.items).to.deep.equal([]);
    expect(def.byLinkId.has('q.help')).to.equal(false);
  });

  it('marks a calculated item read-only and notes that expressions are used', () => {
    const def = compileQuestionnaire(
      questionnaire([
        { linkId: 'a', type: 'integer' },
        {
          linkId: 'b',
          type: 'integer',
          extension: [{ url: EXT.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression: '1 + 1' } }],
        },
      ]),
    );
    expect(def.byLinkId.get('b')!.readOnly).to.equal(true);
    expect(def.byLinkId.get('b')!.expressions.calculated).to.equal('1 + 1');
    expect(def.usesExpressions).to.equal(true);
  });

  it('ignores expressions in languages other than FHIRPath', () => {
    const def = compileQuestionnaire(
      questionnaire([
        {
          linkId: 'b',
          type: 'integer',
          extension: [{ url: EXT.calculatedExpression, valueExpression: { language: 'text/cql', expression: 'foo' } }],
        },
      ]),
    );
    expect(def.byLinkId.get('b')!.expressions.calculated).to.equal(undefined);
    expect(def.usesExpressions).to.equal(false);
  });

  it('warns about duplicate linkIds and enableWhen on unknown questions', () => {
    const def = compileQuestionnaire(
      questionnaire([
        { linkId: 'a', type: 'string' },
        { linkId: 'a', type: 'string' },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'nowhere', operator: 'exists', answerBoolean: true }] },
      ]),
    );
    expect(def.warnings.map((w) => w.code)).to.deep.equal(['invalid-questionnaire', 'unknown-link-id']);
  });

  it('indexes dependants of each question', () => {
    const def = compileQuestionnaire(
      questionnaire([
        { linkId: 'a', type: 'boolean' },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
        { linkId: 'c', type: 'string', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
      ]),
    );
    expect(def.dependants.get('a')!.map((d) => d.linkId)).to.deep.equal(['b', 'c']);
  });

  it('detects paged questionnaires', () => {
    const page = { url: EXT.itemControl, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'page' }] } };
    expect(compileQuestionnaire(questionnaire([{ linkId: 'p', type: 'group', extension: [page], item: [{ linkId: 'x', type: 'string' }] }])).paged).to.equal(true);
    expect(compileQuestionnaire(questionnaire([{ linkId: 'p', type: 'group', item: [{ linkId: 'x', type: 'string' }] }])).paged).to.equal(false);
  });

  describe('answer options', () => {
    it('reads answerOption of every value type with labels, prefixes, scores and initialSelected', () => {
      const def = compileQuestionnaire(
        questionnaire([
          {
            linkId: 'c',
            type: 'choice',
            answerOption: [
              {
                valueCoding: { ...codeOf('a'), display: 'Apple' },
                extension: [
                  { url: EXT.optionPrefix, valueString: 'A)' },
                  { url: EXT.ordinalValue, valueDecimal: 2 },
                ],
              },
              { valueCoding: { ...codeOf('b'), extension: [{ url: EXT.itemWeight, valueDecimal: 5 }] }, initialSelected: true },
              { valueString: 'Other text' },
              { valueInteger: 7 },
              { valueDate: '2024-01-01' },
              { valueTime: '12:00:00' },
              { valueReference: { reference: 'Patient/1', display: 'Ann' } },
            ],
          },
        ]),
      );
      const opts = def.byLinkId.get('c')!.options;
      expect(opts.map((o) => o.label.plain)).to.deep.equal(['Apple', 'b', 'Other text', '7', '2024-01-01', '12:00:00', 'Ann']);
      expect(opts.map((o) => o.score)).to.deep.equal([2, 5, undefined, undefined, undefined, undefined, undefined]);
      expect(opts[0]!.prefix).to.equal('A)');
      expect(opts.map((o) => o.initialSelected)).to.deep.equal([false, true, false, false, false, false, false]);
      expect(opts[3]!.value).to.deep.equal({ valueInteger: 7 });
      expect(new Set(opts.map((o) => o.key)).size).to.equal(opts.length);
    });

    const withValueSet = (vs: ValueSet, ref: string): Questionnaire =>
      questionnaire([{ linkId: 'c', type: 'choice', answerValueSet: ref }], { contained: [vs] });

    it('expands a contained ValueSet with an expansion (nested, abstract skipped)', () => {
      const vs: ValueSet = {
        resourceType: 'ValueSet',
        id: 'vs1',
        status: 'active',
        expansion: {
          timestamp: '2024-01-01',
          contains: [
            { system: 'http://s', code: 'x', display: 'X' },
            {
              abstract: true,
              display: 'Header',
              contains: [{ system: 'http://s', code: 'y', display: 'Y', extension: [{ url: EXT.ordinalValue, valueDecimal: 3 }] }],
            },
          ],
        },
      };
      const opts = compileQuestionnaire(withValueSet(vs, '#vs1')).byLinkId.get('c')!.options;
      expect(opts.map((o) => o.value)).to.deep.equal([
        { valueCoding: { system: 'http://s', code: 'x', display: 'X' } },
        { valueCoding: { system: 'http://s', code: 'y', display: 'Y' } },
      ]);
      expect(opts.map((o) => o.score)).to.deep.equal([undefined, 3]);
    });

    it('reads a contained ValueSet compose, found by #id or by url', () => {
      const vs: ValueSet = {
        resourceType: 'ValueSet',
        id: 'vs2',
        url: 'http://example.org/ValueSet/yn',
        status: 'active',
        compose: {
          include: [
            {
              system: 'http://example.org/yn',
              concept: [
                { code: 'y', display: 'Yes' },
                { code: 'n', display: 'No' },
              ],
            },
          ],
        },
      };
      for (const ref of ['#vs2', 'http://example.org/ValueSet/yn']) {
        const c = compileQuestionnaire(withValueSet(vs, ref)).byLinkId.get('c')!;
        expect(c.unresolvedValueSet, ref).to.equal(undefined);
        expect(c.options.map((o) => [o.value.valueCoding!.system, o.value.valueCoding!.code, o.label.plain])).to.deep.equal([
          ['http://example.org/yn', 'y', 'Yes'],
          ['http://example.org/yn', 'n', 'No'],
        ]);
      }
    });

    it('finds a contained ValueSet by a canonical with a version (url|version), not by another version', () => {
      const vs: ValueSet = {
        resourceType: 'ValueSet',
        id: 'vs3',
        url: 'http://example.org/ValueSet/yn',
        version: '2.0',
        status: 'active',
        compose: { include: [{ system: 'http://example.org/yn', concept: [{ code: 'y', display: 'Yes' }] }] },
      };
      const found = compileQuestionnaire(withValueSet(vs, 'http://example.org/ValueSet/yn|2.0')).byLinkId.get('c')!;
      expect(found.unresolvedValueSet).to.equal(undefined);
      expect(found.options.map((o) => o.label.plain)).to.deep.equal(['Yes']);
      const other = compileQuestionnaire(withValueSet(vs, 'http://example.org/ValueSet/yn|1.0')).byLinkId.get('c')!;
      expect(other.unresolvedValueSet).to.equal('http://example.org/ValueSet/yn|1.0');
    });

    it('reads a contained ValueSet that includes and excludes other contained ValueSets', () => {
      const base: ValueSet = {
        resourceType: 'ValueSet',
        id: 'all',
        url: 'http://example.org/ValueSet/all',
        status: 'active',
        compose: { include: [{ system: 'http://s', concept: [{ code: 'a', display: 'A' }, { code: 'b', display: 'B' }, { code: 'c', display: 'C' }] }] },
      };
      const without: ValueSet = { resourceType: 'ValueSet', id: 'no-c', status: 'active', compose: { include: [{ system: 'http://s', concept: [{ code: 'c' }] }] } };
      const importing: ValueSet = {
        resourceType: 'ValueSet',
        id: 'imp',
        status: 'active',
        compose: {
          include: [{ valueSet: ['http://example.org/ValueSet/all'] }, { system: 'http://t', concept: [{ code: 'z', display: 'Z' }] }],
          exclude: [{ valueSet: ['#no-c'] }],
        },
      };
      const q = { ...withValueSet(importing, '#imp'), contained: [importing, base, without] } as Questionnaire;
      const c = compileQuestionnaire(q).byLinkId.get('c')!;
      expect(c.unresolvedValueSet).to.equal(undefined);
      expect(c.options.map((o) => `${o.value.valueCoding!.system}|${o.value.valueCoding!.code}|${o.label.plain}`)).to.deep.equal(['http://s|a|A', 'http://s|b|B', 'http://t|z|Z']);

      // Two value sets in one include: only the codes in both.
      const both: ValueSet = { resourceType: 'ValueSet', id: 'both', status: 'active', compose: { include: [{ valueSet: ['#all', '#no-c'] }] } };
      const q2 = { ...withValueSet(both, '#both'), contained: [both, base, without] } as Questionnaire;
      expect(compileQuestionnaire(q2).byLinkId.get('c')!.options.map((o) => o.value.valueCoding!.code)).to.deep.equal(['c']);
    });

    it('does not pass a partial list for the whole one: a filter, a whole code system, a missing or looping import leave it unresolved', () => {
      const vs = (id: string, compose: ValueSet['compose']): ValueSet => ({ resourceType: 'ValueSet', id, status: 'active', compose });
      const listed = { system: 'http://s', concept: [{ code: 'a', display: 'A' }] };
      const cases: ValueSet[] = [
        vs('filter', { include: [listed, { system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '1' }] }] }),
        vs('system', { include: [listed, { system: 'http://loinc.org' }] }),
        vs('missing', { include: [listed, { valueSet: ['http://example.org/ValueSet/elsewhere'] }] }),
        vs('self', { include: [listed, { valueSet: ['#self'] }] }),
      ];
      for (const v of cases) {
        const c = compileQuestionnaire(withValueSet(v, `#${v.id}`)).byLinkId.get('c')!;
        expect(c.unresolvedValueSet, v.id).to.equal(`#${v.id}`);
        expect(c.options, v.id).to.deep.equal([]);
      }
    });

    it('marks an external or empty value set as unresolved and warns', () => {
      const external = compileQuestionnaire(questionnaire([{ linkId: 'c', type: 'choice', answerValueSet: 'http://loinc.org/vs/LL358-3' }]));
      expect(external.byLinkId.get('c')!.unresolvedValueSet).to.equal('http://loinc.org/vs/LL358-3');
      expect(external.byLinkId.get('c')!.options).to.deep.equal([]);
      expect(external.warnings.map((w) => [w.code, w.params.linkId, w.params.url])).to.deep.equal([
        ['value-set-unavailable', 'c', 'http://loinc.org/vs/LL358-3'],
      ]);

      const filterOnly: ValueSet = {
        resourceType: 'ValueSet',
        id: 'f',
        status: 'active',
        compose: { include: [{ system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '123' }] }] },
      };
      expect(compileQuestionnaire(withValueSet(filterOnly, '#f')).byLinkId.get('c')!.unresolvedValueSet).to.equal('#f');
      expect(compileQuestionnaire(withValueSet(filterOnly, '#missing')).byLinkId.get('c')!.unresolvedValueSet).to.equal('#missing');
    });

    it('lets an unresolved choice still take and keep an answer', () => {
      const form = new Form(questionnaire([{ linkId: 'c', type: 'choice', answerValueSet: 'http://example.org/vs/external' }]));
      form.setAnswer(nodeOf(form, 'c'), { valueCoding: { system: 'http://s', code: 'z' } });
      expect(nodeOf(form, 'c').answers).to.have.length(1);
    });
  });

  describe('refusals', () => {
    it('not-json for a string that is not JSON', () => {
      expect(codeThrown(() => compileQuestionnaire('{"resourceType": "Questionnaire",'))).to.equal('not-json');
    });

    it('not-questionnaire for other resources, arrays and primitives', () => {
      for (const input of [{ resourceType: 'Patient' }, [], null, 42, '"text"', {}]) {
        expect(codeThrown(() => compileQuestionnaire(input)), JSON.stringify(input)).to.equal('not-questionnaire');
      }
    });

    it('enablewhen-cycle for mutual, self and parent-child cycles', () => {
      const mutual = questionnaire([
        { linkId: 'a', type: 'string', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
      ]);
      const self = questionnaire([{ linkId: 'a', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] }]);
      const viaParent = questionnaire([
        {
          linkId: 'g',
          type: 'group',
          enableWhen: [{ question: 'g.q', operator: 'exists', answerBoolean: true }],
          item: [{ linkId: 'g.q', type: 'string' }],
        },
      ]);
      for (const q of [mutual, self, viaParent]) expect(codeThrown(() => compileQuestionnaire(q))).to.equal('enablewhen-cycle');
    });

    it('accepts a long chain that is not a cycle', () => {
      const items = Array.from({ length: 50 }, (_, i) => ({
        linkId: `q${i}`,
        type: 'string' as const,
        ...(i ? { enableWhen: [{ question: `q${i - 1}`, operator: 'exists' as const, answerBoolean: true }] } : {}),
      }));
      expect(codeThrown(() => compileQuestionnaire(questionnaire(items)))).to.equal(undefined);
    });
  });
});
