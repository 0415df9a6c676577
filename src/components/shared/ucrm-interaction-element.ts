import { consume } from '@lit/context';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { InteractionChange } from '../../core/interactions/index.js';
import { getDefaultInteractionSource } from '../../data/interactions/default-source.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import { interactionSourceContext } from '../../state/context.js';
import { UcrmDataElement } from './ucrm-data-element.js';

/**
 * A ucrm element of the interaction workspace: it talks to an
 * `InteractionSource` (and, through `UcrmDataElement`, to a `CrmSource` for
 * contacts and campaigns). Its interaction source is, in order: the
 * `interactions` property, the nearest `<ucrm-provider>`'s, the library
 * default (`setDefaultInteractionSource`).
 *
 * While connected it watches that source: `interactionChanged()` hears every
 * change, and `interactionSourceChanged()` runs whenever the element starts
 * using a source (first connection, a new property or provider value), so a
 * subclass reloads what it shows from the new one.
 */
export class UcrmInteractionElement extends UcrmDataElement {
  /** The interaction source; property only. Defaults to the provider's, then the library default. */
  @property({ attribute: false }) interactions?: InteractionSource;

  @consume({ context: interactionSourceContext, subscribe: true })
  @state()
  protected providedInteractions?: InteractionSource;

  private watched?: InteractionSource;
  private unwatch?: () => void;

  /** The interaction source this element uses right now. */
  protected get interactionSource(): InteractionSource {
    return this.interactions ?? this.providedInteractions ?? getDefaultInteractionSource();
  }

  override connectedCallback(): void {
    // The context request (in super) answers synchronously when a provider is above.
    super.connectedCallback();
    this.syncWatch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.unwatch = undefined;
    // Forget the source: a re-attached element re-reads it (it missed the changes in between).
    this.watched = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // `providedInteractions` is protected, so not in `keyof this`.
    if (changed.has('interactions') || (changed as Map<PropertyKey, unknown>).has('providedInteractions')) this.syncWatch();
  }

  /** Watches the current source (once), and tells the subclass when it is a new one. */
  private syncWatch(): void {
    if (!this.isConnected) return;
    const source = this.interactionSource;
    if (source === this.watched) return;
    this.unwatch?.();
    this.watched = source;
    this.unwatch = source.watch((change) => {
      // A late change from a source this element no longer uses is ignored.
      if (this.watched === source) this.interactionChanged(change);
    });
    this.interactionSourceChanged(source);
  }

  /** A change reported by the watched source. */
  protected interactionChanged(_change: InteractionChange): void {}

  /** The element now uses `source` (load what it shows from it). */
  protected interactionSourceChanged(_source: InteractionSource): void {}
}
