import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countDigits, sanitizeNumberInput } from '../../src/core/composer/dial-string.js';

describe('composer: number sanitizing', () => {
  it('keeps only digits, # and * for Phone', () => {
    expect(sanitizeNumberInput('+598 (99) 123-456 ext*9#').value).to.equal('59899123456*9#');
  });

  it('keeps the caret after the same kept characters (typing in the middle)', () => {
    // The agent typed "a" after "12": "12a34", caret after the "a" (3).
    expect(sanitizeNumberInput('12a34', 3)).to.deep.equal({ value: '1234', caret: 2 });
    // Caret at the start stays at the start.
    expect(sanitizeNumberInput('x12', 0)).to.deep.equal({ value: '12', caret: 0 });
  });

  it('places the caret after a pasted chunk', () => {
    // "099" + pasted " 123-456 " + "7", caret right after the paste (12).
    expect(sanitizeNumberInput('099 123-456 7', 12)).to.deep.equal({ value: '0991234567', caret: 9 });
  });

  it('keeps one leading + for WhatsApp/SMS numbers and drops # *', () => {
    const options = { allowPlus: true, allowDialSymbols: false };
    expect(sanitizeNumberInput('+1 (555) 010-9999 #*', undefined, options).value).to.equal('+15550109999');
    expect(sanitizeNumberInput('1+2', undefined, options).value).to.equal('12');
  });

  it('counts a caret in UTF-16 units (emoji before it)', () => {
    expect(sanitizeNumberInput('1😀2', 3)).to.deep.equal({ value: '12', caret: 1 });
  });

  it('property: output only has allowed characters, caret within bounds, idempotent', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (raw, c) => {
        const caret = c % (raw.length + 1);
        const out = sanitizeNumberInput(raw, caret);
        expect(out.value).to.match(/^[0-9#*]*$/);
        expect(out.caret).to.be.within(0, out.value.length);
        expect(sanitizeNumberInput(out.value, out.caret)).to.deep.equal(out);
      }),
    );
  });

  it('counts digits only', () => {
    expect(countDigits('12*#34')).to.equal(4);
  });
});
