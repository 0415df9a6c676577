import { expect } from '@open-wc/testing';
import { blankContactBody } from '../../src/core/contacts/blank-contact.js';
import { applyPatch, buildContact, reconcileIdentities, withIdentity, withoutIdentity } from '../../src/core/contacts/writes.js';
import { CrmError } from '../../src/core/errors.js';
import type { Contact } from '../../src/core/types.js';

const UY = { defaultRegion: 'UY' };
const STAMP = '2026-01-02T00:00:00.000Z';

function contact(over: Partial<Contact> = {}): Contact {
  return { ...blankContactBody(), id: 'c1', createdAt: '', updatedAt: '', ...over };
}

describe('contact-writes', () => {
  it('assigns a national phone as E.164 and displays it once', () => {
    const next = withIdentity(contact(), { kind: 'phone', value: '099 123 456' }, UY, STAMP)!;
    expect(next.identities).to.deep.equal([{ kind: 'phone', value: '+59899123456' }]);
    expect(next.phones).to.have.length(1);
    expect(next.updatedAt).to.equal(STAMP);
    expect(withIdentity(next, { kind: 'phone', value: '+598 99 123 456' }, UY, STAMP)).to.equal(undefined);
  });

  it('removes an identity with the phone that shows it, and nothing when absent', () => {
    const current = contact({ phones: ['099 123 456'], identities: [{ kind: 'phone', value: '+59899123456' }] });
    const next = withoutIdentity(current, { kind: 'phone', value: '+59899123456' }, UY, STAMP)!;
    expect(next.phones).to.deep.equal([]);
    expect(next.identities).to.deep.equal([]);
    expect(withoutIdentity(next, { kind: 'email', value: 'a@b.co' }, UY, STAMP)).to.equal(undefined);
  });

  it('drops the identity of a removed phone, keeps the others, and rejects a newly typed bad one', () => {
    const current = contact({
      phones: ['099 123 456'],
      identities: [
        { kind: 'phone', value: '+59899123456' },
        { kind: 'telegram', value: '@ana' },
      ],
    });
    const next = { ...current, phones: ['099 765 432'] };
    expect(reconcileIdentities(current, next, undefined, UY)).to.deep.equal([
      { kind: 'telegram', value: '@ana' },
      { kind: 'phone', value: '+59899765432' },
    ]);
    expect(() => reconcileIdentities(current, { ...current, phones: ['not a phone'] }, undefined, UY))
      .to.throw(CrmError)
      .with.property('code', 'invalid');
  });

  it('builds a contact from a draft: trimmed lists without repeats, every one an identity, blanks for what is missing', () => {
    const built = buildContact(
      { firstName: ' Ana ', phones: [' 099 123 456 ', '099 123 456', ''], emails: ['Ana@Example.com'], tags: undefined },
      UY,
      'id1',
      STAMP,
    );
    expect(built).to.include({ id: 'id1', firstName: 'Ana', lastName: '', createdAt: STAMP, updatedAt: STAMP, blocked: false });
    expect(built.phones).to.deep.equal(['099 123 456']);
    expect(built.tags).to.deep.equal([]);
    expect(built.identities).to.deep.equal([
      { kind: 'phone', value: '+59899123456' },
      { kind: 'email', value: 'ana@example.com' },
    ]);
    expect(() => buildContact({ emails: ['nope'] }, UY, 'id2', STAMP))
      .to.throw(CrmError)
      .with.property('code', 'invalid');
  });

  it('applies a patch: a replaced phone loses its identity, the id and creation date stay', () => {
    const current = buildContact({ firstName: 'Ana', phones: ['099 123 456'] }, UY, 'id1', '2025-01-01T00:00:00.000Z');
    const next = applyPatch(current, { phones: ['099 765 432 ', '099 765 432'], owner: 'bob' }, UY, STAMP);
    expect(next).to.include({ id: 'id1', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: STAMP, owner: 'bob' });
    expect(next.phones).to.deep.equal(['099 765 432']);
    expect(next.identities).to.deep.equal([{ kind: 'phone', value: '+59899765432' }]);
  });
});
