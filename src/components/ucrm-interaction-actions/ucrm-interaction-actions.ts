import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { isAborted, toCrmError } from '../../core/errors.js';
import type { Interaction } from '../../core/interactions/index.js';
import type { Campaign } from '../../core/types.js';
import {
  UcrmInteractionClosedEvent,
  UcrmInteractionFinishedEvent,
  UcrmPanelRequestEvent,
  type InteractionPanel,
} from '../../events.js';
import { workspaceStrings, type WorkspaceStrings } from '../../i18n/strings/workspace.js';
import { UcrmSingleInteractionElement } from '../shared/ucrm-single-interaction-element.js';
import { actionItems, type ActionId, type ActionItem, type ActionNote } from './action-items.js';
import { interactionActionsStyles } from './ucrm-interaction-actions.styles.js';

/** The element part 4 of the workspace adds; Transfer is enabled once it is defined. */
const TRANSFER_TAG = 'ucrm-transfer';

const NOTES: Record<ActionNote, (s: WorkspaceStrings) => string> = {
  'finish-phone': (s) => s.finishPhoneNote,
  'already-finished': (s) => s.finishedNote,
  'transfer-unavailable': (s) => s.transferUnavailable,
  'no-form': (s) => s.noForm,
  'no-dispositions': (s) => s.noDispositions,
  'close-needs-finish': (s) => s.closeNeedsFinish,
  'close-needs-disposition': (s) => s.closeNeedsDisposition,
};

/**
 * The three-dot menu of an open interaction (a menu button): **Finish**
 * (text channels; a call finishes when it ends), **Transfer**, **Form** (the
 * campaign's form, when it has one), **Disposition**, **Close** (once
 * finished, and with a saved disposition when the campaign has
 * dispositions). An entry that does not apply yet stays in the menu,
 * disabled, with the reason under it.
 *
 * Finish and Close are commands to the interaction source; the menu shows
 * the state the source answers. Form, Disposition and Transfer ask the
 * workspace (or the host) to open that panel with a cancelable
 * `ucrm-panel-request`.
 *
 * Keyboard: Enter, Space or Down on the button opens the menu on its first
 * entry (Up: on the last); Up/Down, Home/End and a letter move; Enter
 * chooses; Escape closes and returns to the button; Tab closes.
 *
 * @summary The interaction's actions menu: finish, transfer, form, disposition, close.
 *
 * @fires ucrm-interaction-finished - `{interaction}` after the source finished it.
 * @fires ucrm-interaction-closed - `{interaction}` after the source closed it.
 * @fires ucrm-panel-request - `{interaction, panel: 'form' | 'disposition' | 'transfer'}`; cancelable.
 * @fires ucrm-error - `{operation, code, message}`: `get`, `finish`, `close`, `list-campaigns`.
 *
 * @csspart base - The wrapper.
 * @csspart menu-button - The three-dot button.
 * @csspart icon - The three dots.
 * @csspart menu - The menu.
 * @csspart menu-item - Each entry (also `menu-item-<id>`: finish, transfer, form, disposition, close).
 * @csspart item-label - An entry's name.
 * @csspart item-note - Why an entry is disabled.
 * @csspart status - The polite live region (finished, closed).
 * @csspart error - A refused or failed command, with Retry.
 */
export class UcrmInteractionActions extends UcrmSingleInteractionElement {
  static override styles = [...UcrmSingleInteractionElement.styles, interactionActionsStyles];
  static override catalogs = [workspaceStrings];

  /** The interaction's campaign (dispositions, form). Property only; else looked up in the CRM source's campaigns. */
  @property({ attribute: false }) campaignConfig?: Campaign;

  @state() private expanded = false;
  @state() private busy?: ActionId;
  @state() private message = '';
  @state() private focusIndex = 0;

  private readonly campaignTask = new Task(this, {
    task: async ([campaignId, source], { signal }) => {
      if (!source) return undefined;
      const campaigns = await source.listCampaigns({ signal });
      return campaigns.find((c) => c.id === campaignId);
    },
    args: () => [this.current?.campaign, this.campaignConfig || !this.current ? undefined : this.activeSource] as const,
    onError: (error) => this.reportError('list-campaigns', error, () => void this.campaignTask.run()),
  });

  private get s() {
    return this.strings(workspaceStrings);
  }

  private get campaign(): Campaign | undefined {
    return this.campaignConfig ?? (this.campaignTask.value as Campaign | undefined);
  }

