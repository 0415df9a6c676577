import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countSms, isGsm7 } from '../../src/core/composer/sms.js';

describe('composer: SMS counter', () => {
  it('detects GSM-7 and UCS-2', () => {
    expect(isGsm7('Hola, ¿cómo está? @ £ €')).to.equal(false); // ó is not GSM-7
    expect(isGsm7('Hola, ¿como esta? @ £ € ñ')).to.equal(true);
    expect(isGsm7('Olá')).to.equal(false);
  });

  it('empty text is zero segments', () => {
    expect(countSms('')).to.include({ segments: 0, units: 0, remaining: 160, encoding: 'gsm7' });
  });

  it('GSM-7: 160 in one segment, 161 in two (153 each)', () => {
    expect(countSms('a'.repeat(160))).to.include({ segments: 1, remaining: 0 });
    expect(countSms('a'.repeat(161))).to.include({ segments: 2, perSegment: 153, remaining: 145 });
    expect(countSms('a'.repeat(306))).to.include({ segments: 2, remaining: 0 });
    expect(countSms('a'.repeat(307))).to.include({ segments: 3 });
  });

  it('GSM-7 extension characters count twice', () => {
    expect(countSms('€'.repeat(80))).to.include({ units: 160, characters: 80, segments: 1 });
    expect(countSms('€'.repeat(80) + 'a')).to.include({ units: 161, segments: 2 });
  });

  it('never splits an escape sequence between parts', () => {
    // 152 septets then "€" (2): does not fit the 153 of part one.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(10);
    expect(countSms(text)).to.include({ units: 164, segments: 2 });
    expect(countSms(text).remaining).to.equal(153 - 12);
  });

  it('UCS-2: 70 in one segment, 71 in two (67 each); emoji count two units', () => {
    expect(countSms('ã'.repeat(70))).to.include({ encoding: 'ucs2', segments: 1, remaining: 0 });
    expect(countSms('ã'.repeat(71))).to.include({ segments: 2, perSegment: 67 });
    expect(countSms('😀'.repeat(35))).to.include({ units: 70, characters: 35, segments: 1 });
    expect(countSms('😀'.repeat(36))).to.include({ units: 72, segments: 2 });
  });

  it('property: segments cover the units, and typing one more character never needs fewer', () => {
    const alphabet = fc.constantFrom('a', 'Z', ' ', '€', '{', 'ñ', 'ã', '😀', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), alphabet, (chars, extra) => {
        const text = chars.join('');
        const count = countSms(text);
        expect(count.segments * count.perSegment).to.be.at.least(count.units);
        expect(count.remaining).to.be.within(0, count.perSegment);
        expect(countSms(text + extra).segments).to.be.at.least(count.segments);
      }),
    );
  });
});
