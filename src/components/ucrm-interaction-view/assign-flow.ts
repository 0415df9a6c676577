/**
 * "Assign the ClientID to this contact?": the question after the agent picks
 * a search result, the assignment, and the Undo offered for a while after.
 * Owns its requests and timer; a new interaction (`reset()`) drops them, and
 * their late answers are ignored for display but still reported as events,
 * because the data did change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Contact, Identity } from '../../core/types.js';
import type { CrmSource } from '../../data/source.js';
import { UcrmClientIdAssignedEvent } from '../../events.js';

export interface PendingAssign {
  contact: Contact;
  identity: Identity;
  /** Other contacts that already hold the ClientID; undefined while checking. */
  owners?: Contact[];
  busy?: boolean;
}

export interface UndoOffer {
  contact: Contact;
  identity: Identity;
}

export interface AssignFlowOptions {
  source: () => CrmSource;
  /** Ms the Undo stays offered. */
  undoTimeout: () => number;
  assigned: (contact: Contact, identity: Identity) => void;
  undone: (contact: Contact, identity: Identity) => void;
  failed: (operation: 'assign' | 'undo', error: unknown, retry: () => void) => void;
}

export class AssignFlow implements ReactiveController {
  pending?: PendingAssign;
  undo?: UndoOffer;
  private abort?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  /** Bumped by `reset()`: answers from an older generation do not touch the screen. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: AssignFlowOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Asks before assigning; first checks who else holds the ClientID (falling back to `knownOwners`). */
  async ask(contact: Contact, identity: Identity, knownOwners: Contact[]): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.set({ contact, identity });
    let owners: Contact[];
    try {
      owners = await this.options.source().findByIdentity(identity, { signal: abort.signal });
    } catch {
      if (abort.signal.aborted) return;
      // The check is a courtesy; what the resolution found is good enough.
      owners = knownOwners;
    }
    if (abort.signal.aborted || this.pending?.contact !== contact) return;
    this.set({ contact, identity, owners: owners.filter((owner) => owner.id !== contact.id) });
  }

  /** The agent closed the question (or the search). */
  cancel(): void {
    this.abort?.abort();
    this.set(undefined);
  }

  async confirm(): Promise<void> {
    const pending = this.pending;
    if (!pending || pending.busy) return;
    const generation = this.generation;
    this.set({ ...pending, busy: true });
    try {
      const contact = await this.options.source().addIdentity(pending.contact.id, pending.identity);
      this.host.dispatchEvent(new UcrmClientIdAssignedEvent({ contact, identity: pending.identity }));
      if (generation !== this.generation) return;
      this.set(undefined);
      this.offerUndo({ contact, identity: pending.identity });
      this.options.assigned(contact, pending.identity);
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({ ...pending, busy: false });
      this.options.failed('assign', error, () => void this.confirm());
    }
  }

  async undoLast(): Promise<void> {
    const offer = this.undo;
    if (!offer) return;
    const generation = this.generation;
    this.clearUndo();
    try {
      const contact = await this.options.source().removeIdentity(offer.contact.id, offer.identity);
      this.host.dispatchEvent(new UcrmClientIdAssignedEvent({ contact, identity: offer.identity, undone: true }));
      if (generation !== this.generation) return;
      this.options.undone(contact, offer.identity);
    } catch (error) {
      if (generation !== this.generation) return;
      this.options.failed('undo', error, () => {
        this.undo = offer;
        void this.undoLast();
      });
    }
  }

  /** A new interaction: nothing of the old one stays on screen. */
  reset(): void {
    this.generation++;
    this.cancel();
    this.clearUndo();
  }

  private offerUndo(offer: UndoOffer): void {
    this.clearUndo();
    this.undo = offer;
    this.timer = setTimeout(() => this.clearUndo(), this.options.undoTimeout());
    this.host.requestUpdate();
  }

  private clearUndo(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.undo) return;
    this.undo = undefined;
    this.host.requestUpdate();
  }

  private set(pending: PendingAssign | undefined): void {
    this.pending = pending;
    this.host.requestUpdate();
  }
}
