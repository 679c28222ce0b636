import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { DEFAULT_LANGUAGE, onTranslationsChanged, type Catalogue } from '@kpro/core';
import { localeContext } from './context.js';

/**
 * Resolves the language for an element (its own `lang`; the language an enclosing `<kpro-app>` provides
 * (`localeContext`), so its language switch reaches every view at once; the closest `[lang]` ancestor
 * across shadow roots; `<html lang>`; then Danish) and re-renders the host when any of those change.
 *
 * `t` comes from the catalogue the component passes: only its own sections (`questionnaireText`, or
 * `combine({ answerView: answerViewText, triage: triageText })`), so a page that embeds one component
 * does not load every component's strings.
 */
export class LocalizeController<T> implements ReactiveController {
  #observer?: MutationObserver;
  #off?: () => void;
  #lang = DEFAULT_LANGUAGE;
  /** The language a provider above (the app shell) gives, if any. */
  #provided?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly strings: Catalogue<T>,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: localeContext,
      subscribe: true,
      callback: (lang) => {
        this.#provided = lang;
        this.#update();
      },
    });
  }

  get lang(): string {
    return this.#lang;
  }

  get t(): T {
    return this.strings.for(this.#lang);
  }

  hostConnected(): void {
    this.#lang = this.#resolve();
    // Watch lang changes on the host and on <html>; ancestors in between are rare and re-read on update.
    this.#observer = new MutationObserver(() => this.#update());
    this.#observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#off = onTranslationsChanged(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#off?.();
  }

  hostUpdate(): void {
    this.#lang = this.#resolve();
  }

  #update(): void {
    const next = this.#resolve();
    if (next !== this.#lang) {
      this.#lang = next;
      this.host.requestUpdate();
    }
  }

  #resolve(): string {
    if (this.host.lang) return this.host.lang;
    if (this.#provided) return this.#provided;
    let el: Node | null = this.host;
    while (el) {
      if (el instanceof HTMLElement && el.lang) return el.lang;
      el = el.parentNode ?? (el instanceof ShadowRoot ? el.host : null);
      if (el instanceof ShadowRoot) el = el.host;
    }
    return document.documentElement.lang || DEFAULT_LANGUAGE;
  }
}
