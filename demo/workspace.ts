/**
 * The demo's agent workspace: a simulated carrier with traffic (customers
 * arrive on several channels and campaigns, other agents take work, calls
 * end), on the same embedded contacts the rest of the page uses. The host
 * wires it the way a real one would: a provider with both sources.
 */
import '../src/define/ucrm-agent-workspace.js';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmAgentWorkspace } from '../src/components/ucrm-agent-workspace/ucrm-agent-workspace.js';
import type { CrmSource } from '../src/data/source.js';
import { DEMO_CAMPAIGNS, DEMO_FIXTURES } from '../src/data/demo-data.js';
import { DEMO_AGENTS } from '../src/data/interactions/default-source.js';
import {
  createSharedInboxViews,
  createSimulatedInteractionSource,
  type SimulatedInteractionSource,
} from '../src/data/interactions/simulated-source.js';

/**
 * Issue 19 in the demo: a public inbox view made by another agent (Ana, on a
 * simulator sharing the views), and a Collections call rescheduled a minute
 * ahead that starts by itself (the inbox's Scheduled list shows it until
 * then). Support's form is mandatory: taking a Support interaction opens it.
 */
function publicViewOfAna(views: ReturnType<typeof createSharedInboxViews>): void {
  // Written into the shared store before any inbox reads it (as Ana's desk would have saved it).
  views.list.push({
    id: 'view-ana',
    name: 'Web chat customers (Ana)',
    public: true,
    owner: 'agent-2',
    filter: { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'webchat' }] },
  });
}

async function rescheduleACall(source: SimulatedInteractionSource): Promise<void> {
  const call = await source.start({ channel: 'phone', campaign: 'collections', to: '+5491155550123', attachments: [] } as never);
  await source.call(call.id, { type: 'hangup' });
  const at = new Date(Date.now() + 60_000).toISOString();
  await source.saveDisposition(call.id, { path: ['callback', 'reschedule'], rescheduleAt: at }, { close: true });
}

const TRAFFIC = { inboundEveryMs: 25_000, callLengthMs: 90_000, replyAfterMs: 10_000 };

export function wireWorkspace(contacts: CrmSource): void {
  const provider = document.querySelector<HTMLElement & { source: unknown; interactions: unknown }>('#app-provider')!;
  const workspace = document.querySelector<UcrmAgentWorkspace>('#workspace')!;
  const status = document.querySelector<HTMLElement>('#traffic-status')!;
  const trafficBox = document.querySelector<HTMLInputElement>('#traffic')!;
  let seed = 7;
  const views = createSharedInboxViews();
  publicViewOfAna(views);

  const make = (traffic: boolean): SimulatedInteractionSource =>
    createSimulatedInteractionSource({
      agentId: 'agent-1',
      agentName: 'Alex Morgan',
      campaigns: DEMO_CAMPAIGNS,
      agents: DEMO_AGENTS,
      contacts,
      seed: seed++,
      sharedViews: views,
      ...(traffic ? { traffic: TRAFFIC } : {}),
    });

  let sim = make(trafficBox.checked);
  provider.source = contacts;
  provider.interactions = sim;

  // A lively start: a few customers already waiting, some of them known contacts.
  const warmUp = async (source: SimulatedInteractionSource) => {
    await source.simulateInbound({ channel: 'phone', campaign: 'support', clientId: DEMO_FIXTURES.familyParent.ring.clientId });
    await source.simulateInbound({ channel: 'whatsapp', campaign: 'sales', clientId: DEMO_FIXTURES.uruguayMobile.ring.clientId, text: 'Hola, quería saber el precio del plan anual.' });
    await source.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-7f3a9c', text: 'My order has not arrived yet.', preChat: { name: 'Robin' } });
    await source.simulateInbound({ channel: 'email', campaign: 'support', clientId: 'emily.oconnor@example.com', text: 'Invoice question' });
  };
  void warmUp(sim).then(() => rescheduleACall(sim)).catch((error: unknown) => console.warn('demo reschedule:', error));

  const describe = () => {
    status.textContent = trafficBox.checked
      ? 'Simulated carrier: customers arrive about every 25 s; other agents take some of them.'
      : 'Simulated carrier: quiet (use "Ring one now").';
  };
  describe();

  trafficBox.addEventListener('change', () => {
    sim.dispose();
    sim = make(trafficBox.checked);
    provider.interactions = sim;
    void warmUp(sim);
    describe();
  });

  const rings = Object.values(DEMO_FIXTURES).map((fixture) => fixture.ring);
  let next = 0;
  document.querySelector('#ring-one')!.addEventListener('click', () => {
    const ring = rings[next++ % rings.length]!;
    void sim.simulateInbound({
      channel: ring.channel,
      campaign: ring.campaign ?? 'support',
      clientId: ring.clientId ?? '',
      ...(ring.channel === 'phone' ? {} : { text: 'Hi! Can you help me?' }),
    }).catch((error: unknown) => console.warn('demo ring:', error));
  });

  document.querySelector<HTMLInputElement>('#pop-full')!.addEventListener('change', (event) => {
    workspace.popView = (event.target as HTMLInputElement).checked ? 'full' : 'reduced';
  });
}
