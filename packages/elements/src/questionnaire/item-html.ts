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
  type QuestionnaireTranslation,
  type ValidationIssue,
} from '@kpro/core';

/**
 * Item markup as strings. Big forms are built with one innerHTML on a detached element (the fastest way a
 * browser creates thousands of inputs) and then kept up to date item by item (item-view.ts). Every piece
 * of text is escaped here; the only HTML passed through is questionnaire rich text that core sanitised
 * with DOMPurify (formatting tags only).
 */
export interface ItemContext {
  lang: string;
  baseLang?: string;
  t: QuestionnaireTranslation;
  readonly: boolean;
  /** Text typed into a field that is not (yet) a valid value, keyed by `${nodeId}:${index}`. */
  raw: Map<string, string>;
  slots: (node: ItemNode) => number;
  issues: (node: ItemNode) => ValidationIssue[];
  expandedHelp: Set<string>;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
/** Escapes text for HTML; most texts have nothing to escape and are returned as they are (no new string). */
export const esc = (s: unknown): string => {
  const str = typeof s === 'string' ? s : String(s ?? '');
  return SPECIAL.test(str) ? str.replace(/[&<>"']/g, (c) => ESC[c]!) : str;
};

const attr = (name: string, value: unknown): string => (value === undefined || value === null || value === false ? '' : value === true ? ` ${name}` : ` ${name}="${esc(value)}"`);

/** Rich (sanitised) HTML when the questionnaire has it for this language, escaped plain text otherwise. */
export function richHtml(t: RichText | undefined, ctx: ItemContext): string {
  const rich = htmlFor(t, ctx.lang, ctx.baseLang);
  return rich !== undefined ? `<span class="rich">${rich}</span>` : esc(textFor(t, ctx.lang, ctx.baseLang));
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

export type ChoiceControl = 'radio' | 'checkbox' | 'select' | 'autocomplete' | 'slider';

export function choiceControl(node: ItemNode): ChoiceControl {
  const def = node.def;
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
      return optionsOf(node).length > 12 ? 'select' : 'radio';
  }
}

/** The text shown in an input for a stored answer. */
export function inputValue(a: AnswerValue | undefined, def: ItemDef, lang: string): string {
  if (!a) return '';
  const v = rawValue(a);
  if (typeof v === 'number') return formatTypedNumber(v, lang);
  if (def.type === 'dateTime' && typeof v === 'string') return toLocalDateTime(v);
  if (def.type === 'time' && typeof v === 'string') return v.slice(0, 5);
  if (def.type === 'reference') return (v as fhir4.Reference).reference ?? '';
  if (def.type === 'quantity') return (v as fhir4.Quantity).value === undefined ? '' : formatTypedNumber((v as fhir4.Quantity).value!, lang);
  return typeof v === 'string' ? v : '';
}

function toLocalDateTime(v: string): string {
  const d = new Date(v);
  if (Number.isNaN(d.getTime()) || v.length <= 16) return v.slice(0, 16);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function labelHtml(def: ItemDef, ctx: ItemContext): string {
  return `${def.prefix ? `<span class="prefix">${esc(def.prefix)}</span> ` : ''}${richHtml(def.text, ctx)}${
    def.required ? `<span class="required" aria-hidden="true"> *</span><span class="visually-hidden"> (${esc(ctx.t.required)})</span>` : ''
  }`;
}

function hintHtml(node: ItemNode, ctx: ItemContext): string {
  const def = node.def;
  const parts: string[] = [];
  if (def.entryFormat) parts.push(def.entryFormat);
  if (def.readOnly && def.expressions.calculated) parts.push(ctx.t.calculated);
  return parts.length ? `<div class="hint" id="${node.id}-hint" part="hint">${esc(parts.join(' · '))}</div>` : '';
}

function helpHtml(node: ItemNode, ctx: ItemContext): string {
  const help = node.def.help;
  if (!help) return '';
  const open = ctx.expandedHelp.has(node.id);
  return `<button type="button" class="help-toggle" part="help-toggle" data-action="help" data-node="${node.id}" aria-expanded="${open}" aria-controls="${node.id}-help"><span aria-hidden="true">?</span> ${esc(ctx.t.help)}</button><div class="help" id="${node.id}-help" part="help"${open ? '' : ' hidden'}>${richHtml(help, ctx)}</div>`;
}

/** The error block of an item; empty when there is nothing to say. */
export function errorsHtml(node: ItemNode, ctx: ItemContext): string {
  const list = ctx.issues(node);
  if (!list.length) return '';
  return `<div class="error" id="${node.id}-err" part="error">${list.map((i) => `<p><span aria-hidden="true">⚠ </span>${esc(ctx.t.validation[i.code](i.params))}</p>`).join('')}</div>`;
}

/** aria-describedby for the item's inputs: hint and errors. */
export function describedBy(node: ItemNode, ctx: ItemContext): string {
  const hint = node.def.entryFormat || (node.def.readOnly && node.def.expressions.calculated) ? `${node.id}-hint` : '';
  const err = ctx.issues(node).length ? `${node.id}-err` : '';
  return hint && err ? `${hint} ${err}` : hint || err;
}

function a11yAttrs(node: ItemNode, ctx: ItemContext): string {
  const invalid = ctx.issues(node).length > 0;
  return `${attr('aria-describedby', describedBy(node, ctx) || undefined)}${invalid ? ' aria-invalid="true"' : ''}`;
}

/**
 * The controls that carry an item's aria-invalid and aria-describedby (see `a11yAttrs`): every control
 * with a data-kind except the "other" text, the unit and the fallback text field, which never do.
 */
export const INPUT_SELECTOR = '[data-kind]:not([data-kind="other"],[data-kind="unit"],[data-kind="free-text"])';

/**
 * A question: label, control, hint, help, errors. A dormant question (disabled by enableWhen) is the same
 * element, hidden and without data-link-id (see `nodeHtml`).
 */
export function questionHtml(node: ItemNode, ctx: ItemContext, dormant = false): string {
  const def = node.def;
  const invalid = ctx.issues(node).length > 0;
  const grouped = usesFieldset(node, ctx);
  const body = ctx.readonly || (def.readOnly && def.type !== 'attachment') ? valueTextHtml(node, ctx) : controlHtml(node, ctx);
  const id = dormant ? `hidden id="${node.id}"` : `data-link-id="${esc(def.linkId)}"`;
  const cls = invalid ? 'item invalid' : 'item';
  if (grouped && !node.children.length) {
    // The question is its fieldset (one element fewer per choice of a big form); its errors are inside it.
    return `<fieldset class="${cls}" part="item" ${id} data-item="${node.id}"${attr('aria-describedby', describedBy(node, ctx) || undefined)}><legend class="label" part="label">${labelHtml(def, ctx)}</legend>${helpHtml(
      node,
      ctx,
    )}${hintHtml(node, ctx)}${body}${errorsHtml(node, ctx)}</fieldset>`;
  }
  const inner = grouped
    ? `<fieldset${attr('aria-describedby', describedBy(node, ctx) || undefined)}><legend class="label" part="label">${labelHtml(def, ctx)}</legend>${helpHtml(node, ctx)}${hintHtml(node, ctx)}${body}</fieldset>`
    : `<label class="label" part="label" for="${node.id}-0">${labelHtml(def, ctx)}</label>${helpHtml(node, ctx)}${hintHtml(node, ctx)}${body}`;
  return `<div class="${cls}" part="item" ${id} data-item="${node.id}">${inner}${errorsHtml(node, ctx)}</div>`;
}

function usesFieldset(node: ItemNode, ctx: ItemContext): boolean {
  const def = node.def;
  if (ctx.readonly || def.readOnly) return false;
  if (def.type === 'boolean') return def.control !== 'check-box';
  if (def.type === 'choice' || def.type === 'open-choice') {
    const c = choiceControl(node);
    return c === 'radio' || c === 'checkbox' || def.type === 'open-choice';
  }
  return def.repeats || def.type === 'quantity';
}

function valueTextHtml(node: ItemNode, ctx: ItemContext): string {
  const answers = node.answers;
  const text = answers.length ? esc(answers.map((a) => formatAnswer(a, node.def, ctx.lang, ctx.baseLang)).join(', ')) : `<span class="muted">${esc(ctx.t.noValue)}</span>`;
  return `<output class="value" id="${node.id}-0" part="value"${node.def.expressions.calculated ? ' aria-live="polite"' : ''}>${text}</output>`;
}

function controlHtml(node: ItemNode, ctx: ItemContext): string {
  const def = node.def;
  switch (def.type) {
    case 'boolean':
      return booleanHtml(node, ctx);
    case 'choice':
    case 'open-choice':
      return choiceHtml(node, ctx);
    case 'text':
      return slotsHtml(node, ctx, (i, v, id) => `<textarea id="${id}"${def.repeats ? ` data-index="${i}"` : ''} data-kind="text" rows="3"${attr('maxlength', def.maxLength)}${attr('placeholder', def.entryFormat)}${attr('required', def.required)}${a11yAttrs(node, ctx)}>${esc(v)}</textarea>`);
    case 'integer':
    case 'decimal':
      return def.control === 'slider' ? numberSliderHtml(node, ctx) : slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'text', v, def.type === 'integer' ? 'numeric' : 'decimal'));
    case 'quantity':
      return quantityHtml(node, ctx);
    case 'date':
      return slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'date', v));
    case 'dateTime':
      return slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'datetime-local', v));
    case 'time':
      return slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'time', v));
    case 'url':
      return slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'url', v));
    case 'attachment':
      return attachmentHtml(node, ctx);
    case 'reference':
      return slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'text', v, undefined, ctx.t.referencePlaceholder));
    default:
      return slotsHtml(node, ctx, (i, v, id) => inputHtml(node, ctx, i, id, 'text', v));
  }
}

