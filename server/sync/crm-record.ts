/**
 * Our contact as a record of a CRM whose name field is required (Salesforce's
 * `LastName`, Zoho's `Last_Name`): the mapped fields typed as the CRM wants
 * them (its checkboxes as booleans, a cleared field as null, text cut to the
 * field's length rather than the whole record refused), the required last
 * name never left empty, and our id in the external-id field. Each CRM's
 * `*-fields.ts` gives its field names, lengths and filler.
 */
import type { Contact } from '../../src/core/types.js';
import { mapContact } from './field-mapping.js';

export type CrmRecordFields = Record<string, string | boolean | null>;

/** What one CRM's Contact record is like. */
export interface CrmRecordShape {
  firstName: string;
  /** The required name field. */
  lastName: string;
  /** Fields sent as JSON booleans. */
  booleans: ReadonlySet<string>;
  /** Field lengths; longer text is cut. */
  lengths: Readonly<Record<string, number>>;
  /** The name of a contact with no name, email or phone. */
  noName: (contact: Contact) => string;
}

const cut = (value: string, max: number | undefined) => (max && value.length > max ? value.slice(0, max) : value);

/**
 * The fields we write. `clearEmpty` (a record the sync wrote before) sends a
 * field the contact no longer has as null, which clears it. A contact with
 * only a first name keeps it as the last name (the record reads as the
 * person); one with no name at all is named by its first email or phone, the
 * way an agent would recognise it, else `shape.noName`.
 */
export function toCrmRecord(
  contact: Contact,
  mapping: Array<[string, string]>,
  externalIdField: string,
  clearEmpty: boolean,
  shape: CrmRecordShape,
): CrmRecordFields {
  const { firstName, lastName, lengths } = shape;
  const record: CrmRecordFields = {};
  for (const [field, value] of Object.entries(mapContact(contact, mapping, clearEmpty))) {
    record[field] = value === '' ? null : shape.booleans.has(field) ? value === 'true' : cut(value, lengths[field]);
  }
  const last = record[lastName];
  if (typeof last !== 'string' || !last.trim()) {
    const first = record[firstName];
    if (typeof first === 'string' && first.trim()) {
      record[lastName] = cut(first, lengths[lastName]);
      record[firstName] = null;
    } else {
      record[lastName] = cut(contact.emails[0] ?? contact.phones[0] ?? shape.noName(contact), lengths[lastName]);
    }
  }
  record[externalIdField] = contact.id;
  return record;
}
