/**
 * Every list of contact fields derives from the one definition
 * (src/core/contacts/fields.ts): the filter builder's fields, bulk "set a
 * field", CSV import targets, merge fields, directory columns, label keys,
 * lead stages and the demo data agree with it. (The server's schemas and the
 * OpenAPI file are checked by test/server/contact-schema.test.mjs.)
 */
import { expect } from '@open-wc/testing';
import { availableColumns, cellText } from '../../src/components/ucrm-contact-directory/directory-columns.js';
import {
  BULK_SETTABLE_FIELDS,
  CONTACT_FIELDS,
  contactField,
  contactFieldKeys,
  fieldLabelKey,
  fieldProperty,
  LEAD_STAGES,
  NEW_CONTACT_STAGE,
  planBulkUpdate,
  textFieldKeys,
  type ContactFieldSpec,
} from '../../src/core/contacts/index.js';
import { filterFields, SYSTEM_FIELDS } from '../../src/core/filters/index.js';
import { IMPORT_HEADER_NAMES, IMPORT_SYSTEM_TARGETS, MULTI_COLUMN_TARGETS, suggestMapping } from '../../src/core/import/index.js';
import { MERGE_FLAG_FIELDS, MERGE_SCALAR_FIELDS, mergeFields } from '../../src/core/merge/index.js';
import { generateDemoData } from '../../src/data/demo-data.js';
import { contactStrings } from '../../src/i18n/strings/contact.js';
import { directoryStrings } from '../../src/i18n/strings/directory.js';
import { blankContact } from '../support/contacts.js';

const FIELDS = CONTACT_FIELDS as readonly ContactFieldSpec[];
const keysWhere = (test: (field: ContactFieldSpec) => unknown) => FIELDS.filter(test).map((f) => f.key);

const full = blankContact({
  id: 'c-1',
  firstName: 'Ana',
  lastName: 'Pérez',
  phones: ['+59899123456'],
  emails: ['ana@example.com'],
  identities: [{ kind: 'phone', value: '+59899123456' }],
  tags: ['vip'],
  blocked: true,
  unsubscribed: false,
  leadStage: 'Prospect',
  owner: 'agent.ana',
});

