/** Reading and driving a `<ucrm-contact-directory>` from its shadow root, for its tests. */
import type { UcrmContactDirectory } from '../../src/components/ucrm-contact-directory/ucrm-contact-directory.js';

export const $ = <T extends Element = HTMLElement>(el: UcrmContactDirectory, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = (el: UcrmContactDirectory, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const rows = (el: UcrmContactDirectory) => $$(el, '[part~="row"]');
/** The names on the rows, in display order. */
export const names = (el: UcrmContactDirectory) => $$(el, '[part="open-button"]').map((b) => b.textContent!.trim());
export const status = (el: UcrmContactDirectory) => $(el, '[part="status"]').textContent!.trim();

export async function settle(el: UcrmContactDirectory) {
  await el.updateComplete;
  // The virtualizer lays rows out in its own frame.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
}

/** Sets a control's value as typing or choosing would, with the event the element listens to. */
export function type(input: HTMLInputElement | HTMLSelectElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
