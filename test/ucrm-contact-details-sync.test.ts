/**
 * The Sync section of <ucrm-contact-details> (issue 22): where the contact
 * stands in each third-party CRM, Retry for a failed delivery, and no section
 * for a source without sync. The source is the local one with the two sync
 * methods added (as the REST source has them); the REST source's own calls
 * are checked against a fake fetch at the end.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-contact-details.js';
import type { UcrmContactDetails } from '../src/components/ucrm-contact-details/ucrm-contact-details.js';
import { CrmError } from '../src/core/errors.js';
import { createLocalSource, type LocalSource } from '../src/data/local-source.js';
import { createRestSource } from '../src/data/rest-source.js';
import { contactSyncOf, type ContactSyncStatus, type CrmSource } from '../src/data/source.js';
import type { UcrmErrorEvent } from '../src/events.js';
import { blankContact } from './support/contacts.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function statuses(): ContactSyncStatus[] {
  return [
    {
      crm: 'hubspot',
      label: 'HubSpot',
      state: 'synced',
      externalId: '51',
      url: 'https://app.hubspot.com/contacts/1/record/0-1/51',
      syncedAt: minutesAgo(2.5),
      attempts: 1,
    },
    { crm: 'salesforce', label: 'Salesforce', state: 'pending', attempts: 0 },
    { crm: 'zoho', label: 'Zoho CRM', state: 'failed', error: 'MANDATORY_NOT_FOUND: required field not found (Last_Name)', attempts: 5 },
  ];
}

interface SyncFake {
  source: LocalSource;
  items: ContactSyncStatus[];
  retries: Array<[string, string]>;
  fail?: Error;
  statusCalls: number;
}

async function syncSource(): Promise<SyncFake> {
  const local = createLocalSource({
    persist: false,
    contacts: [blankContact({ id: 'ana', firstName: 'Ana', lastName: 'Souza', emails: ['ana@example.com'] })],
  });
  await local.ready;
  const fake: SyncFake = { source: local, items: statuses(), retries: [], statusCalls: 0 };
  Object.assign(local, {
    async syncStatus(contactId: string) {
      fake.statusCalls += 1;
      if (fake.fail) throw fake.fail;
      return contactId === 'ana' ? structuredClone(fake.items) : [];
    },
    async retrySync(contactId: string, crm: string) {
      fake.retries.push([contactId, crm]);
      // The server delivers at once in this fake: the next status says synced.
      fake.items = fake.items.map((item) =>
        item.crm === crm ? { ...item, state: 'synced', error: undefined, syncedAt: new Date().toISOString(), attempts: item.attempts + 1 } : item,
      );
    },
  });
  return fake;
}

async function mount(src: CrmSource, lang = 'en') {
  const el = await fixture<UcrmContactDetails>(
    html`<ucrm-contact-details lang=${lang} .source=${src} contact-id="ana"></ucrm-contact-details>`,
  );
  await waitUntil(() => el.state === 'ready', 'loaded');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: UcrmContactDetails, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const item = (el: UcrmContactDetails, crm: string) => $(el, `[part~="sync-item"][data-crm="${crm}"]`);

describe('<ucrm-contact-details>: third-party CRM sync', () => {
  it('lists each CRM: synced with when and a link, pending, failed with the reason and Retry', async () => {
    const fake = await syncSource();
    const el = await mount(fake.source);
    await waitUntil(() => $(el, '[part="sync-list"]'), 'sync list');
    expect(text($(el, '#sync-title'))).to.equal('Sync');
    expect(text(item(el, 'hubspot'))).to.equal('Synced to HubSpot · 2 minutes ago · Open in HubSpot');
    const link = item(el, 'hubspot')!.querySelector('a')!;
    expect(link.href).to.equal('https://app.hubspot.com/contacts/1/record/0-1/51');
    expect(link.target).to.equal('_blank');
    expect(item(el, 'hubspot')!.querySelector('time')!.getAttribute('datetime')).to.equal(fake.items[0]!.syncedAt);
    expect(text(item(el, 'salesforce'))).to.equal('Sync to Salesforce pending');
    expect(text(item(el, 'zoho'))).to.equal(
      'Sync to Zoho CRM failed: MANDATORY_NOT_FOUND: required field not found (Last_Name) · Retry',
    );
    expect(item(el, 'zoho')!.querySelector('button')!.getAttribute('aria-label')).to.equal('Retry the sync to Zoho CRM');
    expect(item(el, 'salesforce')!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('Retry asks the source again, shows the new status and announces it', async () => {
    const fake = await syncSource();
    const el = await mount(fake.source);
    await waitUntil(() => item(el, 'zoho'), 'zoho listed');
    item(el, 'zoho')!.querySelector<HTMLButtonElement>('[part="sync-retry"]')!.click();
    await waitUntil(() => item(el, 'zoho')?.getAttribute('data-state') === 'synced', 'zoho synced');
    expect(fake.retries).to.deep.equal([['ana', 'zoho']]);
    expect(text(item(el, 'zoho'))).to.equal('Synced to Zoho CRM · now');
    await waitUntil(() => text($(el, '[part="status"]')).includes('Synced to Zoho CRM'), 'announced');
    await expect(el).to.be.accessible();
  });

  it('a failed retry keeps the status, says so with a retry and fires ucrm-error', async () => {
    const fake = await syncSource();
    const el = await mount(fake.source);
    await waitUntil(() => item(el, 'zoho'), 'zoho listed');
    (fake.source as unknown as { retrySync: () => Promise<void> }).retrySync = async () => {
      throw new CrmError('unavailable', 'POST /contacts/ana/sync/zoho/retry answered 503');
    };
    const event = oneEvent(el, 'ucrm-error') as Promise<UcrmErrorEvent>;
    item(el, 'zoho')!.querySelector<HTMLButtonElement>('[part="sync-retry"]')!.click();
    const { detail } = await event;
    expect(detail.operation).to.equal('sync-retry');
    await waitUntil(() => $(el, '[part="error"]'), 'problem shown');
    expect($(el, '[part="retry-button"]')).not.to.equal(null);
    expect(item(el, 'zoho')!.getAttribute('data-state')).to.equal('failed');
  });

  it('a failing status request shows a message in the section and fires ucrm-error; its retry loads it', async () => {
    const fake = await syncSource();
    fake.fail = new CrmError('unavailable', 'GET /contacts/ana/sync answered 503');
    const el = await fixture<UcrmContactDetails>(html`<ucrm-contact-details .source=${fake.source} contact-id="ana"></ucrm-contact-details>`);
    const { detail } = (await oneEvent(el, 'ucrm-error')) as UcrmErrorEvent;
    expect(detail).to.include({ operation: 'sync-status', code: 'unavailable' });
    expect(detail.message).to.contain('503');
    await waitUntil(() => $(el, '[part="sync-error"]'), 'message shown');
    expect(text($(el, '[part="sync-error"] p'))).to.match(/^The sync status could not be loaded\. /);
    expect(text($(el, '[part="sync-error"] p'))).not.to.contain('503');
    await expect(el).to.be.accessible();

    fake.fail = undefined;
    $(el, '[part="sync-reload"]')!.click();
    await waitUntil(() => $(el, '[part="sync-list"]'), 'loaded after the retry');
    expect($(el, '[part="sync-error"]')).to.equal(null);
  });

  it('says so when the contact is not synced anywhere yet', async () => {
    const fake = await syncSource();
    fake.items = [];
    const el = await mount(fake.source);
    await waitUntil(() => $(el, '[part="sync-message"]') && fake.statusCalls > 0 && text($(el, '[part="sync-message"]')) !== 'Loading the sync status…');
    expect(text($(el, '[part="sync-message"]'))).to.equal('Not synced to any other CRM yet.');
  });

  it('has no Sync section for a source without sync (the local source)', async () => {
    const local = createLocalSource({ persist: false, contacts: [blankContact({ id: 'ana', firstName: 'Ana' })] });
    await local.ready;
    const el = await mount(local);
    // The section would appear with the contact's extras; wait for them to have been asked.
    expect(await contactSyncOf(local)).to.equal(undefined);
    await el.updateComplete;
    expect($(el, '[part="sync"]')).to.equal(null);
  });

  it('speaks Spanish and Portuguese, relative times included', async () => {
    const fake = await syncSource();
    const es = await mount(fake.source, 'es');
    await waitUntil(() => item(es, 'hubspot') && text(item(es, 'hubspot')).startsWith('Sincronizado con HubSpot'), 'listed in Spanish');
    expect(text(item(es, 'hubspot'))).to.equal('Sincronizado con HubSpot · hace 2 minutos · Abrir en HubSpot');
    expect(text(item(es, 'zoho'))).to.match(/^Falló la sincronización con Zoho CRM: .* · Reintentar$/);
    const pt = await mount(fake.source, 'pt');
    // Listed, and in Portuguese: the list can render before the translation has loaded.
    await waitUntil(() => item(pt, 'salesforce') && text(item(pt, 'salesforce')) === 'Sincronização com Salesforce pendente', 'listed in Portuguese');
    expect(text(item(pt, 'hubspot'))).to.equal('Sincronizado com HubSpot · há 2 minutos · Abrir no HubSpot');
  });
});

describe('createRestSource: sync status', () => {
  it('reads GET /contacts/{id}/sync and posts the retry', async () => {
    const calls: string[] = [];
    const fetchFake: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      if (request.method === 'GET') {
        return new Response(JSON.stringify({ items: statuses() }), { headers: { 'content-type': 'application/json' } });
      }
      return new Response(null, { status: 202 });
    };
    const source = createRestSource({ baseUrl: 'https://crm.example/api', fetch: fetchFake });
    const sync = await contactSyncOf(source);
    expect(sync).not.to.equal(undefined);
    const items = await sync!.syncStatus('ana 1');
    expect(items.map((i) => i.state)).to.deep.equal(['synced', 'pending', 'failed']);
    await sync!.retrySync('ana 1', 'zoho');
    expect(calls).to.deep.equal(['GET /api/contacts/ana%201/sync', 'POST /api/contacts/ana%201/sync/zoho/retry']);
  });

  it('refuses an answer of the wrong shape', async () => {
    const fetchFake: typeof fetch = async () =>
      new Response(JSON.stringify({ items: [{ crm: 'hubspot', state: 'done' }] }), { headers: { 'content-type': 'application/json' } });
    const sync = await contactSyncOf(createRestSource({ baseUrl: 'https://crm.example/api', fetch: fetchFake }));
    let error: unknown;
    try {
      await sync!.syncStatus('ana');
    } catch (caught) {
      error = caught;
    }
    expect((error as CrmError).code).to.equal('unavailable');
  });
});