describe('the contact field definition', () => {
  it('names each field once, and each names a Contact member', () => {
    const keys = FIELDS.map((f) => f.key);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const field of FIELDS) expect(full, field.key).to.have.property(fieldProperty(field));
    // …and every member of a contact is a field.
    expect(Object.keys(full).sort()).to.deep.equal(FIELDS.map(fieldProperty).filter((p) => p in full).sort());
    expect(FIELDS.filter((f) => f.optional).map(fieldProperty)).to.have.members(['leadStage', 'owner']);
  });

  it('spells the lead stages once: the filter choices and the stage of a new contact', () => {
    expect(SYSTEM_FIELDS.find((f) => f.key === 'leadStage')?.options).to.deep.equal([...LEAD_STAGES]);
    expect(LEAD_STAGES).to.include(NEW_CONTACT_STAGE);
  });

  it('the filter builder offers exactly the filterable fields, in order, with their value types', () => {
    expect(SYSTEM_FIELDS.map((f) => f.key)).to.deep.equal(keysWhere((f) => f.filterable));
    for (const field of SYSTEM_FIELDS) expect(field.type).to.equal(contactField(field.key)!.type);
    expect(filterFields([{ key: 'score', label: 'Score', type: 'number' }]).map((f) => f.key)).to.deep.equal([
      ...keysWhere((f) => f.filterable),
      'score',
    ]);
  });

  it('bulk "set a field" takes exactly the bulk-settable fields and refuses what the definition forbids', () => {
    expect([...BULK_SETTABLE_FIELDS]).to.deep.equal(keysWhere((f) => f.bulkSettable));
    const contacts = [full];
    for (const key of BULK_SETTABLE_FIELDS) {
      const field = contactField(key)!;
      if (field.type === 'boolean') {
        expect(planBulkUpdate(contacts, { kind: 'set-field', field: key, value: 'yes' }).ok, key).to.equal(false);
        continue;
      }
      const max = field.maxLength!;
      expect(planBulkUpdate(contacts, { kind: 'set-field', field: key, value: 'x'.repeat(max) }).ok, key).to.equal(true);
      expect(planBulkUpdate(contacts, { kind: 'set-field', field: key, value: 'x'.repeat(max + 1) }), key).to.deep.include({
        ok: false,
        reason: 'invalid-value',
      });
      // Only an optional field may be cleared.
      expect(planBulkUpdate(contacts, { kind: 'set-field', field: key, value: undefined }).ok, key).to.equal(field.optional === true);
    }
    for (const key of keysWhere((f) => f.filterable && !f.bulkSettable)) {
      expect(planBulkUpdate(contacts, { kind: 'set-field', field: key, value: 'x' }), key).to.deep.include({
        ok: false,
        reason: 'field-not-settable',
      });
    }
  });

  it('CSV import maps to exactly the importable fields, each found by its own key and header names', () => {
    expect([...IMPORT_SYSTEM_TARGETS]).to.deep.equal(keysWhere((f) => f.importable));
    expect(Object.keys(IMPORT_HEADER_NAMES).sort()).to.deep.equal(keysWhere((f) => f.importable).sort());
    expect([...MULTI_COLUMN_TARGETS]).to.deep.equal(keysWhere((f) => f.importMultiColumn));
    for (const key of IMPORT_SYSTEM_TARGETS) {
      for (const header of IMPORT_HEADER_NAMES[key]) {
        // A header name may suggest only one field.
        expect(suggestMapping([header]), `${header}`).to.deep.equal([key]);
      }
    }
  });

  it('merge decides exactly the scalar and flag fields', () => {
    expect([...MERGE_SCALAR_FIELDS]).to.deep.equal(keysWhere((f) => f.merge === 'scalar'));
    expect([...MERGE_FLAG_FIELDS]).to.deep.equal(keysWhere((f) => f.merge === 'flag'));
    // Display order: scalars, then flags.
    expect(mergeFields([full])).to.deep.equal([...MERGE_SCALAR_FIELDS, ...MERGE_FLAG_FIELDS]);
  });

  it('the directory offers the name and exactly the column fields, and reads each one', () => {
    expect(availableColumns([])).to.deep.equal(['name', ...contactFieldKeys('column')]);
    const words = { yes: 'Yes', no: 'No', unnamed: '?' };
    const text = (column: Parameters<typeof cellText>[1]) => cellText(full, column, [], 'en', words);
    expect(text('email')).to.equal('ana@example.com');
    expect(text('phone')).to.contain('99 123 456');
    expect(text('tags')).to.equal('vip');
    expect(text('blocked')).to.equal('Yes');
    expect(text('unsubscribed')).to.equal('No');
    expect(text('leadStage')).to.equal('Prospect');
    expect(text('createdAt')).to.match(/2024/);
    for (const column of contactFieldKeys('column')) expect(text(column), column).to.not.equal('');
  });

  it('the properties form edits the writable text fields', () => {
    expect(textFieldKeys()).to.deep.equal(['firstName', 'lastName', 'leadStage', 'owner']);
  });

  it('every field the directory shows, filters or imports has a label in each language', async () => {
    const labelled = FIELDS.filter((f) => f.column || f.filterable || f.bulkSettable || f.importable);
    const catalogs = [directoryStrings.en, ...(await Promise.all([directoryStrings.load.es(), directoryStrings.load.pt()]))];
    for (const strings of catalogs) {
      const catalog = 'default' in strings ? (strings.default as typeof directoryStrings.en) : strings;
      for (const field of labelled) {
        const key = fieldLabelKey(field) as Parameters<typeof catalog.field>[0];
        expect(catalog.field(key), key).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('every lead stage has its label in each language', async () => {
    const catalogs = [contactStrings.en, ...(await Promise.all([contactStrings.load.es(), contactStrings.load.pt()]))];
    for (const strings of catalogs) {
      const catalog = ('default' in strings ? strings.default : strings) as Record<string, unknown>;
      for (const stage of LEAD_STAGES) expect(catalog[`stage${stage}`], stage).to.be.a('string').and.not.equal('');
    }
  });

  it('the demo data uses only the defined stages', () => {
    const stages = new Set(generateDemoData({ count: 300 }).contacts.map((c) => c.leadStage));
    stages.delete(undefined);
    expect([...stages]).to.have.members([...LEAD_STAGES]);
  });
});