  private get items(): ActionItem[] {
    if (!this.current) return [];
    return actionItems({
      interaction: this.current,
      campaign: this.campaign,
      canTransfer: !!customElements.get(TRANSFER_TAG),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
  }

  protected override interactionIdChanged(): void {
    // The campaign's failure stays: it is about the campaign list, not this interaction.
    if (this.problem && this.problem.operation !== 'list-campaigns') this.clearProblem();
    this.message = '';
    this.expanded = false;
  }

  protected override interactionNotFound(id: string): string {
    return this.s.interactionNotFound(id);
  }

  // ---- Commands ----

  private async run(item: ActionItem): Promise<void> {
    const interaction = this.current;
    if (!interaction || !item.enabled || this.busy) return;
    if (item.id === 'finish' || item.id === 'close') {
      this.closeMenu(true);
      await this.command(item.id, interaction);
      return;
    }
    this.closeMenu(true);
    this.dispatchEvent(new UcrmPanelRequestEvent({ interaction, panel: item.id as InteractionPanel }));
  }

  private async command(action: 'finish' | 'close', interaction: Interaction): Promise<void> {
    this.busy = action;
    this.message = this.s.working;
    try {
      const source = this.interactionSource;
      const result = action === 'finish' ? await source.finish(interaction.id) : await source.close(interaction.id);
      this.current = result;
      if (this.problem?.operation === action) this.clearProblem();
      this.message = action === 'finish' ? this.s.finishedDone : this.s.closedDone;
      this.dispatchEvent(
        action === 'finish'
          ? new UcrmInteractionFinishedEvent({ interaction: result })
          : new UcrmInteractionClosedEvent({ interaction: result }),
      );
    } catch (error) {
      this.message = '';
      // The source's message says why (e.g. "a disposition is required"): shown as it is.
      if (!isAborted(error)) this.reportError(action, toCrmError(error), () => void this.command(action, interaction));
    } finally {
      this.busy = undefined;
    }
  }

  // ---- The menu button pattern ----

  private get button(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="menu-button"]');
  }

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private async openMenu(at: 'first' | 'last'): Promise<void> {
    const items = this.items;
    if (!items.length) return;
    // Disabled entries take focus too (menu pattern): their note says why they are disabled.
    this.focusIndex = at === 'first' ? 0 : items.length - 1;
    this.expanded = true;
    await this.updateComplete;
    this.menuItems()[this.focusIndex]?.focus();
  }

  private closeMenu(focusButton: boolean): void {
    if (!this.expanded) return;
    this.expanded = false;
    if (focusButton) void this.updateComplete.then(() => this.button?.focus());
  }

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    if (this.expanded && !event.composedPath().includes(this)) this.closeMenu(false);
  };

  private onButtonKeydown(event: KeyboardEvent): void {
    // Enter and Space are the button's own click.
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      void this.openMenu('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      void this.openMenu('last');
    }
  }

  private onButtonClick(): void {
    if (this.expanded) this.closeMenu(false);
    else void this.openMenu('first');
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = this.menuItems();
    const count = items.length;
    let next = this.focusIndex;
    switch (event.key) {
      case 'ArrowDown':
        next = (next + 1) % count;
        break;
      case 'ArrowUp':
        next = (next - 1 + count) % count;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Escape':
        event.preventDefault();
        this.closeMenu(true);
        return;
      case 'Tab':
        this.closeMenu(false);
        return;
      case 'Enter':
      case ' ':
        // The focused entry is a button: its click chooses it.
        return;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        // Type-ahead: the next entry starting with that letter.
        const letter = event.key.toLocaleLowerCase(this.locale);
        const labels = items.map((item) => item.querySelector('[part~="item-label"]')?.textContent?.trim().toLocaleLowerCase(this.locale) ?? '');
        const found = [...labels.keys()].map((k) => (this.focusIndex + 1 + k) % count).find((index) => labels[index]?.startsWith(letter));
        if (found === undefined) return;
        next = found;
      }
    }
    event.preventDefault();
    this.focusIndex = next;
    items[next]?.focus();
  }

  // ---- Rendering ----

  override render(): TemplateResult {
    const s = this.s;
    const items = this.items;
    const disabled = !this.current;
    return html`<div part="base">
      <button
        type="button"
        part="menu-button"
        id="menu-button"
        aria-haspopup="menu"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${s.actionsMenu}
        aria-busy=${this.busy ? 'true' : nothing}
        ?disabled=${disabled}
        @click=${this.onButtonClick}
        @keydown=${this.onButtonKeydown}
      >
        <svg part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="3" r="1.5"></circle>
          <circle cx="8" cy="8" r="1.5"></circle>
          <circle cx="8" cy="13" r="1.5"></circle>
        </svg>
      </button>
      <div
        part="menu"
        id="menu"
        role="menu"
        aria-labelledby="menu-button"
        ?hidden=${!this.expanded}
        @keydown=${this.onMenuKeydown}
      >
        ${items.map((item, index) => this.renderItem(item, index, s))}
      </div>
      ${this.renderProblem()}
      <div part="status" class="visually-hidden" role="status" aria-live="polite">${this.message}</div>
    </div>`;
  }

  private renderItem(item: ActionItem, index: number, s: WorkspaceStrings): TemplateResult {
    const label = {
      finish: s.finish,
      transfer: s.transfer,
      form: s.form,
      disposition: s.dispositionAction,
      close: s.closeAction,
    }[item.id];
    const busy = this.busy === item.id;
    const enabled = item.enabled && !this.busy;
    return html`<button
      type="button"
      role="menuitem"
      part="menu-item menu-item-${item.id}"
      tabindex="-1"
      aria-disabled=${enabled ? 'false' : 'true'}
      @click=${() => void this.run(item)}
      @focus=${() => (this.focusIndex = index)}
    >
      <span part="item-label">${label}</span>
      ${item.note ? html`<span part="item-note">${NOTES[item.note](s)}</span>` : nothing}
      ${busy ? html`<span part="item-note">${s.working}</span>` : nothing}
    </button>`;
  }
}