function inputHtml(node: ItemNode, ctx: ItemContext, index: number, id: string, type: string, value: string, inputmode?: string, placeholder?: string): string {
  const def = node.def;
  const temporal = type === 'date' || type === 'datetime-local' || type === 'time';
  const min = temporal ? rawValue(def.minValue) : undefined;
  const max = temporal ? rawValue(def.maxValue) : undefined;
  // type="text" is the default; data-index only where there are several (see `slotsHtml`); no empty value.
  return `<input id="${id}"${type === 'text' ? '' : ` type="${type}"`}${def.repeats ? ` data-index="${index}"` : ''} data-kind="${def.type}"${attr('inputmode', inputmode)}${attr(
    'maxlength',
    def.maxLength && (def.type === 'string' || def.type === 'url') ? def.maxLength : undefined,
  )}${attr('placeholder', placeholder ?? def.entryFormat)}${attr('min', typeof min === 'string' ? min : undefined)}${attr('max', typeof max === 'string' ? max : undefined)}${attr('required', def.required)}${a11yAttrs(node, ctx)}${attr('value', value || undefined)}>`;
}

/** One input per answer for repeating questions, with add/remove; one input otherwise. */
function slotsHtml(node: ItemNode, ctx: ItemContext, input: (i: number, value: string, id: string) => string): string {
  const def = node.def;
  const count = def.repeats ? ctx.slots(node) : 1;
  let out = '';
  for (let i = 0; i < count; i++) {
    const id = `${node.id}-${i}`;
    const v = ctx.raw.get(`${node.id}:${i}`) ?? inputValue(node.answers[i], def, ctx.lang);
    if (!def.repeats) {
      out += input(i, v, id);
      continue;
    }
    out += `<div class="slot">${i > 0 ? `<label class="visually-hidden" for="${id}">${esc(textFor(def.text, ctx.lang, ctx.baseLang))} ${esc(ctx.t.repeatNumber(i + 1))}</label>` : ''}${input(i, v, id)}${
      count > 1
        ? `<button type="button" class="remove" data-action="remove-answer" data-node="${node.id}" data-index="${i}"><span aria-hidden="true">✕</span><span class="visually-hidden">${esc(ctx.t.removeAnswer)} ${i + 1}</span></button>`
        : ''
    }</div>`;
  }
  if (def.repeats && (def.maxOccurs === undefined || count < def.maxOccurs)) {
    out += `<button type="button" class="add" data-action="add-answer" data-node="${node.id}">+ ${esc(ctx.t.addAnother(''))}</button>`;
  }
  return out;
}

