import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-inbox.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { AGENT, CAMPAIGNS, storyContacts, storySimulator, unreachable, withActive, withPending } from './workspace-samples.js';

interface Args {
  lang?: string;
  tab?: 'pending' | 'active';
}
interface Loaded {
  interactions: InteractionSource;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-inbox',
  component: 'ucrm-inbox',
  args: { tab: 'pending' },
  render: ({ lang, tab }, { loaded }) => html`<ucrm-inbox
    style="max-width: 24rem; height: 32rem"
    lang=${lang ?? ''}
    tab=${tab ?? 'pending'}
    agent-id=${AGENT}
    .interactions=${(loaded as Loaded).interactions}
    .source=${storyContacts()}
    .campaigns=${CAMPAIGNS}
    @ucrm-interaction-open=${(e: CustomEvent) => console.info('ucrm-interaction-open', e.detail)}
  ></ucrm-inbox>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing waiting, nothing assigned. */
export const Empty: Story = { loaders: [async () => ({ interactions: storySimulator() })] };

/** Three customers waiting, newest first, with unread counts; click one to take it. */
export const PendingItems: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      await withPending(interactions);
      return { interactions };
    },
  ],
};

/** Active: one being handled, one finished (marked) waiting for its disposition. */
export const ActiveWithFinished: Story = {
  args: { tab: 'active' },
  loaders: [
    async () => {
      const interactions = storySimulator();
      await withActive(interactions);
      return { interactions };
    },
  ],
};

/**
 * Another agent wins the race: commands take 1.5 s here, and the other
 * agent takes the interaction you clicked in the meantime. Click any item.
 */
export const Conflict: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator({ latencyMs: 1500 });
      await withPending(interactions);
      const take = interactions.take.bind(interactions);
      interactions.take = (id, options) => {
        void interactions.simulateTakeByOther(id, 'agent-2');
        return take(id, options);
      };
      return { interactions };
    },
  ],
};

/** The interaction server cannot be reached: the message, and Retry. */
export const ServerDown: Story = {
  loaders: [async () => ({ interactions: unreachable(storySimulator(), 'list') })],
};

export const Spanish: Story = { ...PendingItems, args: { lang: 'es' } };
export const Portuguese: Story = { ...ActiveWithFinished, args: { lang: 'pt', tab: 'active' } };

/** Views and the filter drawer (seed 004): a public view of another agent and a private one; open Filters to edit, select rows to tag or delete. */
export const ViewsAndDrawer: Story = {
  loaders: [
    async () => {
      const { createSharedInboxViews } = await import('../src/data/interactions/simulated-source.js');
      const views = createSharedInboxViews();
      const interactions = storySimulator({ sharedViews: views });
      const other = storySimulator({ agentId: 'agent-2', sharedViews: views });
      await other.saveView({ name: 'Web chat', public: true, filter: { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'webchat' }] } });
      await interactions.saveView({ name: 'Robin', public: false, filter: { match: 'all', conditions: [{ field: 'name', op: 'contains', value: 'robin' }] } });
      await withPending(interactions);
      return { interactions };
    },
  ],
};

/** A rescheduled call waiting in the Scheduled list (it starts in an hour). */
export const Scheduled: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      const call = await interactions.start({ channel: 'phone', campaign: 'collections', to: '+5491155550123', attachments: [] } as never);
      await interactions.call(call.id, { type: 'hangup' });
      await interactions.saveDisposition(call.id, { path: ['callback', 'reschedule'], rescheduleAt: new Date(Date.now() + 3_600_000).toISOString() }, { close: true });
      return { interactions };
    },
  ],
};

/**
 * A transfer offered to you (issue 21): Ana Pérez hands you a WhatsApp
 * chat. Accept moves it to Active; Decline sends it back to her; unanswered,
 * it returns to her when the ten minutes run out.
 */
export const TransferOffered: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator({ campaigns: CAMPAIGNS.map((c) => ({ ...c, transferTimeoutSeconds: 600 })) });
      const { whatsapp } = await withPending(interactions);
      await interactions.simulateTakeByOther(whatsapp.id, 'agent-2');
      await interactions.simulateTransferFrom(whatsapp.id, 'agent-2');
      return { interactions };
    },
  ],
};

/** A consultation (attended transfer) of a call, in Spanish: accepted, it waits for Ana Pérez to complete it. */
export const ConsultationOffered: Story = {
  args: { lang: 'es' },
  loaders: [
    async () => {
      const interactions = storySimulator({ campaigns: CAMPAIGNS.map((c) => ({ ...c, transferTimeoutSeconds: 600 })) });
      const { call } = await withPending(interactions);
      await interactions.simulateTakeByOther(call.id, 'agent-2');
      await interactions.simulateTransferFrom(call.id, 'agent-2', 'attended');
      return { interactions };
    },
  ],
};
