/**
 * Two agents, one conversation (issue 20): who else is viewing or typing and
 * the customer typing where the channel reports it, shown in the header; and
 * this agent's own presence reported to the source (viewing, typing at most
 * every few seconds, idle on leaving). Presence is best effort: a report
 * that fails is dropped, a "typing" never renewed ends by itself.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Clock } from '../../core/disposition/index.js';
import type { ActivityActor, ConversationActivity } from '../../core/interactions/index.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';

/** How long a "typing" report lasts without a new one. */
const TYPING_TTL_MS = 6000;
/** This agent's typing is reported at most this often. */
const TYPING_REPORT_MS = 3000;

interface OtherActivity {
  who: ActivityActor;
  activity: ConversationActivity;
  at: number;
}

export interface PresenceOptions {
  clock: () => Clock;
  source: () => InteractionSource;
  interactionId: () => string | undefined;
  /** This agent (their own reports coming back are not "someone else"). */
  me: () => string | undefined;
}

export class ConversationPresence implements ReactiveController {
  private others = new Map<string, OtherActivity>();
  private lastTypingReport = 0;
  private typingIdle?: unknown;
  private expiry?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PresenceOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    const clock = this.options.clock();
    for (const handle of [this.typingIdle, this.expiry]) if (handle !== undefined) clock.clearTimeout(handle);
  }

  /** Another conversation (or none): nobody is known to be here. */
  clear(): void {
    this.others = new Map();
    this.host.requestUpdate();
  }

  /** The source reported someone's activity in this conversation. */
  seen(who: ActivityActor, activity: ConversationActivity): void {
    if (who.kind === 'agent' && who.id === this.options.me()) return;
    const key = who.kind === 'customer' ? 'customer' : `agent:${who.id ?? who.name}`;
    const next = new Map(this.others);
    if (activity === 'idle') next.delete(key);
    else next.set(key, { who, activity, at: this.options.clock().now() });
    this.others = next;
    this.host.requestUpdate();
    this.scheduleExpiry();
  }

  /** The customer's message arrived: they are no longer typing it. */
  customerSpoke(): void {
    this.others.delete('customer');
  }

  /** Tells the source what this agent is doing here. */
  report(activity: ConversationActivity): void {
    const id = this.options.interactionId();
    const source = this.options.source();
    if (!id || !source.reportActivity) return;
    source.reportActivity(id, activity).catch(() => undefined); // presence is best effort
  }

  /** The agent typed: "typing" now and then, back to "viewing" once they pause. */
  typed(): void {
    const clock = this.options.clock();
    const now = clock.now();
    if (now - this.lastTypingReport >= TYPING_REPORT_MS) {
      this.lastTypingReport = now;
      this.report('typing');
    }
    if (this.typingIdle !== undefined) clock.clearTimeout(this.typingIdle);
    this.typingIdle = clock.setTimeout(() => {
      this.typingIdle = undefined;
      this.lastTypingReport = 0;
      this.report('viewing');
    }, TYPING_REPORT_MS + 1000);
  }

  /** "Bruno also viewing", "Ana is typing…", "The customer is typing…"; nothing when alone. */
  render(s: ConversationStrings, list: Intl.ListFormat): TemplateResult | typeof nothing {
    const others = [...this.others.values()];
    if (!others.length) return nothing;
    const viewing = others.filter((o) => o.who.kind === 'agent' && o.activity === 'viewing').map((o) => o.who.name);
    const typing = others.filter((o) => o.activity === 'typing');
    return html`<p part="header presence">
      ${viewing.length ? html`<span part="viewing">${s.viewing(list.format(viewing))}</span>` : nothing}
      ${typing.map((o) => html`<span part="typing">${o.who.kind === 'customer' ? s.customerTyping(o.who.name) : s.typing(o.who.name)}</span>`)}
    </p>`;
  }

  /** A "typing" that is not renewed ends after a while (the channel may never say it stopped). */
  private scheduleExpiry(): void {
    const clock = this.options.clock();
    if (this.expiry !== undefined) clock.clearTimeout(this.expiry);
    this.expiry = undefined;
    const typing = [...this.others.values()].filter((o) => o.activity === 'typing');
    if (!typing.length) return;
    const next = Math.min(...typing.map((o) => o.at)) + TYPING_TTL_MS - clock.now();
    this.expiry = clock.setTimeout(() => {
      this.expiry = undefined;
      const now = clock.now();
      const kept = new Map(this.others);
      for (const [key, other] of kept) {
        if (other.activity === 'typing' && now - other.at >= TYPING_TTL_MS) {
          if (other.who.kind === 'customer') kept.delete(key);
          else kept.set(key, { ...other, activity: 'viewing' });
        }
      }
      this.others = kept;
      this.host.requestUpdate();
      this.scheduleExpiry();
    }, Math.max(0, next));
  }
}
