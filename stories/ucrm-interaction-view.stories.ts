import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CrmSource } from '../src/data/source.js';
import { DEMO_INTERACTIONS } from '../src/data/demo-data.js';
import { fullViewImport } from '../src/components/ucrm-contact-card/ucrm-contact-card.js';
import '../src/define/ucrm-interaction-view.js';
import { demoSource, failingSource, memoryOnlySource, pendingSource } from './screen-pop-samples.js';

interface Args {
  contactId?: string;
  clientId?: string;
  channel?: string;
  campaign?: string;
  view: string;
  defaultRegion?: string;
  autoCreate: boolean;
  source?: CrmSource;
}

const meta: Meta<Args> = {
  title: 'Screen pop/ucrm-interaction-view',
  component: 'ucrm-interaction-view',
  args: { view: 'reduced', autoCreate: false, defaultRegion: 'UY' },
  argTypes: {
    view: { control: 'inline-radio', options: ['reduced', 'full'] },
    channel: {
      control: 'select',
      options: ['phone', 'whatsapp', 'sms', 'email', 'webchat', 'instagram', 'messenger', 'telegram'],
    },
  },
  render: ({ contactId, clientId, channel, campaign, view, defaultRegion, autoCreate, source }) =>
    html`<ucrm-interaction-view
      contact-id=${contactId ?? ''}
      client-id=${clientId ?? ''}
      channel=${channel ?? 'phone'}
      campaign=${campaign ?? ''}
      view=${view}
      default-region=${defaultRegion ?? ''}
      ?auto-create=${autoCreate}
      .source=${source ?? demoSource()}
      style="max-width: 40rem"
    ></ucrm-interaction-view>`,
};
export default meta;

type Story = StoryObj<Args>;
const ring = (context: { contactId?: string; clientId?: string; channel: string; campaign?: string }) => ({ ...context });

/** `contact`: a known ContactID shows the contact at once. */
export const Contact: Story = { args: ring(DEMO_INTERACTIONS.knownContactId) };

/** `contact`, full view: every property, notes, sections expanded (properties and notes load on demand after the first paint). */
export const ContactFull: Story = { args: { ...ring(DEMO_INTERACTIONS.knownContactId), view: 'full' } };

/** Replaces how the card's full view part is fetched for one story; the returned cleanup puts it back. */
function holdFullView(load: typeof fullViewImport.load) {
  return () => {
    const real = fullViewImport.load;
    fullViewImport.load = load;
    return () => void (fullViewImport.load = real);
  };
}

/** `contact`, full view, its properties and notes still on their way: the pop shows the reduced view and the campaign's sections at once. */
export const ContactFullLoading: Story = {
  args: { ...ring(DEMO_INTERACTIONS.knownContactId), view: 'full' },
  beforeEach: holdFullView(() => new Promise(() => {})),
};

/** `contact`, full view whose part could not be fetched: the contact stays, the card says so with Retry. */
export const ContactFullFailed: Story = {
  args: { ...ring(DEMO_INTERACTIONS.knownContactId), view: 'full' },
  beforeEach: holdFullView(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
};

/** `contact` found by a phone written another way ("(099) 555-123" with region UY). */
export const PhoneInAnotherFormat: Story = { args: ring(DEMO_INTERACTIONS.uniquePhoneOtherFormat) };

/** `contact` through an equivalence rule: the view says how it matched. */
export const BrazilNinthDigit: Story = { args: ring(DEMO_INTERACTIONS.brazilNinthDigit) };

/** `candidates`: a shared family phone; each candidate says why it matched. */
export const Candidates: Story = { args: ring(DEMO_INTERACTIONS.sharedPhone) };

/** `create`: an unknown WhatsApp number, pre-filled in the form. */
export const Create: Story = { args: ring(DEMO_INTERACTIONS.unknownWhatsApp) };

/** `create` for an unknown email. */
export const CreateFromEmail: Story = { args: ring(DEMO_INTERACTIONS.unknownEmail) };

/** An invalid ClientID: said plainly; search and create are still offered. */
export const InvalidClientId: Story = { args: ring(DEMO_INTERACTIONS.invalidNumber) };

/** `auto-create`: an anonymous web chat visitor becomes a contact with a friendly name. */
export const AutoCreateWebChat: Story = { args: { ...ring(DEMO_INTERACTIONS.anonymousWebchat), autoCreate: true } };

/** `idle`: no interaction; the manual search is the view. */
export const Idle: Story = { args: {} };

/** `loading`: a skeleton the size of the card, so nothing jumps. */
export const Loading: Story = { args: { ...ring(DEMO_INTERACTIONS.knownContactId), source: pendingSource() } };

/** `error`: the CRM is unreachable; the message comes with Retry. */
export const ErrorState: Story = {
  name: 'Error',
  args: { ...ring(DEMO_INTERACTIONS.knownContactId), source: failingSource() },
};

/** `search`: "Search another contact" opened from the contact state. */
export const Search: Story = {
  args: ring(DEMO_INTERACTIONS.uniquePhoneOtherFormat),
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector('ucrm-interaction-view')!;
    await until(() => view.state === 'contact');
    view.shadowRoot!.querySelector<HTMLButtonElement>('[part=search-button]')!.click();
  },
};

/** `create` from the candidates: the agent chose "None of these — create a new contact"; the ClientID is pre-filled and "Back to the matching contacts" returns. */
export const CreateInsteadOfCandidates: Story = {
  args: ring(DEMO_INTERACTIONS.sharedPhone),
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector('ucrm-interaction-view')!;
    await until(() => view.state === 'candidates');
    await view.updateComplete;
    const matcher = view.shadowRoot!.querySelector('contact-matcher')!;
    await until(() => !!matcher.shadowRoot?.querySelector('[part~=option-create]'));
    matcher.shadowRoot!.querySelector<HTMLElement>('[part~=option-create]')!.click();
  },
};

/** Polls a condition for a play function (the demo source answers asynchronously). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 20));
}

/**
 * `search` with the assign question: an unknown ClientID, and the agent picked
 * a searched contact that does not hold it ("Assign … to …?"). Nothing is assigned.
 */
export const AssignQuestion: Story = {
  args: ring(DEMO_INTERACTIONS.unknownWhatsApp),
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector('ucrm-interaction-view')!;
    await until(() => view.state === 'create');
    view.shadowRoot!.querySelector<HTMLButtonElement>('[part=search-button]')!.click();
    await view.updateComplete;
    const matcher = view.shadowRoot!.querySelector('contact-matcher')!;
    matcher.query = 'Martín González';
    const option = () => matcher.shadowRoot!.querySelector<HTMLElement>('[role=option]');
    await until(() => !!option());
    option()!.click();
  },
};

/** The storage was blocked: a non-blocking notice; everything works from memory. */
export const MemoryOnly: Story = { args: { ...ring(DEMO_INTERACTIONS.knownContactId), source: memoryOnlySource() } };

/** An unknown channel: reported in the element, which keeps working as a phone call. */
export const BadChannel: Story = { args: { clientId: '+598 99 555 123', channel: 'fax' } };

/** Spanish (set the toolbar locale for Portuguese). */
export const Spanish: Story = {
  args: ring(DEMO_INTERACTIONS.sharedPhone),
  render: (args, context) => html`<div lang="es">${meta.render!(args, context)}</div>`,
};
