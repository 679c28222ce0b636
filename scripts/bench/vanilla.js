// The floor: plain DOM for the same questionnaire, labelled native inputs, and a minimal enableWhen loop
// on change. No framework, no response building, no validation; every real renderer does more than this.

// Groups off screen skip layout and paint (content-visibility): one CSS rule any page can have, so the floor
// has it too; otherwise a renderer that uses it would beat the "floor" by CSS alone.
const CSS = 'fieldset.group { content-visibility: auto; contain-intrinsic-size: auto 40rem; }';
const INPUT_TYPES = { string: 'text', integer: 'number', decimal: 'number', date: 'date' };
const BOOLEAN_OPTIONS = [['true', 'Ja'], ['false', 'Nej']];
let uid = 0;

function renderItem(item, gated) {
  const id = `v${uid++}`;
  if (item.type === 'group') {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'group';
    fieldset.dataset.linkId = item.linkId;
    const legend = document.createElement('legend');
    legend.textContent = item.text ?? '';
    fieldset.append(legend, ...(item.item ?? []).map((child) => renderItem(child, gated)));
    if (item.enableWhen) gated.push({ item, el: fieldset });
    return fieldset;
  }
  let el;
  // A boolean is a Yes/No pair of radios, as the renderer makes it (a checkbox cannot say "not answered").
  const options = item.type === 'boolean' ? BOOLEAN_OPTIONS : item.answerOption?.map((o) => [o.valueCoding.code, o.valueCoding.display ?? o.valueCoding.code]);
  if (options) {
    el = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = item.text ?? '';
    el.append(legend);
    for (const [k, [value, text]] of options.entries()) {
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name: item.linkId, id: `${id}-${k}`, value });
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = text;
      el.append(input, label);
    }
  } else {
    el = document.createElement('div');
    const input = document.createElement(item.type === 'text' ? 'textarea' : 'input');
    if (item.type !== 'text') input.type = INPUT_TYPES[item.type] ?? 'text';
    if (item.type === 'decimal') input.step = 'any';
    input.id = id;
    input.name = item.linkId;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = item.text ?? '';
    el.append(label, input);
  }
  el.dataset.linkId = item.linkId;
  if (item.enableWhen) gated.push({ item, el });
  return el;
}

function matches(condition, answer) {
  if (condition.operator === 'exists') return (answer !== undefined) === condition.answerBoolean;
  if (answer === undefined) return condition.operator === '!=';
  const expected = condition.answerCoding?.code ?? Object.entries(condition).find(([k]) => k.startsWith('answer'))?.[1];
  const equal = String(answer) === String(expected);
  return condition.operator === '!=' ? !equal : equal;
}

/** Renders `questionnaire` into `container`; returns the live answers (linkId -> value). */
export function renderVanilla(container, questionnaire) {
  const gated = [];
  const answers = new Map();
  const update = () => {
    for (const { item, el } of gated) {
      const results = item.enableWhen.map((c) => matches(c, answers.get(c.question)));
      el.hidden = !(item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean));
    }
  };
  const style = document.createElement('style');
  style.textContent = CSS;
  const form = document.createElement('form');
  form.append(...(questionnaire.item ?? []).map((item) => renderItem(item, gated)));
  form.addEventListener('change', (event) => {
    const input = event.target;
    const value = input.value;
    answers.set(input.name, value === '' ? undefined : value);
    update();
  });
  update();
  container.append(style, form);
  return answers;
}
