/** What the agent has typed for one channel: the shape drafts are kept and validated in. */
export interface ComposerDraft {
  campaignId?: string;
  /** Phone dial string, WhatsApp/SMS number as typed, or the email To address. */
  to?: string;
  /** Free text (SMS; WhatsApp keeps it only to explain why it is refused). */
  message?: string;
  templateId?: string;
  variables?: Record<string, string>;
  subject?: string;
  /** Email body HTML (sanitized before it is stored or sent). */
  html?: string;
  cc?: string[];
  bcc?: string[];
  /** The campaign whose signature was added to `html`, so it is added once. */
  signedFor?: string;
}

/** True when nothing was typed or chosen (such a draft is not stored). */
export function isEmptyDraft(draft: ComposerDraft | undefined): boolean {
  if (!draft) return true;
  return !(
    draft.campaignId ||
    draft.html ||
    draft.to ||
    draft.message ||
    draft.templateId ||
    draft.subject ||
    draft.cc?.length ||
    draft.bcc?.length ||
    Object.values(draft.variables ?? {}).some(Boolean)
  );
}
