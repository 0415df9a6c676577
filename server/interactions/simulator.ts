/**
 * Simulator mode (`UCRM_SIMULATOR=1`, never with NODE_ENV=production): the
 * reference server feeds itself inbound traffic for the demo, since it has
 * no carrier: customers arrive on the campaigns' channels (the demo's
 * screen-pop fixtures among them), write again now and then, and hang up
 * calls after a while; the workspace answers outbound calls and delivers
 * receipts (`simulateCarrier`). Everything goes through the same workspace
 * methods as the test routes, so the rules are the reducer's.
 */
import { DEMO_INTERACTIONS } from '../../src/data/demo-data.js';
import type { Channel } from '../../src/core/types.js';
import type { Workspace } from './workspace.js';

export interface SimulatorOptions {
  /** Mean time between inbound interactions (default 20 s). */
  inboundEveryMs?: number;
  seed?: number;
}

const LINES = ['Hola, ¿me pueden ayudar?', 'I have a question about my invoice.', 'Olá! Quero saber do meu pedido.', '¿Siguen ahí?', 'Thanks!'];

/** Whether simulator mode is asked for, and allowed, in this environment. */
export function simulatorEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.UCRM_SIMULATOR === '1' && env.NODE_ENV !== 'production';
}

/** Starts the traffic; returns a function that stops it. */
export function startSimulator(workspace: Workspace, options: SimulatorOptions = {}): () => void {
  let seed = options.seed ?? 7;
  const random = () => {
    // mulberry32: deterministic from the seed, good enough for a demo.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const every = options.inboundEveryMs ?? 20_000;
  type Fixture = { channel: Channel; clientId: string; campaign: string };
  const fixtures = (Object.values(DEMO_INTERACTIONS) as readonly Partial<Fixture>[]).filter((f): f is Fixture => typeof f.clientId === 'string');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let count = 0;

  const step = async () => {
    count++;
    const campaigns = workspace.campaigns.filter((c) => c.channels.length);
    if (!campaigns.length) return;
    if (count % 3 === 0) {
      // A customer writes again in an open text conversation.
      const active = (await workspace.openInteractions(50)).filter((i) => i.channel !== 'phone' && i.status === 'active');
      if (active.length) await workspace.customerMessage(pick(active).id, pick(LINES));
      const calls = (await workspace.openInteractions(50)).filter((i) => i.call && i.call.state !== 'ended' && Date.parse(i.updatedAt ?? i.startedAt) < workspace.clock.now() - 90_000);
      for (const call of calls) await workspace.hangup(call.id);
      return;
    }
    const fixture = random() < 0.5 ? pick(fixtures) : undefined;
    const campaign = fixture ? campaigns.find((c) => c.id === fixture.campaign) ?? pick(campaigns) : pick(campaigns);
    const channel = fixture && campaign.channels.includes(fixture.channel) ? fixture.channel : pick(campaign.channels);
    const clientId =
      fixture && fixture.channel === channel
        ? fixture.clientId
        : channel === 'email'
          ? `customer${Math.floor(random() * 1000)}@example.org`
          : channel === 'webchat'
            ? `visitor-${Math.floor(random() * 0xffffff).toString(16)}`
            : `+598 98 ${String(100_000 + Math.floor(random() * 900_000))}`;
    await workspace.inbound({ channel, campaign: campaign.id, clientId, ...(channel === 'phone' ? {} : { text: pick(LINES) }) });
  };

  const schedule = () => {
    timer = setTimeout(() => {
      void step()
        .catch(() => undefined)
        .finally(schedule);
    }, every * (0.5 + random()));
    timer.unref?.();
  };
  schedule();
  return () => clearTimeout(timer);
}
