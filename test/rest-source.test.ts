/**
 * createRestSource against the real reference server (server/), started by
 * scripts/rest-server-plugin.mjs on a free loopback port in test mode. Faults
 * are injected at the HTTP level through the server's /__test routes.
 */
import { expect } from '@open-wc/testing';
import type { Contact, InteractionContext } from '../src/core/types.js';
import { DEMO_FIXTURES, DEMO_INTERACTIONS } from '../src/data/demo-data.js';
import type { RestSourceOptions } from '../src/data/rest-source.js';
import type { CrmSource } from '../src/data/source.js';
import { failure, freshPhone, inject, requests, resetServer, restSource, server } from './support/rest-server.js';
import type { ServerInfo } from './support/rest-server.js';

let info: ServerInfo;

function source(options: Partial<RestSourceOptions> = {}): CrmSource {
  return restSource(info, options);
}

before(async () => {
  info = await server();
});

beforeEach(async () => {
  await resetServer();
});

describe('createRestSource: reads', () => {
  it('loads a contact by id, and answers undefined for an unknown id', async () => {
    const crm = source();
    const contact = await crm.getContact('demo-uy');
    expect(contact?.firstName).to.equal('Martín');
    expect(contact?.identities).to.deep.include({ kind: 'phone', value: '+59899555123' });
    expect(await crm.getContact('no-such-contact')).to.equal(undefined);
  });

  it('finds contacts by identity, including equivalent phone forms', async () => {
    const found = await source().findByIdentity({ kind: 'phone', value: '+5511987654321' });
    expect(found.map((c) => c.id)).to.deep.equal(['demo-br-legacy']);
  });

  it('searches with pagination and a total', async () => {
    const crm = source();
    const first = await crm.search('Pérez', { limit: 1, offset: 0 });
    const second = await crm.search('Pérez', { limit: 1, offset: 1 });
    expect(first.total).to.be.greaterThan(1);
    expect(first.items).to.have.length(1);
    expect(second.items[0]!.id).not.to.equal(first.items[0]!.id);
    expect(second.total).to.equal(first.total);
  });

  it('lists sections and campaigns', async () => {
    const crm = source();
    expect((await crm.listCampaigns()).length).to.be.greaterThan(0);
    expect((await crm.listSections()).every((s) => Array.isArray(s.fields))).to.equal(true);
  });
});

describe('createRestSource: screen pop in one round trip', () => {
  const cases: [string, InteractionContext, string, string | undefined][] = [
    ['known ContactID', DEMO_INTERACTIONS.knownContactId, 'contact', 'demo-uy'],
    ['unique phone in national format', DEMO_INTERACTIONS.uniquePhoneOtherFormat, 'contact', 'demo-uy'],
    ['Brazil mobile with the ninth digit', DEMO_INTERACTIONS.brazilNinthDigit, 'contact', 'demo-br-legacy'],
    ['Mexico old +52 1 prefix', DEMO_INTERACTIONS.mexicoOldPrefix, 'contact', 'demo-mx'],
    ['email in another case', DEMO_INTERACTIONS.knownEmail, 'contact', 'demo-email'],
    ['Instagram handle with @', DEMO_INTERACTIONS.instagram, 'contact', 'demo-instagram'],
    ['shared phone', DEMO_INTERACTIONS.sharedPhone, 'candidates', undefined],
    ['unknown WhatsApp number', DEMO_INTERACTIONS.unknownWhatsApp, 'create', undefined],
    ['unknown email', DEMO_INTERACTIONS.unknownEmail, 'create', undefined],
    ['invalid number', DEMO_INTERACTIONS.invalidNumber, 'invalid', undefined],
    ['no ContactID nor ClientID', { channel: 'phone', campaign: 'sales' }, 'idle', undefined],
  ];
  for (const [name, context, state, contactId] of cases) {
    it(`${name} → ${state}, with one request`, async () => {
      const resolution = await source().resolve!(context);
      expect(resolution.state).to.equal(state);
      expect(resolution.contact?.id).to.equal(contactId);
      expect((await requests()).byRoute).to.deep.equal({ 'GET /interactions/resolve': 1 });
    });
  }

  it('says why a candidate matched through an equivalence rule', async () => {
    const resolution = await source().resolve!(DEMO_FIXTURES.brazilLegacyMobile.ring);
    expect(resolution.identity).to.deep.equal({ kind: 'phone', value: '+5511987654321' });
    expect(resolution.candidates?.[0]?.reason).to.deep.equal({
      identity: { kind: 'phone', value: '+551187654321' },
      rule: 'br-ninth-digit',
    });
  });

  it('gives both family members for a shared phone', async () => {
    const resolution = await source().resolve!(DEMO_INTERACTIONS.sharedPhone);
    expect(resolution.candidates?.map((c) => c.contact.id).sort()).to.deep.equal(['demo-family-1', 'demo-family-2']);
  });

  it('returns only the sections enabled for the campaign', async () => {
    const crm = source();
    const all = await crm.listSections();
    const resolution = await crm.resolve!(DEMO_INTERACTIONS.knownContactId);
    const expected = all.filter((s) => s.campaigns.length === 0 || s.campaigns.includes('sales')).map((s) => s.id);
    expect(resolution.sections.map((s) => s.id)).to.deep.equal(expected);
    expect(expected.length).to.be.lessThan(all.length);
  });

  it('aborts a stale resolution while the newer one completes', async () => {
    await inject({ kind: 'hang', delayMs: 3000, count: 1 });
    const crm = source();
    const stale = new AbortController();
    const first = failure(crm.resolve!(DEMO_INTERACTIONS.sharedPhone, { signal: stale.signal }));
    stale.abort();
    const latest = await crm.resolve!(DEMO_INTERACTIONS.knownContactId);
    expect((await first).code).to.equal('aborted');
    expect(latest.contact?.id).to.equal('demo-uy');
  });
});

