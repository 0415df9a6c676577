/**
 * Our contact as a Zoho CRM Contacts record (issue 22): the default field
 * mapping (changed by `UCRM_SYNC_ZOHO_FIELDS`, see field-mapping.ts), the
 * values typed as Zoho wants them (booleans as booleans, a cleared field as
 * null, text cut to the field's length rather than the whole record
 * refused), and the mandatory `Last_Name` never left empty.
 */
import type { Contact } from '../../src/core/types.js';
import { mapContact, type FieldMapping } from './field-mapping.js';

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

/** Standard boolean fields of Contacts. */
const BOOLEANS = new Set(['Email_Opt_Out']);
/** Standard Contacts field lengths. */
const LENGTHS: Record<string, number> = {
  First_Name: 40,
  Last_Name: 80,
  Email: 100,
  Secondary_Email: 100,
  Phone: 30,
  Mobile: 30,
  Other_Phone: 30,
  Home_Phone: 30,
};

export type ZohoContactFields = Record<string, string | boolean | null>;

const cut = (value: string, max: number | undefined) => (max && value.length > max ? value.slice(0, max) : value);

/**
 * The Contacts fields we write; `clearEmpty` (a record the sync wrote before)
 * sends a field the contact no longer has as null. `Last_Name` is mandatory:
 * a contact with only a first name keeps it as the last name; one with no
 * name at all is named by its first email or phone (else its id).
 */
export function toZohoContact(
  contact: Contact,
  mapping: Array<[string, string]>,
  externalIdField = ZOHO_EXTERNAL_ID_FIELD,
  clearEmpty = false,
): ZohoContactFields {
  const record: ZohoContactFields = {};
  for (const [field, value] of Object.entries(mapContact(contact, mapping, clearEmpty))) {
    record[field] = value === '' ? null : BOOLEANS.has(field) ? value === 'true' : cut(value, LENGTHS[field]);
  }
  if (typeof record.Last_Name !== 'string' || !record.Last_Name.trim()) {
    if (typeof record.First_Name === 'string' && record.First_Name.trim()) {
      record.Last_Name = cut(record.First_Name, LENGTHS.Last_Name);
      record.First_Name = null;
    } else {
      record.Last_Name = cut(contact.emails[0] ?? contact.phones[0] ?? contact.id, LENGTHS.Last_Name);
    }
  }
  record[externalIdField] = contact.id;
  return record;
}
