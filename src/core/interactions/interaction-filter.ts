/**
 * Inbox views (seed 004) run the directory's filter engine over
 * interactions: each interaction is read as a contact-shaped record whose
 * first name is its title, so "Contact Name is / contains …" works, with
 * interaction fields as custom fields (`name`, `channel`, `campaign`,
 * `status`, `assignee`, `clientId`, `unread`, `startedAt`, `updatedAt`) and
 * its tags as tags.
 */
import { compileFilter, type CompileOptions, type ContactFilter } from '../filters/index.js';
import type { Contact, FieldDef } from '../types.js';
import type { Interaction } from './model.js';

/** The fields an inbox view's conditions may use besides tags. */
export const INTERACTION_FILTER_FIELDS: readonly FieldDef[] = [
  { key: 'name', label: 'Contact Name', type: 'text' },
  { key: 'channel', label: 'Channel', type: 'text' },
  { key: 'campaign', label: 'Campaign', type: 'text' },
  { key: 'status', label: 'Status', type: 'text' },
  { key: 'assignee', label: 'Agent', type: 'text' },
  { key: 'clientId', label: 'Client ID', type: 'text' },
  { key: 'unread', label: 'Unread', type: 'number' },
  { key: 'startedAt', label: 'Started', type: 'datetime' },
  { key: 'updatedAt', label: 'Last activity', type: 'datetime' },
];

/** An interaction as the filter engine reads it. */
export function asFilterable(interaction: Interaction): Contact {
  const title = interaction.title ?? interaction.context.clientId ?? '';
  return {
    id: interaction.id,
    firstName: title,
    lastName: '',
    phones: [],
    emails: [],
    identities: [],
    tags: interaction.tags ?? [],
    notes: [],
    custom: {
      name: title,
      channel: interaction.channel,
      campaign: interaction.campaign,
      status: interaction.status,
      assignee: interaction.assignee,
      clientId: interaction.context.clientId,
      unread: interaction.unread,
      startedAt: interaction.startedAt,
      updatedAt: interaction.updatedAt ?? interaction.startedAt,
    },
    blocked: false,
    unsubscribed: false,
    createdAt: interaction.startedAt,
    updatedAt: interaction.updatedAt ?? interaction.startedAt,
  };
}

/** Compiles a view's filter into a predicate over interactions; throws `FilterError` when it is invalid. */
export function compileInteractionFilter(filter: ContactFilter, options?: CompileOptions): (interaction: Interaction) => boolean {
  const predicate = compileFilter(filter, INTERACTION_FILTER_FIELDS, options);
  return (interaction) => predicate(asFilterable(interaction));
}
