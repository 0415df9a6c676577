import { expect } from '@open-wc/testing';
import { blankContactBody } from '../../src/core/blank-contact.js';
import { reconcileIdentities, withIdentity, withoutIdentity } from '../../src/core/contact-writes.js';
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
});
