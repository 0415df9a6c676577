import { expect } from '@open-wc/testing';
import { CrmError } from '../../src/core/errors.js';
import { contactIdentities, equivalentForms, identityKey } from '../../src/core/identity/identity.js';
import { resolveInteraction } from '../../src/core/resolution/resolution.js';
import type { ResolutionLookups } from '../../src/core/resolution/resolution.js';
import { sectionsForCampaign } from '../../src/core/contacts/sections.js';
import type { Contact, CustomSection, Identity, InteractionContext } from '../../src/core/types.js';
import { blankContact } from '../support/contacts.js';

/** A contact named after its id, so a failing assertion says which one it got. */
function contact(id: string, fields: Partial<Contact> = {}): Contact {
  return blankContact({ id, firstName: id, lastName: 'Test', ...fields });
}

const SECTIONS: CustomSection[] = [
  { id: 'general', title: 'General', campaigns: [], fields: [] },
  { id: 'sales', title: 'Sales', campaigns: ['sales', 'collections'], fields: [] },
  { id: 'support', title: 'Support', campaigns: ['support'], fields: [] },
];

const CONTACTS = [
  contact('legacy-br', { phones: ['+55 11 8765-4321'] }),
  contact('parent', { phones: ['+598 99 123 456'] }),
  contact('child', { phones: ['+598 99 123 456', '+598 94 000 111'] }),
  contact('both-forms', { phones: ['+54 11 2345-6789', '+54 9 11 2345-6789'] }),
  contact('ar-nine', { phones: ['+54 9 11 2345-6789'] }),
  contact('mail', { emails: ['ana@example.com'] }),
  contact('insta', { identities: [{ kind: 'instagram', value: 'sofi.nunez' }] }),
];

/** In-memory lookups, recording what was asked. */
function lookups(contacts = CONTACTS) {
  const calls: string[] = [];
  const api: ResolutionLookups = {
    async getContact(id) {
      calls.push(`getContact ${id}`);
      return contacts.find((c) => c.id === id);
    },
    async findByIdentity(identity: Identity) {
      calls.push(`findByIdentity ${identityKey(identity)}`);
      const keys = new Set(equivalentForms(identity).map((form) => identityKey(form.identity)));
      return contacts.filter((c) => contactIdentities(c).some((i) => keys.has(identityKey(i))));
    },
    async listSections() {
      return SECTIONS;
    },
  };
  return { api, calls };
}

const resolve = (context: InteractionContext, region = 'UY') =>
  resolveInteraction(context, lookups().api, { defaultRegion: region });

describe('sectionsForCampaign', () => {
  it('keeps sections for every campaign plus those listing the campaign', () => {
    expect(sectionsForCampaign(SECTIONS, 'sales').map((s) => s.id)).to.deep.equal(['general', 'sales']);
    expect(sectionsForCampaign(SECTIONS, 'support').map((s) => s.id)).to.deep.equal(['general', 'support']);
    expect(sectionsForCampaign(SECTIONS, ' collections ').map((s) => s.id)).to.deep.equal(['general', 'sales']);
  });

  it('with no campaign (or an unknown one) keeps only the sections for every campaign', () => {
    expect(sectionsForCampaign(SECTIONS).map((s) => s.id)).to.deep.equal(['general']);
    expect(sectionsForCampaign(SECTIONS, '').map((s) => s.id)).to.deep.equal(['general']);
    expect(sectionsForCampaign(SECTIONS, 'unknown').map((s) => s.id)).to.deep.equal(['general']);
  });
});

