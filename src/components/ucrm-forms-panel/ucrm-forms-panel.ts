import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { CrmError, isAborted } from '../../core/errors.js';
import type { Campaign, CustomSection } from '../../core/types.js';
import { UcrmFormSubmitEvent, UcrmFormsPanelToggleEvent } from '../../events.js';
import { contactFormStrings } from '../../i18n/strings/contact-form.js';
import { formsStrings } from '../../i18n/strings/forms.js';
import { clearFormDraft, loadFormDraft, saveFormDraft, type FormDraft } from '../../state/form-drafts.js';
import { fieldStyles } from '../shared/field.styles.js';
import { UcrmDataElement } from '../shared/ucrm-data-element.js';
import { FORM_PROTOCOL_VERSION, formUrl, readFrameMessage, sandboxFor, type PanelToFrame } from './external-form.js';
import { checkSections, fieldId, formSections, renderSections, sectionValues } from './form-sections.js';
import { formNameOf, manualFormEntries } from './manual-forms.js';
import { formsPanelStyles } from './ucrm-forms-panel.styles.js';
import { forAgents } from '../shared/agent-message.js';

export { manualFormEntries, type ManualFormEntry } from './manual-forms.js';

type SaveState = 'idle' | 'saving' | 'saved' | 'saved-contact';

/**
 * The campaign's form beside an interaction (seed 002): this library's
 * custom sections (the contact's custom fields: saved into the contact when
 * `contact-id` is set) or an external page in a sandboxed frame that talks
 * to the panel by `postMessage` (docs/forms.md). A side panel that goes full
 * screen (`expanded`) and back; its close button hides it (`open`).
 *
 * Tabs: the interaction's campaign (`campaign`, `interaction-id`) and every
 * form opened with `openForm(campaignId)` (the forms menu: campaigns with
 * `form.manualAccess`), one tab per campaign. A campaign whose form is
 * `mandatory` opens the panel by itself when its interaction arrives.
 *
 * What the agent types is kept as a draft in localStorage (per agent,
 * campaign and interaction) until the form is saved: leaving the inbox, a
 * reload or another tab finds it.
 *
 * @summary A campaign's form (custom sections or an external URL) in a side panel, with drafts.
 *
 * @fires ucrm-form-submit - `{campaign, interactionId?, values}` the form was saved (sections) or sent (external form).
 * @fires ucrm-forms-panel-toggle - `{open, expanded}` the panel opened, closed or changed size.
 * @fires ucrm-error - `{operation, code, message}`: `list-campaigns`, `list-sections`, `save-form`, `form-message`, `form-url`.
 *
 * @csspart base - The panel.
 * @csspart header - Title and buttons.
 * @csspart title - "Form".
 * @csspart expand-button - Full screen / back to the side (aria-pressed).
 * @csspart close-button - Hides the panel.
 * @csspart tabs - The open forms, one tab per campaign (shown with two or more).
 * @csspart tab - One form's tab (also `tab-selected`).
 * @csspart form-heading - The form's title and, for a form opened from the forms menu, its close button.
 * @csspart tab-close - Closes a form opened from the forms menu (its tab goes).
 * @csspart body - The selected form.
 * @csspart form-title - "Form – Campaign".
 * @csspart mandatory - The mark of a mandatory form.
 * @csspart form - The sections' `<form>`.
 * @csspart section - One custom section (a fieldset).
 * @csspart section-title - Its legend.
 * @csspart field - A field (from the shared field pattern, with `label`, `control`, `field-error`).
 * @csspart draft-hint - Says the draft is kept.
 * @csspart form-error - The summary of fields to fix.
 * @csspart save-button - Saves the form.
 * @csspart status - "Form saved."
 * @csspart frame - The external form's `<iframe>`.
 * @csspart external-note - What an external form is.
 * @csspart empty - No form, no fields or no tab.
 * @csspart loading - Loading.
 * @csspart error - A failure, with Retry.
 *
 * @cssproperty [--ucrm-forms-panel-width=24rem] - The side panel's width (the host sets it; the workspace uses it).
 * @cssproperty [--ucrm-forms-frame-height=32rem] - The external form's height in the side panel.
 */
export class UcrmFormsPanel extends UcrmDataElement {
  static override styles = [...UcrmDataElement.styles, fieldStyles, formsPanelStyles];
  static override catalogs = [formsStrings, contactFormStrings];

  /** The campaign of the open interaction: its form is the first tab. */
  @property({ reflect: true }) campaign?: string;

  /** The interaction the campaign's form is filled in for. */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /** The contact of the interaction: a sections form saves into its custom fields. */
  @property({ attribute: 'contact-id' }) contactId?: string;

