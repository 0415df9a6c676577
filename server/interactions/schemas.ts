/** Request shapes of the interaction routes (valibot, strict like the contact routes: unknown members are a 400). */
import * as v from 'valibot';
import { COMPOSER_CHANNELS } from '../../src/core/composer/index.js';
import { FILTER_OPS } from '../../src/core/filters/index.js';
import { PRESENCES } from '../../src/core/interactions/index.js';
import { CHANNELS } from '../../src/core/types.js';
import { isCleanText, UNCLEAN_TEXT } from '../input-guard.js';

const clean = () => v.pipe(v.string(), v.check(isCleanText, UNCLEAN_TEXT));
const text = (max: number) => v.pipe(clean(), v.maxLength(max));
const id = () => v.pipe(clean(), v.minLength(1), v.maxLength(200));
const strings = (max: number, each = 320) => v.pipe(v.array(text(each)), v.maxLength(max));
const record = () => v.pipe(v.record(v.pipe(clean(), v.maxLength(100)), text(2_000)), v.check((r) => Object.keys(r).length <= 50, 'At most 50 members.'));
const integer = (min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'Expected a whole number.'), v.transform(Number), v.minValue(min), v.maxValue(max)),
    String(fallback),
  );

export const IdParam = id();

const FilterSchema = v.strictObject({
  match: v.picklist(['all', 'any', 'expression']),
  conditions: v.pipe(
    v.array(v.strictObject({ field: text(200), op: v.picklist(FILTER_OPS), value: v.optional(text(2_000)) })),
    v.maxLength(100),
  ),
  expression: v.optional(text(2_000)),
});

export const TabQuery = v.strictObject({ tab: v.picklist(['pending', 'active']), viewId: v.optional(id()) });
export const ListBody = v.strictObject({ tab: v.picklist(['pending', 'active']), viewId: v.optional(id()), filter: v.optional(FilterSchema) });
export const HistoryQuery = v.strictObject({
  contactId: id(),
  limit: integer(1, 200, 50),
  before: v.optional(text(100)),
});
export const MessagesQuery = v.strictObject({ before: v.optional(text(200)), limit: integer(1, 200, 50) });
export const EventsQuery = v.strictObject({ lastEventId: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/))) });
export const LastEventId = v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'Expected the id of an event.'), v.transform(Number)));
export const IdempotencyKeyHeader = v.pipe(clean(), v.minLength(1), v.maxLength(200));

export const StartBody = v.strictObject({
  channel: v.picklist(COMPOSER_CHANNELS),
  campaign: id(),
  to: v.pipe(clean(), v.trim(), v.minLength(1), v.maxLength(320)),
  message: v.optional(text(20_000)),
  template: v.optional(id()),
  variables: v.optional(record()),
  subject: v.optional(text(1_000)),
  html: v.optional(text(200_000)),
  cc: v.optional(strings(50)),
  bcc: v.optional(strings(50)),
});

export const LinkBody = v.strictObject({ contactId: id() });

export const SendBody = v.strictObject({
  text: v.optional(text(20_000)),
  html: v.optional(text(200_000)),
  subject: v.optional(text(1_000)),
  cc: v.optional(strings(50)),
  bcc: v.optional(strings(50)),
  template: v.optional(v.strictObject({ id: id(), variables: v.optional(record()) })),
  replyTo: v.optional(id()),
  internal: v.optional(v.boolean()),
  /** Uploaded first (POST /interactions/{id}/attachments): their ids. */
  attachments: v.optional(v.pipe(v.array(id()), v.maxLength(10))),
  voice: v.optional(id()),
});

export const CallBody = v.union([
  v.strictObject({ type: v.picklist(['mute', 'unmute', 'hold', 'resume', 'park', 'unpark', 'hangup']) }),
  v.strictObject({ type: v.literal('dtmf'), digits: v.pipe(clean(), v.minLength(1), v.maxLength(64)) }),
]);

export const TransferBody = v.strictObject({
  to: v.union([v.strictObject({ agentId: id() }), v.strictObject({ campaignId: id() }), v.strictObject({ number: v.pipe(clean(), v.minLength(1), v.maxLength(64)) })]),
  mode: v.picklist(['blind', 'attended']),
});

export const TransferAnswerBody = v.strictObject({ answer: v.picklist(['accept', 'decline']) });

export const DispositionBody = v.strictObject({
  path: v.pipe(v.array(id()), v.minLength(1), v.maxLength(10)),
  comment: v.optional(text(5_000)),
  rescheduleAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  close: v.optional(v.boolean(), false),
});

export const PresenceBody = v.strictObject({ presence: v.picklist(PRESENCES) });

export const MuteBody = v.strictObject({ on: v.boolean() });

export const ViewBody = v.strictObject({ id: v.optional(id()), name: text(200), public: v.boolean(), filter: FilterSchema });

export const BatchBody = v.strictObject({
  ids: v.pipe(v.array(id()), v.minLength(1), v.maxLength(1000)),
  tags: v.optional(v.strictObject({ add: v.optional(strings(50, 100)), remove: v.optional(strings(50, 100)) })),
  delete: v.optional(v.literal(true)),
});

// ---- test routes ------------------------------------------------------------------

export const InboundBody = v.strictObject({
  channel: v.picklist(CHANNELS),
  campaign: id(),
  clientId: v.pipe(clean(), v.minLength(1), v.maxLength(320)),
  text: v.optional(text(20_000)),
  preChat: v.optional(record()),
});
export const CustomerMessageBody = v.strictObject({ text: text(20_000) });
export const DeliveryBody = v.strictObject({ status: v.picklist(['pending', 'sent', 'delivered', 'read', 'failed']), error: v.optional(text(500)) });
export const AgentBody = v.strictObject({ agentId: id() });
export const AgentSetupBody = v.strictObject({
  name: v.optional(text(200)),
  capacity: v.optional(v.record(v.picklist(CHANNELS), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)))),
  campaigns: v.optional(v.nullable(v.pipe(v.array(id()), v.maxLength(200)))),
  presence: v.optional(v.picklist(PRESENCES)),
});
export const ClockBody = v.strictObject({ advanceMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365 * 24 * 3_600_000)) });
export const CutBody = v.strictObject({ agent: v.optional(id()) });
export const SpeakingBody = v.strictObject({ participantId: id(), on: v.boolean() });
