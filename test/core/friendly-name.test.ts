import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { friendlyName } from '../../src/core/contacts/friendly-name.js';

describe('friendlyName', () => {
  it('is two capitalized words, the same every time for the same visitor', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const first = friendlyName({ kind: 'webchat', value: id });
        expect(first.firstName).to.match(/^[A-Z][a-z]+$/);
        expect(first.lastName).to.match(/^[A-Z][a-z]+$/);
        expect(friendlyName({ kind: 'webchat', value: id })).to.deep.equal(first);
      }),
    );
  });

  it('spreads visitors over many names', () => {
    const names = new Set(Array.from({ length: 500 }, (_, i) => {
      const { firstName, lastName } = friendlyName(`visitor-${i}`);
      return `${firstName} ${lastName}`;
    }));
    // 32 × 32 possible names: 500 visitors should rarely share one.
    expect(names.size).to.be.greaterThan(350);
  });

  it('depends on the identity kind too', () => {
    const value = 'abc-123';
    const kinds = ['webchat', 'telegram', 'messenger'] as const;
    const names = new Set(kinds.map((kind) => JSON.stringify(friendlyName({ kind, value }))));
    expect(names.size).to.be.greaterThan(1);
  });
});
