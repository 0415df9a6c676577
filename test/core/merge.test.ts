import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkMergeCount,
  findPotentialDuplicates,
  MERGE_MAX,
  mergeFields,
  planMerge,
  type MergePlan,
} from '../../src/core/merge/merge.js';
import { blankContact } from '../support/contacts.js';

const ana = blankContact({
  id: 'a',
  firstName: 'Ana',
  lastName: '',
  phones: ['+598 99 123 456'],
  emails: ['ana@example.com'],
  identities: [{ kind: 'phone', value: '+59899123456' }, { kind: 'webchat', value: 'visitor-1' }],
  tags: ['VIP'],
  notes: [{ id: 'n2', text: 'called back', createdAt: '2024-03-02T00:00:00.000Z' }],
  custom: { city: 'Montevideo', score: 0 },
  createdAt: '2024-02-01T00:00:00.000Z',
});
const anaWeb = blankContact({
  id: 'b',
  firstName: 'Ana María',
  lastName: 'Pérez',
  owner: 'luis',
  phones: ['099 123 456', '+1 415 555 0100'],
  emails: [' ANA@example.com ', 'ana.perez@work.example'],
  identities: [{ kind: 'webchat', value: 'visitor-2' }],
  tags: ['vip', 'Newsletter'],
  notes: [
    { id: 'n1', text: 'first chat', createdAt: '2024-01-15T00:00:00.000Z' },
    { id: 'n2', text: 'called back', createdAt: '2024-03-02T00:00:00.000Z' },
  ],
  custom: { city: 'Buenos Aires', plan: 'gold' },
  unsubscribed: true,
  createdAt: '2023-11-20T00:00:00.000Z',
});
const third = blankContact({ id: 'c', lastName: 'Gómez', leadStage: 'Customer', custom: { plan: 'silver', vip: true } });

function plan(...args: Parameters<typeof planMerge>): MergePlan {
  const outcome = planMerge(...args);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
}

