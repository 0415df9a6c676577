import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isOneEdit, isOneEditPrefix } from '../../src/core/search/edit-distance.js';

/** Reference: optimal string alignment distance by dynamic programming. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.stringMatching(/^[abc]{0,7}$/);

describe('edit distance', () => {
  it('isOneEdit agrees with the OSA distance being exactly one', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(isOneEdit(a, b), `${a} ${b}`).to.equal(osa(a, b) === 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('isOneEditPrefix: some prefix of the term is one edit away, and the query is not a plain prefix', () => {
    fc.assert(
      fc.property(word, word, (q, t) => {
        const expected =
          !t.startsWith(q) && Array.from({ length: t.length + 1 }, (_, n) => t.slice(0, n)).some((p) => osa(q, p) === 1);
        expect(isOneEditPrefix(q, t), `${q} ${t}`).to.equal(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('covers the four kinds of edit', () => {
    expect(isOneEdit('maria', 'mario')).to.equal(true);
    expect(isOneEdit('maria', 'mara')).to.equal(true);
    expect(isOneEdit('maria', 'marias')).to.equal(true);
    expect(isOneEdit('maria', 'mraia')).to.equal(true);
    expect(isOneEdit('maria', 'maria')).to.equal(false);
    expect(isOneEdit('maria', 'mrias')).to.equal(false);
    expect(isOneEditPrefix('smih', 'smithson')).to.equal(true);
    expect(isOneEditPrefix('smi', 'smithson')).to.equal(false);
  });
});
