/**
 * New conversation from a contact: the outbound composer reads what it
 * shows from its drafts (one per channel and agent, src/state/composer-drafts.ts),
 * so the contact's first phone goes into the Phone, WhatsApp and SMS drafts and
 * the first email into the Email draft, beside whatever else the agent had
 * typed there (nothing typed is lost). Loaded with the composer, on first use.
 */
import type { ComposerChannel } from '../../core/composer/index.js';
import type { Contact } from '../../core/types.js';
import { ANONYMOUS_AGENT, loadDraft, saveDraft } from '../../state/composer-drafts.js';

const PHONE_CHANNELS: readonly ComposerChannel[] = ['phone', 'whatsapp', 'sms'];

/** Puts the contact's phone and email in `agentId`'s drafts; the channel to preselect (phone first), if any. */
export function prefillConversation(agentId: string, contact: Contact): ComposerChannel | undefined {
  const agent = agentId || ANONYMOUS_AGENT;
  const [phone] = contact.phones;
  const [email] = contact.emails;
  if (phone) for (const channel of PHONE_CHANNELS) saveDraft(agent, channel, { ...loadDraft(agent, channel), to: phone });
  if (email) saveDraft(agent, 'email', { ...loadDraft(agent, 'email'), to: email });
  return phone ? 'phone' : email ? 'email' : undefined;
}
