/**
 * Every event the library fires: one class each, prefixed `ucrm-`, bubbling
 * and composed so a host listening on `document` hears it through shadow
 * roots. They extend `CustomEvent` so frameworks that read `event.detail`
 * work unchanged.
 */
import type { ComposerRequest } from './core/composer/index.js';
import type { CrmErrorCode } from './core/errors.js';
import type { ContactFilter, SavedView } from './core/filters/index.js';
import type { BulkAction, BulkPatch } from './core/contacts/index.js';
import type { ImportPlan } from './core/import/index.js';
import type { Interaction, TransferMode, TransferOutcome, TransferTo } from './core/interactions/index.js';
import type {
  Contact,
  ContactDraft,
  Identity,
  InteractionContext,
  MatchReason,
  ViewState,
} from './core/types.js';

const init = { bubbles: true, composed: true } as const;

// Each class names its event with a static getter, not a static field: bundlers keep a
// static field's assignment as a side effect, so every event class would ship on every page.

export interface ResolvedDetail {
  state: ViewState;
  contact?: Contact;
  candidates?: Contact[];
  context: InteractionContext;
}

/** A screen-pop resolution settled (contact, candidates, create, idle or error). */
export class UcrmResolvedEvent extends CustomEvent<ResolvedDetail> {
  static get eventName() {
    return 'ucrm-resolved' as const;
  }
  constructor(detail: ResolvedDetail) {
    super(UcrmResolvedEvent.eventName, { ...init, detail });
  }
}

export interface ContactSelectedDetail {
  contact: Contact;
  reason?: MatchReason;
}

/** The agent picked a contact (from the candidates or a manual search). */
export class UcrmContactSelectedEvent extends CustomEvent<ContactSelectedDetail> {
  static get eventName() {
    return 'ucrm-contact-selected' as const;
  }
  constructor(detail: ContactSelectedDetail) {
    super(UcrmContactSelectedEvent.eventName, { ...init, detail });
  }
}

/**
 * Escape was pressed in a `<contact-matcher>`: a request to dismiss it (the
 * interaction view closes its search). Cancelable: unless cancelled, the
 * matcher clears its query and active option.
 */
export class UcrmMatcherDismissEvent extends CustomEvent<Record<string, never>> {
  static get eventName() {
    return 'ucrm-matcher-dismiss' as const;
  }
  constructor() {
    super(UcrmMatcherDismissEvent.eventName, { ...init, cancelable: true, detail: {} });
  }
}

/**
 * The agent chose "None of these — create a new contact" at the end of a
 * `<contact-matcher>`'s candidates: a request to show the create form (the
 * interaction view does, with the ClientID pre-filled).
 */
export class UcrmMatcherCreateEvent extends CustomEvent<Record<string, never>> {
  static get eventName() {
    return 'ucrm-matcher-create' as const;
  }
  constructor() {
    super(UcrmMatcherCreateEvent.eventName, { ...init, detail: {} });
  }
}

/** A contact was created (by the form or by `auto-create`). */
export class UcrmContactCreatedEvent extends CustomEvent<{ contact: Contact }> {
  static get eventName() {
    return 'ucrm-contact-created' as const;
  }
  constructor(detail: { contact: Contact }) {
    super(UcrmContactCreatedEvent.eventName, { ...init, detail });
  }
}

/**
 * The contact form was submitted with valid data. Cancelable: the element
 * that owns the form (e.g. the interaction view) creates the contact.
 */
