/**
 * The public API without side effects: element classes (unregistered), data
 * sources, domain types and helpers, events, stores. `ucrm-widgets/api`
 * imports this; `ucrm-widgets` (src/index.ts) adds every registration.
 */
export * from './core/types.js';
export { CrmError, type CrmErrorCode } from './core/errors.js';
export * from './events.js';

// Domain logic hosts share with the widgets.
export {
  normalizeIdentity,
  normalizeClientId,
  identityKindForChannel,
  equivalentForms,
  formatPhone,
  isChannel,
  type NormalizeResult,
  type NormalizeFailure,
} from './core/identity/index.js';
export { sectionsForCampaign } from './core/contacts/index.js';
export { friendlyName } from './core/contacts/index.js';
export {
  availableActions,
  closeBlocker,
  needsDisposition,
  hasEnded,
  isOpen,
} from './core/interactions/index.js';
export {
  parseLogicExpression,
  printExpression,
} from './core/filters/index.js';
export {
  compileFilter,
  validateFilter,
  FilterError,
  type ContactFilter,
  type FilterCondition,
  type SavedView,
} from './core/filters/index.js';
export { planMerge, findPotentialDuplicates, MERGE_MAX, type MergePlan } from './core/merge/index.js';
export { planBulkUpdate, confirmDeleteCount, type BulkAction } from './core/contacts/index.js';

// Data sources.
export type * from './data/source.js';
export { hasContactAdmin, contactAdminOf } from './data/source.js';
// The factories return at once and load their implementation on the first call.
export { createLocalSource, type LocalSource, type LocalSourceOptions } from './data/local-source.js';
export { getDefaultSource, setDefaultSource } from './data/default-source.js';
export { createRestSource, type RestSourceOptions, type RestRetryOptions } from './data/rest-source.js';

// The interaction workspace: model, lifecycle rules, sources.
export type * from './core/interactions/index.js';
export type { InteractionEvent, Rejection, WorkspaceState, AgentState, AgentSetup, Capacity } from './core/interactions/index.js';
export {
  reduceWorkspace,
  stepWorkspace,
  createWorkspaceState,
  inboxTabOf,
  byNewestActivity,
  needsTemplate,
  canReplyTo,
  PRESENCES,
  SELECTABLE_PRESENCES,
} from './core/interactions/index.js';
export type * from './data/interactions/source.js';
export type { CallAdapter } from './data/interactions/call-adapter.js';
export {
  createSimulatedInteractionSource,
  SimulatedInteractionSource,
  type SimulatedSourceOptions,
  type SimulatedInboundInput,
  type SimClock,
  type TrafficOptions,
  createSharedInboxViews,
  type SharedInboxViews,
} from './data/interactions/simulated-source.js';
export { getDefaultInteractionSource, setDefaultInteractionSource } from './data/interactions/default-source.js';
export { createRestInteractionSource, type RestInteractionSourceOptions } from './data/interactions/rest-interaction-source.js';
// Signal quality from WebRTC statistics (for CallAdapter implementations).
export {
  estimateMos,
  levelOfMos,
  stepSignal,
  foldSignal,
  sampleFromStats,
  INITIAL_SIGNAL,
  type SignalSample,
  type SignalState,
  type SignalOptions,
  type RtcStatLike,
  type StatsCounters,
} from './core/interactions/index.js';

// Shared state.
export { activeInteraction, setActiveInteraction, clearActiveInteraction } from './state/interaction-store.js';
export { loadFormDraft, saveFormDraft, clearFormDraft, type FormDraft, type FormDraftValue } from './state/form-drafts.js';
export { sourceContext, configContext, type UcrmConfig } from './state/context.js';

// Elements (classes only; see src/define/* to register one).
export { UcrmElement, type Problem } from './components/shared/ucrm-element.js';
export { UcrmDataElement } from './components/shared/ucrm-data-element.js';
export { defineElement } from './components/shared/define-element.js';
export { UcrmInteractionView, type InteractionViewMode } from './components/ucrm-interaction-view/ucrm-interaction-view.js';
export { ContactMatcher, type MatcherMode } from './components/contact-matcher/contact-matcher.js';
export { UcrmProvider } from './components/ucrm-provider/ucrm-provider.js';
export { UcrmContactCard, type ContactCardView } from './components/ucrm-contact-card/ucrm-contact-card.js';
export { UcrmContactForm } from './components/ucrm-contact-form/ucrm-contact-form.js';
export { DispositionForm } from './components/disposition-form/disposition-form.js';
export type { DispositionRecord, DispositionRecorder } from './components/disposition-form/recorder.js';
export { UcrmWrapUpTimer } from './components/ucrm-wrap-up-timer/ucrm-wrap-up-timer.js';
export { UcrmNewInteraction } from './components/ucrm-new-interaction/ucrm-new-interaction.js';
export type { ComposerAgent, ComposerChannel } from './core/composer/index.js';
export { UcrmContactDirectory } from './components/ucrm-contact-directory/ucrm-contact-directory.js';
export { UcrmContactDetails, type ContactDetailsState } from './components/ucrm-contact-details/ucrm-contact-details.js';
export { UcrmInteractionElement } from './components/shared/ucrm-interaction-element.js';
export { UcrmInbox } from './components/ucrm-inbox/ucrm-inbox.js';
export { UcrmInteractionActions } from './components/ucrm-interaction-actions/ucrm-interaction-actions.js';
export { UcrmAgentWorkspace, type PopView } from './components/ucrm-agent-workspace/ucrm-agent-workspace.js';
export { UcrmFormsPanel, manualFormEntries, type ManualFormEntry } from './components/ucrm-forms-panel/ucrm-forms-panel.js';
export { UcrmContactHistory } from './components/ucrm-contact-history/ucrm-contact-history.js';
export { UcrmConversation } from './components/ucrm-conversation/ucrm-conversation.js';
export { SendQueue, type QueuedMessage } from './components/ucrm-conversation/send-queue.js';
export {
  composeMode,
  canQuote,
  quoteOf,
  mergeMessages,
  classifySendError,
  contactDraftFromPreChat,
  type ComposeMode,
  type QuoteSummary,
  type SendFailure,
} from './core/interactions/index.js';
export { conversationDrafts, type ConversationDraft } from './state/conversation-drafts.js';
export { UcrmCallControls } from './components/ucrm-call-controls/ucrm-call-controls.js';
export { UcrmTransfer } from './components/ucrm-transfer/ucrm-transfer.js';
export { UcrmConference } from './components/ucrm-conference/ucrm-conference.js';
export { interactionSourceContext } from './state/context.js';

// Localization.
export { resolveLocale, type Locale } from './i18n/localize.js';
