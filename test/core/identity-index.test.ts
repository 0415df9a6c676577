import { expect } from '@open-wc/testing';
import { IdentityIndex } from '../../src/core/identity/identity-index.js';
import type { Identity } from '../../src/core/types.js';

const phone = (value: string): Identity => ({ kind: 'phone', value });

describe('IdentityIndex', () => {
  it('finds a contact by each identity and each equivalent form', () => {
    const index = new IdentityIndex();
    index.add({ id: 'a', identities: [phone('+551187654321'), { kind: 'email', value: 'a@b.com' }] });
    expect(index.get(phone('+551187654321'))).to.deep.equal(['a']);
    expect(index.get(phone('+5511987654321'))).to.deep.equal(['a']);
    expect(index.get({ kind: 'email', value: 'a@b.com' })).to.deep.equal(['a']);
    expect(index.get({ kind: 'instagram', value: 'a@b.com' })).to.deep.equal([]);
  });

  it('keeps every contact sharing an identity, in indexing order', () => {
    const index = new IdentityIndex();
    index.add({ id: 'parent', identities: [phone('+59899123456')] });
    index.add({ id: 'child', identities: [phone('+59899123456')] });
    expect(index.get(phone('+59899123456'))).to.deep.equal(['parent', 'child']);
  });

  it('re-indexing a contact drops the identities it no longer has', () => {
    const index = new IdentityIndex();
    index.add({ id: 'a', identities: [phone('+5491112345678')] });
    index.add({ id: 'a', identities: [phone('+59894000111')] });
    expect(index.get(phone('+5491112345678'))).to.deep.equal([]);
    expect(index.get(phone('+541112345678'))).to.deep.equal([]);
    expect(index.get(phone('+59894000111'))).to.deep.equal(['a']);
  });

  it('removes a contact completely', () => {
    const index = new IdentityIndex();
    index.add({ id: 'a', identities: [phone('+525512345678')] });
    index.add({ id: 'b', identities: [phone('+525512345678')] });
    index.remove('a');
    expect(index.get(phone('+5215512345678'))).to.deep.equal(['b']);
    index.remove('b');
    index.remove('unknown');
    expect(index.get(phone('+525512345678'))).to.deep.equal([]);
  });
});
