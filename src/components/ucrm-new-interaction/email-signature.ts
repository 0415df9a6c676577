/**
 * The campaign's signature under an Email body: added once per draft, and
 * swapped for another campaign's while the agent has not edited the body.
 */
import type { ComposerDraft } from '../../core/composer/index.js';
import type { Campaign } from '../../core/types.js';
import type { EmailBodyController } from './email-body-controller.js';

export class EmailSignature {
  /** The body right after the signature was added: while the body equals it, it is untouched. */
  private signedBody?: string;

  constructor(
    private readonly body: EmailBodyController,
    private readonly draft: () => ComposerDraft,
    private readonly update: (patch: Partial<ComposerDraft>) => void,
  ) {}

  /** Another draft: its body was not signed here. */
  forget(): void {
    this.signedBody = undefined;
  }

  /** Signs the draft for `campaign`, unless it already is. */
  sign(campaign: Campaign): void {
    const draft = this.draft();
    if (draft.signedFor === campaign.id) return;
    const body = draft.html ?? '';
    const untouched = !draft.signedFor || body === this.signedBody || !body.trim();
    if (!untouched) return this.update({ signedFor: campaign.id });
    // Sanitized by the editor controller on its way into the editor and before it is sent.
    const signature = campaign.signature ?? '';
    this.signedBody = this.body.setContent(signature ? `<p></p>${signature}` : '');
    this.update({ html: this.signedBody, signedFor: campaign.id });
  }

  /**
   * The editor rewrites HTML in its own form: a signed body it has not been
   * edited since is kept in that form, so a later campaign change still
   * recognizes it as untouched. Called once the editor shows the body.
   */
  adoptEditorForm(): void {
    if (this.signedBody === undefined || this.signedBody !== this.draft().html) return;
    const html = this.body.html;
    if (html === undefined || html === this.signedBody) return;
    this.signedBody = html;
    this.update({ html });
  }
}
