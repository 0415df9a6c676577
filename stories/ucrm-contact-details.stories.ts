import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CrmError } from '../src/core/errors.js';
import type { Contact } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { ContactSyncStatus, CrmSource } from '../src/data/source.js';
import '../src/define/ucrm-contact-details.js';
import { sampleContact, sampleSections } from './ucrm-contact-samples.js';

interface Args {
  contactId: string;
  author: string;
  lang: string;
  contacts: Contact[];
  /** Saves fail, to show the error with its retry. */
  failing: boolean;
  /** Third-party CRM sync status the source reports (as a REST source does); `down`: the status request fails. */
  sync?: ContactSyncStatus[] | 'down';
}

const twin = sampleContact({
  id: 'c-1002',
  firstName: 'María',
  lastName: 'Núñez',
  phones: ['099 123 456'],
  emails: [],
  identities: [],
  tags: ['Newsletter'],
  notes: [],
});
const other = sampleContact({ id: 'c-2000', firstName: 'Luis', lastName: 'Pérez', phones: [], emails: [], identities: [], tags: ['Lead', 'Promo'] });

/** An in-memory local source per story, so edits in one story never leak into another. */
function storySource(contacts: Contact[], failing: boolean, sync?: Args['sync']): CrmSource {
  const local = createLocalSource({ persist: false, contacts, sections: sampleSections, defaultRegion: 'UY' });
  const source = sync ? withSync(local, sync) : local;
  if (!failing) return source;
  const down = () => Promise.reject(new CrmError('unavailable', 'The CRM cannot be reached right now.'));
  return Object.assign(Object.create(source) as typeof source, { updateContact: down, addIdentity: down, addNote: down, setBlocked: down });
}

/** The local source with the REST source's sync status methods; Retry delivers at once. */
function withSync<T extends CrmSource>(source: T, sync: ContactSyncStatus[] | 'down'): T {
  let items = sync === 'down' ? [] : sync;
  return Object.assign(Object.create(source) as T, {
    syncStatus: () =>
      sync === 'down' ? Promise.reject(new CrmError('unavailable', 'GET /contacts/c-1001/sync answered 503')) : Promise.resolve(items),
    retrySync: (_id: string, crm: string) => {
      items = items.map((item) =>
        item.crm === crm ? { ...item, state: 'synced' as const, error: undefined, syncedAt: new Date().toISOString() } : item,
      );
      return Promise.resolve();
    },
  });
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const syncStates: ContactSyncStatus[] = [
  { crm: 'hubspot', label: 'HubSpot', state: 'synced', externalId: '51', url: 'https://app.hubspot.com/contacts/1/record/0-1/51', syncedAt: ago(2), attempts: 1 },
  { crm: 'salesforce', label: 'Salesforce', state: 'pending', attempts: 0 },
  { crm: 'zoho', label: 'Zoho CRM', state: 'failed', error: 'MANDATORY_NOT_FOUND: required field not found (Last_Name)', attempts: 5 },
];

const meta: Meta<Args> = {
  title: 'Contact management/ucrm-contact-details',
  component: 'ucrm-contact-details',
  args: { contactId: 'c-1001', author: 'Carla Ruiz', lang: 'en', contacts: [sampleContact(), other], failing: false },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'es', 'pt'] } },
  render: ({ contactId, author, lang, contacts, failing, sync }) =>
    html`<ucrm-contact-details
      lang=${lang}
      contact-id=${contactId}
      author=${author}
      default-region="UY"
      .source=${storySource(contacts, failing, sync)}
    ></ucrm-contact-details>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A contact: properties and custom fields, identities per channel, tags with suggestions, notes, status. */
export const Default: Story = {};

/** Another contact shares a phone (in another format): the potential duplicates prompt links to merge. */
export const PotentialDuplicates: Story = { args: { contacts: [sampleContact(), twin, other] } };

/** Blocked and unsubscribed from email: badges, notes, and the buttons to undo. */
export const BlockedAndUnsubscribed: Story = {
  args: { contacts: [sampleContact({ blocked: true, unsubscribed: true }), other] },
};

/** No notes, tags or identities yet. */
export const Bare: Story = {
  args: {
    contacts: [sampleContact({ phones: [], emails: [], identities: [], tags: [], notes: [], custom: {} }), other],
  },
};

/** No contact-id: asks for a contact. */
export const NoContact: Story = { args: { contactId: '' } };

/** A contact-id that does not exist: the error, with a retry. */
export const NotFound: Story = { args: { contactId: 'missing' } };

/** The source fails on save: the error is shown with a retry, and everything typed stays. */
export const SaveFails: Story = { args: { failing: true } };

/** In Spanish. */
export const Spanish: Story = { args: { lang: 'es', contacts: [sampleContact(), twin, other] } };

/** In Portuguese. */
export const Portuguese: Story = { args: { lang: 'pt' } };

/** Synced to other CRMs (a REST source of a server with CRM sync): synced with a link, pending, failed with Retry. */
export const SyncStatus: Story = { args: { sync: syncStates } };

/** The sync status could not be loaded: the message in the Sync section, with a retry. */
export const SyncStatusDown: Story = { args: { sync: 'down' } };

/** The sync states in Spanish. */
export const SyncStatusSpanish: Story = { args: { lang: 'es', sync: syncStates } };
