/**
 * The conversation's benchmark (issue 20), in the browser:
 *
 * - `latency`: an agent's message from Enter in `<ucrm-conversation>` to the
 *   list showing it with one grey check ("sent"), on the simulated carrier,
 *   with a history of `history` messages; measured to the DOM update and to
 *   the next frame (what a person sees).
 * - `reliability`: `sends` messages through the element's send queue
 *   (src/components/ucrm-conversation/send-queue.ts, the code the element
 *   sends with) into the simulated carrier with failures injected: some sends
 *   never reach the carrier, some reach it and lose their answer. Failed ones
 *   are retried as the agent's Retry does (same idempotency key) until none is
 *   left; then each message must be in the carrier exactly once.
 */
import '../src/define/ucrm-conversation.js';
import type { UcrmConversation } from '../src/components/ucrm-conversation/ucrm-conversation.js';
import { SendQueue } from '../src/components/ucrm-conversation/send-queue.js';
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { createSimulatedInteractionSource } from '../src/data/interactions/simulated-source.js';
import { seeded, summarize } from './lib/stats.js';

const CAMPAIGN: Campaign = { id: 'wa', name: 'WhatsApp', channels: ['whatsapp'], outboundChannels: ['whatsapp'], provider: 'meta' };

async function takenConversation(history: number) {
  const sim = createSimulatedInteractionSource({ agentId: 'bench', campaigns: [CAMPAIGN], agents: [{ id: 'bench', name: 'Bench' }] });
  const inbound = (await sim.simulateInbound({ channel: 'whatsapp', campaign: 'wa', clientId: '+59899000000', text: 'hello' }))!;
  await sim.take(inbound.id);
  for (let i = 0; i < history; i++) await sim.simulateCustomerMessage(inbound.id, { text: `history ${i}` });
  return { sim, id: inbound.id };
}

export async function conversationLatency(samples: number, history: number) {
  localStorage.clear();
  const { sim, id } = await takenConversation(history);
  const el = document.createElement('ucrm-conversation') as UcrmConversation;
  el.setAttribute('agent-id', 'bench');
  el.interactions = sim;
  el.campaignConfig = CAMPAIGN;
  el.interactionId = id;
  el.style.setProperty('--ucrm-conversation-height', '40rem');
  document.body.append(el);
  const root = el.shadowRoot!;
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      if (check()) return resolve();
      const observer = new MutationObserver(() => {
        if (check()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  await until(() => !!root.querySelector('#message') && !!root.querySelector('.item'));
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < samples; i++) {
    const label = `bench message ${i}`;
    const area = root.querySelector<HTMLTextAreaElement>('#message')!;
    area.value = label;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const shown = () =>
      [...root.querySelectorAll('[part~="message-out"]')].some(
        (m) => m.querySelector('[part~="text"]')?.textContent === label && m.querySelector('[part~="tick-sent"]'),
      );
    const started = performance.now();
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await until(shown);
    dom.push(performance.now() - started);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frame.push(performance.now() - started);
  }
  el.remove();
  sim.dispose();
  return { samples, history, toDom: summarize(dom), toFrame: summarize(frame) };
}

export async function conversationReliability(sends: number, failureRate: number) {
  const { sim, id } = await takenConversation(0);
  const random = seeded(20);
  let beforeFailures = 0;
  let afterFailures = 0;
  // Failure injection around the real carrier: lost on the way there, or lost on the way back.
  const flaky: InteractionSource = new Proxy(sim, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key !== 'send') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      return async (...args: Parameters<InteractionSource['send']>) => {
        const roll = random();
        if (roll < failureRate / 2) {
          beforeFailures++;
          throw new TypeError('Failed to fetch');
        }
        const message = await sim.send(...args);
        if (roll < failureRate) {
          afterFailures++;
          throw new CrmError('unavailable', 'The connection dropped before the answer.');
        }
        return message;
      };
    },
  });
  let accepted = 0;
  const queue = new SendQueue({ source: () => flaky, now: () => Date.now(), changed: () => undefined, accepted: () => accepted++ });
  const started = performance.now();
  await Promise.all(Array.from({ length: sends }, (_, i) => queue.send(id, { text: `m${i}` })));
  let passes = 0;
  while (queue.size && passes < 50) {
    passes++;
    await Promise.all(queue.of(id).map((entry) => queue.retry(entry.key)));
  }
  const elapsedMs = performance.now() - started;
  const counts = new Map<string, number>();
  for (const message of sim.state.messages.get(id)!) if (message.author.kind === 'agent') counts.set(message.text!, (counts.get(message.text!) ?? 0) + 1);
  let lost = 0;
  let doubled = 0;
  for (let i = 0; i < sends; i++) {
    const n = counts.get(`m${i}`) ?? 0;
    if (n === 0 && !queue.of(id).some((e) => e.draft.text === `m${i}`)) lost++;
    if (n > 1) doubled += n - 1;
  }
  sim.dispose();
  return { sends, failureRate, beforeFailures, afterFailures, retryPasses: passes, left: queue.size, accepted, lost, doubled, elapsedMs: Math.round(elapsedMs) };
}

declare global {
  interface Window {
    conversationBench: { latency: typeof conversationLatency; reliability: typeof conversationReliability };
  }
}
window.conversationBench = { latency: conversationLatency, reliability: conversationReliability };
