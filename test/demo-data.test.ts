import { expect } from '@open-wc/testing';
import { identityKey, normalizeIdentity } from '../src/core/identity/identity.js';
import type { Contact, DispositionNode, FieldDef } from '../src/core/types.js';
import { DEMO_FIXTURES, DEMO_INTERACTIONS, DEMO_REGION, generateDemoData } from '../src/data/demo-data.js';
import { createLocalSource } from '../src/data/local-source.js';

const depth = (nodes: DispositionNode[] | undefined): number =>
  nodes?.length ? 1 + Math.max(...nodes.map((node) => depth(node.children))) : 0;

const flatten = (nodes: DispositionNode[] | undefined): DispositionNode[] =>
  (nodes ?? []).flatMap((node) => [node, ...flatten(node.children)]);

function fitsType(field: FieldDef, value: unknown): boolean {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'checkbox':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value);
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value);
    default:
      return typeof value === 'string' && value.length > 0;
  }
}

describe('generateDemoData', () => {
  const data = generateDemoData();

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(generateDemoData({ count: 300, seed: 7 })).to.deep.equal(generateDemoData({ count: 300, seed: 7 }));
    const other = generateDemoData({ count: 300, seed: 8 });
    expect(other.contacts.slice(20).map((c) => c.firstName + c.lastName)).to.not.deep.equal(
      generateDemoData({ count: 300, seed: 7 }).contacts.slice(20).map((c) => c.firstName + c.lastName),
    );
  });

  it('makes 2000 contacts by default, with unique ids, the fixtures first', () => {
    expect(data.contacts).to.have.length(2000);
    expect(new Set(data.contacts.map((c) => c.id)).size).to.equal(2000);
    const fixtures = Object.values(DEMO_FIXTURES).map((f) => f.contact);
    expect(data.contacts.slice(0, fixtures.length)).to.deep.equal(fixtures);
    expect(generateDemoData({ count: 3 }).contacts.map((c) => c.id)).to.deep.equal(fixtures.slice(0, 3).map((c) => c.id));
  });

  it('stores every identity normalized, and every display phone and email as an identity', () => {
    for (const contact of data.contacts) {
      const keys = new Set(contact.identities.map(identityKey));
      for (const identity of contact.identities) {
        const result = normalizeIdentity(identity.kind, identity.value);
        expect(result.ok && result.identity.value, `${contact.id} ${identityKey(identity)}`).to.equal(identity.value);
      }
      for (const display of contact.phones) {
        const result = normalizeIdentity('phone', display);
        expect(result.ok && keys.has(identityKey(result.identity)), `${contact.id} ${display}`).to.equal(true);
      }
      for (const email of contact.emails) expect(keys.has(`email:${email}`)).to.equal(true);
    }
  });

  it('covers the countries, social channels and accents the product is for', () => {
    const phones = data.contacts.flatMap((c) => c.identities.filter((i) => i.kind === 'phone').map((i) => i.value));
    for (const code of ['+598', '+54', '+55', '+52', '+34', '+1']) {
      expect(phones.some((p) => p.startsWith(code)), code).to.equal(true);
    }
    const kinds = new Set(data.contacts.flatMap((c) => c.identities.map((i) => i.kind)));
    expect([...kinds].sort()).to.deep.equal(['email', 'instagram', 'messenger', 'phone', 'telegram', 'webchat']);
    const names = data.contacts.map((c) => `${c.firstName} ${c.lastName}`).join(' ');
    for (const letter of ['á', 'é', 'í', 'ó', 'ú', 'ñ', 'ç', 'ã', 'õ']) expect(names, letter).to.contain(letter);
    expect(data.contacts.some((c) => c.tags.length > 0)).to.equal(true);
    expect([...new Set(data.contacts.map((c) => c.leadStage))]).to.include.members(['Lead', 'Prospect', 'Customer']);
  });

  it('has family members sharing a phone, and otherwise unique emails', () => {
    const owners = new Map<string, Set<string>>();
    for (const contact of data.contacts) {
      for (const identity of contact.identities) {
        const key = identityKey(identity);
        owners.set(key, (owners.get(key) ?? new Set()).add(contact.id));
      }
    }
    const shared = [...owners].filter(([key, ids]) => key.startsWith('phone:') && ids.size > 1);
    expect(shared.length).to.be.greaterThan(10);
    const sharedEmails = [...owners].filter(([key, ids]) => key.startsWith('email:') && ids.size > 1);
    expect(sharedEmails).to.deep.equal([]);
    // Family members share the surname.
    const byId = new Map(data.contacts.map((c) => [c.id, c] as const));
    for (const [, ids] of shared) {
      const surnames = new Set([...ids].map((id) => byId.get(id)!.lastName));
      expect(surnames.size).to.equal(1);
    }
  });

  it('fills custom fields that fit the sections’ field types', () => {
    const fields = new Map(data.sections.flatMap((s) => s.fields).map((f) => [f.key, f] as const));
    const used = new Set<string>();
    for (const contact of data.contacts) {
      for (const [key, value] of Object.entries(contact.custom)) {
        const field = fields.get(key);
        expect(field, `unknown field ${key}`).to.not.equal(undefined);
        expect(fitsType(field!, value), `${contact.id} ${key}=${String(value)}`).to.equal(true);
        used.add(field!.type);
      }
    }
    expect([...used].sort()).to.deep.equal(['checkbox', 'date', 'datetime', 'number', 'select', 'text']);
  });

  it('configures sections per campaign, and campaigns for every element', () => {
    expect(data.sections.map((s) => [s.id, s.campaigns])).to.deep.equal([
      ['general', []],
      ['sales', ['sales', 'collections']],
      ['support', ['support']],
    ]);
    const campaigns = new Map(data.campaigns.map((c) => [c.id, c] as const));
    for (const section of data.sections) for (const id of section.campaigns) expect(campaigns.has(id)).to.equal(true);

    const hsm = data.campaigns.flatMap((c) => c.templates ?? []).filter((t) => t.channel === 'whatsapp' && t.approved);
    expect(hsm.length).to.be.greaterThan(2);
    expect(hsm.every((t) => /\{\{1\}\}/.test(t.body))).to.equal(true);

    const hub = data.campaigns.find((c) => c.outboundHub)!;
    expect(flatten(hub.dispositions).some((node) => node.kind === 'reschedule')).to.equal(true);
    expect(data.campaigns.filter((c) => c.commentRequired)).to.have.length(1);
    for (const campaign of data.campaigns) {
      expect(depth(campaign.dispositions), campaign.id).to.be.within(2, 3);
      expect(campaign.wrapUpSeconds).to.be.a('number');
      expect(campaign.region).to.be.a('string');
      expect(campaign.channels.length).to.be.greaterThan(0);
    }
  });

  it('scales to 100,000 contacts with unique ids', function () {
    // Generous: the machine may be busy; the benchmark, not this test, measures speed.
    this.timeout(60_000);
    const big = generateDemoData({ count: 100_000, seed: 3 });
    expect(big.contacts).to.have.length(100_000);
    expect(new Set(big.contacts.map((c: Contact) => c.id)).size).to.equal(100_000);
  });
});

