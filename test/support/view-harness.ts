/**
 * Drives `<ucrm-interaction-view>` as a person and a host would: mounts it
 * with events recorded from the start, waits for resolutions to settle, and
 * reads what is on screen (crossing the card, matcher and form shadow roots).
 */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { UcrmInteractionView } from '../../src/components/ucrm-interaction-view/ucrm-interaction-view.js';
import '../../src/define/ucrm-interaction-view.js';
import { recordEvents, until } from './screen-pop-fixtures.js';

export async function mountView(template: TemplateResult) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const events = recordEvents(container);
  const { render } = await import('lit');
  render(template, container);
  const el = container.querySelector('ucrm-interaction-view') as UcrmInteractionView;
  await settled(el);
  return { el, events, container };
}

/** Waits for the pending update and any resolution it started. */
export async function settled(el: UcrmInteractionView): Promise<void> {
  await el.updateComplete;
  await until(() => el.state !== 'loading', 'the resolution to settle');
  await el.updateComplete;
}

export const sr = (el: Element) => el.shadowRoot!;
export const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  sr(el).querySelector<T>(`[part~="${name}"]`);
export const card = (el: UcrmInteractionView) => sr(el).querySelector('ucrm-contact-card');
export const matcher = (el: UcrmInteractionView) => sr(el).querySelector('contact-matcher');
export const form = (el: UcrmInteractionView) => sr(el).querySelector('ucrm-contact-form');
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const cardText = (el: UcrmInteractionView) => text(card(el)?.shadowRoot);
export const alertText = (el: Element) => text(sr(el).querySelector('[role=alert]'));
export const liveRegion = (el: UcrmInteractionView) => text(sr(el).querySelector('[role=status][aria-live=polite]'));
export const matcherOptions = (el: UcrmInteractionView) =>
  [...(matcher(el)?.shadowRoot?.querySelectorAll<HTMLElement>('[role=option]') ?? [])];
export const button = (root: Element | ShadowRoot, label: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found as HTMLButtonElement;
};
export function formControl(el: UcrmInteractionView, id: string): HTMLInputElement {
  const control = form(el)?.shadowRoot?.getElementById(id) as HTMLInputElement | null;
  if (!control) throw new Error(`no form control #${id}`);
  return control;
}
export function typeInto(control: HTMLInputElement, value: string) {
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
export const named = (events: CustomEvent[], name: string) => events.filter((e) => e.type === name);
