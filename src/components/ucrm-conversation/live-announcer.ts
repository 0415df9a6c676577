/**
 * The conversation's polite live region: new messages, a message that
 * failed, "Sent". A repeated text is still announced (the region is emptied
 * first and filled after the next render).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class LiveAnnouncer implements ReactiveController {
  private text = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  announce(text: string): void {
    this.text = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.text = text;
      this.host.requestUpdate();
    });
  }

  render(): TemplateResult {
    return html`<div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }
}
