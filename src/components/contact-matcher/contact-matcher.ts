import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { Contact, MatchReason } from '../../core/types.js';
import type { Candidate, SearchResult } from '../../data/source.js';
import { UcrmContactSelectedEvent, UcrmMatcherCreateEvent, UcrmMatcherDismissEvent } from '../../events.js';
import { matcherStrings } from '../../i18n/strings/matcher.js';
import { UcrmDataElement } from '../shared/ucrm-data-element.js';
import { UcrmElement } from '../shared/ucrm-element.js';
import { contactName, contactSummary, reasonArgs } from './contact-label.js';
import { contactMatcherStyles } from './contact-matcher.styles.js';

export type MatcherMode = 'candidates' | 'search';

interface Row {
  contact: Contact;
  reason?: MatchReason;
}

const MODES: readonly MatcherMode[] = ['candidates', 'search'];

function toRow(item: Candidate | Contact): Row {
  return 'contact' in item && 'reason' in item ? { contact: item.contact, reason: item.reason } : { contact: item as Contact };
}

/**
 * The candidate list of a screen pop, and the manual contact search, on
 * their own. A single-select listbox driven from the keyboard: arrows move,
 * Home/End jump, Enter picks, Escape clears (and asks the container to close).
 *
 * In `candidates` mode the list ends with "None of these — create a new
 * contact", an option like the others (arrows reach it, Enter or a click
 * picks it) that fires `ucrm-matcher-create`; `no-create` hides it.
 *
 * @summary Pick a contact among candidates or from a search.
 *
 * @fires ucrm-contact-selected - `{contact, reason?}` the agent picked a contact; `reason` says how a candidate matched.
 * @fires ucrm-matcher-create - `{}` the agent picked "None of these — create a new contact" (candidates mode).
 * @fires ucrm-matcher-dismiss - `{}` Escape was pressed; cancelable (cancelling keeps the query).
 * @fires ucrm-error - `{operation: 'search', code, message}` the search failed (shown with a Retry).
 *
 * @csspart base - The wrapper.
 * @csspart search-input - The search box (search mode).
 * @csspart status - The result count / hint / "no contacts match" line.
 * @csspart listbox - The list of contacts.
 * @csspart option - One contact; `option-active` is added to the active one.
 * @csspart option-name - The contact's name.
 * @csspart option-detail - Phones and emails under the name.
 * @csspart option-create - The last option of the candidates, "None of these — create a new contact" (also `option`).
 * @csspart option-reason - Why a candidate matched ("matched … without the 9th digit").
 * @csspart blocked-badge - The "Blocked" mark on a blocked contact.
 * @csspart error - A failed search, with Retry.
 *
 * @cssproperty --ucrm-contact-matcher-max-height - Height after which the list scrolls (default `20rem`; the unprefixed `--contact-matcher-max-height` of earlier versions still works).
 */
export class ContactMatcher extends UcrmDataElement {
  static override styles = [...UcrmElement.styles, contactMatcherStyles];
  static override catalogs = [matcherStrings];

  /** Candidates to show in `candidates` mode: `Candidate`s (with the match reason) or plain contacts. Property only. */
  @property({ attribute: false }) candidates: readonly (Candidate | Contact)[] = [];

  /** The search text (search mode); updated as the agent types. */
  @property() query = '';

  /** `candidates` lists the given candidates; `search` shows a search box over the source. */
  @property({ reflect: true }) mode: MatcherMode = 'candidates';

  /** Hides the "None of these — create a new contact" option of the candidates. */
  @property({ type: Boolean, attribute: 'no-create' }) noCreate = false;

  /** Most results fetched per search. */
  @property({ type: Number }) limit = 20;

  @state() private activeIndex = -1;

  private readonly searchTask = new Task(this, {
    // Runs in the update that follows a keystroke, so keystrokes within one
    // microtask coalesce; each run aborts the one before (stale answers never show).
    task: async ([mode, query, source], { signal }): Promise<SearchResult | typeof initialState> => {
      const text = query.trim();
      if (mode !== 'search' || !text) return initialState;
      if (this.problem?.operation === 'search') this.clearProblem();
      return source.search(text, { limit: this.limit, signal });
    },
    args: () => [this.mode, this.query, this.activeSource] as const,
    onComplete: () => {
      this.activeIndex = -1;
    },
    onError: (error) => {
      this.reportError('search', error, () => void this.searchTask.run());
    },
  });

  /** The contacts on screen, in order. */
  private get rows(): Row[] {
    if (this.mode === 'search') {
      if (!this.query.trim() || this.searchTask.status === TaskStatus.INITIAL) return [];
      return (this.searchTask.value?.items ?? []).map((contact) => ({ contact }));
    }
    return this.candidates.map(toRow);
  }

  /** Whether the list ends with the "create a new contact" option. */
  private get offersCreate(): boolean {
    return this.mode === 'candidates' && !this.noCreate;
  }

  /** Options in the list: the contacts, then "create a new contact" where offered. */
  private get optionCount(): number {
    const rows = this.rows.length;
    return rows + (rows > 0 && this.offersCreate ? 1 : 0);
  }

