import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  answerKey,
  formatAnswer,
  formatTypedNumber,
  htmlFor,
  rawValue,
  textFor,
  type AnswerOptionDef,
  type AnswerValue,
  type ItemDef,
  type ItemNode,
  type RichText,
  type Translation,
  type ValidationIssue,
} from '@kpro/core';

/** What item templates need from the element; keeps templates pure functions of state. */
export interface ControlContext {
  lang: string;
  baseLang?: string;
  t: Translation;
  readonly: boolean;
  /** Text typed into a field that is not (yet) a valid value, keyed by `${nodeId}:${index}`. */
  raw: Map<string, string>;
  /** Number of input slots shown for a repeating non-choice question. */
  slots: (node: ItemNode) => number;
  issues: (node: ItemNode) => ValidationIssue[];
  expandedHelp: Set<string>;
}

/**
 * Text of an item: sanitised HTML when the questionnaire gave rendering-xhtml/markdown (and no
 * translation replaces it), plain text otherwise. HTML was sanitised in core; nothing else is unsafe.
 */
export function richText(t: RichText | undefined, ctx: ControlContext): TemplateResult | string {
  const rich = htmlFor(t, ctx.lang, ctx.baseLang);
  return rich !== undefined ? html`<span class="rich">${unsafeHTML(rich)}</span>` : textFor(t, ctx.lang, ctx.baseLang);
}

export function optionsOf(node: ItemNode): AnswerOptionDef[] {
  if (node.expressionOptions) {
    return node.expressionOptions.map((value) => {
      const key = answerKey(value);
      return node.def.options.find((o) => o.key === key) ?? { value, key, label: { plain: formatAnswer(value, undefined, 'da') }, initialSelected: false };
    });
  }
  return node.def.options;
}

function labelText(def: ItemDef, ctx: ControlContext) {
  return html`${def.prefix ? html`<span class="prefix">${def.prefix}</span> ` : nothing}${richText(def.text, ctx)}${def.required
      ? html`<span class="required" aria-hidden="true"> *</span><span class="visually-hidden"> (${ctx.t.required})</span>`
      : nothing}`;
}

function describedBy(node: ItemNode, ctx: ControlContext, hasHint: boolean): string {
  const ids = [];
  if (hasHint) ids.push(`${node.id}-hint`);
  if (ctx.issues(node).length) ids.push(`${node.id}-err`);
  return ids.join(' ');
}

function hint(node: ItemNode, ctx: ControlContext): TemplateResult | typeof nothing {
  const def = node.def;
  const parts: string[] = [];
  if (def.entryFormat) parts.push(def.entryFormat);
  if (def.readOnly && def.expressions.calculated) parts.push(ctx.t.calculated);
  return parts.length ? html`<div class="hint" id="${node.id}-hint" part="hint">${parts.join(' · ')}</div>` : nothing;
}

function helpBlock(node: ItemNode, ctx: ControlContext): TemplateResult | typeof nothing {
  const help = node.def.help;
  if (!help) return nothing;
  const open = ctx.expandedHelp.has(node.id);
  return html`<button
      type="button"
      class="help-toggle"
      part="help-toggle"
      data-action="help"
      data-node="${node.id}"
      aria-expanded="${open ? 'true' : 'false'}"
      aria-controls="${node.id}-help"
    >
      <span aria-hidden="true">?</span> ${ctx.t.help}
    </button>
    <div class="help" id="${node.id}-help" part="help" ?hidden=${!open}>${richText(help, ctx)}</div>`;
}

function errors(node: ItemNode, ctx: ControlContext): TemplateResult | typeof nothing {
  const list = ctx.issues(node);
  if (!list.length) return nothing;
  return html`<div class="error" id="${node.id}-err" part="error">
    ${list.map((i) => html`<p><span aria-hidden="true">⚠ </span>${ctx.t.validation[i.code](i.params)}</p>`)}
  </div>`;
}

