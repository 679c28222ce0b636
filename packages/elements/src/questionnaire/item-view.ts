import type { Form, ItemNode } from '@kpro/core';
import { INPUT_SELECTOR, describedBy, errorsHtml, nodeHtml, nodesHtml, optionsOf, rendersDormant, type ItemContext } from './item-html.js';

/** What an item's element was last rendered from; compared by identity, so a check is cheap. */
interface Rendered {
  enabled: boolean;
  answers: ItemNode['answers'];
  options: unknown;
  issues: string;
  slots: number;
  help: boolean;
  children: number;
  /** The element holds the whole question, shown or dormant (hidden, without data-link-id). */
  full: boolean;
}

const TEXTUAL = new Set(['string', 'text', 'url', 'reference', 'integer', 'decimal', 'quantity', 'date', 'dateTime', 'time', 'other', 'autocomplete', 'free-text']);

/**
 * Keeps the items' DOM in step with the form. A full render is one innerHTML on the container (detached
 * when it is new); after that only items whose state changed are replaced, and a field the citizen is
 * typing in is never replaced (its errors are patched in place), so the caret, IME and focus stay put.
 * A question that is only enabled or disabled, with nothing else changed, is shown or hidden in place.
 */
export class ItemView {
  readonly container: HTMLDivElement;
  #elements = new Map<string, HTMLElement>();
  /** The element index is built on first need, not during the first render (it is not needed to paint). */
  #indexed = false;
  /** Look-ups by selector before the index pays for itself (see `#lookup`). */
  #misses = 0;
  #rendered = new Map<string, Rendered>();
  #key = '';
  #form?: Form;

  constructor() {
    this.container = document.createElement('div');
    this.container.className = 'items';
  }

  /** The element of an item (or its placeholder while disabled). */
  element(node: ItemNode): HTMLElement | undefined {
    return this.#lookup(node.id);
  }

  /**
   * An item's element. Indexing the whole form costs a walk over every element, which one click should
   * not pay: dormant items and placeholders carry their node id as id (a hash look-up in the shadow root),
   * and a few other items are found by selector; the index is built once look-ups become many.
   */
  #lookup(id: string): HTMLElement | undefined {
    if (this.#indexed) return this.#elements.get(id);
    const root = this.container.getRootNode();
    const byId = root instanceof ShadowRoot || root instanceof Document ? root.getElementById(id) : null;
    if (byId?.dataset.item === id) return byId;
    if (++this.#misses > 8) {
      this.#ensureIndex();
      return this.#elements.get(id);
    }
    return this.container.querySelector<HTMLElement>(`[data-item="${id}"]`) ?? undefined;
  }

  #ensureIndex(): void {
    if (this.#indexed) return;
    this.#indexed = true;
    this.#index(this.container);
  }

  /**
   * Renders `nodes` (the current page). `key` names everything that forces a full render (form,
   * language, mode, page, structure); `editing` is the item whose text field has the citizen's caret.
   */
  update(form: Form, nodes: ItemNode[], ctx: ItemContext, key: string, editing?: { nodeId: string; kind: string }): void {
    this.#form = form;
    if (key !== this.#key) {
      this.#key = key;
      this.container.innerHTML = nodesHtml(nodes, ctx);
      this.#elements.clear();
      this.#rendered.clear();
      this.#indexed = false;
      this.#misses = 0;
      for (const n of nodes) this.#remember(n, ctx);
      return;
    }
    const replaceQueue: ItemNode[] = [];
    const visit = (node: ItemNode): void => {
      const before = this.#rendered.get(node.id);
      if (!before) return; // not on this page, or inside a placeholder
      const now = this.#state(node, ctx);
      if (before.enabled !== now.enabled && before.full && now.full && sameContent(before, now)) {
        const el = this.#lookup(node.id);
        if (el) {
          setDormant(el, node, !now.enabled);
          this.#rendered.set(node.id, now);
          return;
        }
      }
      if (before.enabled !== now.enabled || before.children !== now.children) {
        replaceQueue.push(node);
        return;
      }
      if (!now.enabled) return;
      const own = before.answers !== now.answers || before.options !== now.options || before.slots !== now.slots || before.help !== now.help;
      if (own || before.issues !== now.issues) {
        const typing = editing?.nodeId === node.id && TEXTUAL.has(editing.kind);
        if (typing) {
          this.#patchErrors(node, ctx);
          this.#rendered.set(node.id, now);
        } else {
          replaceQueue.push(node);
          return;
        }
      }
      for (const c of node.children) visit(c);
    };
    for (const n of nodes) visit(n);
    if (replaceQueue.length) this.#replace(replaceQueue, ctx);
  }