export class UcrmContactSubmitEvent extends CustomEvent<{ draft: ContactDraft }> {
  static get eventName() {
    return 'ucrm-contact-submit' as const;
  }
  constructor(detail: { draft: ContactDraft }) {
    super(UcrmContactSubmitEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/** A contact was updated. */
export class UcrmContactUpdatedEvent extends CustomEvent<{ contact: Contact }> {
  static get eventName() {
    return 'ucrm-contact-updated' as const;
  }
  constructor(detail: { contact: Contact }) {
    super(UcrmContactUpdatedEvent.eventName, { ...init, detail });
  }
}

export interface ClientIdAssignedDetail {
  contact: Contact;
  identity: Identity;
  /** True when the assignment was taken back with Undo. */
  undone?: boolean;
}

/** The interaction's ClientID was added to a contact (or that was undone). */
export class UcrmClientIdAssignedEvent extends CustomEvent<ClientIdAssignedDetail> {
  static get eventName() {
    return 'ucrm-client-id-assigned' as const;
  }
  constructor(detail: ClientIdAssignedDetail) {
    super(UcrmClientIdAssignedEvent.eventName, { ...init, detail });
  }
}

export interface ErrorDetail {
  /** What was being done: `resolve`, `create`, `attribute:channel`, ... */
  operation: string;
  code: CrmErrorCode;
  message: string;
}

/** Something failed; the element also shows the message, with a retry when one makes sense. */
export class UcrmErrorEvent extends CustomEvent<ErrorDetail> {
  static get eventName() {
    return 'ucrm-error' as const;
  }
  constructor(detail: ErrorDetail) {
    super(UcrmErrorEvent.eventName, { ...init, detail });
  }
}

export interface DispositionSavedDetail {
  interactionId?: string;
  path: { id: string; label: string }[];
  comment: string;
  close: boolean;
  /** ISO 8601 instant, only for a reschedule. */
  rescheduleAt?: string;
}

/** The agent saved a disposition (Save, Save and close, Reschedule or Close). */
export class UcrmDispositionSavedEvent extends CustomEvent<DispositionSavedDetail> {
  static get eventName() {
    return 'ucrm-disposition-saved' as const;
  }
  constructor(detail: DispositionSavedDetail) {
    super(UcrmDispositionSavedEvent.eventName, { ...init, detail });
  }
}

/** The wrap-up period ended, by itself or because the agent ended it. */
export class UcrmWrapUpEndEvent extends CustomEvent<{ reason: 'timeout' | 'manual' }> {
  static get eventName() {
    return 'ucrm-wrap-up-end' as const;
  }
  constructor(detail: { reason: 'timeout' | 'manual' }) {
    super(UcrmWrapUpEndEvent.eventName, { ...init, detail });
  }
}

export interface AttachmentInfo {
  file: File;
  category: 'image' | 'video' | 'document' | 'audio';
}

/** The validated request (channel, campaign, `to`, message or template or email fields) plus its files. */
export interface InteractionStartDetail extends ComposerRequest {
  attachments: AttachmentInfo[];
  voiceNote?: Blob;
}

/**
 * A request to start an outbound interaction. Cancelable: the host calls
 * `preventDefault()` to refuse it, or later `started()` / `failed(reason)` on
 * the composer.
 */
export class UcrmInteractionStartEvent extends CustomEvent<InteractionStartDetail> {
  static get eventName() {
    return 'ucrm-interaction-start' as const;
  }
  constructor(detail: InteractionStartDetail) {
    super(UcrmInteractionStartEvent.eventName, { ...init, cancelable: true, detail });
  }
}

export interface FilterChangeDetail {
  filter: ContactFilter;
  /** False while a condition or the expression is invalid (the list keeps the last valid filter). */
  valid: boolean;
}

/** The contact directory's filter was edited (conditions, combination or expression). */
export class UcrmFilterChangeEvent extends CustomEvent<FilterChangeDetail> {
  static get eventName() {
    return 'ucrm-filter-change' as const;
  }
  constructor(detail: FilterChangeDetail) {
    super(UcrmFilterChangeEvent.eventName, { ...init, detail });
  }
}

/** The contact directory's selection changed. */
export class UcrmSelectionChangeEvent extends CustomEvent<{ ids: string[] }> {
  static get eventName() {
    return 'ucrm-selection-change' as const;
  }
  constructor(detail: { ids: string[] }) {
    super(UcrmSelectionChangeEvent.eventName, { ...init, detail });
  }
}

/**
 * A confirmed request to delete contacts (the user typed their count).
 * Cancelable: `preventDefault()` keeps the dialog open and the selection.
 */
export class UcrmContactsDeleteEvent extends CustomEvent<{ ids: string[] }> {
  static get eventName() {
    return 'ucrm-contacts-delete' as const;
  }
  constructor(detail: { ids: string[] }) {
    super(UcrmContactsDeleteEvent.eventName, { ...init, cancelable: true, detail });
  }
}

export interface ContactsMergeDetail {
  /** The surviving contact as it will be after the merge. */
  result: Contact;
  /** Where each field's value came from (field → contact id). */
  fieldSources: Record<string, string>;
  /** The contacts the merge deletes. */
  removedIds: string[];
}

/** The user confirmed an (irreversible) merge. Cancelable: `preventDefault()` keeps the dialog open. */
export class UcrmContactsMergeEvent extends CustomEvent<ContactsMergeDetail> {
  static get eventName() {
    return 'ucrm-contacts-merge' as const;
  }
  constructor(detail: ContactsMergeDetail) {
    super(UcrmContactsMergeEvent.eventName, { ...init, cancelable: true, detail });
  }
}

export interface BulkUpdateDetail {
  action: BulkAction;
  /** `selection`: the selected contacts; `filter`: every contact matching the filter (nothing was selected). */
  scope: 'selection' | 'filter';
  /** One patch per contact that changes. */
  patches: BulkPatch[];
}

/** The user confirmed a bulk update. Cancelable: `preventDefault()` keeps the dialog open. */
export class UcrmBulkUpdateEvent extends CustomEvent<BulkUpdateDetail> {
  static get eventName() {
    return 'ucrm-bulk-update' as const;
  }
  constructor(detail: BulkUpdateDetail) {
    super(UcrmBulkUpdateEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/** The user changed the visible columns or their order ("Customize table"). */
export class UcrmColumnsChangeEvent extends CustomEvent<{ columns: string[] }> {
  static get eventName() {
    return 'ucrm-columns-change' as const;
  }
  constructor(detail: { columns: string[] }) {
    super(UcrmColumnsChangeEvent.eventName, { ...init, detail });
  }
}

/**
 * A CSV import was planned and confirmed: drafts to create, patches to apply, and the report.
 * Cancelable: `preventDefault()` stops a directory on a source from writing it (the host writes).
 */
export class UcrmContactsImportEvent extends CustomEvent<ImportPlan> {
  static get eventName() {
    return 'ucrm-contacts-import' as const;
  }
  constructor(detail: ImportPlan) {
    super(UcrmContactsImportEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/**
 * The user saved the current filter as a view, or edited a view (then `view.id` is the
 * edited view's: renamed, its filter or visibility changed). The host stores it and
 * updates `views`; cancelable: a directory on a source stores it itself unless
 * `preventDefault()` is called.
 */
export class UcrmViewSaveEvent extends CustomEvent<{ view: Omit<SavedView, 'id'> & { id?: string } }> {
  static get eventName() {
    return 'ucrm-view-save' as const;
  }
  constructor(detail: { view: Omit<SavedView, 'id'> & { id?: string } }) {
    super(UcrmViewSaveEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/**
 * The user confirmed deleting a saved view. The host removes it from `views`;
 * cancelable: a directory on a source deletes it itself unless `preventDefault()` is called.
 */
export class UcrmViewDeleteEvent extends CustomEvent<{ view: SavedView }> {
  static get eventName() {
    return 'ucrm-view-delete' as const;
  }
  constructor(detail: { view: SavedView }) {
    super(UcrmViewDeleteEvent.eventName, { ...init, cancelable: true, detail });
  }
}

/**
 * The user asked to unblock a contact (the directory's Block segment). The host
 * writes it; cancelable: a directory on a source writes it itself unless
 * `preventDefault()` is called.
 */
export class UcrmContactUnblockEvent extends CustomEvent<{ contact: Contact }> {
  static get eventName() {
    return 'ucrm-contact-unblock' as const;
  }
  constructor(detail: { contact: Contact }) {
    super(UcrmContactUnblockEvent.eventName, { ...init, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucrm-view-delete': UcrmViewDeleteEvent;
    'ucrm-contact-unblock': UcrmContactUnblockEvent;
  }
}

/**
 * A request to merge contacts (the contact details' "potential duplicates"
 * prompt). Cancelable: a contact directory opens its merge preview for them
 * unless the host cancels.
 */
export class UcrmMergeRequestEvent extends CustomEvent<{ ids: string[] }> {
  static get eventName() {
    return 'ucrm-merge-request' as const;
  }
  constructor(detail: { ids: string[] }) {
    super(UcrmMergeRequestEvent.eventName, { ...init, cancelable: true, detail });
  }
}

export interface RequestCloseDetail {
  /** What asked: the Escape key, or a call to `requestClose()`. */
  source: 'escape' | 'method';
}

/**
 * A `<ucrm-dialog>` is asked to close (Escape, or `requestClose()`).
 * Cancelable: a flow with unsaved work cancels it and the dialog stays open.
 */
export class UcrmRequestCloseEvent extends CustomEvent<RequestCloseDetail> {
  static get eventName() {
    return 'ucrm-request-close' as const;
  }
  constructor(detail: RequestCloseDetail) {
    super(UcrmRequestCloseEvent.eventName, { ...init, cancelable: true, detail });
  }
}

export interface InteractionDetail {
  interaction: Interaction;
}

/** Which part of an open interaction the agent asked for (the inbox's row button, the actions menu). */
export type InteractionPanel = 'disposition' | 'form' | 'transfer';

export interface InteractionOpenDetail extends InteractionDetail {
  /** Open it on this part (e.g. a row's Disposition button), when given. */
  panel?: InteractionPanel;
}

/** The agent opened an interaction from the inbox (a click on an Active one, or right after taking or starting one). */
export class UcrmInteractionOpenEvent extends CustomEvent<InteractionOpenDetail> {
  static get eventName() {
    return 'ucrm-interaction-open' as const;
  }
  constructor(detail: InteractionOpenDetail) {
    super(UcrmInteractionOpenEvent.eventName, { ...init, detail });
  }
}

/** The agent took a pending interaction: the source assigned it to them. */
export class UcrmInteractionTakenEvent extends CustomEvent<InteractionDetail> {
  static get eventName() {
    return 'ucrm-interaction-taken' as const;
  }
  constructor(detail: InteractionDetail) {
    super(UcrmInteractionTakenEvent.eventName, { ...init, detail });
  }
}

/** The agent finished an interaction (text channels; a call finishes when it ends). */
export class UcrmInteractionFinishedEvent extends CustomEvent<InteractionDetail> {
  static get eventName() {
    return 'ucrm-interaction-finished' as const;
  }
  constructor(detail: InteractionDetail) {
    super(UcrmInteractionFinishedEvent.eventName, { ...init, detail });
  }
}

/** The agent closed an interaction: it leaves the inbox. */
export class UcrmInteractionClosedEvent extends CustomEvent<InteractionDetail> {
  static get eventName() {
    return 'ucrm-interaction-closed' as const;
  }
  constructor(detail: InteractionDetail) {
    super(UcrmInteractionClosedEvent.eventName, { ...init, detail });
  }
}

/**
 * The actions menu asks for a panel of the interaction (its disposition, the
 * campaign's form, a transfer). Cancelable: the workspace opens it unless
 * the host calls `preventDefault()` to open its own.
 */
export class UcrmPanelRequestEvent extends CustomEvent<InteractionDetail & { panel: InteractionPanel }> {
  static get eventName() {
    return 'ucrm-panel-request' as const;
  }
  constructor(detail: InteractionDetail & { panel: InteractionPanel }) {
    super(UcrmPanelRequestEvent.eventName, { ...init, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucrm-merge-request': UcrmMergeRequestEvent;
    'ucrm-request-close': UcrmRequestCloseEvent;
    'ucrm-interaction-open': UcrmInteractionOpenEvent;
    'ucrm-interaction-taken': UcrmInteractionTakenEvent;
    'ucrm-interaction-finished': UcrmInteractionFinishedEvent;
    'ucrm-interaction-closed': UcrmInteractionClosedEvent;
    'ucrm-panel-request': UcrmPanelRequestEvent;
    'ucrm-resolved': UcrmResolvedEvent;
    'ucrm-contact-selected': UcrmContactSelectedEvent;
    'ucrm-matcher-dismiss': UcrmMatcherDismissEvent;
    'ucrm-matcher-create': UcrmMatcherCreateEvent;
    'ucrm-contact-created': UcrmContactCreatedEvent;
    'ucrm-contact-updated': UcrmContactUpdatedEvent;
    'ucrm-contact-submit': UcrmContactSubmitEvent;
    'ucrm-client-id-assigned': UcrmClientIdAssignedEvent;
    'ucrm-error': UcrmErrorEvent;
    'ucrm-disposition-saved': UcrmDispositionSavedEvent;
    'ucrm-wrap-up-end': UcrmWrapUpEndEvent;
    'ucrm-interaction-start': UcrmInteractionStartEvent;
    'ucrm-filter-change': UcrmFilterChangeEvent;
    'ucrm-selection-change': UcrmSelectionChangeEvent;
    'ucrm-contacts-delete': UcrmContactsDeleteEvent;
    'ucrm-contacts-merge': UcrmContactsMergeEvent;
    'ucrm-bulk-update': UcrmBulkUpdateEvent;
    'ucrm-columns-change': UcrmColumnsChangeEvent;
    'ucrm-contacts-import': UcrmContactsImportEvent;
    'ucrm-view-save': UcrmViewSaveEvent;
  }
}

export interface MessageSentDetail {
  message: import('./core/interactions/index.js').Message;
}

/** `<ucrm-conversation>`: the source accepted a message the agent sent (once per message, never for a retried duplicate). */
export class UcrmMessageSentEvent extends CustomEvent<MessageSentDetail> {
  static get eventName() {
    return 'ucrm-message-sent' as const;
  }
  constructor(detail: MessageSentDetail) {
    super(UcrmMessageSentEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucrm-message-sent': UcrmMessageSentEvent;
  }
}

/** What the call controls asked the source for: a call command, or the conference's send / join. */
export type CallAction =
  | 'mute'
  | 'unmute'
  | 'hold'
  | 'resume'
  | 'park'
  | 'unpark'
  | 'hangup'
  | 'dtmf'
  | 'conference'
  | 'join-conference';

export interface CallActionDetail {
  interactionId: string;
  action: CallAction;
  /** The keys sent, for `dtmf`. */
  digits?: string;
}

/** The call controls' command was accepted: the source answered with the new call state. */
export class UcrmCallActionEvent extends CustomEvent<CallActionDetail> {
  static get eventName() {
    return 'ucrm-call-action' as const;
  }
  constructor(detail: CallActionDetail) {
    super(UcrmCallActionEvent.eventName, { ...init, detail });
  }
}

export interface TransferStartedDetail {
  interactionId: string;
  to: TransferTo;
  mode: TransferMode;
}

/** A transfer was started (the source accepted it): blind, or the attended consultation. */
export class UcrmTransferStartedEvent extends CustomEvent<TransferStartedDetail> {
  static get eventName() {
    return 'ucrm-transfer-started' as const;
  }
  constructor(detail: TransferStartedDetail) {
    super(UcrmTransferStartedEvent.eventName, { ...init, detail });
  }
}

/** A transfer ended: completed, cancelled by the agent, declined by its target, or unanswered (back to its sender). */
export class UcrmTransferEndedEvent extends CustomEvent<{ interactionId: string; outcome: TransferOutcome }> {
  static get eventName() {
    return 'ucrm-transfer-ended' as const;
  }
  constructor(detail: { interactionId: string; outcome: TransferOutcome }) {
    super(UcrmTransferEndedEvent.eventName, { ...init, detail });
  }
}

export interface TransferAnsweredDetail {
  /** The interaction as the source answered: the agent's (active) after a blind accept, the sender's after a decline. */
  interaction: Interaction;
  answer: 'accept' | 'decline';
}

/** The agent answered a transfer offered to them (the inbox's Accept / Decline; the source agreed). */
export class UcrmTransferAnsweredEvent extends CustomEvent<TransferAnsweredDetail> {
  static get eventName() {
    return 'ucrm-transfer-answered' as const;
  }
  constructor(detail: TransferAnsweredDetail) {
    super(UcrmTransferAnsweredEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucrm-call-action': UcrmCallActionEvent;
    'ucrm-transfer-started': UcrmTransferStartedEvent;
    'ucrm-transfer-ended': UcrmTransferEndedEvent;
    'ucrm-transfer-answered': UcrmTransferAnsweredEvent;
  }
}

export interface FormSubmitDetail {
  /** The campaign whose form was sent. */
  campaign: string;
  /** The interaction it was filled in for; absent for a form opened from the forms menu. */
  interactionId?: string;
  /** Field key → value: the custom sections' typed values, or what the external form posted. */
  values: Record<string, unknown>;
}

/** A campaign form was sent (`<ucrm-forms-panel>`): its own sections saved, or the external form's submit message. */
export class UcrmFormSubmitEvent extends CustomEvent<FormSubmitDetail> {
  static get eventName() {
    return 'ucrm-form-submit' as const;
  }
  constructor(detail: FormSubmitDetail) {
    super(UcrmFormSubmitEvent.eventName, { ...init, detail });
  }
}

/** `<ucrm-forms-panel>` opened, closed (its close button), or changed between side panel and full screen. */
export class UcrmFormsPanelToggleEvent extends CustomEvent<{ open: boolean; expanded: boolean }> {
  static get eventName() {
    return 'ucrm-forms-panel-toggle' as const;
  }
  constructor(detail: { open: boolean; expanded: boolean }) {
    super(UcrmFormsPanelToggleEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ucrm-form-submit': UcrmFormSubmitEvent;
    'ucrm-forms-panel-toggle': UcrmFormsPanelToggleEvent;
  }
}