/** A question: label, control, hint, help, errors. */
export function renderQuestion(node: ItemNode, ctx: ControlContext): TemplateResult {
  const def = node.def;
  const invalid = ctx.issues(node).length > 0;
  const grouped = usesFieldset(node, ctx);
  const body = ctx.readonly || (def.readOnly && def.type !== 'attachment') ? renderValueText(node, ctx) : renderControl(node, ctx);
  const inner = grouped
    ? html`<fieldset class="choices" aria-describedby="${describedBy(node, ctx, !!def.entryFormat) || nothing}" aria-invalid="${invalid ? 'true' : 'false'}">
        <legend class="label" part="label">${labelText(def, ctx)}</legend>
        ${helpBlock(node, ctx)} ${hint(node, ctx)} ${body}
      </fieldset>`
    : html`<label class="label" part="label" for="${node.id}-0">${labelText(def, ctx)}</label>
        ${helpBlock(node, ctx)} ${hint(node, ctx)} ${body}`;
  return html`<div
    class="item question ${invalid ? 'invalid' : ''} type-${def.type}"
    part="item"
    data-link-id="${def.linkId}"
    data-node="${node.id}"
  >
    ${inner} ${errors(node, ctx)}
  </div>`;
}

function usesFieldset(node: ItemNode, ctx: ControlContext): boolean {
  const def = node.def;
  if (ctx.readonly || def.readOnly) return false;
  if (def.type === 'boolean') return def.control !== 'check-box';
  if (def.type === 'choice' || def.type === 'open-choice') {
    return choiceControl(node) === 'radio' || choiceControl(node) === 'checkbox' || def.type === 'open-choice';
  }
  return def.repeats || def.type === 'quantity';
}

function renderValueText(node: ItemNode, ctx: ControlContext): TemplateResult {
  const answers = node.answers;
  return html`<output class="value" id="${node.id}-0" part="value" aria-live="${node.def.expressions.calculated ? 'polite' : 'off'}"
    >${answers.length
      ? answers.map((a) => formatAnswer(a, node.def, ctx.lang, ctx.baseLang)).join(', ')
      : html`<span class="muted">${ctx.t.noValue}</span>`}</output
  >`;
}

type ChoiceControl = 'radio' | 'checkbox' | 'select' | 'autocomplete' | 'slider';

export function choiceControl(node: ItemNode): ChoiceControl {
  const def = node.def;
  const n = optionsOf(node).length;
  switch (def.control) {
    case 'drop-down':
      return def.repeats ? 'checkbox' : 'select';
    case 'autocomplete':
    case 'lookup':
      return def.repeats ? 'checkbox' : 'autocomplete';
    case 'slider':
      return def.repeats ? 'checkbox' : 'slider';
    case 'check-box':
      return 'checkbox';
    case 'radio-button':
      return def.repeats ? 'checkbox' : 'radio';
    default:
      if (def.repeats) return 'checkbox';
      return n > 12 ? 'select' : 'radio';
  }
}

function renderControl(node: ItemNode, ctx: ControlContext): TemplateResult {
  const def = node.def;
  switch (def.type) {
    case 'boolean':
      return renderBoolean(node, ctx);
    case 'choice':
    case 'open-choice':
      return renderChoice(node, ctx);
    case 'text':
      return renderSlots(node, ctx, (i, v, id) => html`<textarea id=${id} data-node=${node.id} data-index=${i} data-kind="text" rows="3"
        maxlength=${def.maxLength ?? nothing} placeholder=${def.entryFormat ?? nothing}
        aria-describedby=${describedBy(node, ctx, !!def.entryFormat) || nothing} aria-invalid=${ctx.issues(node).length ? 'true' : 'false'}
        ?required=${def.required} .value=${v}></textarea>`);
    case 'integer':
    case 'decimal':
      return def.control === 'slider' ? renderNumberSlider(node, ctx) : renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'text', v, def.type === 'integer' ? 'numeric' : 'decimal'));
    case 'quantity':
      return renderQuantity(node, ctx);
    case 'date':
      return renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'date', v));
    case 'dateTime':
      return renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'datetime-local', v));
    case 'time':
      return renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'time', v));
    case 'url':
      return renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'url', v));
    case 'attachment':
      return renderAttachment(node, ctx);
    case 'reference':
      return renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'text', v, undefined, ctx.t.referencePlaceholder));
    default:
      return renderSlots(node, ctx, (i, v, id) => inputTemplate(node, ctx, i, id, 'text', v));
  }
}

