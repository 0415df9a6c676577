import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-contact-history.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { DEMO_FIXTURES } from '../src/data/demo-data.js';
import { storyContacts, storySimulator, unreachable } from './workspace-samples.js';

interface Args {
  lang?: string;
  contactId?: string;
}
interface Loaded {
  interactions: InteractionSource;
}

const CONTACT = DEMO_FIXTURES.uruguayMobile.contact.id;

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-contact-history',
  component: 'ucrm-contact-history',
  args: { contactId: CONTACT },
  render: ({ lang, contactId }, { loaded }) => html`<ucrm-contact-history
    style="max-width: 28rem"
    lang=${lang ?? ''}
    contact-id=${contactId ?? ''}
    page-size="3"
    .interactions=${(loaded as Loaded).interactions}
    .source=${storyContacts()}
  ></ucrm-contact-history>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Four interactions with the contact (one with a conversation and a disposition); three per page. */
async function withHistory() {
  const interactions = storySimulator();
  for (const [channel, campaign] of [['whatsapp', 'sales'], ['phone', 'support'], ['webchat', 'support'], ['email', 'support']] as const) {
    const i = (await interactions.simulateInbound({ channel, campaign, clientId: `story-${channel}`, ...(channel === 'phone' ? {} : { text: `Hola por ${channel}` }) }))!;
    await interactions.linkContact(i.id, CONTACT);
  }
  return { interactions };
}

export const Paged: Story = { loaders: [withHistory] };
export const Empty: Story = { args: { contactId: 'nobody' }, loaders: [async () => ({ interactions: storySimulator() })] };
export const ServerDown: Story = { loaders: [async () => ({ interactions: unreachable((await withHistory()).interactions, 'history') })] };
export const Spanish: Story = { args: { lang: 'es' }, loaders: [withHistory] };
export const Portuguese: Story = { args: { lang: 'pt' }, loaders: [withHistory] };
