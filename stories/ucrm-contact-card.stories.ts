import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { blankContactBody } from '../src/core/contacts/index.js';
import type { Contact, CustomSection, Identity } from '../src/core/types.js';
import { fullViewImport } from '../src/components/ucrm-contact-card/ucrm-contact-card.js';
import '../src/define/ucrm-contact-card.js';
import { sampleContact, sampleSections } from './ucrm-contact-samples.js';

interface Args {
  view: string;
  contact: Contact;
  sections: CustomSection[];
  highlight?: Identity;
}

const meta: Meta<Args> = {
  title: 'Contacts/ucrm-contact-card',
  component: 'ucrm-contact-card',
  args: { view: 'reduced', contact: sampleContact(), sections: sampleSections },
  argTypes: { view: { control: 'inline-radio', options: ['reduced', 'full'] } },
  render: ({ view, contact, sections, highlight }) =>
    html`<ucrm-contact-card
      view=${view}
      .contact=${contact}
      .sections=${sections}
      .highlight=${highlight}
    ></ucrm-contact-card>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The screen pop's default and first paint: name, identities, tags, lead stage, the campaign's sections read-only (collapsed). */
export const Reduced: Story = {};

/** All properties, notes and expanded sections (properties and notes load on demand, the first time a full view shows). */
export const Full: Story = { args: { view: 'full' } };

/** Replaces how the full view's part is fetched for one story; the returned cleanup puts it back. */
function holdFullView(load: typeof fullViewImport.load) {
  return () => {
    const real = fullViewImport.load;
    fullViewImport.load = load;
    return () => void (fullViewImport.load = real);
  };
}

/** Full view while its properties and notes are on their way: the reduced view is there, a line says the rest is loading, the card is `aria-busy`. */
export const FullViewLoading: Story = { args: { view: 'full' }, beforeEach: holdFullView(() => new Promise(() => {})) };

/** The full view's part could not be fetched: the card stays, with a message and Retry (which fetches it again). */
export const FullViewFailed: Story = {
  args: { view: 'full' },
  beforeEach: holdFullView(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
};

/** A blocked contact carries a badge. */
export const Blocked: Story = { args: { contact: sampleContact({ blocked: true, leadStage: 'Lead' }) } };

/** No name: the first phone stands in for it. */
export const NoName: Story = {
  args: { contact: sampleContact({ firstName: '', lastName: '', tags: [], leadStage: undefined }) },
};

/** Nothing to name the contact by at all. */
export const Anonymous: Story = {
  args: {
    view: 'full',
    contact: sampleContact({ ...blankContactBody(), leadStage: undefined, owner: undefined }),
    sections: [],
  },
};

/** The interaction's ClientID (a WhatsApp number, here in another format) is emphasised. */
export const HighlightedClientId: Story = {
  args: { highlight: { kind: 'phone', value: '+55 11 98765-4321' } },
};

/** Host buttons in the `actions` slot. */
export const WithActions: Story = {
  render: ({ view, contact, sections }) =>
    html`<ucrm-contact-card view=${view} .contact=${contact} .sections=${sections}>
      <button slot="actions" type="button">Edit</button>
      <button slot="actions" type="button">Call</button>
    </ucrm-contact-card>`,
};

/** Markup in contact data is shown as text, never run. */
export const MarkupAsText: Story = {
  args: {
    view: 'full',
    contact: sampleContact({
      firstName: '<img src=x onerror=alert(1)>',
      notes: [{ id: 'x', text: '<script>alert(1)</script>', author: '<b>Eve</b>', createdAt: '2026-01-01T00:00:00Z' }],
    }),
  },
};

/** An unknown `view` value: a visible message, and the card still shows (reduced). */
export const BadViewAttribute: Story = { args: { view: 'compact' } };

/** Spanish labels and dates (`lang="es"`). */
export const Spanish: Story = {
  args: { view: 'full' },
  render: ({ view, contact, sections }) =>
    html`<div lang="es">
      <ucrm-contact-card view=${view} .contact=${contact} .sections=${sections}></ucrm-contact-card>
    </div>`,
};

/** Themed through the documented custom properties and parts; `light-dark()` gives each colour its dark-theme value. */
export const Themed: Story = {
  render: ({ view, contact, sections }) =>
    html`<style>
        .themed {
          --ucrm-contact-card-background: light-dark(#f0f7ff, #0a2540);
          --ucrm-contact-card-chip-background: light-dark(#dbeafe, #1a3f6b);
          --ucrm-contact-card-name-size: 1.5rem;
        }
      </style>
      <ucrm-contact-card class="themed" view=${view} .contact=${contact} .sections=${sections}></ucrm-contact-card>`,
};