function inputTemplate(node: ItemNode, ctx: ControlContext, index: number, id: string, type: string, value: string, inputmode?: string, placeholder?: string) {
  const def = node.def;
  return html`<input
    id=${id}
    type=${type}
    data-node=${node.id}
    data-index=${index}
    data-kind=${def.type}
    inputmode=${inputmode ?? nothing}
    maxlength=${def.maxLength && (def.type === 'string' || def.type === 'url') ? def.maxLength : nothing}
    placeholder=${placeholder ?? def.entryFormat ?? nothing}
    min=${minMaxAttr(def, 'min', type) ?? nothing}
    max=${minMaxAttr(def, 'max', type) ?? nothing}
    aria-describedby=${describedBy(node, ctx, !!def.entryFormat) || nothing}
    aria-invalid=${ctx.issues(node).length ? 'true' : 'false'}
    ?required=${def.required}
    autocomplete="off"
    .value=${value}
  />`;
}

function minMaxAttr(def: ItemDef, which: 'min' | 'max', type: string): string | undefined {
  if (type !== 'date' && type !== 'datetime-local' && type !== 'time') return undefined;
  const v = rawValue(which === 'min' ? def.minValue : def.maxValue);
  return typeof v === 'string' ? v : undefined;
}

/** One input per answer for repeating questions, with add/remove; one input otherwise. */
function renderSlots(node: ItemNode, ctx: ControlContext, input: (i: number, value: string, id: string) => TemplateResult): TemplateResult {
  const def = node.def;
  const count = def.repeats ? ctx.slots(node) : 1;
  const slots = Array.from({ length: count }, (_, i) => {
    const id = `${node.id}-${i}`;
    const v = ctx.raw.get(`${node.id}:${i}`) ?? inputValue(node.answers[i], def, ctx.lang);
    return def.repeats
      ? html`<div class="slot">
          ${i > 0 ? html`<label class="visually-hidden" for=${id}>${textFor(def.text, ctx.lang, ctx.baseLang)} ${ctx.t.repeatNumber(i + 1)}</label>` : nothing}
          ${input(i, v, id)}
          ${count > 1
            ? html`<button type="button" class="remove" data-action="remove-answer" data-node=${node.id} data-index=${i}>
                <span aria-hidden="true">✕</span><span class="visually-hidden">${ctx.t.removeAnswer} ${i + 1}</span>
              </button>`
            : nothing}
        </div>`
      : input(i, v, id);
  });
  return html`${slots}${def.repeats && (def.maxOccurs === undefined || count < def.maxOccurs)
    ? html`<button type="button" class="add" data-action="add-answer" data-node=${node.id}>+ ${ctx.t.addAnother('')}</button>`
    : nothing}`;
}

/** The text shown in an input for a stored answer. */
export function inputValue(a: AnswerValue | undefined, def: ItemDef, lang: string): string {
  if (!a) return '';
  const v = rawValue(a);
  if (typeof v === 'number') return formatTypedNumber(v, lang);
  if (def.type === 'dateTime' && typeof v === 'string') return v.slice(0, 16);
  if (def.type === 'time' && typeof v === 'string') return v.slice(0, 5);
  if (def.type === 'reference') return (v as fhir4.Reference).reference ?? '';
  if (def.type === 'quantity') return (v as fhir4.Quantity).value === undefined ? '' : formatTypedNumber((v as fhir4.Quantity).value!, lang);
  return typeof v === 'string' ? v : '';
}

