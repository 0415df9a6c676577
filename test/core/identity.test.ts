import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import {
  contactIdentities,
  equivalentForms,
  formatPhone,
  identityKey,
  identityKindForChannel,
  isChannel,
  matchReason,
  normalizeClientId,
  supportedRegion,
  normalizeIdentity,
} from '../../src/core/identity/identity.js';
import { CHANNELS } from '../../src/core/types.js';
import type { Contact, Identity } from '../../src/core/types.js';
import { blankContact } from '../support/contacts.js';

const phone = (value: string): Identity => ({ kind: 'phone', value });

/** The normalized value, or the failure reason. */
function norm(kind: Identity['kind'], raw: string, defaultRegion?: string): string {
  const result = normalizeIdentity(kind, raw, { defaultRegion });
  return result.ok ? result.identity.value : `!${result.reason}`;
}

const contact = (fields: Partial<Contact>): Contact => blankContact({ id: 'c1', firstName: 'Ana', lastName: 'Silva', ...fields });

describe('identity: channels', () => {
  it('maps every channel to its identity kind', () => {
    expect(CHANNELS.map(identityKindForChannel)).to.deep.equal([
      'phone',
      'phone',
      'phone',
      'email',
      'webchat',
      'instagram',
      'messenger',
      'telegram',
    ]);
  });

  it('recognizes channels and rejects anything else', () => {
    for (const channel of CHANNELS) expect(isChannel(channel)).to.equal(true);
    for (const value of ['fax', 'Phone', '', undefined, null, 3, {}]) expect(isChannel(value)).to.equal(false);
  });

  it('normalizes a ClientID by its channel', () => {
    expect(normalizeClientId('whatsapp', '099 123 456', { defaultRegion: 'UY' })).to.deep.equal({
      ok: true,
      identity: phone('+59899123456'),
    });
    expect(normalizeClientId('email', ' Ana@Mail.COM ')).to.deep.equal({
      ok: true,
      identity: { kind: 'email', value: 'ana@mail.com' },
    });
    expect(normalizeClientId('instagram', '@Ana.Silva')).to.deep.equal({
      ok: true,
      identity: { kind: 'instagram', value: 'ana.silva' },
    });
  });
});

