import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-transfer.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import type { CrmSource } from '../src/data/source.js';
import { callSimulator, connectedCall, shadowPart, type StoryClock } from './call-samples.js';
import { storyContacts } from './workspace-samples.js';

interface Args {
  lang?: string;
}
interface Loaded {
  interactions: InteractionSource;
  source: CrmSource;
  id: string;
  clock: StoryClock;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-transfer',
  component: 'ucrm-transfer',
  render: ({ lang }, { loaded }) => {
    const { interactions, source, id, clock } = loaded as Loaded;
    return html`<div style="max-width: 30rem">
      <ucrm-transfer
        lang=${lang ?? ''}
        interaction-id=${id}
        default-region="UY"
        .interactions=${interactions}
        .source=${source}
        .clock=${clock}
        @ucrm-transfer-started=${(e: CustomEvent) => console.info('ucrm-transfer-started', e.detail)}
        @ucrm-transfer-ended=${(e: CustomEvent) => console.info('ucrm-transfer-ended', e.detail)}
      ></ucrm-transfer>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

async function call() {
  const { sim, clock } = callSimulator();
  const interaction = await connectedCall(sim, clock);
  return { sim, clock, id: interaction.id, source: storyContacts() };
}

/** Agents: Ana available (green, selectable), Luis on a break and Carla disconnected (red, disabled). */
export const Agents: Story = {
  loaders: [
    async () => {
      const { sim, clock, id, source } = await call();
      return { interactions: sim, source, id, clock };
    },
  ],
};

/** Campaigns on a Sunday: Support open (green), Sales closed by its hours (red). */
export const Campaigns: Story = {
  ...Agents,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ucrm-transfer')!;
    (await shadowPart(el, 'input[name="kind"][value="campaign"]')).click();
  },
};

/** An external number typed wrong: the message says what is expected, the text stays. */
export const InvalidNumber: Story = {
  ...Agents,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ucrm-transfer')!;
    (await shadowPart(el, 'input[name="kind"][value="number"]')).click();
    const input = await shadowPart<HTMLInputElement>(el, '[part~="number-input"]');
    input.value = '12ab';
    input.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
  },
};

/** Attended: consulting Ana; the other options are disabled until complete or cancel. */
export const Consulting: Story = {
  loaders: [
    async () => {
      const { sim, clock, id, source } = await call();
      await sim.transfer(id, { to: { agentId: 'agent-2' }, mode: 'attended' });
      return { interactions: sim, source, id, clock };
    },
  ],
};

/** Attended: Ana answered the consultation; the agent completes or cancels. */
export const ConsultationAnswered: Story = {
  loaders: [
    async () => {
      const { sim, clock, id, source } = await call();
      await sim.transfer(id, { to: { agentId: 'agent-2' }, mode: 'attended' });
      await sim.simulateTransferAnswer(id, 'accept');
      return { interactions: sim, source, id, clock };
    },
  ],
};

/** Blind to Ana, waiting for her to answer (back in 30 s if she does not). */
export const WaitingForAnswer: Story = {
  loaders: [
    async () => {
      const { sim, clock, id, source } = await call();
      await sim.transfer(id, { to: { agentId: 'agent-2' }, mode: 'blind' });
      return { interactions: sim, source, id, clock };
    },
  ],
};

/** Nobody answered within Sales' 30 s: the call is back, with a notice. */
export const TimedOut: Story = {
  loaders: [
    async () => {
      const { sim, clock, id, source } = await call();
      return { interactions: sim, source, id, clock };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const { interactions, clock, id } = loaded as Loaded;
    const el = canvasElement.querySelector('ucrm-transfer')!;
    await el.updateComplete;
    await interactions.transfer(id, { to: { agentId: 'agent-2' }, mode: 'blind' });
    clock.tick(30_000);
  },
};

/** A web chat: agent or campaign with the channel, no external number, no mode. */
export const TextChannel: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const chat = (await sim.simulateInbound({ channel: 'webchat', campaign: 'sales', clientId: 'visitor-7f3a9c', text: 'Hi' }))!;
      await sim.take(chat.id);
      return { interactions: sim, source: storyContacts(), id: chat.id, clock };
    },
  ],
};

export const Spanish: Story = { ...Agents, args: { lang: 'es' } };
export const Portuguese: Story = { ...Consulting, args: { lang: 'pt' } };
