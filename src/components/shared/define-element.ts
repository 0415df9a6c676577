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

/** How to load the registration of a tag an element renders only on demand, as the define layer said. */
const loaders = new Map<string, () => Promise<unknown>>();

/**
 * Called by `src/define/<tag>.ts`: the element it registers renders `tag`
 * only after a user action, and this is how to register it then (an
 * `import()` of `src/define/<tag>.js`). Components never import
 * `src/define/` themselves; they call `loadDefinition`.
 */
export function provideDefinition(tag: string, load: () => Promise<unknown>): void {
  if (!loaders.has(tag)) loaders.set(tag, load);
}

/** Resolves once `tag` is registered: at once when it is, else through the loader the define layer provided. */
export async function loadDefinition(tag: string): Promise<void> {
  if (customElements.get(tag)) return;
  const load = loaders.get(tag);
  if (!load) throw new Error(`<${tag}> is not registered: import 'ucrm-widgets/define/${tag}'.`);
  await load();
}