describe('createRestSource: writes', () => {
  it('creates one contact for a double submit with the same Idempotency-Key', async () => {
    const crm = source();
    const phone = freshPhone();
    const draft = { firstName: 'Doble', lastName: 'Clic', phones: [phone] };
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      crm.createContact(draft, { idempotencyKey: key }),
      crm.createContact(draft, { idempotencyKey: key }),
    ]);
    expect(a.id).to.equal(b.id);
    const again = await crm.createContact(draft, { idempotencyKey: key });
    expect(again.id).to.equal(a.id);
    const found = await crm.findByIdentity({ kind: 'phone', value: phone });
    expect(found.map((c) => c.id)).to.deep.equal([a.id]);
  });

  it("passes the server's validation detail through as an invalid CrmError", async () => {
    const error = await failure(source().createContact({ firstName: 'Bad', emails: ['not-an-email'] }));
    expect(error.code).to.equal('invalid');
    expect(error.message).to.contain('not-an-email');
  });

  it('refuses an update based on a stale version (409 → conflict) and applies it after a reload', async () => {
    const agentA = source();
    const agentB = source();
    const created = await agentA.createContact({ firstName: 'Ver', lastName: 'Sion', phones: [freshPhone()] });
    await agentB.getContact(created.id);
    await agentB.updateContact(created.id, { tags: ['changed-by-b'] });
    const error = await failure(agentA.updateContact(created.id, { lastName: 'Overwrite' }));
    expect(error.code).to.equal('conflict');
    expect((await agentA.getContact(created.id))?.tags).to.deep.equal(['changed-by-b']);
    const saved = await agentA.updateContact(created.id, { lastName: 'Applied' });
    expect(saved.lastName).to.equal('Applied');
    expect(saved.tags).to.deep.equal(['changed-by-b']);
  });

  it('assigns a ClientID and undoes it', async () => {
    const crm = source();
    const contact = await crm.createContact({ firstName: 'Asig', lastName: 'Nar' });
    const phone = freshPhone();
    const withPhone = await crm.addIdentity(contact.id, { kind: 'phone', value: phone });
    expect(withPhone.phones).to.have.length(1);
    expect((await crm.resolve!({ channel: 'whatsapp', clientId: phone })).contact?.id).to.equal(contact.id);
    const undone = await crm.removeIdentity(contact.id, { kind: 'phone', value: phone });
    expect(undone.phones).to.deep.equal([]);
    expect((await crm.resolve!({ channel: 'whatsapp', clientId: phone })).state).to.equal('create');
  });

  it('answers not-found when updating a contact that does not exist', async () => {
    expect((await failure(source().updateContact('nobody', { firstName: 'X' }))).code).to.equal('not-found');
  });
});