describe('demo fixtures through the local source', () => {
  const source = createLocalSource({ persist: false, demo: { count: 400 }, defaultRegion: DEMO_REGION });

  const cases: [keyof typeof DEMO_INTERACTIONS, string, string[], string?][] = [
    // [interaction, state, contact ids, rule of the first candidate]
    ['knownContactId', 'contact', ['demo-uy']],
    ['uniquePhoneOtherFormat', 'contact', ['demo-uy'], 'exact'],
    ['sharedPhone', 'candidates', ['demo-family-1', 'demo-family-2'], 'exact'],
    ['brazilNinthDigit', 'contact', ['demo-br-legacy'], 'br-ninth-digit'],
    ['argentinaMobileNine', 'contact', ['demo-ar'], 'ar-mobile-nine'],
    ['mexicoOldPrefix', 'contact', ['demo-mx'], 'mx-mobile-prefix'],
    ['knownEmail', 'contact', ['demo-email'], 'exact'],
    ['instagram', 'contact', ['demo-instagram'], 'exact'],
    ['unknownWhatsApp', 'create', []],
    ['unknownEmail', 'create', []],
    ['anonymousWebchat', 'create', []],
    ['invalidNumber', 'invalid', []],
  ];
  for (const [name, state, ids, rule] of cases) {
    it(`${name} resolves to ${state}`, async () => {
      const resolution = await source.resolve!(DEMO_INTERACTIONS[name]);
      expect(resolution.state).to.equal(state);
      const found = resolution.contact ? [resolution.contact.id] : (resolution.candidates ?? []).map((c) => c.contact.id);
      expect(found.sort()).to.deep.equal(ids);
      if (rule) expect(resolution.candidates?.[0]?.reason.rule).to.equal(rule);
    });
  }

  it('seeds the demo campaigns and sections', async () => {
    expect((await source.listCampaigns()).map((c) => c.id)).to.include.members(['sales', 'support', 'collections']);
    expect((await source.listSections()).map((s) => s.id)).to.deep.equal(['general', 'sales', 'support']);
  });
});