  /** Moves focus to the search box (search mode) or the list. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>(this.mode === 'search' ? 'input' : '[role=listbox]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && !MODES.includes(this.mode)) {
      this.reportBadAttribute('mode', String(this.mode), MODES.join(' | '));
      this.mode = 'candidates';
    }
    if (changed.has('candidates') || changed.has('mode')) this.activeIndex = -1;
  }

  protected override updated(): void {
    this.renderRoot.querySelector('[part~=option-active]')?.scrollIntoView?.({ block: 'nearest' });
  }

  private pick(index: number): void {
    if (index === this.rows.length && index < this.optionCount) {
      this.activeIndex = index;
      this.dispatchEvent(new UcrmMatcherCreateEvent());
      return;
    }
    const row = this.rows[index];
    if (!row) return;
    this.activeIndex = index;
    this.dispatchEvent(new UcrmContactSelectedEvent(row.reason ? { contact: row.contact, reason: row.reason } : { contact: row.contact }));
  }

  private move(to: number): void {
    const count = this.optionCount;
    if (count === 0) return;
    this.activeIndex = Math.max(0, Math.min(count - 1, to));
  }

  private dismiss(): void {
    if (!this.dispatchEvent(new UcrmMatcherDismissEvent())) return;
    this.activeIndex = -1;
    if (this.mode === 'search') this.query = '';
  }

  /** Keys shared by the list (candidates) and the search box (combobox). */
  private onKeydown(event: KeyboardEvent): void {
    const last = this.optionCount - 1;
    switch (event.key) {
      case 'ArrowDown':
        this.move(this.activeIndex + 1);
        break;
      case 'ArrowUp':
        this.move(this.activeIndex < 0 ? last : this.activeIndex - 1);
        break;
      case 'Home':
        if (event.target instanceof HTMLInputElement) return;
        this.move(0);
        break;
      case 'End':
        if (event.target instanceof HTMLInputElement) return;
        this.move(last);
        break;
      case 'Enter':
      case ' ':
        if (event.key === ' ' && event.target instanceof HTMLInputElement) return;
        // Enter in the search box picks the top result when none is active yet.
        this.pick(this.activeIndex < 0 ? 0 : this.activeIndex);
        break;
      case 'Escape':
        this.dismiss();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private onListFocus(): void {
    if (this.activeIndex < 0 && this.optionCount > 0) this.activeIndex = 0;
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  override render(): TemplateResult {
    const s = this.strings(matcherStrings);
    const rows = this.rows;
    const creates = rows.length > 0 && this.offersCreate;
    const active =
      this.activeIndex >= 0 && this.activeIndex < rows.length
        ? `option-${this.activeIndex}`
        : creates && this.activeIndex === rows.length
          ? 'option-create'
          : undefined;
    const listLabel = this.mode === 'search' ? s.resultsLabel : s.candidatesLabel;
    return html`<div part="base">
      ${this.mode === 'search'
        ? html`<label class="visually-hidden" for="search">${s.searchLabel}</label>
            <input
              id="search"
              part="search-input"
              type="search"
              role="combobox"
              autocomplete="off"
              aria-autocomplete="list"
              aria-expanded=${rows.length > 0 ? 'true' : 'false'}
              aria-controls=${rows.length > 0 ? 'list' : nothing}
              aria-activedescendant=${active ?? nothing}
              placeholder=${s.searchPlaceholder}
              .value=${live(this.query)}
              @input=${this.onInput}
              @keydown=${this.onKeydown}
            />`
        : nothing}
      ${this.renderStatus(rows.length)} ${this.renderProblem()}
      ${rows.length > 0
        ? html`<ul
            id="list"
            part="listbox"
            role="listbox"
            aria-label=${listLabel}
            tabindex=${this.mode === 'candidates' ? '0' : '-1'}
            aria-activedescendant=${active ?? nothing}
            @keydown=${this.onKeydown}
            @focus=${this.onListFocus}
          >
            ${repeat(
              rows,
              (row) => row.contact.id,
              (row, index) => this.renderOption(row, index, index === this.activeIndex),
            )}
            ${creates ? this.renderCreateOption(rows.length === this.activeIndex) : nothing}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderStatus(count: number): TemplateResult {
    const s = this.strings(matcherStrings);
    let text = '';
    if (this.mode === 'candidates') {
      text = count === 0 ? s.noMatches : '';
    } else if (!this.query.trim()) {
      text = s.searchHint;
    } else if (this.searchTask.status === TaskStatus.PENDING) {
      text = s.searching;
    } else if (this.searchTask.status === TaskStatus.COMPLETE) {
      const total = this.searchTask.value?.total ?? count;
      text = count === 0 ? s.noMatchesFor(this.query.trim()) : s.resultCount(count, total);
    }
    // Always in the DOM, so screen readers hear each change (a new node is often not announced).
    return html`<p part="status" role="status" aria-live="polite" ?hidden=${!text}>${text}</p>`;
  }

  private renderCreateOption(isActive: boolean): TemplateResult {
    return html`<li
      id="option-create"
      part=${isActive ? 'option option-create option-active' : 'option option-create'}
      role="option"
      aria-selected=${isActive ? 'true' : 'false'}
      @click=${() => this.pick(this.rows.length)}
    >
      <span part="option-name">${this.strings(matcherStrings).createNew}</span>
    </li>`;
  }

  private renderOption(row: Row, index: number, isActive: boolean): TemplateResult {
    const s = this.strings(matcherStrings);
    const { contact, reason } = row;
    return html`<li
      id="option-${index}"
      part=${isActive ? 'option option-active' : 'option'}
      role="option"
      aria-selected=${isActive ? 'true' : 'false'}
      @click=${() => this.pick(index)}
    >
      <span part="option-name">${contactName(contact) || s.unnamed}</span>
      ${contact.blocked ? html`<span part="blocked-badge">${s.blocked}</span>` : nothing}
      <span part="option-detail">${contactSummary(contact)}</span>
      ${reason ? html`<span part="option-reason">${s.reason(...reasonArgs(reason))}</span>` : nothing}
    </li>`;
  }
}
