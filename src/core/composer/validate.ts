/**
 * Turns a channel's draft into the start request, or into the list of what
 * still stops it. Every channel rule the provider would enforce after the
 * fact is checked here first.
 */
import { normalizeIdentity } from '../identity/index.js';
import type { Campaign } from '../types.js';
import type { ComposerChannel } from './availability.js';
import { countDigits, MIN_DIAL_DIGITS } from './dial-string.js';
import type { ComposerDraft } from './draft.js';
import { isValidEmail } from './email.js';
import { fillTemplate, missingVariables, templatesFor } from './templates.js';
import { checkWhatsAppFirstMessage } from './whatsapp.js';

export type ComposerField = 'campaign' | 'to' | 'message' | 'template' | 'subject' | 'body' | 'cc' | 'bcc';

export type ComposerErrorCode =
  | 'required'
  | 'too-few-digits'
  | 'invalid-number'
  | 'invalid-email'
  | 'free-text'
  | 'template-required'
  | 'unknown-template'
  | 'not-approved'
  | 'missing-variables';

export interface ComposerError {
  field: ComposerField;
  code: ComposerErrorCode;
  /** For `missing-variables`: the placeholders still empty. */
  missing?: string[];
  /** For `invalid-email` on CC/BCC: the offending addresses. */
  values?: string[];
}

/** The validated request, without the files (the element adds those). */
export interface ComposerRequest {
  channel: ComposerChannel;
  campaign: string;
  /** Phone: the dial string; WhatsApp and SMS: E.164; Email: the address. */
  to: string;
  message?: string;
  template?: string;
  variables?: Record<string, string>;
  subject?: string;
  html?: string;
  cc?: string[];
  bcc?: string[];
}

export type ComposerValidation = { ok: true; request: ComposerRequest } | { ok: false; errors: ComposerError[] };

export interface ValidateOptions {
  /** Email: whether the body has any content (the editor knows; HTML alone does not say). */
  bodyEmpty?: boolean;
  /** Region for national numbers when the campaign has none. */
  defaultRegion?: string;
}

/** Only the variables the template uses, trimmed. */
function usedVariables(body: string, values: Readonly<Record<string, string>> = {}): Record<string, string> {
  const used: Record<string, string> = {};
  for (const match of body.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) used[match[1]] = (values[match[1]] ?? '').trim();
  return used;
}

export function validateComposer(
  channel: ComposerChannel,
  draft: ComposerDraft,
  campaign: Campaign | undefined,
  options: ValidateOptions = {},
): ComposerValidation {
  const errors: ComposerError[] = [];
  if (!campaign) errors.push({ field: 'campaign', code: 'required' });
  const to = (draft.to ?? '').trim();
  const request: ComposerRequest = { channel, campaign: campaign?.id ?? '', to };

  if (channel === 'phone') {
    if (!to) errors.push({ field: 'to', code: 'required' });
    else if (countDigits(to) < MIN_DIAL_DIGITS) errors.push({ field: 'to', code: 'too-few-digits' });
  }

  if (channel === 'whatsapp' || channel === 'sms') {
    if (!to) errors.push({ field: 'to', code: 'required' });
    else {
      const number = normalizeIdentity('phone', to, { defaultRegion: campaign?.region ?? options.defaultRegion });
      if (number.ok) request.to = number.identity.value;
      else errors.push({ field: 'to', code: 'invalid-number' });
    }
  }

  if (channel === 'whatsapp') {
    const hsm = checkWhatsAppFirstMessage(draft, campaign?.templates);
    if (hsm.ok) {
      request.template = hsm.template.id;
      request.variables = usedVariables(hsm.template.body, draft.variables);
      request.message = fillTemplate(hsm.template.body, request.variables);
    } else {
      errors.push({ field: 'template', code: hsm.reason, ...(hsm.reason === 'missing-variables' ? { missing: hsm.missing } : {}) });
    }
  }

  if (channel === 'sms') {
    const template = draft.templateId ? templatesFor(campaign?.templates, 'sms').find((t) => t.id === draft.templateId) : undefined;
    if (draft.templateId && !template) errors.push({ field: 'template', code: 'unknown-template' });
    else if (template) {
      const missing = missingVariables(template.body, draft.variables ?? {});
      if (missing.length) errors.push({ field: 'template', code: 'missing-variables', missing });
      request.template = template.id;
      request.variables = usedVariables(template.body, draft.variables);
      request.message = fillTemplate(template.body, request.variables);
    } else if (!(draft.message ?? '').trim()) errors.push({ field: 'message', code: 'required' });
    else request.message = draft.message;
  }

  if (channel === 'email') {
    if (!to) errors.push({ field: 'to', code: 'required' });
    else if (!isValidEmail(to)) errors.push({ field: 'to', code: 'invalid-email' });
    const subject = (draft.subject ?? '').trim();
    if (!subject) errors.push({ field: 'subject', code: 'required' });
    if (options.bodyEmpty ?? !(draft.html ?? '').trim()) errors.push({ field: 'body', code: 'required' });
    for (const field of ['cc', 'bcc'] as const) {
      const bad = (draft[field] ?? []).filter((address) => !isValidEmail(address));
      if (bad.length) errors.push({ field, code: 'invalid-email', values: bad });
    }
    Object.assign(request, { subject, html: draft.html ?? '', cc: [...(draft.cc ?? [])], bcc: [...(draft.bcc ?? [])] });
  }

  return errors.length ? { ok: false, errors } : { ok: true, request };
}