describe('resolveInteraction', () => {
  it('is idle with neither a contact id nor a ClientID', async () => {
    const resolution = await resolve({ channel: 'phone', campaign: 'support' });
    expect(resolution).to.deep.equal({ state: 'idle', sections: sectionsForCampaign(SECTIONS, 'support') });
    expect((await resolve({ channel: 'phone', clientId: '   ', contactId: ' ' })).state).to.equal('idle');
  });

  it('shows the contact of a known contact id, without searching the ClientID', async () => {
    const { api, calls } = lookups();
    const resolution = await resolveInteraction(
      { contactId: 'mail', clientId: '099 123 456', channel: 'phone', campaign: 'sales' },
      api,
      { defaultRegion: 'UY' },
    );
    expect(resolution.state).to.equal('contact');
    expect(resolution.contact?.id).to.equal('mail');
    expect(resolution.identity).to.deep.equal({ kind: 'phone', value: '+59899123456' });
    expect(resolution.sections.map((s) => s.id)).to.deep.equal(['general', 'sales']);
    expect(calls).to.deep.equal(['getContact mail']);
  });

  it('goes on with the ClientID when the contact id is not found', async () => {
    const resolution = await resolve({ contactId: 'gone', clientId: 'ANA@example.com', channel: 'email' });
    expect(resolution.state).to.equal('contact');
    expect(resolution.contact?.id).to.equal('mail');
  });

  it('is idle when an unknown contact id comes without a ClientID', async () => {
    expect((await resolve({ contactId: 'gone', channel: 'phone' })).state).to.equal('idle');
  });

  it('resolves one match to the contact, with why it matched', async () => {
    const resolution = await resolve({ clientId: '+55 11 98765-4321', channel: 'whatsapp' });
    expect(resolution.state).to.equal('contact');
    expect(resolution.contact?.id).to.equal('legacy-br');
    expect(resolution.candidates).to.deep.equal([
      { contact: resolution.contact, reason: { identity: { kind: 'phone', value: '+551187654321' }, rule: 'br-ninth-digit' } },
    ]);
  });

  it('resolves a shared phone to candidates, each with its reason', async () => {
    const resolution = await resolve({ clientId: '(099) 123-456', channel: 'sms' });
    expect(resolution.state).to.equal('candidates');
    expect(resolution.contact).to.equal(undefined);
    expect(resolution.candidates?.map((c) => [c.contact.id, c.reason.rule])).to.deep.equal([
      ['parent', 'exact'],
      ['child', 'exact'],
    ]);
  });

  it('lists exact matches before matches through an equivalence rule', async () => {
    const { api } = lookups([CONTACTS[3]!, contact('ar-plain', { phones: ['+54 11 2345-6789'] }), CONTACTS[4]!]);
    const resolution = await resolveInteraction({ clientId: '011 15-2345-6789', channel: 'phone' }, api, {
      defaultRegion: 'AR',
    });
    expect(resolution.candidates?.map((c) => [c.contact.id, c.reason.rule])).to.deep.equal([
      ['both-forms', 'exact'],
      ['ar-nine', 'exact'],
      ['ar-plain', 'ar-mobile-nine'],
    ]);
  });

  it('offers create when nothing matches, with the normalized ClientID', async () => {
    const resolution = await resolve({ clientId: '+598 98 765 432', channel: 'whatsapp', campaign: 'support' });
    expect(resolution).to.deep.equal({
      state: 'create',
      identity: { kind: 'phone', value: '+59898765432' },
      sections: sectionsForCampaign(SECTIONS, 'support'),
    });
  });

  it('normalizes the ClientID by the channel (instagram handle, email case)', async () => {
    expect((await resolve({ clientId: '@Sofi.Nunez', channel: 'instagram' })).contact?.id).to.equal('insta');
    expect((await resolve({ clientId: 'sofi.nunez', channel: 'telegram' })).state).to.equal('create');
  });

  it('is invalid when the ClientID cannot be normalized, and does not search', async () => {
    const { api, calls } = lookups();
    const resolution = await resolveInteraction({ clientId: '12-34', channel: 'phone', campaign: 'sales' }, api);
    expect(resolution).to.deep.equal({ state: 'invalid', sections: sectionsForCampaign(SECTIONS, 'sales') });
    expect(calls).to.deep.equal([]);
    expect((await resolve({ clientId: 'not-an-email', channel: 'email' })).state).to.equal('invalid');
  });

  it('rejects an unknown channel as invalid input', async () => {
    const error = await resolve({ clientId: 'x', channel: 'fax' as never }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(CrmError);
    expect((error as CrmError).code).to.equal('invalid');
  });

  it('stops waiting with an aborted error as soon as the signal fires', async () => {
    const controller = new AbortController();
    const { api } = lookups();
    const hanging: ResolutionLookups = { ...api, findByIdentity: () => new Promise(() => {}) };
    const pending = resolveInteraction({ clientId: 'ana@example.com', channel: 'email' }, hanging, {
      signal: controller.signal,
    });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as CrmError).code).to.equal('aborted');
  });

  it('rejects at once with an already aborted signal, without any lookup', async () => {
    const { api, calls } = lookups();
    const error = await resolveInteraction({ contactId: 'mail', channel: 'phone' }, api, {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect((error as CrmError).code).to.equal('aborted');
    expect(calls).to.deep.equal([]);
  });

  it('passes lookup failures through', async () => {
    const { api } = lookups();
    const failing: ResolutionLookups = {
      ...api,
      findByIdentity: () => Promise.reject(new CrmError('unavailable', 'down')),
    };
    const error = await resolveInteraction({ clientId: 'a@b.com', channel: 'email' }, failing).catch((e: unknown) => e);
    expect((error as CrmError).code).to.equal('unavailable');
  });
});
