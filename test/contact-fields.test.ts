import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fieldDomId, fromRawValue, toRawValue } from '../src/components/shared/field-input.js';
import { validateFieldValue } from '../src/components/shared/field-validation.js';
import { formatFieldValue } from '../src/components/shared/field-value.js';
import type { FieldDef, FieldType } from '../src/core/types.js';
import { loadTranslations } from '../src/i18n/localize.js';
import { contactStrings } from '../src/i18n/strings/contact.js';

const def = (type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({ key: 'k', label: 'K', type, ...extra });

describe('custom field helpers', () => {
  describe('validateFieldValue', () => {
    it('accepts well-formed values and refuses malformed ones, per type', () => {
      const cases: [FieldType, string, string | undefined][] = [
        ['email', 'ana@example.com', undefined],
        ['email', ' Ana.Perez+crm@mail.example.com.uy ', undefined],
        ['email', 'ana@', 'email'],
        ['email', 'ana@localhost', 'email'],
        ['email', 'ana example@x.com', 'email'],
        ['url', 'https://example.com/a?b=1', undefined],
        ['url', 'http://shop.example.uy', undefined],
        ['url', 'example.com', 'url'],
        ['url', 'javascript:alert(1)', 'url'],
        ['phone', '+598 99 123 456', undefined],
        ['phone', '(011) 4567-8901', undefined],
        ['phone', '12345', 'phone'],
        ['phone', 'call me', 'phone'],
        ['number', '12.5', undefined],
        ['number', '-3', undefined],
        ['number', 'twelve', 'number'],
        ['text', '<b>anything</b>', undefined],
        ['date', '2026-12-31', undefined],
      ];
      for (const [type, raw, expected] of cases) {
        expect(validateFieldValue(type, raw), `${type} "${raw}"`).to.equal(expected);
      }
    });

    it('empty is fine unless required; a required checkbox must be ticked', () => {
      for (const type of ['text', 'email', 'url', 'phone', 'number', 'date', 'datetime', 'select'] as FieldType[]) {
        expect(validateFieldValue(type, '  ')).to.equal(undefined);
        expect(validateFieldValue(type, '  ', { required: true })).to.equal('required');
      }
      expect(validateFieldValue('checkbox', false)).to.equal(undefined);
      expect(validateFieldValue('checkbox', false, { required: true })).to.equal('required');
      expect(validateFieldValue('checkbox', true, { required: true })).to.equal(undefined);
    });

    it("a number control's bad input wins over its empty value", () => {
      expect(validateFieldValue('number', '', { badInput: true })).to.equal('number');
    });
  });

  describe('formatFieldValue', () => {
    // Elements load their catalogs before rendering; the helper itself reads whatever is loaded.
    before(async () => {
      await loadTranslations([contactStrings], 'es');
      await loadTranslations([contactStrings], 'pt');
    });

    it('formats through Intl in the given language', () => {
      expect(formatFieldValue(def('number'), 1234.5, 'en')).to.equal('1,234.5');
      expect(formatFieldValue(def('number'), 1234567.5, 'es')).to.equal('1.234.567,5');
      expect(formatFieldValue(def('number'), '1234567.5', 'pt')).to.equal('1.234.567,5');
      expect(formatFieldValue(def('checkbox'), true, 'es')).to.equal('Sí');
      expect(formatFieldValue(def('checkbox'), undefined, 'pt')).to.equal('Não');
      expect(formatFieldValue(def('date'), '2026-01-01', 'en')).to.equal('Jan 1, 2026');
      expect(formatFieldValue(def('phone'), '+59899123456', 'en')).to.equal('+598 99 123 456');
      const instant = '2026-05-04T13:30:00.000Z';
      expect(formatFieldValue(def('datetime'), instant, 'pt')).to.equal(
        new Intl.DateTimeFormat('pt', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant)),
      );
    });

    it('says "Not set" for nothing and shows an unparseable value as it is', () => {
      expect(formatFieldValue(def('text'), '', 'en')).to.equal('Not set');
      expect(formatFieldValue(def('select'), null, 'es')).to.equal('Sin completar');
      expect(formatFieldValue(def('number'), 'n/a', 'en')).to.equal('n/a');
      expect(formatFieldValue(def('date'), 'someday', 'en')).to.equal('someday');
    });

    it('shows a calendar date on the same day in every time zone (never the day before)', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-').map(Number);
          const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(Date.UTC(y, m - 1, day)),
          );
          expect(formatFieldValue(def('date'), iso, 'en')).to.equal(expected);
        }),
      );
    });
  });

  describe('control values', () => {
    it('round-trips stored values through their controls', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
          expect(fromRawValue(def('number'), toRawValue(def('number'), n))).to.equal(n);
        }),
      );
      fc.assert(
        fc.property(
          fc.date({ min: new Date('1971-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
          (d) => {
            // The control holds minutes: the instant comes back to the minute.
            const minute = new Date(Math.floor(d.getTime() / 60000) * 60000).toISOString();
            expect(fromRawValue(def('datetime'), toRawValue(def('datetime'), minute))).to.equal(minute);
          },
        ),
      );
      expect(fromRawValue(def('checkbox'), toRawValue(def('checkbox'), true))).to.equal(true);
      expect(fromRawValue(def('date'), toRawValue(def('date'), '2026-02-28'))).to.equal('2026-02-28');
      expect(fromRawValue(def('text'), '   ')).to.equal(undefined);
    });

    it('turns any field key into a distinct, valid DOM id', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (a, b) => {
          const idA = fieldDomId('custom', a);
          expect(idA).to.match(/^custom-[\w-]*$/);
          if (a !== b) expect(idA).to.not.equal(fieldDomId('custom', b));
        }),
      );
    });
  });
});
