/**
 * The directory's actions on one contact and the toolbar's New contact:
 * Unblock (a row of the Block segment), New conversation (a row, or the
 * details), which opens the outbound composer `<ucrm-new-interaction>` on
 * the contact's phone or email, and New contact, which opens
 * `<ucrm-contact-form>`. Both elements are registered on first use (their
 * own chunks); the composer's prefill goes through its drafts
 * (conversation-prefill.ts, loaded with it).
 *
 * With the host's `contacts`, Unblock and the form's submit go out as
 * cancelable events for the host to write; on a source, the directory writes
 * them unless the host cancels.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ComposerChannel } from '../../core/composer/index.js';
import type { Contact, ContactDraft, CustomSection } from '../../core/types.js';
import { randomId } from '../../core/util/index.js';
import type { CrmSource } from '../../data/source.js';
import { UcrmContactCreatedEvent, UcrmContactUnblockEvent, type UcrmContactSubmitEvent } from '../../events.js';
import type { DirectoryActionStrings } from '../../i18n/strings/directory-actions.js';
import type { AdminSource } from './directory-data.js';
import { loadDefinition } from '../shared/define-element.js';
import { LazyChunk } from '../shared/lazy-chunk.js';

export interface ContactActionsDeps {
  strings: () => DirectoryActionStrings;
  /** The directory's source, given to the composer (its campaigns). */
  source: () => CrmSource;
  /** True on a source: the directory writes (unless cancelled); false: the host does. */
  sourceMode: () => boolean;
  /** Runs a write on the source (source-mode.ts); undefined without a managing source. */
  write: (operation: string, work: (admin: AdminSource) => Promise<unknown>, retry: () => void) => Promise<boolean> | undefined;
  agentId: () => string;
  region: () => string | undefined;
  /** The custom sections the create form shows. */
  sections: () => CustomSection[];
  /** A contact's name as the rows show it. */
  name: (contact: Contact) => string;
  /** Says something in the directory's polite live region. */
  announce: (text: string) => void;
  /** The element's current error, shown inside the open dialog. */
  problem: () => unknown;
  cancelLabel: () => string;
  /** A chunk could not be imported; `retry` imports it again and redoes the action. */
  failed: (error: unknown, retry: () => void) => void;
}

type ComposerModule = typeof import('./conversation-prefill.js');

const loadComposer = () =>
  Promise.all([import('./conversation-prefill.js'), loadDefinition('ucrm-new-interaction'), loadDefinition('ucrm-dialog')]).then(
    ([module]) => module,
  );
const loadForm = () => Promise.all([loadDefinition('ucrm-contact-form'), loadDefinition('ucrm-dialog')]);

/** The phone or email a conversation can start on. */
export const canTalkTo = (contact: Contact) => !contact.blocked && (contact.phones.length > 0 || contact.emails.length > 0);

