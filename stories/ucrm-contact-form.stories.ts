import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ContactDraft, CustomSection } from '../src/core/types.js';
import type { UcrmContactForm } from '../src/components/ucrm-contact-form/ucrm-contact-form.js';
import '../src/define/ucrm-contact-form.js';
import { sampleSections } from './ucrm-contact-samples.js';

interface Args {
  sections: CustomSection[];
  initial: ContactDraft;
  busy: boolean;
  submitLabel?: string;
}

const meta: Meta<Args> = {
  title: 'Contacts/ucrm-contact-form',
  component: 'ucrm-contact-form',
  args: { sections: [], initial: {}, busy: false },
  render: ({ sections, initial, busy, submitLabel }) =>
    html`<ucrm-contact-form
      .sections=${sections}
      .initial=${initial}
      ?busy=${busy}
      submit-label=${submitLabel ?? ''}
      @ucrm-contact-submit=${(e: Event) => console.info('ucrm-contact-submit', (e as CustomEvent).detail)}
    ></ucrm-contact-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing known yet. */
export const Empty: Story = {};

/** A phone call or WhatsApp from an unknown number: the ClientID is the phone. */
export const PrefilledPhone: Story = { args: { initial: { phones: ['+59899123456'] } } };

/** An email from an unknown address. */
export const PrefilledEmail: Story = { args: { initial: { emails: ['new.customer@example.com'] } } };

/** An Instagram message: the channel identity is shown read-only. */
export const PrefilledInstagram: Story = {
  args: { initial: { identities: [{ kind: 'instagram', value: 'ana.ig' }] } },
};

/** The campaign's custom sections, every field type. */
export const WithSections: Story = {
  args: { sections: sampleSections, initial: { phones: ['+59899123456'] } },
};

/** Submitted empty: messages next to the fields, focus on the first one. */
export const Invalid: Story = {
  args: { sections: sampleSections },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('ucrm-contact-form') as UcrmContactForm;
    await form.updateComplete;
    (form.shadowRoot!.querySelector('[part~=submit]') as HTMLButtonElement).click();
  },
};

/** Submitted with only the ClientID: no contact is created until the agent names it or picks "Create without name". */
export const NameRequired: Story = {
  args: { initial: { phones: ['+59899123456'] } },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('ucrm-contact-form') as UcrmContactForm;
    await form.updateComplete;
    (form.shadowRoot!.querySelector('[part~=submit]') as HTMLButtonElement).click();
  },
};

/** "Create without name" with nothing to find the contact by: it asks for a phone or an email. */
export const UnnamedNeedsIdentity: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('ucrm-contact-form') as UcrmContactForm;
    await form.updateComplete;
    (form.shadowRoot!.querySelector('[part~=create-unnamed]') as HTMLButtonElement).click();
  },
};

/** The owner is creating the contact: submit disabled, progress shown, values kept. */
export const Busy: Story = {
  args: { busy: true, initial: { firstName: 'Ana', lastName: 'Pérez', phones: ['+59899123456'] } },
};

/** The owner names the action. */
export const CustomSubmitLabel: Story = {
  args: { submitLabel: 'Create and link to this call', initial: { phones: ['+59899123456'] } },
};

/** Spanish labels and messages (`lang="es"`). */
export const Spanish: Story = {
  args: { sections: sampleSections },
  render: ({ sections }) => html`<div lang="es"><ucrm-contact-form .sections=${sections}></ucrm-contact-form></div>`,
};
