/**
 * The contact a screen pop proposes for an unknown ClientID: the form's
 * pre-filled values, and the contact `auto-create` makes on its own.
 */
import { friendlyName } from '../../core/contacts/index.js';
import { identityKindForChannel } from '../../core/identity/index.js';
import type { Channel, ContactDraft, Identity } from '../../core/types.js';
import { identityLabel } from '../contact-matcher/contact-label.js';

/** The ClientID in the field its channel says: phone, email, or the channel's own identity. */
export function draftForClientId(channel: Channel, identity: Identity | undefined, raw: string | undefined): ContactDraft {
  const kind = identity?.kind ?? identityKindForChannel(channel);
  // An invalid ClientID is still offered as typed, so the agent can correct it.
  const value = identity?.value ?? raw?.trim() ?? '';
  const draft: ContactDraft = { leadStage: 'Lead' };
  if (!value) return draft;
  if (kind === 'phone') draft.phones = [value];
  else if (kind === 'email') draft.emails = [value];
  else draft.identities = [{ kind, value }];
  return draft;
}

/**
 * What `auto-create` creates: named after the identity as the agent would
 * read it (the phone, the email, the @handle), or, for an anonymous web chat
 * visitor, a friendly generated name such as "Rich Key"; lead stage Lead.
 */
export function autoCreateDraft(channel: Channel, identity: Identity): ContactDraft {
  const draft = draftForClientId(channel, identity, undefined);
  const name = identity.kind === 'webchat' ? friendlyName(identity) : { firstName: identityLabel(identity), lastName: '' };
  return { ...draft, ...name, leadStage: 'Lead' };
}