export class ContactActions {
  readonly composerChunk: LazyChunk<ComposerModule>;
  readonly formChunk: LazyChunk<[void, void]>;
  /** The contact the composer is open for, its preselected channel, and a key that makes each opening a fresh composer. */
  private talk?: { contact: Contact; channel?: ComposerChannel; key: number };
  private opened = 0;
  /** The create form is open; `key` makes the retried create idempotent, `busy` while it is written. */
  private create?: { key: string; busy: boolean };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ContactActionsDeps,
  ) {
    this.composerChunk = new LazyChunk(host, loadComposer, { failed: deps.failed });
    this.formChunk = new LazyChunk(host, loadForm, { failed: deps.failed });
  }

  /** Unblock: the host may cancel (and write it itself); on a source the directory writes it. */
  unblock(contact: Contact): void {
    const request = new UcrmContactUnblockEvent({ contact });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented || !this.deps.sourceMode()) return;
    void this.deps
      .write('unblock', (admin) => admin.setBlocked(contact.id, false), () => this.unblock(contact))
      ?.then((done) => done && this.deps.announce(this.deps.strings().unblocked(this.deps.name(contact))));
  }

  /** Opens the composer on the contact's phone (else email), the number or address already in the draft. */
  converse(contact: Contact): void {
    this.composerChunk.with(({ prefillConversation }) => {
      const channel = prefillConversation(this.deps.agentId(), contact);
      this.talk = { contact, channel, key: ++this.opened };
      this.host.requestUpdate();
    });
  }

  openCreate(): void {
    this.formChunk.with(() => {
      this.create = { key: randomId(), busy: false };
      this.host.requestUpdate();
    });
  }

  private closeConversation(): void {
    if (!this.talk) return;
    this.talk = undefined;
    this.host.requestUpdate();
  }

  private closeCreate(): void {
    if (!this.create) return;
    this.create = undefined;
    this.host.requestUpdate();
  }

  /** The form's submit: decided once every listener ran (the host's too), so the host can cancel. */
  private async onSubmit(event: UcrmContactSubmitEvent): Promise<void> {
    await Promise.resolve();
    if (event.defaultPrevented) return;
    if (!this.deps.sourceMode()) return this.closeCreate();
    await this.createContact(event.detail.draft);
  }

  private async createContact(draft: ContactDraft): Promise<void> {
    const create = this.create;
    if (!create || create.busy) return;
    create.busy = true;
    this.host.requestUpdate();
    let contact: Contact | undefined;
    const done = await this.deps.write(
      'create',
      async (admin) => (contact = await admin.createContact(draft, { idempotencyKey: create.key })),
      () => void this.createContact(draft),
    );
    create.busy = false;
    this.host.requestUpdate();
    if (!done || !contact) return;
    this.closeCreate();
    this.deps.announce(this.deps.strings().created(this.deps.name(contact)));
    this.host.dispatchEvent(new UcrmContactCreatedEvent({ contact }));
  }

  private renderConversation(): TemplateResult | typeof nothing {
    if (!this.composerChunk.module) return nothing;
    const talk = this.talk;
    const s = this.deps.strings();
    return html`<ucrm-dialog
      part="conversation-dialog"
      label=${talk ? s.conversationTitle(this.deps.name(talk.contact)) : ''}
      .open=${!!talk}
      @close=${() => this.closeConversation()}
      @click=${(e: Event) => {
        // The composer's own × closes its panel: the dialog goes with it.
        const composer = (e.currentTarget as HTMLElement).querySelector('ucrm-new-interaction');
        if (composer && !composer.open) this.closeConversation();
      }}
    >
      ${talk
        ? keyed(
            talk.key,
            html`<ucrm-new-interaction
              part="composer"
              open
              .source=${this.deps.source()}
              .channel=${talk.channel}
              agent-id=${this.deps.agentId()}
              default-region=${this.deps.region() ?? ''}
            ></ucrm-new-interaction>`,
          )
        : nothing}
    </ucrm-dialog>`;
  }

  private renderCreate(): TemplateResult | typeof nothing {
    if (!this.formChunk.module) return nothing;
    const create = this.create;
    const s = this.deps.strings();
    return html`<ucrm-dialog part="create-dialog" label=${s.newContactTitle} .open=${!!create} @close=${() => this.closeCreate()}>
      ${create
        ? html`${this.deps.problem()}
            <ucrm-contact-form
              part="create-form"
              .sections=${this.deps.sections()}
              ?busy=${create.busy}
              @ucrm-contact-submit=${(e: UcrmContactSubmitEvent) => void this.onSubmit(e)}
            ></ucrm-contact-form>
            <div part="dialog-actions">
              <button type="button" part="create-cancel" @click=${() => this.closeCreate()}>${this.deps.cancelLabel()}</button>
            </div>`
        : nothing}
    </ucrm-dialog>`;
  }

  render(): TemplateResult {
    return html`${this.renderConversation()} ${this.renderCreate()}`;
  }
}
