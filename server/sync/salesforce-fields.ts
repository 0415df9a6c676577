/**
 * Our contact as a Salesforce Contact record (issue 22): the default field
 * mapping (changed by `UCRM_SYNC_SALESFORCE_FIELDS`, see field-mapping.ts),
 * the values typed as Salesforce wants them (checkboxes as booleans, a
 * cleared field as null, text cut to the field's length rather than the
 * whole record refused), and the required `LastName` never left empty.
 */
import type { Contact } from '../../src/core/types.js';
import { mapContact, type FieldMapping } from './field-mapping.js';

/** The external-id field the connector upserts by (a custom Text field marked External ID and Unique). */
export const SALESFORCE_EXTERNAL_ID_FIELD = 'Ucrm_Id__c';

/** What Salesforce puts in a required name it was not given (its own web-to-lead convention). */
export const SALESFORCE_NO_NAME = '[not provided]';

/** Standard Contact fields for our fields; `UCRM_SYNC_SALESFORCE_FIELDS` changes them. */
export const SALESFORCE_DEFAULT_FIELDS: FieldMapping = {
  firstName: 'FirstName',
  lastName: 'LastName',
  email: 'Email',
  phone: 'Phone',
  unsubscribed: 'HasOptedOutOfEmail',
  blocked: 'DoNotCall',
};

/** Standard Contact checkboxes: sent as JSON booleans. */
const CHECKBOXES = new Set(['HasOptedOutOfEmail', 'DoNotCall', 'HasOptedOutOfFax', 'DoNotMail']);
/** Standard Contact field lengths. */
const LENGTHS: Record<string, number> = {
  FirstName: 40,
  LastName: 80,
  Email: 80,
  Phone: 40,
  MobilePhone: 40,
  HomePhone: 40,
  OtherPhone: 40,
  Title: 128,
  Department: 80,
  LeadSource: 255,
};

export type SalesforceContactFields = Record<string, string | boolean | null>;

const cut = (value: string, max: number | undefined) => (max && value.length > max ? value.slice(0, max) : value);

/**
 * The Contact fields we write. `clearEmpty` (a record the sync wrote before)
 * sends a field the contact no longer has as null, which clears it.
 *
 * `LastName` is required in Salesforce. A contact with only a first name
 * keeps it as the last name (the record reads as the person, not as
 * "[not provided]"); one with no name at all is named by its first email or
 * phone, the way an agent would recognise it, else Salesforce's own filler.
 */
export function toSalesforceContact(
  contact: Contact,
  mapping: Array<[string, string]>,
  externalIdField = SALESFORCE_EXTERNAL_ID_FIELD,
  clearEmpty = false,
): SalesforceContactFields {
  const record: SalesforceContactFields = {};
  for (const [field, value] of Object.entries(mapContact(contact, mapping, clearEmpty))) {
    record[field] = value === '' ? null : CHECKBOXES.has(field) ? value === 'true' : cut(value, LENGTHS[field]);
  }
  if (typeof record.LastName !== 'string' || !record.LastName.trim()) {
    if (typeof record.FirstName === 'string' && record.FirstName.trim()) {
      record.LastName = cut(record.FirstName, LENGTHS.LastName);
      record.FirstName = null;
    } else {
      record.LastName = cut(contact.emails[0] ?? contact.phones[0] ?? SALESFORCE_NO_NAME, LENGTHS.LastName);
    }
  }
  record[externalIdField] = contact.id;
  return record;
}
