import type { QuestionnaireResponse } from '../fhir/types.js';
import { compileQuestionnaire, type ItemDef, type QuestionnaireDef } from './definition.js';
import { evaluateEnableWhen } from './enable-when.js';
import type { KproWarning } from './errors.js';
import { answersEqual, isEmptyAnswer, type AnswerValue } from './values.js';

let nextId = 0;

/**
 * The empty list every node starts with (no answers yet, no children): shared, so a big form creates two
 * arrays fewer per item (less young-generation garbage collection on the first render). Answers and
 * children are always replaced, never changed in place; frozen, so a slip would throw, not leak.
 */
const EMPTY = Object.freeze([]) as unknown as never[];

/** One rendered instance of an item. A repeating group has one node per repetition. */
export class ItemNode {
  readonly id = `n${++nextId}`;
  answers: AnswerValue[] = EMPTY;
  children: ItemNode[] = EMPTY;
  /** Result of enableWhen / enableWhenExpression, parents included; kept up to date by the form. */
  enabled = true;
  /** Result of an enableWhenExpression, when the item has one. */
  expressionEnabled: boolean | undefined;
  /** Options computed by an answerExpression. */
  expressionOptions: AnswerValue[] | undefined;
  /** Whether initial values apply (false for nodes read from a response); initialExpression reads it. */
  withInitial = true;

  constructor(
    readonly def: ItemDef,
    readonly parent: ItemNode | undefined,
  ) {}

  get linkId(): string {
    return this.def.linkId;
  }

  /** Answers that count: none while the item is disabled (they stay in memory, out of the response). */
  get effectiveAnswers(): AnswerValue[] {
    return this.enabled ? this.answers : [];
  }

  isDescendantOf(ancestor: ItemNode): boolean {
    for (let p = this.parent; p; p = p.parent) if (p === ancestor) return true;
    return false;
  }
}

export interface FormChange {
  node?: ItemNode;
  structural: boolean;
}

/**
 * The live state of one questionnaire being answered: item instances, answers and enablement.
 * Framework-free; components render from it and call its mutators.
 */
export class Form {
  readonly def: QuestionnaireDef;
  /** Virtual root; its children are the top-level item instances. */
  readonly root: ItemNode;
  readonly warnings: KproWarning[];
  /** Increments on every change, so views can cheaply tell that something moved. */
  revision = 0;
  /** Set by the expression engine once loaded. */
  expressionRunner: ((form: Form) => void) | undefined;
  #index = new Map<string, ItemNode[]>();
  #all?: ItemNode[];
  #listeners = new Set<(c: FormChange) => void>();

  constructor(input: unknown | QuestionnaireDef) {
    this.def = isDef(input) ? input : compileQuestionnaire(input);
    this.warnings = [...this.def.warnings];
    const rootDef = { linkId: '', items: this.def.items } as unknown as ItemDef;
    this.root = new ItemNode(rootDef, undefined);
    this.root.children = this.#createChildren(this.def.items, this.root, true);
    this.#reindex();
    this.refresh();
  }

