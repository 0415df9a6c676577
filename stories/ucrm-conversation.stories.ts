import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-conversation.js';
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import type { SimulatedInteractionSource } from '../src/data/interactions/simulated-source.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { AGENT, storySimulator, unreachable } from './workspace-samples.js';

/** A WhatsApp campaign with templates (one not approved) and a bot; an email desk with a signature. */
const WA: Campaign = {
  id: 'care',
  name: 'Customer care',
  channels: ['whatsapp', 'webchat', 'sms', 'instagram'],
  outboundChannels: ['whatsapp'],
  provider: 'meta',
  bot: { name: 'Botito' },
  templates: [
    { id: 'greet', name: 'Greeting', body: 'Hello {{name}}, this is {{agent}} from ACME.', channel: 'whatsapp', approved: true },
    { id: 'promo', name: 'Promotion', body: 'Our new offer!', channel: 'whatsapp', approved: false },
  ],
};
const MAIL: Campaign = {
  id: 'desk',
  name: 'Email desk',
  channels: ['email'],
  outboundChannels: ['email'],
  signature: '<p>— Alex, ACME support</p>',
  templates: [{ id: 'thanks', name: 'Thanks', body: 'Thank you {{name}}, we are on it.', channel: 'email' }],
};
const CAMPAIGNS = [WA, MAIL];

