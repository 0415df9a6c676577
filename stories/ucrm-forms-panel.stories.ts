import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-forms-panel.js';
import type { Campaign } from '../src/core/types.js';
import { CAMPAIGNS, storyContacts } from './workspace-samples.js';

interface Args {
  lang?: string;
  campaign?: string;
  interactionId?: string;
  expanded?: boolean;
}

/** An external form with no valid address (javascript:), for the error state. */
const BROKEN: Campaign = { id: 'broken', name: 'Broken', channels: ['webchat'], outboundChannels: [], form: { kind: 'url', url: 'javascript:alert(1)', name: 'Survey' } };
const NONE: Campaign = { id: 'none', name: 'No form', channels: ['webchat'], outboundChannels: [] };

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-forms-panel',
  component: 'ucrm-forms-panel',
  args: { campaign: 'support', interactionId: 'int-story' },
  render: ({ lang, campaign, interactionId, expanded }) => html`<ucrm-forms-panel
    style="max-width: 26rem; height: 36rem"
    lang=${lang ?? ''}
    campaign=${campaign ?? ''}
    interaction-id=${interactionId ?? ''}
    agent-id="story-agent"
    open
    ?expanded=${expanded}
    .source=${storyContacts()}
    .campaigns=${[...CAMPAIGNS, BROKEN, NONE]}
    @ucrm-form-submit=${(e: CustomEvent) => console.info('ucrm-form-submit', e.detail)}
  ></ucrm-forms-panel>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Support's mandatory form (custom sections): typing is kept as a draft; Save checks required fields. */
export const MandatorySections: Story = {};
/** Full screen. */
export const Expanded: Story = { args: { expanded: true } };
/** An external form (Vendas Brasil) in its sandboxed frame. */
export const ExternalUrl: Story = { args: { campaign: 'vendas-br' } };
/** An external form whose address is not http(s): refused with a message. */
export const BadUrl: Story = { args: { campaign: 'broken' } };
/** A campaign without a form. */
export const NoForm: Story = { args: { campaign: 'none' } };
export const Spanish: Story = { args: { lang: 'es' } };
export const Portuguese: Story = { args: { lang: 'pt' } };
