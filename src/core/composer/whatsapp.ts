/**
 * WhatsApp's rule for starting a conversation: the first message must be an
 * HSM template approved by Meta, with every variable filled in. Free text
 * would fail at the provider and never reach the customer.
 */
import type { MessageTemplate } from '../types.js';
import { missingVariables, templatesFor } from './templates.js';

export interface WhatsAppFirstMessage {
  templateId?: string;
  variables?: Readonly<Record<string, string>>;
  /** Free text the agent typed (refused as a first message). */
  message?: string;
}

export type HsmCheck =
  | { ok: true; template: MessageTemplate }
  | { ok: false; reason: 'free-text' | 'template-required' | 'unknown-template' | 'not-approved' }
  | { ok: false; reason: 'missing-variables'; missing: string[] };

/** The campaign's WhatsApp templates Meta approved (the only ones that can open a conversation). */
export function approvedHsmTemplates(templates: readonly MessageTemplate[] | undefined): MessageTemplate[] {
  return templatesFor(templates, 'whatsapp').filter((template) => template.approved === true);
}

export function checkWhatsAppFirstMessage(
  first: WhatsAppFirstMessage,
  templates: readonly MessageTemplate[] | undefined,
): HsmCheck {
  if (!first.templateId) {
    return { ok: false, reason: (first.message ?? '').trim() ? 'free-text' : 'template-required' };
  }
  const template = templatesFor(templates, 'whatsapp').find((t) => t.id === first.templateId);
  if (!template) return { ok: false, reason: 'unknown-template' };
  if (template.approved !== true) return { ok: false, reason: 'not-approved' };
  const missing = missingVariables(template.body, first.variables ?? {});
  if (missing.length) return { ok: false, reason: 'missing-variables', missing };
  return { ok: true, template };
}