function renderBoolean(node: ItemNode, ctx: ControlContext): TemplateResult {
  const v = rawValue(node.answers[0]);
  if (node.def.control === 'check-box') {
    return html`<input type="checkbox" id="${node.id}-0" class="single-check" data-node=${node.id} data-kind="boolean-check" .checked=${v === true} />`;
  }
  return html`<div class="options horizontal">
    ${([true, false] as const).map(
      (b) => html`<label class="option">
        <input type="radio" name=${node.id} value=${String(b)} data-node=${node.id} data-kind="boolean" .checked=${v === b} />
        <span>${b ? ctx.t.yes : ctx.t.no}</span>
      </label>`,
    )}
  </div>`;
}

function renderChoice(node: ItemNode, ctx: ControlContext): TemplateResult {
  const def = node.def;
  const options = optionsOf(node);
  const selected = new Set(node.answers.map(answerKey));
  const control = choiceControl(node);
  const orient = def.orientation === 'horizontal' ? 'horizontal' : 'vertical';
  const label = (o: AnswerOptionDef) => html`${o.prefix ? html`<span class="prefix">${o.prefix}</span> ` : nothing}${richText(o.label, ctx)}`;
  let body: TemplateResult;
  if (def.unresolvedValueSet && !options.length) {
    body = html`<p class="notice" id="${node.id}-vs">${ctx.t.valueSetUnavailable}</p>
      <input id="${node.id}-0" type="text" data-node=${node.id} data-kind="free-text" aria-describedby="${node.id}-vs"
        .value=${String(node.answers.map((a) => formatAnswer(a, def, ctx.lang)).join(', '))} />`;
    return body;
  }
  switch (control) {
    case 'select':
      body = html`<select id="${node.id}-0" data-node=${node.id} data-kind="select" aria-invalid=${ctx.issues(node).length ? 'true' : 'false'}>
        <option value="" ?selected=${selected.size === 0}>${ctx.t.chooseOption}</option>
        ${options.map((o, i) => html`<option value=${i} ?selected=${selected.has(o.key)}>${o.prefix ? `${o.prefix} ` : ''}${textFor(o.label, ctx.lang, ctx.baseLang)}</option>`)}
      </select>`;
      break;
    case 'autocomplete': {
      const current = node.answers[0] ? formatAnswer(node.answers[0], def, ctx.lang, ctx.baseLang) : '';
      body = html`<input id="${node.id}-0" type="text" list="${node.id}-list" data-node=${node.id} data-kind="autocomplete" autocomplete="off"
          .value=${ctx.raw.get(`${node.id}:0`) ?? current} />
        <datalist id="${node.id}-list">${options.map((o) => html`<option value=${textFor(o.label, ctx.lang, ctx.baseLang)}></option>`)}</datalist>`;
      break;
    }
    case 'slider': {
      const idx = options.findIndex((o) => selected.has(o.key));
      body = html`<div class="slider">
        <input id="${node.id}-0" class=${idx >= 0 ? '' : 'unset'} type="range" min="0" max=${Math.max(0, options.length - 1)} step="1" data-node=${node.id} data-kind="option-slider"
          .value=${String(Math.max(0, idx))} aria-valuetext=${idx >= 0 ? textFor(options[idx]!.label, ctx.lang, ctx.baseLang) : ctx.t.noValue} />
        <div class="slider-labels" aria-hidden="true">${options.map((o) => html`<span>${textFor(o.label, ctx.lang, ctx.baseLang)}</span>`)}</div>
        <div class="slider-value">${idx >= 0 ? ctx.t.sliderValue(textFor(options[idx]!.label, ctx.lang, ctx.baseLang)) : ctx.t.noValue}</div>
      </div>`;
      break;
    }
    default: {
      const type = control === 'checkbox' ? 'checkbox' : 'radio';
      body = html`<div class="options ${orient}">
        ${options.map(
          (o, i) => html`<label class="option">
            <input type=${type} name=${node.id} value=${i} data-node=${node.id} data-kind=${type === 'radio' ? 'option-radio' : 'option-check'} .checked=${selected.has(o.key)} />
            <span>${label(o)}</span>
          </label>`,
        )}
        ${type === 'radio' && selected.size && !node.def.required
          ? html`<button type="button" class="clear" data-action="clear" data-node=${node.id}>${ctx.t.clearAnswer}</button>`
          : nothing}
      </div>`;
    }
  }
  if (def.type === 'open-choice') {
    const other = node.answers.find((a) => a.valueString !== undefined)?.valueString ?? '';
    body = html`${body}<div class="other">
      <label for="${node.id}-other">${ctx.t.otherOption}</label>
      <input id="${node.id}-other" type="text" data-node=${node.id} data-kind="other" placeholder=${ctx.t.otherPlaceholder} .value=${other} />
    </div>`;
  }
  return body;
}