function booleanHtml(node: ItemNode, ctx: ItemContext): string {
  const v = rawValue(node.answers[0]);
  if (node.def.control === 'check-box') {
    return `<input type="checkbox" id="${node.id}-0" class="single-check" data-kind="boolean-check"${v === true ? ' checked' : ''}${a11yAttrs(node, ctx)}>`;
  }
  const a11y = a11yAttrs(node, ctx);
  return `<div class="options horizontal">${[true, false]
    .map((b) => `<label><input type="radio" name="${node.id}" value="${b}" data-kind="boolean"${v === b ? ' checked' : ''}${a11y}>${esc(b ? ctx.t.yes : ctx.t.no)}</label>`)
    .join('')}</div>`;
}

function choiceHtml(node: ItemNode, ctx: ItemContext): string {
  const def = node.def;
  const options = optionsOf(node);
  const selected = new Set(node.answers.map(answerKey));
  const control = choiceControl(node);
  const label = (o: AnswerOptionDef) => `${o.prefix ? `<span class="prefix">${esc(o.prefix)}</span> ` : ''}${richHtml(o.label, ctx)}`;
  const plain = (o: AnswerOptionDef) => esc(textFor(o.label, ctx.lang, ctx.baseLang));
  if (def.unresolvedValueSet && !options.length) {
    return `<p class="notice" id="${node.id}-vs">${esc(ctx.t.valueSetUnavailable)}</p><input id="${node.id}-0" type="text" data-kind="free-text" aria-describedby="${node.id}-vs"${attr(
      'value',
      node.answers.map((a) => formatAnswer(a, def, ctx.lang)).join(', '),
    )}>`;
  }
  let body: string;
  switch (control) {
    case 'select':
      body = `<select id="${node.id}-0" data-kind="select"${a11yAttrs(node, ctx)}><option value=""${selected.size ? '' : ' selected'}>${esc(ctx.t.chooseOption)}</option>${options
        .map((o, i) => `<option value="${i}"${selected.has(o.key) ? ' selected' : ''}>${o.prefix ? `${esc(o.prefix)} ` : ''}${plain(o)}</option>`)
        .join('')}</select>`;
      break;
    case 'autocomplete': {
      const current = node.answers[0] ? formatAnswer(node.answers[0], def, ctx.lang, ctx.baseLang) : '';
      body = `<input id="${node.id}-0" type="text" list="${node.id}-list" data-kind="autocomplete" autocomplete="off"${a11yAttrs(node, ctx)}${attr('value', ctx.raw.get(`${node.id}:0`) ?? current)}><datalist id="${node.id}-list">${options
        .map((o) => `<option value="${plain(o)}"></option>`)
        .join('')}</datalist>`;
      break;
    }
    case 'slider': {
      const idx = options.findIndex((o) => selected.has(o.key));
      const valueText = idx >= 0 ? textFor(options[idx]!.label, ctx.lang, ctx.baseLang) : ctx.t.noValue;
      body = `<div class="slider"><input id="${node.id}-0"${idx >= 0 ? '' : ' class="unset"'} type="range" min="0" max="${Math.max(0, options.length - 1)}" step="1" data-kind="option-slider" value="${Math.max(0, idx)}"${attr(
        'aria-valuetext',
        valueText,
      )}${a11yAttrs(node, ctx)}><div class="slider-labels" aria-hidden="true">${options.map((o) => `<span>${plain(o)}</span>`).join('')}</div><div class="slider-value">${esc(
        idx >= 0 ? ctx.t.sliderValue(valueText) : ctx.t.noValue,
      )}</div></div>`;
      break;
    }
    default: {
      const type = control === 'checkbox' ? 'checkbox' : 'radio';
      const kind = type === 'radio' ? 'option-radio' : 'option-check';
      const orient = def.orientation === 'horizontal' ? 'horizontal' : 'vertical';
      const a11y = a11yAttrs(node, ctx); // the same on every option
      body = `<div class="options ${orient}">${options
        .map((o, i) => `<label><input type="${type}" name="${node.id}" value="${i}" data-kind="${kind}"${selected.has(o.key) ? ' checked' : ''}${a11y}>${label(o)}</label>`)
        .join('')}${
        type === 'radio' && selected.size && !def.required ? `<button type="button" class="clear" data-action="clear" data-node="${node.id}">${esc(ctx.t.clearAnswer)}</button>` : ''
      }</div>`;
    }
  }
  if (def.type === 'open-choice') {
    const other = node.answers.find((a) => a.valueString !== undefined)?.valueString ?? '';
    body += `<div class="other"><label for="${node.id}-other">${esc(ctx.t.otherOption)}</label><input id="${node.id}-other" type="text" data-kind="other"${attr('placeholder', ctx.t.otherPlaceholder)}${attr('value', other)}></div>`;
  }
  return body;
}

