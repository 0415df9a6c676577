import { expect } from '@open-wc/testing';
import { addChips, isValidEmail, splitAddresses } from '../../src/core/composer/email.js';

describe('composer: email addresses', () => {
  it('validates addresses', () => {
    for (const ok of ['ana@example.com', ' Ana.Perez+crm@sub.example.com.uy ', "o'brien@example.ie"]) expect(isValidEmail(ok), ok).to.equal(true);
    for (const bad of ['', 'ana', 'ana@', '@example.com', 'ana@example', 'ana @example.com', 'ana@exa mple.com', 'a@-x.com', 'a@b..com'])
      expect(isValidEmail(bad), bad).to.equal(false);
  });

  it('splits pasted lists on commas, semicolons and spaces', () => {
    expect(splitAddresses(' a@x.com, b@y.com;c@z.com  d@w.com,')).to.deep.equal(['a@x.com', 'b@y.com', 'c@z.com', 'd@w.com']);
  });

  it('adds valid new chips, skips duplicates, returns the invalid pieces', () => {
    expect(addChips(['a@x.com'], 'A@X.com, b@y.com, nope')).to.deep.equal({ chips: ['a@x.com', 'b@y.com'], invalid: ['nope'] });
  });
});
