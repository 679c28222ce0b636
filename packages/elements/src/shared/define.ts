/**
 * Defines a custom element unless the tag is already taken (by us, or by another copy of this library
 * on the same page): registering twice must never throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