function numberSliderHtml(node: ItemNode, ctx: ItemContext): string {
  const def = node.def;
  const min = Number(rawValue(def.minValue) ?? 0);
  const max = Number(rawValue(def.maxValue) ?? 100);
  const v = rawValue(node.answers[0]);
  const set = typeof v === 'number';
  return `<div class="slider"><input id="${node.id}-0"${set ? '' : ' class="unset"'} type="range" min="${min}" max="${max}" step="${def.sliderStep ?? (def.type === 'integer' ? 1 : 'any')}" data-kind="number-slider" value="${set ? v : min}"${attr(
    'aria-valuetext',
    set ? formatTypedNumber(v, ctx.lang) : ctx.t.noValue,
  )}${a11yAttrs(node, ctx)}><div class="slider-labels" aria-hidden="true"><span>${min}</span><span>${max}</span></div><div class="slider-value">${esc(
    set ? ctx.t.sliderValue(formatTypedNumber(v, ctx.lang)) : ctx.t.noValue,
  )}</div></div>`;
}

function quantityHtml(node: ItemNode, ctx: ItemContext): string {
  const def = node.def;
  const q = rawValue(node.answers[0]) as fhir4.Quantity | undefined;
  const units = def.unitOptions.length ? def.unitOptions : def.unit ? [def.unit] : [];
  const current = q?.code ?? q?.unit;
  const value = ctx.raw.get(`${node.id}:0`) ?? inputValue(node.answers[0], def, ctx.lang);
  const unitHtml =
    units.length > 1
      ? `<select data-kind="unit" aria-label="${esc(ctx.t.unitLabel)}">${units
          .map((u, i) => `<option value="${i}"${current === (u.code ?? u.display) ? ' selected' : ''}>${esc(u.display ?? u.code)}</option>`)
          .join('')}</select>`
      : units.length === 1
        ? `<span class="unit">${esc(units[0]!.display ?? units[0]!.code)}</span>`
        : '';
  return `<div class="quantity"><input id="${node.id}-0" type="text" inputmode="decimal" data-index="0" data-kind="quantity" aria-label="${esc(textFor(def.text, ctx.lang, ctx.baseLang))}"${a11yAttrs(node, ctx)}${attr('value', value)}>${unitHtml}</div>`;
}