  #state(node: ItemNode, ctx: ItemContext): Rendered {
    const issues = ctx.issues(node);
    return {
      enabled: node.enabled && !node.def.hidden,
      answers: node.answers,
      options: node.expressionOptions ?? optionsOf(node),
      issues: issues.length ? issues.map((i) => `${i.code}:${JSON.stringify(i.params)}`).join('|') : '',
      slots: node.def.repeats ? ctx.slots(node) : 1,
      help: ctx.expandedHelp.has(node.id),
      children: node.children.length,
      full: node.enabled || rendersDormant(node),
    };
  }

  #remember(node: ItemNode, ctx: ItemContext): void {
    this.#rendered.set(node.id, this.#state(node, ctx));
    if (!node.enabled) return;
    const children = node.children;
    for (let i = 0; i < children.length; i++) this.#remember(children[i]!, ctx);
  }

  #index(root: Element): void {
    if (root instanceof HTMLElement && root.dataset.item) this.#elements.set(root.dataset.item, root);
    for (const el of root.querySelectorAll<HTMLElement>('[data-item]')) this.#elements.set(el.dataset.item!, el);
  }

  /**
   * Replaces items' elements (all parsed in one go: revealing 200 items is one parse, not 200), keeping
   * focus and the caret on the same control.
   */
  #replace(nodes: ItemNode[], ctx: ItemContext): void {
    const root = this.container.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement as HTMLInputElement | null;
    const jobs = nodes
      .map((node) => {
        // A repeating group's repetitions are one element: re-render the whole set.
        const set = node.def.type === 'group' && node.def.repeats && this.#form ? this.#form.repeatsOf(node) : undefined;
        return { node, set, old: this.#lookup(node.id) };
      })
      .filter((j) => j.old);
    const template = document.createElement('template');
    template.innerHTML = jobs.map((j) => (j.set ? nodesHtml(j.set, ctx) : nodeHtml(j.node, ctx))).join('');
    const fresh = [...template.content.children] as HTMLElement[];
    jobs.forEach((job, i) => {
      const el = fresh[i]!;
      const old = job.old!;
      const focus = active && old.contains(active) ? { id: active.id, name: active.getAttribute('name'), value: active.value, range: safeSelection(active) } : undefined;
      old.replaceWith(el);
      if (this.#indexed) this.#index(el);
      for (const n of job.set ?? [job.node]) this.#remember(n, ctx);
      if (focus) {
        const target =
          (focus.id && el.querySelector<HTMLElement>(`#${CSS.escape(focus.id)}`)) ||
          (focus.name && el.querySelector<HTMLElement>(`input[name="${CSS.escape(focus.name)}"][value="${CSS.escape(focus.value)}"]`)) ||
          null;
        if (target) {
          target.focus({ preventScroll: true });
          if (focus.range && 'setSelectionRange' in target) (target as HTMLInputElement).setSelectionRange(focus.range[0], focus.range[1]);
        }
      }
    });
  }

  /** Errors and aria-invalid/aria-describedby in place, for the field being typed in. */
  #patchErrors(node: ItemNode, ctx: ItemContext): void {
    const el = this.#lookup(node.id);
    if (!el) return;
    const invalid = ctx.issues(node).length > 0;
    el.classList.toggle('invalid', invalid);
    el.querySelector(':scope > .error')?.remove();
    const html = errorsHtml(node, ctx);
    if (html) {
      const nested = el.querySelector(':scope > .nested');
      if (nested) nested.insertAdjacentHTML('beforebegin', html);
      else el.insertAdjacentHTML('beforeend', html);
    }
    const described = describedBy(node, ctx);
    for (const input of el.querySelectorAll<HTMLElement>(INPUT_SELECTOR)) {
      if (invalid) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      if (described) input.setAttribute('aria-describedby', described);
      else input.removeAttribute('aria-describedby');
    }
  }
}

/** Only enablement differs: the rendered question is still right, it just shows or hides. */
function sameContent(a: Rendered, b: Rendered): boolean {
  return a.answers === b.answers && a.options === b.options && a.issues === b.issues && a.slots === b.slots && a.help === b.help && a.children === b.children;
}

/** Hides or shows a whole question in place; hidden, it has no data-link-id (as a placeholder has none). */
function setDormant(el: HTMLElement, node: ItemNode, dormant: boolean): void {
  el.hidden = dormant;
  if (dormant) {
    el.removeAttribute('data-link-id');
    el.id = node.id;
  } else {
    el.setAttribute('data-link-id', node.def.linkId);
    el.removeAttribute('id');
  }
}

function safeSelection(el: HTMLInputElement): [number, number] | undefined {
  try {
    return el.selectionStart === null ? undefined : [el.selectionStart, el.selectionEnd ?? el.selectionStart];
  } catch {
    return undefined;
  }
}
