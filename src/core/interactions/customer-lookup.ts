/**
 * What a source learns about a customer from the contacts: who they are (a
 * single match links the interaction), whether they are blocked, and the
 * name the inbox shows. Shared by the simulated carrier and the reference
 * server; the contacts arrive as a lookup, so nothing here does I/O itself.
 */
import { friendlyName } from '../contacts/index.js';
import { normalizeClientId } from '../identity/index.js';
import type { Channel, Contact, Identity } from '../types.js';

/** Finds contacts by an identity (a `CrmSource` fits). */
export interface ContactLookup {
  findByIdentity(identity: Identity): Promise<Contact[]>;
  getContact?(id: string): Promise<Contact | undefined>;
}

export interface CustomerInfo {
  contactId?: string;
  blocked: boolean;
  title: string;
}

export function contactName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return `${contact.firstName} ${contact.lastName}`.trim();
}

export async function lookUpCustomer(
  contacts: ContactLookup | undefined,
  channel: Channel,
  clientId: string,
  options: { region?: string; preChatName?: string },
): Promise<CustomerInfo> {
  let matches: Contact[] = [];
  const normalized = normalizeClientId(channel, clientId, options.region ? { defaultRegion: options.region } : undefined);
  if (contacts && normalized.ok) {
    try {
      matches = await contacts.findByIdentity(normalized.identity);
    } catch {
      // An unreachable CRM must not lose the interaction: it arrives unlinked.
      matches = [];
    }
  }
  const blocked = matches.some((c) => c.blocked);
  const single = matches.length === 1 ? matches[0] : undefined;
  const fallback =
    options.preChatName?.trim() ||
    (channel === 'webchat' ? Object.values(friendlyName(clientId)).join(' ') : clientId.trim());
  return {
    ...(single ? { contactId: single.id } : {}),
    blocked,
    title: (single && contactName(single)) || fallback,
  };
}
