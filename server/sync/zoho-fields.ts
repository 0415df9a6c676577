/**
 * Our contact as a Zoho CRM Contacts record (issue 22). The Zoho connector's
 * default mapping until the engine's shared field mapping (`field-mapping.ts`)
 * takes over; lengths are Zoho's field limits, so a long value is cut rather
 * than refusing the whole record.
 */
import type { Contact } from '../../src/core/types.js';

/** The custom unique field holding our contact id (Single Line, "Do not allow duplicate values"). */
export const ZOHO_EXTERNAL_ID_FIELD = 'Ucrm_Id';

export type ZohoContactFields = Record<string, string | boolean | null>;

const cut = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/**
 * `Last_Name` is mandatory in Zoho. A contact with only a first name keeps it
 * as the last name; one with no name at all is named by its first email or
 * phone, the way an agent would recognise it.
 */
export function zohoNames(contact: Contact): { First_Name: string | null; Last_Name: string } {
  const first = contact.firstName.trim();
  const last = contact.lastName.trim();
  if (last) return { First_Name: first ? cut(first, 40) : null, Last_Name: cut(last, 80) };
  if (first) return { First_Name: null, Last_Name: cut(first, 80) };
  return { First_Name: null, Last_Name: cut(contact.emails[0] ?? contact.phones[0] ?? contact.id, 80) };
}

/** The Contacts fields we write; `null` clears a field we set before. */
export function toZohoContact(contact: Contact, externalIdField = ZOHO_EXTERNAL_ID_FIELD): ZohoContactFields {
  return {
    ...zohoNames(contact),
    Email: contact.emails[0] ? cut(contact.emails[0], 100) : null,
    Secondary_Email: contact.emails[1] ? cut(contact.emails[1], 100) : null,
    Phone: contact.phones[0] ? cut(contact.phones[0], 30) : null,
    Mobile: contact.phones[1] ? cut(contact.phones[1], 30) : null,
    Email_Opt_Out: contact.unsubscribed,
    [externalIdField]: contact.id,
  };
}
