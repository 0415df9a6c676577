import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-interaction-actions.js';
import type { Campaign } from '../src/core/types.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { CAMPAIGNS, storySimulator, unreachable, withActive } from './workspace-samples.js';

interface Args {
  lang?: string;
}
interface Loaded {
  interactions: InteractionSource;
  id: string;
  campaign?: Campaign;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-interaction-actions',
  component: 'ucrm-interaction-actions',
  render: ({ lang }, { loaded }) => {
    const { interactions, id, campaign } = loaded as Loaded;
    return html`<div style="display: flex; justify-content: end; max-width: 30rem; min-height: 22rem">
      <ucrm-interaction-actions
        lang=${lang ?? ''}
        interaction-id=${id}
        .interactions=${interactions}
        .campaignConfig=${campaign}
        @ucrm-panel-request=${(e: CustomEvent) => console.info('ucrm-panel-request', e.detail)}
      ></ucrm-interaction-actions>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const campaign = (id: string) => CAMPAIGNS.find((c) => c.id === id);

/** A WhatsApp being handled: Finish is there; Close waits for it to finish. */
export const ActiveChat: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      const { whatsapp } = await withActive(interactions);
      return { interactions, id: whatsapp.id, campaign: campaign('sales') };
    },
  ],
};

/** Finished, disposition not saved yet: Close says why it is disabled. */
export const FinishedNeedsDisposition: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      const { chat } = await withActive(interactions);
      return { interactions, id: chat.id, campaign: campaign('support') };
    },
  ],
};

/** Finished with its disposition saved: Close is enabled. */
export const ReadyToClose: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      const { chat } = await withActive(interactions);
      await interactions.saveDisposition(chat.id, { path: ['resolved', 'first-contact'] }, { close: false }).catch(() => undefined);
      return { interactions, id: chat.id, campaign: campaign('support') };
    },
  ],
};

/** A call: it finishes when it ends, not from the menu. */
export const PhoneCall: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      const { call } = await withActive(interactions);
      await interactions.take(call.id);
      return { interactions, id: call.id, campaign: campaign('support') };
    },
  ],
};

/** Finish fails: the server cannot be reached (open the menu, choose Finish). */
export const ServerDown: Story = {
  loaders: [
    async () => {
      const simulator = storySimulator();
      const { whatsapp } = await withActive(simulator);
      return { interactions: unreachable(simulator, 'finish'), id: whatsapp.id, campaign: campaign('sales') };
    },
  ],
};

export const Spanish: Story = { ...ActiveChat, args: { lang: 'es' } };
export const Portuguese: Story = { ...FinishedNeedsDisposition, args: { lang: 'pt' } };