interface Args {
  lang?: string;
}
interface Loaded {
  interactions: InteractionSource;
  id: string;
  campaign: Campaign;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-conversation',
  component: 'ucrm-conversation',
  render: ({ lang }, { loaded }) => {
    const { interactions, id, campaign } = loaded as Loaded;
    return html`<ucrm-conversation
      style="max-width: 40rem; --ucrm-conversation-height: 36rem"
      lang=${lang ?? ''}
      agent-id=${AGENT}
      interaction-id=${id}
      .interactions=${interactions}
      .campaignConfig=${campaign}
      @ucrm-message-sent=${(e: CustomEvent) => console.info('ucrm-message-sent', e.detail)}
    ></ucrm-conversation>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const sim = () => storySimulator({ campaigns: CAMPAIGNS });

/** A live WhatsApp conversation: the customer, the bot, the agent's messages in every state, a reply, a file. */
async function whatsapp(s: SimulatedInteractionSource) {
  const i = (await s.simulateInbound({ channel: 'whatsapp', campaign: 'care', clientId: '+59899111222', text: 'Hola, mi pedido no llegó' }))!;
  await s.take(i.id);
  const read = await s.send(i.id, { text: 'Hola Carla, ya lo reviso.' }, { idempotencyKey: 's1' });
  await s.simulateDelivery(read.id, 'read');
  const customer = await s.simulateCustomerMessage(i.id, {
    text: 'Te paso la foto del comprobante',
    files: [new File([new Uint8Array(2048)], 'comprobante.pdf', { type: 'application/pdf' })],
  });
  const delivered = await s.send(i.id, { text: 'Gracias, lo tengo.', replyTo: customer.id }, { idempotencyKey: 's2' });
  await s.simulateDelivery(delivered.id, 'delivered');
  const failed = await s.send(i.id, { text: 'Te llamo en 5 minutos.' }, { idempotencyKey: 's3' });
  await s.simulateDelivery(failed.id, 'failed', 'The customer’s phone is unreachable.');
  await s.send(i.id, { text: 'Customer prefers email', internal: true }, { idempotencyKey: 's4' });
  await s.send(i.id, { text: 'One grey check: sent, not yet delivered.' }, { idempotencyKey: 's5' });
  return i;
}

const loader = (make: (s: SimulatedInteractionSource) => Promise<{ id: string; campaign?: string } | undefined>, wrap?: (s: SimulatedInteractionSource) => InteractionSource) => [
  async () => {
    const s = sim();
    const interaction = (await make(s))!;
    return { interactions: wrap ? wrap(s) : s, id: interaction.id, campaign: CAMPAIGNS.find((c) => c.id === interaction.campaign) ?? WA };
  },
];

/** Every author and every state: read (blue), delivered (grey ✓✓), sent (✓), failed with Retry, an internal note, a quote, a file. */
export const WhatsAppLive: Story = { loaders: loader(whatsapp) };

/** 24 h after the customer's last message: templates only, said before typing. */
export const WindowClosed: Story = {
  loaders: [
    async () => {
      // The customer wrote 25 hours ago: the carrier's clock starts then and catches up.
      let offset = -25 * 60 * 60 * 1000;
      const s = storySimulator({
        campaigns: CAMPAIGNS,
        clock: { now: () => Date.now() + offset, setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) },
      });
      const i = (await s.simulateInbound({ channel: 'whatsapp', campaign: 'care', clientId: '+59899000333', text: 'Hi, are you open tomorrow?' }))!;
      await s.take(i.id);
      offset = 0;
      return { interactions: s, id: i.id, campaign: WA };
    },
  ],
};

/** An agent-started WhatsApp conversation: the first message must be an approved template. */
export const AgentStartedTemplateOnly: Story = {
  loaders: loader((s) => s.start({ channel: 'whatsapp', campaign: 'care', to: '+59899444555', template: 'greet', variables: { name: 'Luis', agent: 'Alex' }, message: 'Hello Luis, this is Alex from ACME.', attachments: [] })),
};

/** Email: subject, CC/BCC and the composer's rich-text editor, signed. */
export const Email: Story = {
  loaders: loader(async (s) => {
    const i = (await s.simulateInbound({ channel: 'email', campaign: 'desk', clientId: 'carla@example.com', text: 'Where is my order #4411?' }))!;
    await s.take(i.id);
    return i;
  }),
};

/** Another agent viewing, the customer typing. */
export const OthersHere: Story = {
  loaders: loader(async (s) => {
    const i = await whatsapp(s);
    setTimeout(() => {
      void s.simulateActivity(i.id, { kind: 'agent', id: 'agent-2', name: 'Ana Pérez' }, 'viewing');
      void s.simulateActivity(i.id, { kind: 'customer', name: 'Carla' }, 'typing');
    }, 500);
    return i;
  }),
};

/** A web chat visitor's pre-chat form, offered to the new contact form. */
export const PreChat: Story = {
  loaders: loader(async (s) => {
    const i = (await s.simulateInbound({
      channel: 'webchat',
      campaign: 'care',
      clientId: 'visitor-7f3a',
      text: 'Hi there',
      preChat: { name: 'Rich Key', email: 'rich@example.com', phone: '+598 99 123 456', country: 'UY', timeZone: 'America/Montevideo' },
    }))!;
    await s.take(i.id);
    return i;
  }),
};

/** Sends never reach the server: each stays with "Not sent" and Retry. Type and press Enter. */
export const Offline: Story = {
  loaders: loader(async (s) => {
    const i = (await s.simulateInbound({ channel: 'webchat', campaign: 'care', clientId: 'visitor-1', text: 'Hello?' }))!;
    await s.take(i.id);
    return i;
  }, (s) => new Proxy(s, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'send') return () => Promise.reject(new CrmError('unavailable', 'The interaction server cannot be reached.'));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  })),
};

/** Finished: the customer can no longer be written to; internal notes still can. */
export const Finished: Story = {
  loaders: loader(async (s) => {
    const i = await whatsapp(s);
    return s.finish(i.id);
  }),
};

/** Another agent's conversation: read only. */
export const SomeoneElses: Story = {
  loaders: loader(async (s) => {
    const i = (await s.simulateInbound({ channel: 'whatsapp', campaign: 'care', clientId: '+59899000777', text: 'Hola' }))!;
    await s.simulateTakeByOther(i.id, 'agent-2');
    return i;
  }),
};

/** 5,000 messages over several days, virtualized; scroll up for older pages. */
export const LongHistory: Story = {
  loaders: loader(async (s) => {
    const i = (await s.simulateInbound({ channel: 'whatsapp', campaign: 'care', clientId: '+59899000999', text: 'message 0' }))!;
    await s.take(i.id);
    for (let n = 1; n < 5000; n++) await s.simulateCustomerMessage(i.id, { text: `message ${n}` });
    return i;
  }),
};

/** The source cannot be reached: the message, with Retry. */
export const ServerDown: Story = {
  loaders: loader(
    async (s) => {
      const i = (await s.simulateInbound({ channel: 'whatsapp', campaign: 'care', clientId: '+59899000111', text: 'Hola' }))!;
      await s.take(i.id);
      return i;
    },
    (s) => unreachable(s, 'messages'),
  ),
};

export const Spanish: Story = { args: { lang: 'es' }, loaders: loader(whatsapp) };
export const Portuguese: Story = { args: { lang: 'pt' }, loaders: loader(whatsapp) };
