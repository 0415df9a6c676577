import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { CrmSource } from '../src/data/source.js';
import '../src/define/disposition-form.js';
import { saveDispositionDraft, type DispositionDraft } from '../src/state/disposition-drafts.js';

const sales: Campaign = {
  id: 'sales',
  name: 'Sales',
  channels: ['phone', 'whatsapp'],
  outboundChannels: ['phone'],
  wrapUpSeconds: 60,
  dispositions: [
    {
      id: 'contacted',
      label: 'Contacted',
      children: [
        {
          id: 'sale',
          label: 'Sale',
          children: [
            { id: 'card', label: 'Card' },
            { id: 'transfer', label: 'Bank transfer' },
          ],
        },
        { id: 'not-interested', label: 'Not interested' },
        { id: 'callback', label: 'Call back later', kind: 'reschedule' },
      ],
    },
    { id: 'no-answer', label: 'No answer' },
    { id: 'wrong-number', label: 'Wrong number' },
  ],
};
const outboundHub: Campaign = { ...sales, id: 'hub', name: 'Outbound Hub', outboundHub: true };
const withComment: Campaign = { ...sales, id: 'retention', name: 'Retention', commentRequired: true };
const noDispositions: Campaign = { id: 'support', name: 'Support', channels: ['webchat'], outboundChannels: [] };

interface Args {
  interactionId: string;
  interactionStatus: string;
  campaignConfig?: Campaign;
  campaign?: string;
  source?: CrmSource;
  timeZone?: string;
  commentMaxLength: number;
  /** A kept draft for the interaction (what a reload would find). */
  draft?: Partial<DispositionDraft>;
}

const meta: Meta<Args> = {
  title: 'Interactions/disposition-form',
  component: 'disposition-form',
  args: { interactionId: 'story-1', interactionStatus: 'active', campaignConfig: sales, commentMaxLength: 500 },
  argTypes: { interactionStatus: { control: 'inline-radio', options: ['active', 'finished', 'closed'] } },
  render: ({ interactionId, interactionStatus, campaignConfig, campaign, source, timeZone, commentMaxLength, draft }) => {
    if (draft) saveDispositionDraft(interactionId, draft);
    return html`<disposition-form
      style="max-width: 28rem"
      interaction-id=${interactionId}
      interaction-status=${interactionStatus}
      campaign=${campaign ?? ''}
      time-zone=${timeZone ?? ''}
      comment-max-length=${commentMaxLength}
      .campaignConfig=${campaignConfig}
      .source=${source}
    ></disposition-form>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The call is still going: the agent can choose and Save early; Save and close waits for the end. */
export const Active: Story = {};

/** A disposition chosen early was kept; the interaction has finished, so it can be closed. */
export const FinishedWithEarlySelection: Story = {
  args: {
    interactionId: 'story-finished',
    interactionStatus: 'finished',
    draft: { selection: ['contacted', 'sale', 'card'], comment: 'Premium plan, annual billing' },
  },
};

/** Halfway down the tree: the next level is open, the one after it still disabled. */
export const Halfway: Story = {
  args: { interactionId: 'story-halfway', interactionStatus: 'finished', draft: { selection: ['contacted'], comment: '' } },
};

/** The campaign requires a comment: saving explains what is missing. */
export const CommentRequired: Story = {
  args: {
    interactionId: 'story-comment',
    interactionStatus: 'finished',
    campaignConfig: withComment,
    draft: { selection: ['no-answer'], comment: '' },
  },
};

/** A short comment limit, already reached. */
export const CommentLimit: Story = {
  args: {
    interactionId: 'story-limit',
    commentMaxLength: 40,
    draft: { selection: ['no-answer'], comment: 'Left a voicemail and sent a WhatsApp too' },
  },
};

/** A reschedule disposition in an Outbound Hub campaign: pick a future date-time in the agent's zone. */
export const Reschedule: Story = {
  args: {
    interactionId: 'story-reschedule',
    interactionStatus: 'finished',
    campaignConfig: outboundHub,
    timeZone: 'America/Sao_Paulo',
    draft: { selection: ['contacted', 'callback'], comment: '', rescheduleLocal: '' },
  },
};

/** A reschedule time that has already passed is refused. */
export const ReschedulePast: Story = {
  args: { ...Reschedule.args, interactionId: 'story-reschedule-past', draft: { selection: ['contacted', 'callback'], comment: '', rescheduleLocal: '2020-01-01T10:00' } },
};

/** No dispositions and still active: Close waits for the interaction to finish. */
export const NoDispositionsActive: Story = { args: { interactionId: 'story-none-active', campaignConfig: noDispositions } };

/** No dispositions, finished: just Close. */
export const NoDispositionsFinished: Story = {
  args: { interactionId: 'story-none', interactionStatus: 'finished', campaignConfig: noDispositions },
};

/** Closed: a read-only summary of what was saved. */
export const Closed: Story = {
  args: {
    interactionId: 'story-closed',
    interactionStatus: 'closed',
    draft: {
      selection: ['contacted', 'sale', 'card'],
      comment: 'Premium plan',
      saved: {
        path: [
          { id: 'contacted', label: 'Contacted' },
          { id: 'sale', label: 'Sale' },
          { id: 'card', label: 'Card' },
        ],
        comment: 'Premium plan',
        close: true,
        savedAt: Date.now(),
      },
    },
  },
};

/** The campaign looked up by id in the source (an in-memory local source). */
export const FromSource: Story = {
  args: {
    interactionId: 'story-source',
    campaignConfig: undefined,
    campaign: 'hub',
    source: createLocalSource({ campaigns: [sales, outboundHub], persist: false }),
  },
};

/** A local source whose campaign list fails, as an unreachable CRM would. */
const unreachable: CrmSource = Object.assign(Object.create(createLocalSource({ persist: false })) as CrmSource, {
  listCampaigns: () => Promise.reject(new CrmError('unavailable', 'The CRM cannot be reached right now.')),
});

/** The campaign cannot be loaded: a message with Retry; what was chosen is kept. */
export const LoadError: Story = {
  args: { interactionId: 'story-error', campaignConfig: undefined, campaign: 'sales', source: unreachable },
};

/** Spanish (the toolbar's locale switch shows the rest). */
export const Spanish: Story = {
  args: { interactionId: 'story-es', interactionStatus: 'finished' },
  render: (args, context) => html`<div lang="es">${meta.render!(args, context)}</div>`,
};