function renderNumberSlider(node: ItemNode, ctx: ControlContext): TemplateResult {
  const def = node.def;
  const min = Number(rawValue(def.minValue) ?? 0);
  const max = Number(rawValue(def.maxValue) ?? 100);
  const v = rawValue(node.answers[0]);
  return html`<div class="slider">
    <input id="${node.id}-0" class=${typeof v === 'number' ? '' : 'unset'} type="range" min=${min} max=${max} step=${def.sliderStep ?? (def.type === 'integer' ? 1 : 'any')}
      data-node=${node.id} data-kind="number-slider" .value=${String(typeof v === 'number' ? v : min)}
      aria-valuetext=${typeof v === 'number' ? formatTypedNumber(v, ctx.lang) : ctx.t.noValue} />
    <div class="slider-labels" aria-hidden="true"><span>${min}</span><span>${max}</span></div>
    <div class="slider-value">${typeof v === 'number' ? ctx.t.sliderValue(formatTypedNumber(v, ctx.lang)) : ctx.t.noValue}</div>
  </div>`;
}

function renderQuantity(node: ItemNode, ctx: ControlContext): TemplateResult {
  const def = node.def;
  const q = rawValue(node.answers[0]) as fhir4.Quantity | undefined;
  const units = def.unitOptions.length ? def.unitOptions : def.unit ? [def.unit] : [];
  const current = q?.code ?? q?.unit;
  const value = ctx.raw.get(`${node.id}:0`) ?? inputValue(node.answers[0], def, ctx.lang);
  return html`<div class="quantity">
    <input id="${node.id}-0" type="text" inputmode="decimal" data-node=${node.id} data-index="0" data-kind="quantity"
      aria-label=${textFor(def.text, ctx.lang, ctx.baseLang)} aria-invalid=${ctx.issues(node).length ? 'true' : 'false'} .value=${value} />
    ${units.length > 1
      ? html`<select data-node=${node.id} data-kind="unit" aria-label=${ctx.t.unitLabel}>
          ${units.map((u, i) => html`<option value=${i} ?selected=${current === (u.code ?? u.display)}>${u.display ?? u.code}</option>`)}
        </select>`
      : units.length === 1
        ? html`<span class="unit">${units[0]!.display ?? units[0]!.code}</span>`
        : nothing}
  </div>`;
}

function renderAttachment(node: ItemNode, ctx: ControlContext): TemplateResult {
  const att = rawValue(node.answers[0]) as fhir4.Attachment | undefined;
  return html`<div class="attachment">
    ${ctx.readonly || node.def.readOnly
      ? nothing
      : html`<input id="${node.id}-0" type="file" data-node=${node.id} data-kind="attachment" accept=${node.def.mimeTypes.join(',') || nothing} />`}
    ${att
      ? html`<p>${ctx.t.fileSelected(att.title ?? '', `${Math.round((att.size ?? 0) / 1024)} kB`)}
          ${ctx.readonly ? nothing : html`<button type="button" data-action="clear" data-node=${node.id}>${ctx.t.fileRemove}</button>`}</p>`
      : nothing}
  </div>`;
}