  /** The agent whose drafts these are. */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** Shown. The close button clears it; a mandatory form sets it. Reflected. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Full screen instead of a side panel. Reflected. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** Campaigns (property only); without them they come from the CRM source. */
  @property({ attribute: false }) campaigns?: Campaign[];

  /** Campaigns opened from the forms menu, in the order they were opened. */
  @state() private manualTabs: string[] = [];
  @state() private selected?: string;
  @state() private drafts: Record<string, FormDraft> = {};
  @state() private errors: Record<string, Record<string, string>> = {};
  @state() private saveState: Record<string, SaveState> = {};

  /** The interaction whose mandatory form already opened the panel (it opens once, not on every update). */
  private autoOpened?: string;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  private readonly campaignsTask = new Task(this, {
    task: ([source], { signal }) => (source ? source.listCampaigns({ signal }) : Promise.resolve(undefined)),
    args: () => [this.campaigns ? undefined : this.activeSource] as const,
    onError: (error) => this.reportError('list-campaigns', error, () => void this.campaignsTask.run()),
  });

  private readonly sectionsTask = new Task(this, {
    task: ([source], { signal }) => source.listSections({ signal }),
    args: () => [this.activeSource] as const,
    autoRun: false,
    onError: (error) => this.reportError('list-sections', error, () => void this.sectionsTask.run()),
  });

  private get s() {
    return this.strings(formsStrings);
  }

  private get allCampaigns(): Campaign[] {
    return this.campaigns ?? this.campaignsTask.value ?? [];
  }

  private campaignConfig(id: string | undefined): Campaign | undefined {
    return id ? this.allCampaigns.find((c) => c.id === id) : undefined;
  }

  /** The open forms: the interaction's campaign (when it has a form) first, then the menu's, one per campaign. */
  get openForms(): string[] {
    const first = this.campaign && this.campaignConfig(this.campaign)?.form ? [this.campaign] : [];
    return [...first, ...this.manualTabs.filter((id) => id !== this.campaign)];
  }

  /** Opens `campaignId`'s form in its tab (the existing one when already open) and shows the panel. */
  openForm(campaignId: string): void {
    if (!this.manualTabs.includes(campaignId)) this.manualTabs = [...this.manualTabs, campaignId];
    this.selected = campaignId;
    this.setOpen(true);
  }

