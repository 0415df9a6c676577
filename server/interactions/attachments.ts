/**
 * Attachments and voice notes of the interaction workspace (issue 20): the
 * bytes live in PostgreSQL (`ws_attachments`, bytea), uploaded before the
 * message that carries them. The rules are core's (`checkAttachment`,
 * `channelAcceptsVoiceNotes`: seed 002's formats and per-provider sizes),
 * not a second copy; the server adds what only bytes can tell: a WhatsApp
 * voice note must really be Ogg/Opus (an `OggS` page whose first packet is
 * `OpusHead`), not just be labelled so.
 *
 * Downloads are authenticated: a bearer token of an agent who may see the
 * interaction, or a signed link (`?exp=&sig=`, HMAC-SHA256 with a key kept
 * in the database, so every process of one database accepts the others'
 * links) — what an `<img>` or `<audio>` can fetch without headers.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  categoryOf,
  channelAcceptsVoiceNotes,
  checkAttachment,
  extensionOf,
  limitsFor,
  type AttachmentCategory,
} from '../../src/core/composer/index.js';
import type { Interaction, MessageAttachment } from '../../src/core/interactions/index.js';
import type { Campaign } from '../../src/core/types.js';
import type { Db } from '../db.js';
import { HttpProblem } from '../problems.js';

export const ATTACHMENT_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ws_attachments (
     id text PRIMARY KEY,
     interaction_id text NOT NULL,
     agent text NOT NULL,
     key text,
     kind text NOT NULL,
     name text NOT NULL,
     type text NOT NULL,
     category text NOT NULL,
     size integer NOT NULL,
     duration_ms integer NOT NULL DEFAULT 0,
     bytes bytea NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  // A retried upload (same agent, same Idempotency-Key) answers the attachment the first one stored.
  `CREATE UNIQUE INDEX IF NOT EXISTS ws_attachments_key ON ws_attachments (agent, key) WHERE key IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS ws_attachments_interaction ON ws_attachments (interaction_id)`,
  // Whether a message references it: an upload no message took (a send abandoned after its upload) is pruned.
  `ALTER TABLE ws_attachments ADD COLUMN IF NOT EXISTS used boolean NOT NULL DEFAULT false`,
  `CREATE TABLE IF NOT EXISTS ws_attachment_secret (id integer PRIMARY KEY CHECK (id = 1), secret text NOT NULL)`,
];

export type AttachmentKind = 'file' | 'voice';

export interface StoredAttachment {
  id: string;
  interactionId: string;
  agent: string;
  kind: AttachmentKind;
  name: string;
  type: string;
  category: AttachmentCategory;
  size: number;
  durationMs: number;
}

/** The largest body any upload may have: the largest size of the providers' table. */
export const MAX_UPLOAD_BYTES = Math.max(...(['meta', 'gupshup', 'whatsapp-business'] as const).flatMap((p) => Object.values(limitsFor(p))));

/** Served content types by extension: what the table's formats are, whatever the uploader claimed. */
const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  webm: 'video/webm',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  rar: 'application/vnd.rar',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  acc: 'audio/aac',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
};

export const OGG_OPUS = 'audio/ogg; codecs=opus';
const WEBM_AUDIO = 'audio/webm';

const unsupported = (detail: string) => new HttpProblem('invalid', () => detail, { status: 415 });
const tooLarge = (detail: string) => new HttpProblem('invalid', () => detail, { status: 413, headers: { connection: 'close' } });
const rule = (detail: string) => new HttpProblem('invalid', () => detail, { status: 422 });

