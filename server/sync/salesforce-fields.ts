/**
 * Our contact as a Salesforce Contact record (issue 22): the default field
 * mapping (changed by `UCRM_SYNC_SALESFORCE_FIELDS`, see field-mapping.ts),
 * the values typed as Salesforce wants them (checkboxes as booleans, a
 * cleared field as null, text cut to the field's length rather than the
 * whole record refused), and the required `LastName` never left empty.
 */
import type { Contact } from '../../src/core/types.js';
import { toCrmRecord, type CrmRecordFields, type CrmRecordShape } from './crm-record.js';
import type { FieldMapping } from './field-mapping.js';

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

/** Standard Contact fields: its checkboxes (sent as JSON booleans) and field lengths. */
const SALESFORCE_CONTACT: CrmRecordShape = {
  firstName: 'FirstName',
  lastName: 'LastName',
  booleans: new Set(['HasOptedOutOfEmail', 'DoNotCall', 'HasOptedOutOfFax', 'DoNotMail']),
  lengths: {
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
  },
  noName: () => SALESFORCE_NO_NAME,
};

export type SalesforceContactFields = CrmRecordFields;

/**
 * The Contact fields we write (crm-record.ts): `clearEmpty` (a record the
 * sync wrote before) sends a field the contact no longer has as null.
 * `LastName` is required in Salesforce: a contact with no name at all is
 * named by its first email or phone, else Salesforce's own filler
 * "[not provided]".
 */
export function toSalesforceContact(
  contact: Contact,
  mapping: Array<[string, string]>,
  externalIdField = SALESFORCE_EXTERNAL_ID_FIELD,
  clearEmpty = false,
): SalesforceContactFields {
  return toCrmRecord(contact, mapping, externalIdField, clearEmpty, SALESFORCE_CONTACT);
}
