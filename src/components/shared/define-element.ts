/**
 * Registers a tag, warning instead of throwing when it is already taken: two
 * versions of the widgets can meet on one CRM page, and the first one wins.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`ucrm-widgets: <${tag}> is already defined (another copy of the library?); keeping the first definition.`);
    }
    return;
  }
  customElements.define(tag, constructor);
}
