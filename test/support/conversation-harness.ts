/**
 * Set-up for the conversation tests: the simulated carrier on a fake clock,
 * a WhatsApp campaign with templates (approved and not), an email campaign
 * with a signature, SMS and web chat with a bot; helpers to read what the
 * agent sees and to act as they would.
 */
import { fixture, html, waitUntil as openWcWaitUntil } from '@open-wc/testing';
import '../../src/define/ucrm-conversation.js';
import type { UcrmConversation } from '../../src/components/ucrm-conversation/ucrm-conversation.js';
import type { Campaign } from '../../src/core/types.js';
import type { InteractionSource } from '../../src/data/interactions/source.js';
import { createSimulatedInteractionSource, type SimulatedSourceOptions } from '../../src/data/interactions/simulated-source.js';
import { FakeClock } from './fake-clock.js';

export const WA: Campaign = {
  id: 'wa',
  name: 'WhatsApp care',
  channels: ['whatsapp', 'webchat', 'sms', 'instagram'],
  outboundChannels: ['whatsapp', 'sms'],
  provider: 'gupshup',
  bot: { name: 'Botito' },
  templates: [
    { id: 'greet', name: 'Greeting', body: 'Hello {{name}}, this is {{agent}} from ACME.', channel: 'whatsapp', approved: true },
    { id: 'promo', name: 'Promotion', body: 'Our new offer!', channel: 'whatsapp', approved: false },
    { id: 'sms-hi', name: 'SMS hello', body: 'Hi from ACME', channel: 'sms' },
  ],
};

export const MAIL: Campaign = {
  id: 'mail',
  name: 'Email desk',
  channels: ['email'],
  outboundChannels: ['email'],
  signature: '<p>— Ana, ACME</p>',
  templates: [{ id: 'thanks', name: 'Thanks', body: 'Thank you {{name}}.', channel: 'email' }],
};

export const AGENT = 'ana';

export function simulator(options: Partial<SimulatedSourceOptions> = {}) {
  const clock = new FakeClock();
  const sim = createSimulatedInteractionSource({
    agentId: AGENT,
    campaigns: [WA, MAIL],
    agents: [
      { id: AGENT, name: 'Ana' },
      { id: 'bruno', name: 'Bruno' },
    ],
    clock,
    ...options,
  });
  return { sim, clock };
}

export const root = (el: Element) => el.shadowRoot!;
export const q = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
export const qa = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const until = (check: () => unknown, message = 'condition') =>
  openWcWaitUntil(async () => !!(await check()), `timed out waiting for ${message}`, { interval: 20, timeout: 30_000 });

/** The test campaign of an interaction the simulator (or a proxy of it) holds. */
function campaignOf(source: InteractionSource, id: string): Campaign | undefined {
  const state = (source as unknown as { state?: { interactions: Map<string, { campaign: string }> } }).state;
  const campaign = state?.interactions.get(id)?.campaign;
  return [WA, MAIL].find((c) => c.id === campaign);
}

export async function conversation(source: InteractionSource, interactionId: string, clock: FakeClock, lang = 'en') {
  const el = await fixture<UcrmConversation>(
    html`<ucrm-conversation
      lang=${lang}
      agent-id=${AGENT}
      interaction-id=${interactionId}
      .interactions=${source}
      .campaignConfig=${campaignOf(source, interactionId)}
      .clock=${clock}
      style="--ucrm-conversation-height: 30rem"
    ></ucrm-conversation>`,
  );
  await until(() => q(el, '[part~="list"]:not([aria-busy])') || q(el, '[part~="error"]'), 'the messages');
  return el;
}

/** An inbound WhatsApp interaction taken by the agent, with the customer's first message. */
export async function takenWhatsApp(sim: ReturnType<typeof simulator>['sim'], text = 'Hola, necesito ayuda') {
  const inbound = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'wa', clientId: '+59899111222', text }))!;
  await sim.take(inbound.id);
  return inbound;
}

/** Messages shown, in order, as "author: text". */
export function shown(el: Element): string[] {
  return qa(el, '[part~="message"]').map((m) => `${text(m.querySelector('[part~="author"]'))}: ${text(m.querySelector('[part~="text"], [part~="preview-text"]'))}`);
}

export function bubble(el: Element, id: string): HTMLElement | null {
  return q(el, `.row[data-id="${id}"] [part~="message"]`);
}

export async function type(el: UcrmConversation, value: string) {
  // The composer appears once the interaction has loaded (on a busy machine, after the mount resolved).
  await until(() => q(el, '#message'), 'the composer');
  const area = q<HTMLTextAreaElement>(el, '#message')!;
  area.focus();
  area.value = value;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return area;
}

export function pressEnter(target: HTMLElement, shiftKey = false) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, composed: true, cancelable: true }));
}

/** Files as if picked in the category's file input. */
export async function pick(el: UcrmConversation, category: string, files: File[]) {
  q<HTMLButtonElement>(el, '[part~="attach-button"]')!.click();
  await el.updateComplete;
  const input = q<HTMLInputElement>(el, `[part~="file-input"][data-category="${category}"]`)!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}