describe('createRestSource: auth and language', () => {
  it('fails with unauthorized without the token, or with a wrong one', async () => {
    expect((await failure(source({ token: undefined }).getContact('demo-uy'))).code).to.equal('unauthorized');
    expect((await failure(source({ token: async () => 'wrong' }).getContact('demo-uy'))).code).to.equal('unauthorized');
  });

  it("asks for the server's messages in the element's language", async () => {
    const error = await failure(source({ token: () => 'wrong', locale: () => 'es' }).getContact('demo-uy'));
    expect(error.message).to.equal('El token de portador no es válido para este servidor CRM.');
  });
});

describe('createRestSource: network faults', () => {
  it('retries a GET after a 500 and succeeds', async () => {
    await inject({ kind: 'status', status: 500, count: 1, path: '/contacts/' });
    const contact = await source().getContact('demo-uy');
    expect(contact?.id).to.equal('demo-uy');
    expect((await requests()).byRoute['GET /contacts/demo-uy']).to.equal(2);
  });

  it('waits for Retry-After on a 503 and succeeds', async () => {
    await inject({ kind: 'status', status: 503, retryAfter: 1, count: 1 });
    const resolution = await source().resolve!(DEMO_INTERACTIONS.knownContactId);
    expect(resolution.state).to.equal('contact');
    expect((await requests()).byRoute['GET /interactions/resolve']).to.equal(2);
  });

  it('gives up with unavailable once the retries are spent', async () => {
    await inject({ kind: 'status', status: 502, count: 3 });
    const error = await failure(source().getContact('demo-uy'));
    expect(error.code).to.equal('unavailable');
    expect((await requests()).byRoute['GET /contacts/demo-uy']).to.equal(3);
  });

  it('never retries a create without an Idempotency-Key', async () => {
    await inject({ kind: 'status', status: 503, count: 1, path: '/contacts' });
    const phone = freshPhone();
    const error = await failure(source().createContact({ firstName: 'Once', phones: [phone] }));
    expect(error.code).to.equal('unavailable');
    expect((await requests()).byRoute['POST /contacts']).to.equal(1);
  });

  it('retries a create that carries an Idempotency-Key, creating one contact', async () => {
    await inject({ kind: 'status', status: 503, count: 1, path: '/contacts' });
    const phone = freshPhone();
    const crm = source();
    const contact = await crm.createContact({ firstName: 'Retry', phones: [phone] }, { idempotencyKey: crypto.randomUUID() });
    expect((await requests()).byRoute['POST /contacts']).to.equal(2);
    expect((await crm.findByIdentity({ kind: 'phone', value: phone })).map((c: Contact) => c.id)).to.deep.equal([contact.id]);
  });

  it('times out with a timeout error when the server hangs', async () => {
    await inject({ kind: 'hang', delayMs: 3000, count: 1 });
    const error = await failure(source({ timeout: 200 }).getContact('demo-uy'));
    expect(error.code).to.equal('timeout');
  });

  it('reports malformed JSON as unavailable with a clear message', async () => {
    await inject({ kind: 'malformed', count: 1 });
    const error = await failure(source().listCampaigns());
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.contain('not valid JSON');
  });

  it('reports a refused connection as unavailable', async () => {
    const error = await failure(source({ baseUrl: info.refusedUrl, retry: 0 }).getContact('demo-uy'));
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.contain('cannot be reached');
  });

  it('recovers when the server does', async () => {
    await inject({ kind: 'status', status: 500, count: 3 });
    const crm = source();
    expect((await failure(crm.getContact('demo-uy'))).code).to.equal('unavailable');
    expect((await crm.getContact('demo-uy'))?.id).to.equal('demo-uy');
  });

  it('aborts with aborted when the caller cancels', async () => {
    await inject({ kind: 'hang', delayMs: 3000, count: 1 });
    const controller = new AbortController();
    const pending = source().getContact('demo-uy', { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
  });
});