function attachmentHtml(node: ItemNode, ctx: ItemContext): string {
  const att = rawValue(node.answers[0]) as fhir4.Attachment | undefined;
  const editable = !(ctx.readonly || node.def.readOnly);
  return `<div class="attachment">${editable ? `<input id="${node.id}-0" type="file" data-kind="attachment"${attr('accept', node.def.mimeTypes.join(',') || undefined)}${a11yAttrs(node, ctx)}>` : ''}${
    att
      ? `<p>${esc(ctx.t.fileSelected(att.title ?? '', `${Math.round((att.size ?? 0) / 1024)} kB`))}${editable ? ` <button type="button" data-action="clear" data-node="${node.id}">${esc(ctx.t.fileRemove)}</button>` : ''}</p>`
      : ''
  }</div>`;
}

/** A display item. */
export function displayHtml(node: ItemNode, ctx: ItemContext): string {
  return `<div class="item display" part="display" data-link-id="${esc(node.def.linkId)}" data-item="${node.id}">${richHtml(node.def.text, ctx)}</div>`;
}

/** A list of sibling nodes; consecutive repetitions of a repeating group are rendered together. */
export function nodesHtml(nodes: ItemNode[], ctx: ItemContext): string {
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.def.type === 'group' && node.def.repeats) {
      let j = i;
      while (j + 1 < nodes.length && nodes[j + 1]!.def === node.def) j++;
      out += repeatingGroupHtml(nodes.slice(i, j + 1), ctx);
      i = j;
    } else out += nodeHtml(node, ctx);
  }
  return out;
}

/**
 * A disabled group or item with children is an empty, hidden placeholder without data-link-id: not on
 * screen, not in the accessibility tree, and nothing a test or a host could mistake for the item;
 * enabling replaces it. Its id (the node id) lets the view find it without indexing the whole form.
 */
export function placeholderHtml(node: ItemNode): string {
  return `<div data-item="${node.id}" id="${node.id}" hidden></div>`;
}