describe('planMerge', () => {
  it('keeps the primary, fills its empty fields from the others in selection order', () => {
    const { result, fieldSources, removedIds } = plan([ana, anaWeb, third], 'a', {}, { defaultRegion: 'UY' });
    expect(result.id).to.equal('a');
    expect(result.firstName).to.equal('Ana');
    expect(result.lastName).to.equal('Pérez');
    expect(result.owner).to.equal('luis');
    expect(result.leadStage).to.equal('Customer');
    expect(result.custom).to.deep.equal({ city: 'Montevideo', score: 0, plan: 'gold', vip: true });
    expect(fieldSources).to.include({
      firstName: 'a',
      lastName: 'b',
      owner: 'b',
      leadStage: 'c',
      'custom.city': 'a',
      'custom.plan': 'b',
      'custom.vip': 'c',
      'custom.score': 'a',
    });
    expect(removedIds).to.deep.equal(['b', 'c']);
  });

  it('follows selection order, not array position of the primary', () => {
    const { result, removedIds } = plan([third, anaWeb, ana], 'a');
    expect(result.lastName).to.equal('Gómez');
    expect(result.custom.plan).to.equal('silver');
    expect(removedIds).to.deep.equal(['c', 'b']);
  });

  it('takes a picked field from another contact', () => {
    const { result, fieldSources } = plan([ana, anaWeb, third], 'a', {
      firstName: 'b',
      'custom.city': 'b',
      lastName: 'a',
    });
    expect(result.firstName).to.equal('Ana María');
    expect(result.custom.city).to.equal('Buenos Aires');
    // Picking the primary's empty last name keeps it empty: the user decided.
    expect(result.lastName).to.equal('');
    expect(fieldSources).to.include({ firstName: 'b', 'custom.city': 'b', lastName: 'a' });
  });

  it('unites identities, phones, emails, tags and notes without duplicates', () => {
    const { result } = plan([ana, anaWeb], 'a', {}, { defaultRegion: 'UY' });
    expect(result.identities.map((i) => `${i.kind}:${i.value}`)).to.have.members([
      'phone:+59899123456',
      'webchat:visitor-1',
      'email:ana@example.com',
      'webchat:visitor-2',
      'phone:+14155550100',
      'email:ana.perez@work.example',
    ]);
    // "099 123 456" in Uruguay is the primary's number: listed once, as the primary wrote it.
    expect(result.phones).to.deep.equal(['+598 99 123 456', '+1 415 555 0100']);
    expect(result.emails).to.deep.equal(['ana@example.com', 'ana.perez@work.example']);
    expect(result.tags).to.deep.equal(['VIP', 'Newsletter']);
    expect(result.notes.map((n) => n.id)).to.deep.equal(['n1', 'n2']);
  });

  it('keeps an opt-out or a block from any contact, and the earliest creation date', () => {
    const { result, fieldSources } = plan([ana, anaWeb], 'a');
    expect(result.unsubscribed).to.equal(true);
    expect(result.blocked).to.equal(false);
    expect(fieldSources.unsubscribed).to.equal('b');
    expect(result.createdAt).to.equal('2023-11-20T00:00:00.000Z');
    expect(plan([ana, anaWeb], 'a', { unsubscribed: 'a' }).result.unsubscribed).to.equal(false);
  });

  it('does not change the contacts it was given', () => {
    const before = JSON.stringify([ana, anaWeb, third]);
    plan([ana, anaWeb, third], 'b', { firstName: 'a' });
    expect(JSON.stringify([ana, anaWeb, third])).to.equal(before);
  });

  it('refuses fewer than 2 and more than 25 contacts, with the reason', () => {
    const many = Array.from({ length: 26 }, (_, i) => blankContact({ id: `c${i}` }));
    expect(planMerge([ana], 'a')).to.deep.equal({ ok: false, reason: 'too-few', limit: 2 });
    expect(planMerge(many, 'c0')).to.deep.equal({ ok: false, reason: 'too-many', limit: 25 });
    expect(planMerge(many.slice(0, MERGE_MAX), 'c0').ok).to.equal(true);
    expect(checkMergeCount(25)).to.equal(undefined);
    expect(checkMergeCount(26)?.reason).to.equal('too-many');
  });

  it('refuses an unknown primary, a repeated contact and a bad pick', () => {
    expect(planMerge([ana, anaWeb], 'zz')).to.include({ reason: 'unknown-primary', subject: 'zz' });
    expect(planMerge([ana, ana], 'a')).to.include({ reason: 'duplicate-contact', subject: 'a' });
    expect(planMerge([ana, anaWeb], 'a', { firstName: 'zz' })).to.include({ reason: 'unknown-pick-contact' });
    expect(planMerge([ana, anaWeb], 'a', { 'custom.nope': 'b' })).to.include({
      reason: 'unknown-pick-field',
      subject: 'custom.nope',
    });
  });

  it('lists every field it decides', () => {
    expect(mergeFields([ana, anaWeb, third])).to.deep.equal([
      'firstName',
      'lastName',
      'leadStage',
      'owner',
      'blocked',
      'unsubscribed',
      'custom.city',
      'custom.score',
      'custom.plan',
      'custom.vip',
    ]);
  });

  it('property: every value in the result comes from the contact fieldSources names, and nothing is lost', () => {
    const word = fc.constantFrom('', 'x', 'Y', 'zé', '  ');
    const person = (id: string) =>
      fc
        .record({
          firstName: word,
          lastName: word,
          tags: fc.array(fc.constantFrom('a', 'A', 'b', 'á'), { maxLength: 3 }),
          emails: fc.array(fc.constantFrom('p@x.io', 'P@X.io', 'q@x.io'), { maxLength: 2 }),
          custom: fc.dictionary(fc.constantFrom('k1', 'k2'), word),
        })
        .map((r) => blankContact({ id, ...r }));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => person(`p${i}`))), fc.nat(n - 1)),
        ),
        ([people, p]) => {
          const primary = people[p];
          const { result, fieldSources } = plan(people, primary.id);
          const byId = new Map(people.map((c) => [c.id, c]));
          for (const field of ['firstName', 'lastName'] as const) {
            expect(result[field]).to.equal(byId.get(fieldSources[field])![field]);
            if (primary[field].trim()) expect(result[field]).to.equal(primary[field]);
          }
          for (const c of people) {
            for (const tag of c.tags) {
              expect(result.tags.some((t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() ===
                tag.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())).to.equal(true);
            }
            for (const email of c.emails) expect(result.emails.map((e) => e.toLowerCase())).to.include(email.toLowerCase());
          }
          expect(new Set(result.emails.map((e) => e.toLowerCase())).size).to.equal(result.emails.length);
        },
      ),
    );
  });
});

describe('findPotentialDuplicates', () => {
  it('finds contacts sharing a normalized identity, in any equivalent phone form', () => {
    const br = blankContact({ id: 'br', phones: ['+55 11 98765-4321'] });
    const brOld = blankContact({ id: 'br-old', identities: [{ kind: 'phone', value: '+551187654321' }] });
    const other = blankContact({ id: 'other', phones: ['+55 11 91234-5678'] });
    const found = findPotentialDuplicates(br, [br, brOld, other]);
    expect(found.map((d) => [d.contact.id, d.reason, d.identity?.value])).to.deep.equal([
      ['br-old', 'identity', '+5511987654321'],
    ]);
    // National numbers are read with the default region.
    expect(findPotentialDuplicates(ana, [anaWeb], { defaultRegion: 'UY' }).map((d) => d.reason)).to.deep.equal([
      'identity',
    ]);
  });

  it('finds the same full name with the same email even when the email is not a valid identity', () => {
    const a = blankContact({ id: 'a', firstName: 'Ana', lastName: 'Pérez', emails: ['ana@intranet'] });
    const b = blankContact({ id: 'b', firstName: ' ana ', lastName: 'PEREZ', emails: ['ANA@intranet'] });
    const c = blankContact({ id: 'c', firstName: 'Ana', lastName: 'Pérez', emails: ['other@intranet'] });
    expect(findPotentialDuplicates(a, [b, c]).map((d) => [d.contact.id, d.reason])).to.deep.equal([['b', 'name-email']]);
    expect(findPotentialDuplicates(blankContact({ id: 'x' }), [blankContact({ id: 'y' })])).to.deep.equal([]);
  });
});