describe('identity: phone normalization', () => {
  const sameNumber: [string, string, string | undefined][] = [
    // [expected E.164, input, default region]
    ['+59899123456', '099 123 456', 'UY'],
    ['+59899123456', '099123456', 'UY'],
    ['+59899123456', '(099) 123-456', 'UY'],
    ['+59899123456', '099.123.456', 'UY'],
    ['+59899123456', '99 123 456', 'UY'],
    ['+59899123456', '+598 99 123 456', undefined],
    ['+59899123456', '+598 (99) 123-456', 'US'],
    ['+59899123456', '00598 99 123 456', undefined],
    ['+59899123456', '00598 99 123 456', 'UY'],
    ['+59899123456', '00 598 99 123 456', 'US'],
    ['+59899123456', '(00598) 99123456', undefined],
    ['+59899123456', '59899123456', 'UY'],
    ['+59899123456', '59899123456', undefined],
    ['+59899123456', 'tel:+598-99-123-456', undefined],
    ['+59899123456', '59899123456@s.whatsapp.net', undefined],
    ['+59899123456', 'whatsapp:+59899123456', undefined],
    ['+59899123456', '  +598 99 123 456 ext. 12 ', undefined],
    ['+59829012345', '2901 2345', 'uy'],
    ['+5511987654321', '(11) 98765-4321', 'BR'],
    ['+5511987654321', '011 98765-4321', 'BR'],
    ['+5511987654321', '+55 (11) 98765-4321', undefined],
    ['+5511987654321', '011 55 11 98765 4321', 'US'],
    ['+5511987654321', '0 21 11 98765-4321', 'BR'], // trunk 0 + long-distance carrier code 21
    ['+5511987654321', '+55 11 9 8765-4321', undefined],
    ['+551187654321', '+55 11 8765-4321', undefined],
    ['+5491112345678', '011 15-1234-5678', 'AR'],
    ['+5491112345678', '+54 9 11 1234-5678', undefined],
    ['+5491112345678', '+54 11 15 1234 5678', undefined],
    ['+5493511234567', '0351 15 123-4567', 'AR'],
    ['+541112345678', '011 1234-5678', 'AR'],
    ['+525512345678', '55 1234 5678', 'MX'],
    ['+525512345678', '044 55 1234 5678', 'MX'],
    ['+525512345678', '045 55 1234 5678', 'MX'],
    ['+525512345678', '01 55 1234 5678', 'MX'],
    ['+5215512345678', '+52 1 55 1234 5678', undefined],
    ['+34612345678', '612 34 56 78', 'ES'],
    ['+34612345678', '0034 612-345-678', undefined],
    ['+14155552671', '(415) 555-2671', 'US'],
    ['+14155552671', '1-415-555-2671', 'US'],
    ['+14155552671', '+1 415 555 2671', 'UY'],
  ];
  for (const [expected, input, region] of sameNumber) {
    it(`"${input}" (${region ?? 'no region'}) → ${expected}`, () => {
      expect(norm('phone', input, region)).to.equal(expected);
    });
  }

  const invalid: [string, string | undefined][] = [
    ['abc', 'UY'],
    ['123', 'UY'],
    ['12-34', undefined],
    ['+1', undefined],
    ['099 123 456', undefined], // national with no region to read it in
    ['+598 99 123 456 789 012', undefined],
    ['+52 1 05 1234 5678', undefined],
    ['<script>alert(1)</script>', 'UY'],
  ];
  for (const [input, region] of invalid) {
    it(`"${input}" (${region ?? 'no region'}) is an invalid phone`, () => {
      expect(normalizeIdentity('phone', input, { defaultRegion: region })).to.deep.equal({
        ok: false,
        kind: 'phone',
        raw: input,
        reason: 'invalid-phone',
      });
    });
  }

  it('reports an empty ClientID as empty, whatever the kind', () => {
    for (const kind of ['phone', 'email', 'instagram', 'webchat'] as const) {
      expect(normalizeIdentity(kind, '   ')).to.deep.include({ ok: false, reason: 'empty', kind });
    }
    expect(normalizeIdentity('instagram', ' @ ')).to.deep.include({ ok: false, reason: 'empty' });
  });

  it('ignores an unknown default region instead of failing', () => {
    expect(norm('phone', '+598 99 123 456', 'XX')).to.equal('+59899123456');
    expect(norm('phone', '099 123 456', 'XX')).to.equal('!invalid-phone');
  });
});

describe('identity: other kinds', () => {
  it('trims, lower-cases and validates emails', () => {
    expect(norm('email', '  Ana.Silva@Example.COM ')).to.equal('ana.silva@example.com');
    expect(norm('email', 'mailto:Ana@Example.com')).to.equal('ana@example.com');
    for (const bad of ['ana', 'ana@', '@example.com', 'ana@example', 'ana silva@example.com', 'a@b@c.com']) {
      expect(norm('email', bad), bad).to.equal('!invalid-email');
    }
  });

  it('lower-cases instagram handles and strips a leading @', () => {
    expect(norm('instagram', ' @Sofi.Nunez ')).to.equal('sofi.nunez');
    expect(norm('instagram', 'SOFI_NUNEZ')).to.equal('sofi_nunez');
  });

  it('only trims messenger, telegram and webchat ids (they are case-sensitive)', () => {
    expect(norm('messenger', ' 2000000012345678 ')).to.equal('2000000012345678');
    expect(norm('telegram', ' @JuanP ')).to.equal('@JuanP');
    expect(norm('webchat', ' Visitor-7F3A ')).to.equal('Visitor-7F3A');
  });
});