/**
 * Whether a disabled item is rendered dormant: in full, hidden, without data-link-id, so enabling it
 * flips two attributes instead of parsing and replacing it (a click that reveals 200 questions, as a
 * plain page would do it). Only questions without nested items: a dormant group would have to hide
 * every descendant's data-link-id as well.
 */
export function rendersDormant(node: ItemNode): boolean {
  const def = node.def;
  return !def.hidden && def.type !== 'group' && def.type !== 'display' && !node.children.length;
}

export function nodeHtml(node: ItemNode, ctx: ItemContext): string {
  const def = node.def;
  if (!node.enabled || def.hidden) return rendersDormant(node) ? questionHtml(node, ctx, true) : placeholderHtml(node);
  if (def.type === 'display') return displayHtml(node, ctx);
  if (def.type === 'group') {
    return `<section class="group" part="group" data-link-id="${esc(def.linkId)}" data-item="${node.id}" aria-labelledby="${node.id}-h"><h2 class="group-title" id="${node.id}-h">${
      def.prefix ? `${esc(def.prefix)} ` : ''
    }${richHtml(def.text, ctx)}</h2>${def.help ? `<div class="help">${richHtml(def.help, ctx)}</div>` : ''}${nodesHtml(node.children, ctx)}</section>`;
  }
  const question = questionHtml(node, ctx);
  // Items nested under a question live inside the question's element, so the item is one element.
  return node.children.length ? question.replace(/<\/div>$/, `<div class="nested">${nodesHtml(node.children, ctx)}</div></div>`) : question;
}

function repeatingGroupHtml(instances: ItemNode[], ctx: ItemContext): string {
  const first = instances[0]!;
  const def = first.def;
  const label = textFor(def.text, ctx.lang, ctx.baseLang);
  const canAdd = !ctx.readonly && (def.maxOccurs === undefined || instances.length < def.maxOccurs);
  const add = canAdd ? `<button type="button" class="add" data-action="add-repeat" data-node="${instances[instances.length - 1]!.id}">+ ${esc(ctx.t.addAnother(label))}</button>` : '';
  // The set shows or hides with its first repetition (repetitions share their enableWhen).
  if (!first.enabled || def.hidden) return placeholderHtml(first);
  if (def.control === 'gtable' || def.control === 'table') return `<div class="repeats" data-item="${first.id}">${gridHtml(instances, ctx)}${add}</div>`;
  return `<div class="repeats" data-item="${first.id}">${instances
    .map(
      (n, k) =>
        `<section class="group repeat" part="group" data-link-id="${esc(def.linkId)}" data-instance="${n.id}" aria-labelledby="${n.id}-h"><h2 class="group-title" id="${n.id}-h">${richHtml(def.text, ctx)} <span class="repeat-no">${esc(
          ctx.t.repeatNumber(k + 1),
        )}</span></h2>${nodesHtml(n.children, ctx)}${ctx.readonly ? '' : `<button type="button" class="remove" data-action="remove-repeat" data-node="${n.id}">${esc(ctx.t.removeRepeat(label, k + 1))}</button>`}</section>`,
    )
    .join('')}${add}</div>`;
}

function gridHtml(instances: ItemNode[], ctx: ItemContext): string {
  const def = instances[0]!.def;
  const columns = def.items.filter((c) => c.type !== 'display');
  const head = `<tr><th scope="col"><span class="visually-hidden">#</span></th>${columns.map((c) => `<th scope="col">${richHtml(c.text, ctx)}</th>`).join('')}${
    ctx.readonly ? '' : `<th scope="col"><span class="visually-hidden">${esc(ctx.t.removeAnswer)}</span></th>`
  }</tr>`;
  const rows = instances
    .map(
      (n, k) =>
        `<tr data-instance="${n.id}" data-link-id="${esc(def.linkId)}"><th scope="row">${k + 1}</th>${n.children
          .filter((c) => c.def.type !== 'display')
          .map((c) => `<td>${c.enabled ? questionHtml(c, ctx) : placeholderHtml(c)}</td>`)
          .join('')}${ctx.readonly ? '' : `<td><button type="button" class="remove" data-action="remove-repeat" data-node="${n.id}">${esc(ctx.t.removeRepeat(textFor(def.text, ctx.lang, ctx.baseLang), k + 1))}</button></td>`}</tr>`,
    )
    .join('');
  return `<div class="grid-wrap"><table class="grid" part="grid"><caption>${richHtml(def.text, ctx)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}
