/**
 * Our contact as a Salesforce Contact record (issue 22). The default mapping
 * of the Salesforce connector until the engine's shared field mapping
 * (`field-mapping.ts`) takes over; the limits are Salesforce's field lengths,
 * so a long value is cut rather than refused by the whole record.
 */
import type { Contact } from '../../src/core/types.js';

/** The external-id field the connector upserts by (a custom Text field marked External ID, Unique). */
export const SALESFORCE_EXTERNAL_ID_FIELD = 'Ucrm_Id__c';

/** What Salesforce puts in a required name it was not given (its own web-to-lead convention). */
export const SALESFORCE_NO_NAME = '[not provided]';

export type SalesforceContactFields = Record<string, string | boolean | null>;

const cut = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/**
 * `LastName` is required in Salesforce. A contact with only a first name keeps
 * it as the last name (so the record reads as the person, not as
 * "[not provided]"); one with no name at all is named by its first email or
 * phone, the way an agent would recognise it, else Salesforce's own filler.
 */
export function salesforceNames(contact: Contact): { FirstName: string | null; LastName: string } {
  const first = contact.firstName.trim();
  const last = contact.lastName.trim();
  if (last) return { FirstName: first ? cut(first, 40) : null, LastName: cut(last, 80) };
  if (first) return { FirstName: null, LastName: cut(first, 80) };
  const handle = contact.emails[0] ?? contact.phones[0];
  return { FirstName: null, LastName: cut(handle ?? SALESFORCE_NO_NAME, 80) };
}

/** The Contact fields we write; `null` clears a field we set before (the contact lost its phone). */
export function toSalesforceContact(
  contact: Contact,
  externalIdField = SALESFORCE_EXTERNAL_ID_FIELD,
): SalesforceContactFields {
  return {
    ...salesforceNames(contact),
    Email: contact.emails[0] ? cut(contact.emails[0], 80) : null,
    Phone: contact.phones[0] ? cut(contact.phones[0], 40) : null,
    MobilePhone: contact.phones[1] ? cut(contact.phones[1], 40) : null,
    HasOptedOutOfEmail: contact.unsubscribed,
    DoNotCall: contact.blocked,
    [externalIdField]: contact.id,
  };
}
