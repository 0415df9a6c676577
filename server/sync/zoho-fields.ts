/**
 * Our contact as a Zoho CRM Contacts record (issue 22): the default field
 * mapping (changed by `UCRM_SYNC_ZOHO_FIELDS`, see field-mapping.ts), the
 * values typed as Zoho wants them (booleans as booleans, a cleared field as
 * null, text cut to the field's length rather than the whole record
 * refused), and the mandatory `Last_Name` never left empty.
 */
import type { Contact } from '../../src/core/types.js';
import { toCrmRecord, type CrmRecordFields, type CrmRecordShape } from './crm-record.js';
import type { FieldMapping } from './field-mapping.js';

/** The custom unique field holding our contact id (Single Line, "Do not allow duplicate values"). */
export const ZOHO_EXTERNAL_ID_FIELD = 'Ucrm_Id';

/** Zoho's own Contacts fields (API names) for ours; `UCRM_SYNC_ZOHO_FIELDS` changes them. */
export const ZOHO_DEFAULT_FIELDS: FieldMapping = {
  firstName: 'First_Name',
  lastName: 'Last_Name',
  email: 'Email',
  phone: 'Phone',
  unsubscribed: 'Email_Opt_Out',
};

/** Standard Contacts fields: the booleans and field lengths. */
const ZOHO_CONTACT: CrmRecordShape = {
  firstName: 'First_Name',
  lastName: 'Last_Name',
  booleans: new Set(['Email_Opt_Out']),
  lengths: {
    First_Name: 40,
    Last_Name: 80,
    Email: 100,
    Secondary_Email: 100,
    Phone: 30,
    Mobile: 30,
    Other_Phone: 30,
    Home_Phone: 30,
  },
  noName: (contact) => contact.id,
};

export type ZohoContactFields = CrmRecordFields;

/**
 * The Contacts fields we write (crm-record.ts); `clearEmpty` (a record the
 * sync wrote before) sends a field the contact no longer has as null.
 * `Last_Name` is mandatory: a contact with no name at all is named by its
 * first email or phone, else its id.
 */
export function toZohoContact(
  contact: Contact,
  mapping: Array<[string, string]>,
  externalIdField = ZOHO_EXTERNAL_ID_FIELD,
  clearEmpty = false,
): ZohoContactFields {
  return toCrmRecord(contact, mapping, externalIdField, clearEmpty, ZOHO_CONTACT);
}
