import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CrmError } from '../../core/errors.js';
import type { Interaction, InteractionChange } from '../../core/interactions/index.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import { forAgents } from './agent-message.js';
import { UcrmInteractionElement } from './ucrm-interaction-element.js';

/**
 * A workspace element that acts on one interaction, named by its
 * `interaction-id` (the call controls, the actions bar, the transfer panel).
 * It follows that interaction in its source: loads it when the id or the
 * source changes, takes every change the source reports for it, and forgets
 * it when the source removes it. `current` is the interaction as the source
 * last said (the host's `interaction` until the source answers).
 *
 * Subclasses reset their own state in `interactionIdChanged()`, and may load
 * more after the interaction in `loadRelated()`.
 */
export class UcrmSingleInteractionElement extends UcrmInteractionElement {
  /** The interaction this element acts on. */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /** The interaction as the host already has it (shown at once; the source's answers replace it). Property only. */
  @property({ attribute: false }) interaction?: Interaction;

  /** The interaction as the source last said. */
  @state() protected current?: Interaction;

  private loadAbort?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('interaction') && this.interaction && this.interaction.id === this.interactionId && !this.current) {
      this.current = this.interaction;
    }
    if (changed.has('interactionId')) {
      if (this.current?.id !== this.interactionId) this.current = this.interaction?.id === this.interactionId ? this.interaction : undefined;
      this.interactionIdChanged();
      if (this.isConnected && this.hasUpdated) void this.load();
    }
  }

  protected override interactionSourceChanged(_source: InteractionSource): void {
    void this.load();
  }

  protected override interactionChanged(change: InteractionChange): void {
    const id = this.interactionId;
    if (!id) return;
    if (change.type === 'interaction' && change.interaction.id === id) {
      // A change older than what the element has is stale: a command's answer can overtake the
      // change feed (the REST stream delivers a second later), and must not be undone by it.
      if (!isOlder(change.interaction, this.current)) this.current = change.interaction;
    } else if (change.type === 'removed' && change.id === id) this.current = undefined;
  }

  /** The element now acts on another interaction (or none): forget what belonged to the previous one. */
  protected interactionIdChanged(): void {
    if (this.problem) this.clearProblem();
  }

  /** What the agent reads when the source does not know the id (in their language). */
  protected interactionNotFound(id: string): string {
    return `Interaction ${id} was not found.`;
  }

  /** The interaction as loaded from the source becomes `current`. */
  protected adoptLoaded(found: Interaction): void {
    this.current = found;
  }

  /** What else the element loads once the interaction is in (e.g. transfer targets). */
  protected async loadRelated(_id: string, _source: InteractionSource, _signal: AbortSignal): Promise<void> {}

  /** (Re)loads the interaction from the source; a newer load aborts an older one. */
  protected async load(): Promise<void> {
    this.loadAbort?.abort();
    const id = this.interactionId;
    if (!id) {
      this.current = undefined;
      return;
    }
    const abort = (this.loadAbort = new AbortController());
    const source = this.interactionSource;
    try {
      const found = await source.get(id, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (!found) throw forAgents(new CrmError('not-found', this.interactionNotFound(id)));
      // The feed may have brought a newer state while the read was out: keep it.
      if (!isOlder(found, this.current)) this.adoptLoaded(found);
      if (this.problem?.operation === 'get') this.clearProblem();
    } catch (error) {
      if (!abort.signal.aborted) this.reportError('get', error, () => void this.load());
      return;
    }
    await this.loadRelated(id, source, abort.signal);
  }
}

/** Whether `next` is an older state of `current` (both stamped with `updatedAt`; unstamped states are never older). */
function isOlder(next: Interaction, current: Interaction | undefined): boolean {
  if (!current || current.id !== next.id || !next.updatedAt || !current.updatedAt) return false;
  return Date.parse(next.updatedAt) < Date.parse(current.updatedAt);
}