const megabytes = (bytes: number) => `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;

/**
 * What an upload of `name` may weigh on this interaction, refused before a
 * byte is read when the format or the channel is wrong.
 */
export function uploadLimit(interaction: Interaction, campaign: Campaign | undefined, kind: AttachmentKind, name: string): number {
  const limits = limitsFor(campaign?.provider);
  if (kind === 'voice') {
    if (!channelAcceptsVoiceNotes(interaction.channel)) throw rule(`Voice messages cannot be sent on ${interaction.channel}.`);
    return limits.audio;
  }
  const check = checkAttachment({ name, size: 0 }, interaction.channel, campaign?.provider);
  if (!check.ok && check.reason === 'channel') throw rule(`Attachments cannot be sent on ${interaction.channel}.`);
  if (!check.ok && check.reason === 'type') {
    throw unsupported(check.extension ? `Files of type .${check.extension} cannot be attached.` : 'A file name with an extension is needed (for example photo.jpg).');
  }
  return limits[categoryOf(name)!];
}

/** The size check of a file already read (or announced by Content-Length), with the reason in the table's terms. */
export function checkSize(interaction: Interaction, campaign: Campaign | undefined, kind: AttachmentKind, name: string, size: number): void {
  const limit = uploadLimit(interaction, campaign, kind, name);
  if (size <= limit) return;
  const category = kind === 'voice' ? 'audio' : categoryOf(name)!;
  const provider = campaign?.provider ? ` on ${campaign.provider}` : '';
  throw tooLarge(`This ${kind === 'voice' ? 'voice message' : `${category} file`} is ${megabytes(size)}; ${category} files may be at most ${megabytes(limit)}${provider}.`);
}

// ---- voice notes: what the bytes are -------------------------------------------------

const ascii = (bytes: Uint8Array, at: number, text: string) => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/**
 * Ogg/Opus: the stream opens with an `OggS` page (version 0, beginning of
 * stream) whose first packet is the `OpusHead` identification header (RFC
 * 7845). Answers the duration (the last page's granule position, less the
 * pre-skip, at Opus's 48 kHz), or undefined when the bytes are not Ogg/Opus.
 */
export function oggOpusDuration(bytes: Uint8Array): number | undefined {
  if (!ascii(bytes, 0, 'OggS') || bytes[4] !== 0 || !(bytes[5]! & 0x02)) return undefined;
  const segments = bytes[26];
  if (segments === undefined) return undefined;
  const payload = 27 + segments;
  if (!ascii(bytes, payload, 'OpusHead') || bytes.length < payload + 19) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const preSkip = view.getUint16(payload + 10, true);
  // The last page carries the stream's final granule position.
  for (let at = bytes.length - 27; at > 0; at--) {
    if (bytes[at] === 0x4f && ascii(bytes, at, 'OggS') && bytes[at + 4] === 0) {
      const granule = Number(view.getBigInt64(at + 6, true));
      return granule > preSkip ? Math.round(((granule - preSkip) / 48_000) * 1000) : 0;
    }
  }
  return 0;
}

/** WebM (Matroska's EBML magic): what Chromium records; accepted where the channel is not WhatsApp. */
const isWebm = (bytes: Uint8Array) => bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;

/** The voice note's served type and duration, or a 415 saying what the channel takes. */
export function inspectVoice(interaction: Interaction, bytes: Uint8Array): { type: string; durationMs: number; name: string } {
  const ogg = oggOpusDuration(bytes);
  if (ogg !== undefined) return { type: OGG_OPUS, durationMs: ogg, name: 'voice-message.ogg' };
  if (interaction.channel === 'whatsapp') {
    throw unsupported('WhatsApp takes voice messages as Ogg/Opus (audio/ogg; codecs=opus) only, and these bytes are not Ogg/Opus.');
  }
  if (isWebm(bytes)) return { type: WEBM_AUDIO, durationMs: 0, name: 'voice-message.webm' };
  throw unsupported('A voice message must be Ogg/Opus or WebM audio, and these bytes are neither.');
}

// ---- storage ----------------------------------------------------------------------------

interface Row {
  id: string;
  interaction_id: string;
  agent: string;
  kind: AttachmentKind;
  name: string;
  type: string;
  category: AttachmentCategory;
  size: number;
  duration_ms: number;
}

const COLUMNS = 'id, interaction_id, agent, kind, name, type, category, size, duration_ms';

const fromRow = (row: Row): StoredAttachment => ({
  id: row.id,
  interactionId: row.interaction_id,
  agent: row.agent,
  kind: row.kind,
  name: row.name,
  type: row.type,
  category: row.category,
  size: Number(row.size),
  durationMs: Number(row.duration_ms),
});

/** How long a signed link works (the list asks again for fresh ones when it reads a page). */
const LINK_TTL_MS = 7 * 24 * 60 * 60_000;

export class AttachmentStore {
  private secret: Promise<Buffer> | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The attachment an earlier upload with this key stored, if any. */
  async byKey(agent: string, key: string): Promise<StoredAttachment | undefined> {
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ws_attachments WHERE agent = $1 AND key = $2`, [agent, key]);
    return row ? fromRow(row) : undefined;
  }

  async get(id: string): Promise<StoredAttachment | undefined> {
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ws_attachments WHERE id = $1`, [id]);
    return row ? fromRow(row) : undefined;
  }

  /**
   * The stored bytes. Through base64 text, both ways: PGlite turns a bytea
   * parameter or result into text in JavaScript, ~50 times slower than
   * PostgreSQL's own encode/decode (1 MB: 3 s against 60 ms on the test box).
   */
  async bytes(id: string): Promise<Uint8Array | undefined> {
    const [row] = await this.db.query<{ b64: string }>(`SELECT encode(bytes, 'base64') AS b64 FROM ws_attachments WHERE id = $1`, [id]);
    return row ? Buffer.from(row.b64, 'base64') : undefined;
  }

  /** Stores an upload; a concurrent one with the same key wins and is answered instead. */
  async save(input: Omit<StoredAttachment, 'id'> & { key?: string; bytes: Uint8Array }): Promise<StoredAttachment> {
    const id = `att-${randomUUID()}`;
    const rows = await this.db.query<Row>(
      `INSERT INTO ws_attachments (id, interaction_id, agent, key, kind, name, type, category, size, duration_ms, bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, decode($11, 'base64'))
       ON CONFLICT (agent, key) WHERE key IS NOT NULL DO NOTHING RETURNING ${COLUMNS}`,
      [id, input.interactionId, input.agent, input.key ?? null, input.kind, input.name, input.type, input.category, input.size, input.durationMs, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString('base64')],
    );
    if (rows[0]) return fromRow(rows[0]);
    return (await this.byKey(input.agent, input.key!))!;
  }

  /** What a message carries for `ids`: each the agent's own upload to this interaction, files only. */
  async forMessage(agent: string, interactionId: string, ids: readonly string[], kind: AttachmentKind): Promise<StoredAttachment[]> {
    if (!ids.length) return [];
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM ws_attachments WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
    const found = new Map(rows.map((row) => [row.id, fromRow(row)]));
    return ids.map((id) => {
      const attachment = found.get(id);
      if (!attachment || attachment.agent !== agent || attachment.interactionId !== interactionId) {
        throw rule(`No uploaded ${kind === 'voice' ? 'voice message' : 'file'} "${id}" on this interaction: upload it first.`);
      }
      if (attachment.kind !== kind) throw rule(`"${id}" is ${attachment.kind === 'voice' ? 'a voice message' : 'a file'}, not ${kind === 'voice' ? 'a voice message' : 'a file'}.`);
      return attachment;
    });
  }

  /** Marks uploads a message now references: kept for good. */
  async markUsed(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.db.query('UPDATE ws_attachments SET used = true WHERE id = ANY($1::text[]) AND NOT used', [[...ids]]);
  }

  /** Drops uploads no message took within `maxAgeMs` (a send abandoned after its upload). Answers how many. */
  async prune(maxAgeMs = 24 * 60 * 60_000): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM ws_attachments WHERE NOT used AND created_at < now() - ($1::float8 * interval '1 millisecond') RETURNING id`,
      [maxAgeMs],
    );
    return rows.length;
  }

  // ---- signed links ------------------------------------------------------------------------

  private key(): Promise<Buffer> {
    this.secret ??= (async () => {
      await this.db.query('INSERT INTO ws_attachment_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [randomBytes(32).toString('base64')]);
      const [row] = await this.db.query<{ secret: string }>('SELECT secret FROM ws_attachment_secret WHERE id = 1');
      return Buffer.from(row!.secret, 'base64');
    })();
    this.secret.catch(() => (this.secret = undefined));
    return this.secret;
  }

  private async signature(id: string, exp: number): Promise<string> {
    return createHmac('sha256', await this.key()).update(`${id}.${exp}`).digest('base64url');
  }

  /** The download link (relative to the API's base) an element can use without a token. */
  async link(id: string): Promise<string> {
    const exp = Math.floor((this.now() + LINK_TTL_MS) / 1000);
    return `attachments/${encodeURIComponent(id)}?exp=${exp}&sig=${await this.signature(id, exp)}`;
  }

  /** Whether `?exp=&sig=` are a valid, unexpired link to `id`. */
  async verify(id: string, exp: string | undefined, sig: string | undefined): Promise<boolean> {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < this.now()) return false;
    const expected = Buffer.from(await this.signature(id, Number(exp)));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async asMessageAttachment(a: StoredAttachment): Promise<MessageAttachment> {
    return { name: a.name, type: a.type, size: a.size, url: await this.link(a.id), category: a.category };
  }

  /** Fresh links in messages read again (a page of history may be older than a link's life). */
  async refreshLinks<T extends { attachments?: MessageAttachment[]; voice?: { url: string; durationMs: number } }>(message: T): Promise<T> {
    const fresh = async (url: string) => {
      const match = /^attachments\/([^?]+)\?/.exec(url);
      return match ? this.link(decodeURIComponent(match[1]!)) : url;
    };
    if (!message.attachments?.length && !message.voice) return message;
    return {
      ...message,
      ...(message.attachments ? { attachments: await Promise.all(message.attachments.map(async (a) => ({ ...a, url: await fresh(a.url) }))) } : {}),
      ...(message.voice ? { voice: { ...message.voice, url: await fresh(message.voice.url) } } : {}),
    };
  }
}

/** The served content type of an attachment. */
export function servedType(a: Pick<StoredAttachment, 'kind' | 'type' | 'name'>): string {
  return a.kind === 'voice' ? a.type : (MIME[extensionOf(a.name)] ?? 'application/octet-stream');
}

/** Inline only what a browser shows without running it (no SVG, no HTML): everything else downloads. */
export function servedInline(a: Pick<StoredAttachment, 'kind' | 'name' | 'category'>): boolean {
  if (a.kind === 'voice') return true;
  return (a.category === 'image' || a.category === 'audio' || a.category === 'video') && extensionOf(a.name) !== 'svg';
}