  /** The forms the menu lists: campaigns with a form and manual access ("Form – Campaign"). */
  get manualForms(): { campaign: string; label: string }[] {
    return manualFormEntries(this.allCampaigns, this.s.untitledForm).map((entry) => ({
      campaign: entry.campaign.id,
      label: this.s.entry(entry.formName, entry.campaign.name),
    }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const config = this.campaignConfig(this.campaign);
    const key = `${this.campaign ?? ''}|${this.interactionId ?? ''}`;
    if (config?.form?.mandatory && this.interactionId && this.autoOpened !== key) {
      this.autoOpened = key;
      this.selected = this.campaign;
      this.setOpen(true);
    }
    if (changed.has('campaign') && this.campaign && config?.form && !this.open) this.selected = this.campaign;
    const tabs = this.openForms;
    if (this.selected === undefined || !tabs.includes(this.selected)) this.selected = tabs[0];
    const selectedConfig = this.campaignConfig(this.selected);
    if (this.open && selectedConfig?.form?.kind === 'sections' && this.sectionsTask.status === 0) void this.sectionsTask.run();
  }

  // ---- Drafts ----

  private interactionFor(campaign: string): string | undefined {
    return campaign === this.campaign ? this.interactionId : undefined;
  }

  private draftKey(campaign: string): string {
    return `${campaign}|${this.interactionFor(campaign) ?? '-'}`;
  }

  private draftOf(campaign: string): FormDraft {
    const key = this.draftKey(campaign);
    return this.drafts[key] ?? loadFormDraft(this.agentId, campaign, this.interactionFor(campaign)) ?? {};
  }

  private setDraft(campaign: string, draft: FormDraft): void {
    this.drafts = { ...this.drafts, [this.draftKey(campaign)]: draft };
    saveFormDraft(this.agentId, campaign, this.interactionFor(campaign), draft);
    if (this.saveState[campaign] !== 'idle') this.saveState = { ...this.saveState, [campaign]: 'idle' };
  }

  // ---- Panel ----

  private setOpen(open: boolean, expanded = this.expanded): void {
    if (this.open === open && this.expanded === expanded) return;
    this.open = open;
    this.expanded = open && expanded;
    this.dispatchEvent(new UcrmFormsPanelToggleEvent({ open: this.open, expanded: this.expanded }));
  }

  private closeTab(campaign: string): void {
    this.manualTabs = this.manualTabs.filter((id) => id !== campaign);
    if (this.selected === campaign) this.selected = undefined;
    if (!this.openForms.length) this.setOpen(false);
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const tabs = this.openForms;
    const index = tabs.indexOf(this.selected ?? '');
    let next: string | undefined;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    event.preventDefault();
    this.selected = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-campaign="${CSS.escape(next)}"]`)?.focus());
  }

  // ---- Sections ----

  private async save(event: Event, campaign: Campaign, sections: readonly CustomSection[]): Promise<void> {
    event.preventDefault();
    const id = campaign.id;
    const draft = this.draftOf(id);
    const problems = checkSections(sections, draft, this.strings(contactFormStrings), (key) =>
      !!this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(key)}`)?.validity?.badInput,
    );
    this.errors = { ...this.errors, [id]: problems };
    const firstBad = Object.keys(problems)[0];
    if (firstBad) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${fieldId(firstBad)}`)?.focus();
      return;
    }
    const values = sectionValues(sections, draft);
    const interactionId = this.interactionFor(id);
    const contactId = interactionId ? this.contactId : undefined;
    this.saveState = { ...this.saveState, [id]: 'saving' };
    try {
      if (contactId && Object.keys(values).length) {
        const source = this.activeSource;
        const contact = await source.getContact(contactId);
        if (!contact) throw new CrmError('not-found', this.common.errorCode('not-found'));
        const custom = { ...(contact.custom ?? {}) };
        for (const [key, value] of Object.entries(values)) {
          if (value === null) delete custom[key];
          else custom[key] = value;
        }
        await source.updateContact(contactId, { custom });
      }
      this.finishSave(id, interactionId, values, contactId ? 'saved-contact' : 'saved');
      if (this.problem?.operation === 'save-form') this.clearProblem();
    } catch (error) {
      // The draft stays: nothing the agent typed is lost.
      this.saveState = { ...this.saveState, [id]: 'idle' };
      if (!isAborted(error)) this.reportError('save-form', error, () => void this.save(new Event('submit'), campaign, sections));
    }
  }

  private finishSave(campaign: string, interactionId: string | undefined, values: Record<string, unknown>, state: SaveState): void {
    clearFormDraft(this.agentId, campaign, interactionId);
    this.saveState = { ...this.saveState, [campaign]: state };
    this.dispatchEvent(new UcrmFormSubmitEvent({ campaign, ...(interactionId ? { interactionId } : {}), values }));
  }

  // ---- External form (docs/forms.md) ----

  private frame(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe');
  }

  private post(message: PanelToFrame): void {
    const frame = this.frame();
    const url = formUrl(frame?.getAttribute('src') ?? undefined, document.baseURI);
    if (!frame?.contentWindow || !url) return;
    frame.contentWindow.postMessage(message, url.origin);
  }

  private sendInit(): void {
    const campaign = this.selected;
    if (!campaign) return;
    const interactionId = this.interactionFor(campaign);
    const contactId = interactionId ? this.contactId : undefined;
    this.post({
      type: 'ucrm-form:init',
      version: FORM_PROTOCOL_VERSION,
      campaign,
      ...(interactionId ? { interactionId } : {}),
      ...(contactId ? { contactId } : {}),
      locale: this.locale,
      values: this.draftOf(campaign),
    });
  }

  private receive(event: MessageEvent): void {
    const frame = this.frame();
    // Only the frame we drew, from the origin of its URL: any other window's messages are not ours.
    if (!frame || event.source !== frame.contentWindow) return;
    const url = formUrl(frame.getAttribute('src') ?? undefined, document.baseURI);
    if (!url || (event.origin !== url.origin && !(event.origin === 'null' && !frame.sandbox.contains('allow-same-origin')))) return;
    const campaign = this.selected;
    const message = readFrameMessage(event.data);
    if (!message || !campaign) return;
    if (message === 'invalid') {
      this.reportError('form-message', forAgents(new CrmError('invalid', this.s.badMessage)));
      return;
    }
    if (message.type === 'ucrm-form:ready') this.sendInit();
    else if (message.type === 'ucrm-form:change') this.setDraft(campaign, message.values);
    else {
      this.finishSave(campaign, this.interactionFor(campaign), { ...message.values }, 'saved');
      this.post({ type: 'ucrm-form:submitted', version: FORM_PROTOCOL_VERSION });
    }
  }

  // ---- Rendering ----

  override render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const s = this.s;
    const tabs = this.openForms;
    return html`<section part="base" aria-labelledby="panel-title">
      <header part="header">
        <h2 part="title" id="panel-title">${s.panelLabel}</h2>
        <button
          type="button"
          part="expand-button"
          aria-pressed=${this.expanded ? 'true' : 'false'}
          @click=${() => this.setOpen(true, !this.expanded)}
        >
          ${s.expand}
        </button>
        <button type="button" part="close-button" @click=${() => this.setOpen(false)}>${s.close}</button>
      </header>
      ${this.renderProblem()} ${tabs.length > 1 ? this.renderTabs(tabs) : nothing}
      <div
        part="body"
        id="form-body"
        role=${tabs.length > 1 ? 'tabpanel' : nothing}
        aria-labelledby=${tabs.length > 1 && this.selected ? `tab-${this.selected}` : nothing}
      >
        ${this.selected ? this.renderForm(this.selected) : html`<p part="empty">${s.noTabs}</p>`}
      </div>
    </section>`;
  }

  private tabLabel(id: string): string {
    const campaign = this.campaignConfig(id);
    return campaign ? this.s.entry(formNameOf(campaign, this.s.untitledForm), campaign.name) : id;
  }

  private renderTabs(tabs: string[]): TemplateResult {
    const s = this.s;
    return html`<div part="tabs" role="tablist" aria-label=${s.tabs} @keydown=${this.onTabKeydown}>
      ${tabs.map((id) => {
        const selected = id === this.selected;
        const label = this.tabLabel(id);
        return html`<button
            type="button"
            role="tab"
            id="tab-${id}"
            data-campaign=${id}
            part="tab${selected ? ' tab-selected' : ''}"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="form-body"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => (this.selected = id)}
          >
            ${label}
          </button>`;
      })}
    </div>`;
  }

  private renderForm(id: string): TemplateResult {
    const s = this.s;
    const campaign = this.campaignConfig(id);
    if (!campaign) return html`<p part="loading" role="status">${s.loading}</p>`;
    const form = campaign.form;
    const label = this.tabLabel(id);
    const closable = this.manualTabs.includes(id) && id !== this.campaign;
    const heading = html`<div part="form-heading">
        <h3 part="form-title">${label}</h3>
        ${closable
          ? html`<button type="button" part="tab-close" aria-label=${s.closeTab(label)} @click=${() => this.closeTab(id)}>×</button>`
          : nothing}
      </div>
      ${form?.mandatory && this.interactionFor(id) ? html`<p part="mandatory">${s.mandatory}</p>` : nothing}`;
    if (!form) return html`${heading}<p part="empty">${s.noForm}</p>`;
    return html`${heading}${form.kind === 'url' ? this.renderExternal(campaign) : this.renderSectionsForm(campaign)}`;
  }

  private renderSectionsForm(campaign: Campaign): TemplateResult {
    const s = this.s;
    const all = this.sectionsTask.value;
    if (!all) return html`<p part="loading" role="status">${s.loading}</p>`;
    const sections = formSections(campaign, all);
    if (!sections.some((section) => section.fields.length)) return html`<p part="empty">${s.noFields}</p>`;
    const id = campaign.id;
    const errors = this.errors[id] ?? {};
    const errorCount = Object.keys(errors).length;
    const state = this.saveState[id] ?? 'idle';
    return html`<form part="form" novalidate aria-labelledby="panel-title" @submit=${(e: Event) => void this.save(e, campaign, sections)}>
      ${renderSections({
        sections,
        draft: this.draftOf(id),
        errors,
        strings: this.strings(contactFormStrings),
        onInput: (key, value) => {
          this.setDraft(id, { ...this.draftOf(id), [key]: value });
          if (errors[key]) {
            const rest = { ...errors };
            delete rest[key];
            this.errors = { ...this.errors, [id]: rest };
          }
        },
      })}
      <p part="draft-hint">${s.draftHint}</p>
      ${errorCount ? html`<p part="form-error" role="alert">${s.fixFields(errorCount)}</p>` : nothing}
      <button type="submit" part="save-button" class="primary" aria-disabled=${state === 'saving' ? 'true' : nothing}>
        ${state === 'saving' ? s.saving : s.save}
      </button>
      <p part="status" role="status">${state === 'saved' ? s.saved : state === 'saved-contact' ? s.savedToContact : ''}</p>
    </form>`;
  }

  private renderExternal(campaign: Campaign): TemplateResult {
    const s = this.s;
    const url = formUrl(campaign.form?.url, document.baseURI);
    if (!url) {
      if (this.problem?.operation !== 'form-url') {
        queueMicrotask(() => this.reportError('form-url', forAgents(new CrmError('invalid', s.badUrl))));
      }
      return html`<p part="empty">${s.badUrl}</p>`;
    }
    const state = this.saveState[campaign.id] ?? 'idle';
    return html`<p part="external-note">${s.externalNote}</p>
      <iframe
        part="frame"
        title=${s.frameTitle(formNameOf(campaign, s.untitledForm))}
        src=${url.href}
        sandbox=${sandboxFor(url, location.origin)}
        referrerpolicy="no-referrer"
        @load=${() => this.sendInit()}
      ></iframe>
      <p part="status" role="status">${state === 'saved' ? s.saved : ''}</p>`;
  }
}