describe('identity: equivalent forms', () => {
  const pairs: [string, string, string][] = [
    ['+5511987654321', '+551187654321', 'br-ninth-digit'],
    ['+5215512345678', '+525512345678', 'mx-mobile-prefix'],
    ['+5491112345678', '+541112345678', 'ar-mobile-nine'],
    ['+5493511234567', '+543511234567', 'ar-mobile-nine'],
  ];
  for (const [a, b, rule] of pairs) {
    it(`${a} ≡ ${b} (${rule}), both ways`, () => {
      const fromA = equivalentForms(phone(a)).find((form) => form.identity.value === b);
      const fromB = equivalentForms(phone(b)).find((form) => form.identity.value === a);
      expect(fromA?.rule).to.equal(rule);
      expect(fromB?.rule).to.equal(rule);
    });
  }

  it('lists the identity itself first, as exact', () => {
    expect(equivalentForms(phone('+5511987654321'))[0]).to.deep.equal({
      identity: phone('+5511987654321'),
      rule: 'exact',
    });
  });

  it('has no equivalents for Brazilian landlines, other countries or other kinds', () => {
    expect(equivalentForms(phone('+551123456789'))).to.have.length(1); // landline: 2–5
    expect(equivalentForms(phone('+59899123456'))).to.have.length(1);
    expect(equivalentForms(phone('+34612345678'))).to.have.length(1);
    expect(equivalentForms({ kind: 'email', value: 'a@b.com' })).to.have.length(1);
  });

  it('is symmetric for any digits (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('55', '52', '54'), fc.stringMatching(/^[0-9]{8,12}$/), (code, national) => {
        const a = `+${code}${national}`;
        for (const { identity, rule } of equivalentForms(phone(a)).slice(1)) {
          const back = equivalentForms(identity).slice(1);
          expect(back.some((form) => form.identity.value === a && form.rule === rule)).to.equal(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives identity keys usable as map keys', () => {
    expect(identityKey(phone('+59899123456'))).to.equal('phone:+59899123456');
    expect(identityKey({ kind: 'email', value: 'a@b.com' })).to.equal('email:a@b.com');
  });
});

describe('identity: format variants (property)', () => {
  /** Valid numbers of several countries, as E.164, with their region. */
  const numbers = fc.oneof(
    fc.stringMatching(/^9[1-9][0-9]{6}$/).map((n) => ({ region: 'UY', e164: `+598${n}` })),
    fc.stringMatching(/^[1-9]{2}9[6-9][0-9]{7}$/).map((n) => ({ region: 'BR', e164: `+55${n}` })),
    fc.stringMatching(/^(11|21|31|41)[2-5][0-9]{7}$/).map((n) => ({ region: 'BR', e164: `+55${n}` })),
    fc.stringMatching(/^911[4-6][0-9]{7}$/).map((n) => ({ region: 'AR', e164: `+54${n}` })),
    fc.stringMatching(/^(55|33|81)[1-8][0-9]{7}$/).map((n) => ({ region: 'MX', e164: `+52${n}` })),
    fc.stringMatching(/^6[0-9]{8}$/).map((n) => ({ region: 'ES', e164: `+34${n}` })),
    fc.stringMatching(/^(212|415|617)[2-9][0-9]{6}$/).map((n) => ({ region: 'US', e164: `+1${n}` })),
  );
  const separators = fc.array(fc.constantFrom('', '', ' ', '-', '.', ' - '), { minLength: 20, maxLength: 20 });

  /** Puts a separator between digit groups, the way people type numbers. */
  const scramble = (text: string, seps: string[]) =>
    text
      .replace(/[\s-]/g, '')
      .split('')
      .map((char, i) => (i > 0 && /\d/.test(char) ? seps[i % seps.length]! : '') + char)
      .join('');

  it('normalizes every written form of one number to the same identity', () => {
    fc.assert(
      fc.property(numbers, separators, fc.boolean(), ({ region, e164 }, seps, parens) => {
        const parsed = parsePhoneNumberFromString(e164)!;
        const national = parsed.formatNational();
        const variants = [
          e164,
          parsed.formatInternational(),
          scramble(parsed.formatInternational(), seps),
          `00${e164.slice(1)}`,
          `00 ${scramble(e164.slice(1), seps)}`,
          national,
          scramble(national, seps),
          parens ? national.replace(/^(0?)(\d{2,3})\s?/, '($1$2) ') : national.replace(/\s/g, '-'),
          parsed.getURI(),
        ];
        for (const variant of variants) {
          expect(norm('phone', variant, region), `${variant} in ${region}`).to.equal(e164);
        }
        // International forms do not depend on the default region.
        expect(norm('phone', parsed.formatInternational(), region === 'US' ? 'UY' : 'US')).to.equal(e164);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: a normalized value normalizes to itself', () => {
    fc.assert(
      fc.property(numbers, ({ e164 }) => {
        expect(norm('phone', e164)).to.equal(e164);
      }),
    );
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ unit: fc.constantFrom(' ', '\t') }), (email, pad) => {
        const once = norm('email', `${pad}${email.toUpperCase()}${pad}`);
        expect(norm('email', once)).to.equal(once);
        expect(once).to.equal(email.toLowerCase());
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.constantFrom('phone', 'email', 'instagram', 'telegram') as fc.Arbitrary<Identity['kind']>, fc.string(), fc.constantFrom(undefined, 'UY', 'BR', 'zz'), (kind, raw, region) => {
        const result = normalizeIdentity(kind, raw, { defaultRegion: region });
        expect(result.ok === true || typeof result.reason === 'string').to.equal(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('identity: contacts and match reasons', () => {
  const ana = contact({
    phones: ['+55 11 8765-4321', '099 123 456', 'not a phone'],
    emails: [' Ana@Example.com '],
    identities: [{ kind: 'instagram', value: '@Ana.S' }, phone('+551187654321')],
  });

  it('collects every normalized identity of a contact once, identities first', () => {
    expect(contactIdentities(ana, { defaultRegion: 'UY' })).to.deep.equal([
      { kind: 'instagram', value: 'ana.s' },
      phone('+551187654321'),
      phone('+59899123456'),
      { kind: 'email', value: 'ana@example.com' },
    ]);
    // Without a region the national number cannot be read: it is left out, not guessed.
    expect(contactIdentities(ana).map((identity) => identity.value)).to.not.include('+59899123456');
  });

  it('explains an exact match', () => {
    expect(matchReason({ kind: 'email', value: 'ana@example.com' }, ana)).to.deep.equal({
      identity: { kind: 'email', value: 'ana@example.com' },
      rule: 'exact',
    });
  });

  it('explains a match through an equivalence rule, naming the stored form', () => {
    expect(matchReason(phone('+5511987654321'), ana)).to.deep.equal({
      identity: phone('+551187654321'),
      rule: 'br-ninth-digit',
    });
  });

  it('prefers the exact match when the contact has both forms', () => {
    const both = contact({ identities: [phone('+541112345678'), phone('+5491112345678')] });
    expect(matchReason(phone('+5491112345678'), both)?.rule).to.equal('exact');
  });

  it('returns undefined when the contact does not match', () => {
    expect(matchReason(phone('+59899000000'), ana)).to.equal(undefined);
    expect(matchReason({ kind: 'telegram', value: 'ana.s' }, ana)).to.equal(undefined);
  });
});

describe('identity: formatPhone', () => {
  it('formats E.164 internationally', () => {
    expect(formatPhone('+59899123456')).to.equal('+598 99 123 456');
    expect(formatPhone('+5511987654321')).to.equal('+55 11 98765 4321');
    expect(formatPhone('+5491112345678')).to.equal('+54 9 11 1234 5678');
  });

  it('formats the old forms the metadata no longer knows', () => {
    expect(formatPhone('+551187654321')).to.equal('+55 11 8765 4321');
    expect(formatPhone('+5215512345678')).to.equal('+52 1 55 1234 5678');
  });

  it('returns anything unparseable unchanged', () => {
    expect(formatPhone('not a phone')).to.equal('not a phone');
    expect(formatPhone('')).to.equal('');
  });
});

describe('supportedRegion', () => {
  it('upper-cases known regions, leaves empty values undefined, refuses unknown ones', () => {
    expect(supportedRegion(' uy ')).to.equal('UY');
    expect(supportedRegion('')).to.equal(undefined);
    expect(supportedRegion(undefined)).to.equal(undefined);
    expect(supportedRegion('Narnia')).to.equal(null);
    expect(supportedRegion('XX')).to.equal(null);
  });
});
