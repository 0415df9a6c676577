/**
 * A contact field is named the same wherever it appears: the card and details
 * (contact catalog) and the directory's columns, filters and bulk update
 * (directory catalog), in every language.
 */
import { expect } from '@open-wc/testing';
import { CONTACT_FIELDS, fieldLabelKey, type ContactFieldSpec } from '../src/core/contacts/fields.js';
import { contactStrings } from '../src/i18n/strings/contact.js';
import { directoryStrings } from '../src/i18n/strings/directory.js';
import type { SystemFieldKey } from '../src/core/filters/index.js';

describe('contact field labels', () => {
  for (const locale of ['en', 'es', 'pt'] as const) {
    it(`agree between the contact and directory catalogs in ${locale}`, async () => {
      const contact = locale === 'en' ? contactStrings.en : (await contactStrings.load[locale]()).default;
      const directory = locale === 'en' ? directoryStrings.en : (await directoryStrings.load[locale]()).default;
      const compared: string[] = [];
      for (const field of CONTACT_FIELDS as readonly ContactFieldSpec[]) {
        const key = fieldLabelKey(field);
        const inContact = (contact as Record<string, unknown>)[key];
        const inDirectory = directory.field(key as SystemFieldKey) as string | undefined;
        if (typeof inContact !== 'string' || inDirectory === undefined) continue; // named by one catalog only
        expect(inDirectory, `${locale} ${key}`).to.equal(inContact);
        compared.push(key);
      }
      expect(compared).to.include('leadStage');
    });
  }
});