  onChange(fn: (c: FormChange) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** All nodes with this linkId, in document order. */
  nodesFor(linkId: string): ItemNode[] {
    return this.#index.get(linkId) ?? [];
  }

  /** Every node under `from` in document order (depth first), as an array (cached until the structure changes). */
  nodes(from: ItemNode = this.root): ItemNode[] {
    if (from === this.root && this.#all) return this.#all;
    const out: ItemNode[] = [];
    const walk = (n: ItemNode) => {
      const children = n.children;
      for (let i = 0; i < children.length; i++) {
        const c = children[i]!;
        out.push(c);
        if (c.children.length) walk(c);
      }
    };
    walk(from);
    if (from === this.root) this.#all = out;
    return out;
  }

  /**
   * The question an enableWhen in `node` refers to, looked up in the same repeat instance first,
   * then in ever wider enclosing groups, then anywhere.
   */
  resolve(node: ItemNode, linkId: string): ItemNode[] {
    const candidates = this.#index.get(linkId) ?? [];
    if (candidates.length <= 1) return candidates;
    for (let scope = node.parent; scope; scope = scope.parent) {
      const inScope = candidates.filter((c) => c.isDescendantOf(scope));
      if (inScope.length) return inScope;
    }
    return candidates;
  }

  /**
   * Where a node sits, as a path that outlives the node: at each level its linkId and which instance of that
   * linkId it is among its siblings. `nodeAt` finds the node in that place again (e.g. after a response is loaded).
   */
  pathOf(node: ItemNode): Array<[string, number]> {
    const path: Array<[string, number]> = [];
    for (let n: ItemNode = node; n.parent; n = n.parent) {
      const same = n.parent.children.filter((c) => c.linkId === n.linkId);
      path.unshift([n.linkId, same.indexOf(n)]);
    }
    return path;
  }

  nodeAt(path: Array<[string, number]>): ItemNode | undefined {
    let node: ItemNode | undefined = this.root;
    for (const [linkId, k] of path) node = node?.children.filter((c) => c.linkId === linkId)[k];
    return node;
  }

  setAnswers(node: ItemNode, answers: AnswerValue[]): void {
    const clean = answers.filter((a) => !isEmptyAnswer(a));
    if (clean.length === node.answers.length && clean.every((a, i) => answersEqual(a, node.answers[i]!))) return;
    node.answers = clean;
    this.refresh();
    this.#emit({ node, structural: false });
  }

  setAnswer(node: ItemNode, answer: AnswerValue | undefined): void {
    this.setAnswers(node, answer ? [answer] : []);
  }

  /** Adds a repetition of a repeating group (or repeating question with children) after `node`. */
  addRepeat(node: ItemNode): ItemNode | undefined {
    const parent = node.parent;
    if (!parent || !node.def.repeats) return undefined;
    const max = node.def.maxOccurs;
    if (max !== undefined && this.repeatsOf(node).length >= max) return undefined;
    const fresh = this.createNode(node.def, parent, true);
    const siblings = this.repeatsOf(node);
    const at = parent.children.indexOf(siblings[siblings.length - 1]!) + 1;
    parent.children.splice(at, 0, fresh!);
    this.#reindex();
    this.refresh();
    this.#emit({ node: fresh, structural: true });
    return fresh;
  }

  /** Removes one repetition; the last one left is emptied instead, so the group never disappears. */
  removeRepeat(node: ItemNode): void {
    const parent = node.parent;
    if (!parent) return;
    const siblings = this.repeatsOf(node);
    if (siblings.length <= 1) {
      for (const n of [node, ...this.nodes(node)]) n.answers = [];
    } else {
      parent.children.splice(parent.children.indexOf(node), 1);
    }
    this.#reindex();
    this.refresh();
    this.#emit({ node: parent, structural: true });
  }

  repeatsOf(node: ItemNode): ItemNode[] {
    return node.parent ? node.parent.children.filter((c) => c.def === node.def) : [node];
  }

  /** Recomputes calculated values and enablement. Called after every change. */
  refresh(): void {
    this.revision++;
    this.#computeEnabled();
    if (this.expressionRunner) {
      // Calculations see current enablement; their results can change it again.
      this.expressionRunner(this);
      this.#computeEnabled();
    }
  }

  /** Recomputes enablement only (no expressions); the expression engine calls it between its passes. */
  updateEnablement(): void {
    this.#computeEnabled();
  }

  /** Replaces all state with instances and answers read from a response (resume or review). */
  replaceChildren(children: ItemNode[]): void {
    this.root.children = children;
    this.#reindex();
    this.refresh();
    this.#emit({ structural: true });
  }

  /** Creates fresh instances of a def (with initial values), used by response reading too. */
  createNode(def: ItemDef, parent: ItemNode, withInitial: boolean): ItemNode {
    const node = new ItemNode(def, parent);
    node.withInitial = withInitial;
    if (withInitial && (def.initial.length || def.options.length)) node.answers = initialAnswers(def);
    if (def.items.length) node.children = this.#createChildren(def.items, node, withInitial);
    return node;
  }

  notify(change: FormChange): void {
    this.#emit(change);
  }

  /** Fresh instances of `defs` (a repeating group starts with minOccurs repetitions, at least one). */
  #createChildren(defs: ItemDef[], parent: ItemNode, withInitial: boolean): ItemNode[] {
    const out: ItemNode[] = [];
    for (let k = 0; k < defs.length; k++) {
      const def = defs[k]!;
      const count = def.type === 'group' && def.repeats ? Math.max(1, def.minOccurs ?? 1) : 1;
      for (let i = 0; i < count; i++) out.push(this.createNode(def, parent, withInitial));
    }
    return out;
  }

  #reindex(): void {
    this.#all = undefined;
    this.#index.clear();
    const all = this.nodes();
    for (let i = 0; i < all.length; i++) {
      const n = all[i]!;
      const list = this.#index.get(n.linkId);
      if (list) list.push(n);
      else this.#index.set(n.linkId, [n]);
    }
  }

  #computeEnabled(): void {
    // Enablement depends on other items' enablement; evaluate on demand with memoisation.
    // Cycles were refused at compile time, so the recursion ends.
    const memo = new Map<ItemNode, boolean>();
    const enabledOf = (n: ItemNode): boolean => {
      const known = memo.get(n);
      if (known !== undefined) return known;
      memo.set(n, true); // guards against cycles across duplicate linkIds
      let on = !n.parent || n.parent === this.root ? true : enabledOf(n.parent);
      if (on && n.expressionEnabled === false) on = false;
      if (on && n.def.enableWhen.length) {
        on = evaluateEnableWhen(n.def, (linkId) =>
          this.resolve(n, linkId).flatMap((q) => (enabledOf(q) ? q.answers : [])),
        );
      }
      memo.set(n, on);
      return on;
    };
    // Nodes come parents first: an item without conditions of its own is enabled exactly when its parent
    // is, which this loop has set already, so most items of a big form cost no memo and no recursion
    // (enabledOf gives the same for them when a condition elsewhere refers to one).
    const all = this.nodes();
    for (let i = 0; i < all.length; i++) {
      const n = all[i]!;
      const plain = !n.def.enableWhen.length && n.expressionEnabled !== false;
      n.enabled = plain ? !n.parent || n.parent === this.root || n.parent.enabled : enabledOf(n);
    }
  }

  #emit(change: FormChange): void {
    for (const fn of this.#listeners) fn(change);
  }
}

function isDef(x: unknown): x is QuestionnaireDef {
  return !!x && typeof x === 'object' && 'byLinkId' in x && 'all' in x;
}

export function initialAnswers(def: ItemDef): AnswerValue[] {
  if (def.initial.length) return def.repeats ? [...def.initial] : def.initial.slice(0, 1);
  const selected = def.options.filter((o) => o.initialSelected).map((o) => o.value);
  return def.repeats ? selected : selected.slice(0, 1);
}

export type { QuestionnaireResponse };
