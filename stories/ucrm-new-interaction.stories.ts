import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ComposerAgent, ComposerChannel } from '../src/core/composer/index.js';
import type { ComposerDraft } from '../src/core/composer/index.js';
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import type { CrmSource } from '../src/data/source.js';
import '../src/define/ucrm-new-interaction.js';
import type { UcrmNewInteraction } from '../src/define/ucrm-new-interaction.js';
import { clearDraft, saveDraft } from '../src/state/composer-drafts.js';
import { sampleAgent, sampleCampaigns } from './ucrm-new-interaction-samples.js';

interface Args {
  open: boolean;
  channel?: ComposerChannel;
  lang: string;
  agentId: string;
  agent?: ComposerAgent;
  campaigns?: Campaign[];
  source?: CrmSource;
  /** A draft stored before the story renders (what a reload would find). */
  draft?: ComposerDraft;
}

const composer = (canvas: HTMLElement) => canvas.querySelector('ucrm-new-interaction') as UcrmNewInteraction;
const part = (el: UcrmNewInteraction, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`)!;

/** Clicks "Start new interaction" once the element has rendered. */
async function clickStart(canvas: HTMLElement): Promise<UcrmNewInteraction> {
  const el = composer(canvas);
  await el.updateComplete;
  part(el, 'start-button').click();
  await el.updateComplete;
  return el;
}

const meta: Meta<Args> = {
  title: 'Outbound/ucrm-new-interaction',
  component: 'ucrm-new-interaction',
  args: { open: true, lang: 'en', agentId: 'story-agent', agent: sampleAgent, campaigns: sampleCampaigns },
  argTypes: {
    channel: { control: 'inline-radio', options: [undefined, 'phone', 'whatsapp', 'sms', 'email'] },
    lang: { control: 'inline-radio', options: ['en', 'es', 'pt'] },
  },
  render: ({ open, channel, lang, agentId, agent, campaigns, source, draft }) => {
    if (channel) {
      if (draft) saveDraft(agentId, channel, draft);
      else clearDraft(agentId, channel);
    }
    return html`<ucrm-new-interaction
      ?open=${open}
      channel=${ifDefined(channel)}
      lang=${lang}
      agent-id=${agentId}
      .agent=${agent}
      .campaigns=${campaigns}
      .source=${source}
      @ucrm-interaction-start=${(e: Event) => console.info('ucrm-interaction-start', (e as CustomEvent).detail)}
    ></ucrm-new-interaction>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Closed: only the "New" button. */
export const Closed: Story = { args: { open: false } };

/** Open, no channel chosen yet. */
export const ChooseChannel: Story = {};

export const Phone: Story = { args: { channel: 'phone', draft: { campaignId: 'uy-sales', to: '099123456#12' } } };

export const PhoneTooFewDigits: Story = {
  args: { channel: 'phone', draft: { campaignId: 'uy-sales', to: '12*3' } },
  play: async ({ canvasElement }) => void (await clickStart(canvasElement)),
};

export const WhatsAppTemplate: Story = {
  args: {
    channel: 'whatsapp',
    draft: { campaignId: 'uy-sales', to: '099123456', templateId: 'welcome', variables: { '1': 'Ana' } },
  },
};

/** Free text cannot open a WhatsApp conversation: refused with the reason. */
export const WhatsAppFreeTextRefused: Story = {
  args: { channel: 'whatsapp', draft: { campaignId: 'uy-sales', to: '099123456', message: 'Hi! Can we talk?' } },
  play: async ({ canvasElement }) => void (await clickStart(canvasElement)),
};

export const WhatsAppInvalidNumber: Story = {
  args: { channel: 'whatsapp', draft: { campaignId: 'br-support', to: '12', templateId: 'oi', variables: { '1': 'Ana' } } },
  play: async ({ canvasElement }) => void (await clickStart(canvasElement)),
};

/** A file over the provider's limit and one of a refused type, rejected at selection. */
export const AttachmentRejected: Story = {
  args: { channel: 'whatsapp', draft: { campaignId: 'uy-sales', to: '099123456' } },
  play: async ({ canvasElement }) => {
    const el = composer(canvasElement);
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#files')!;
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(8_000_000)], 'photo.jpg'));
    files.items.add(new File([new Uint8Array(8_000_001)], 'poster.png'));
    files.items.add(new File(['MZ'], 'setup.exe'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
  },
};

/** The browser refuses the microphone (simulated). */
export const MicrophoneDenied: Story = {
  args: { channel: 'whatsapp', draft: { campaignId: 'uy-sales' } },
  play: async ({ canvasElement }) => {
    const el = composer(canvasElement);
    await el.updateComplete;
    const original = navigator.mediaDevices?.getUserMedia;
    if (navigator.mediaDevices) navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
    part(el, 'voice-record').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (navigator.mediaDevices && original) navigator.mediaDevices.getUserMedia = original;
  },
};

export const SmsGsm7: Story = {
  args: { channel: 'sms', draft: { campaignId: 'uy-sales', to: '099123456', message: 'Hola! Su pedido fue enviado. Gracias por su compra.' } },
};

/** One accented character switches the whole message to UCS-2 (70 per segment). */
export const SmsUnicode: Story = {
  args: { channel: 'sms', draft: { campaignId: 'uy-sales', to: '099123456', message: 'Olá! Seu pedido foi enviado 📦 — obrigado pela compra.' } },
};

export const SmsMissingMessage: Story = {
  args: { channel: 'sms', draft: { campaignId: 'uy-sales', to: '099123456' } },
  play: async ({ canvasElement }) => void (await clickStart(canvasElement)),
};

/** Email with the campaign's signature, CC/BCC chips and the rich text editor. */
export const Email: Story = {
  args: { channel: 'email', draft: { campaignId: 'uy-sales', to: 'ana@example.com', subject: 'Your quote', cc: ['boss@example.com'] } },
};

export const EmailErrors: Story = {
  args: { channel: 'email', draft: { campaignId: 'uy-sales', to: 'ana@', cc: ['ok@example.com'] } },
  play: async ({ canvasElement }) => void (await clickStart(canvasElement)),
};

/** The host could not start the interaction: the reason is shown, nothing is lost. */
export const StartFailed: Story = {
  args: { channel: 'phone', draft: { campaignId: 'uy-sales', to: '099123456' } },
  play: async ({ canvasElement }) => (await clickStart(canvasElement)).failed('The trunk is busy, try again in a minute.'),
};

/** Waiting for the host to confirm. */
export const Starting: Story = {
  args: { channel: 'phone', draft: { campaignId: 'uy-sales', to: '099123456' } },
  play: async ({ canvasElement }) => void (await clickStart(canvasElement)),
};

export const NoPermission: Story = { args: { agent: { id: 'story-agent', campaigns: [{ id: 'uy-sales', outbound: [] }] } } };

export const NotAMember: Story = { args: { agent: { id: 'story-agent', campaigns: [] } } };

export const CampaignsUnavailable: Story = {
  args: {
    campaigns: undefined,
    source: { listCampaigns: () => Promise.reject(new CrmError('unavailable', 'The CRM cannot be reached right now.')) } as unknown as CrmSource,
  },
};

export const Spanish: Story = { args: { lang: 'es', channel: 'sms', draft: { campaignId: 'uy-sales', to: '099123456', message: 'Hola' } } };

export const Portuguese: Story = { args: { lang: 'pt', channel: 'email', draft: { campaignId: 'uy-sales' } } };
