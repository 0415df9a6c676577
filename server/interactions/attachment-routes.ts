/**
 * The conversation's media and activity routes (issue 20; docs/rest-api.md):
 *
 *   POST /interactions/{id}/attachments?name=&kind=file|voice   raw body (the file's bytes, its
 *        Content-Type), optional Idempotency-Key → 201 the stored attachment (200 on a replay)
 *   GET  /attachments/{id}                       the bytes: bearer token or a signed link (?exp=&sig=)
 *   POST /interactions/{id}/activity {activity}  viewing | typing | idle → 204
 *
 * Uploads have their own body limit: the largest size of seed 002's table,
 * narrowed before a byte is read to the file's category on the campaign's
 * provider (Content-Length when given, counted while reading otherwise). An
 * oversized body is answered 413 and the connection closed, so the rest of
 * it is never read. A wrong format is 415, a channel without files 422.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { categoryOf } from '../../src/core/composer/index.js';
import type { Interaction } from '../../src/core/interactions/index.js';
import type { Env } from '../http.js';
import { jsonBody } from '../http.js';
import { isCleanText, UNCLEAN_TEXT } from '../input-guard.js';
import { HttpProblem } from '../problems.js';
import { parse } from '../validation.js';
import type { ActivityBoard } from './activity.js';
import { checkSize, inspectVoice, servedInline, servedType, uploadLimit, type AttachmentStore, type StoredAttachment } from './attachments.js';
import { IdempotencyKeyHeader, IdParam } from './schemas.js';
import type { Workspace } from './workspace.js';

const clean = () => v.pipe(v.string(), v.check(isCleanText, UNCLEAN_TEXT));
const UploadQuery = v.strictObject({
  name: v.optional(v.pipe(clean(), v.trim(), v.minLength(1), v.maxLength(255))),
  kind: v.optional(v.picklist(['file', 'voice']), 'file'),
});
const DownloadQuery = v.strictObject({ exp: v.optional(v.pipe(v.string(), v.maxLength(20))), sig: v.optional(v.pipe(v.string(), v.maxLength(100))) });
const ActivityBody = v.strictObject({ activity: v.picklist(['viewing', 'typing', 'idle']) });

const UPLOAD_PATH = /^\/interactions\/[^/]+\/attachments\/?$/;
const DOWNLOAD_PATH = /^\/attachments\/([^/]+)$/;

/** An upload: the general body limit does not apply (this route sets its own). */
export function isUploadRequest(c: Context): boolean {
  return c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path);
}

/** A download with a valid signed link: let through without a bearer token. */
export async function isSignedDownload(c: Context, attachments: AttachmentStore): Promise<boolean> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  const match = DOWNLOAD_PATH.exec(c.req.path);
  if (!match) return false;
  try {
    return await attachments.verify(decodeURIComponent(match[1]!), c.req.query('exp'), c.req.query('sig'));
  } catch {
    return false;
  }
}

const notFound = (id: string) => new HttpProblem('not-found', () => `No interaction "${id}".`);
const noAttachment = (id: string) => new HttpProblem('not-found', () => `No attachment "${id}".`);

/** The body, at most `limit` bytes: past that, a 413 before the rest is read. */
async function readLimited(c: Context<Env>, limit: number, tooLarge: (size: number) => never): Promise<Uint8Array> {
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      tooLarge(size);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function describe(a: StoredAttachment, url: string) {
  return { id: a.id, kind: a.kind, name: a.name, type: a.type, size: a.size, category: a.category, ...(a.kind === 'voice' ? { durationMs: a.durationMs } : {}), url };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback and the real name. */
function disposition(inline: boolean, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function attachmentRoutes(app: Hono<Env>, workspace: Workspace, attachments: AttachmentStore, activity: ActivityBoard): void {
  const idOf = (c: Context<Env>) => parse(IdParam, c.req.param('id'), 'path', 'id');

  /** The interaction, when the agent may write to it now (as a send requires). */
  async function writable(agent: string, id: string): Promise<Interaction> {
    const interaction = await workspace.get(id);
    if (!interaction) throw notFound(id);
    if (interaction.assignee !== agent || interaction.status === 'pending') {
      throw new HttpProblem('conflict', () => 'This interaction is not assigned to you.');
    }
    if (interaction.status !== 'active') throw new HttpProblem('conflict', () => 'This interaction is finished: the customer can no longer be written to.');
    return interaction;
  }

  app.post('/interactions/:id/attachments', async (c) => {
    // Every early answer closes the connection: the body it did not read must not be taken for the next request.
    c.header('connection', 'close');
    const agent = c.get('agent');
    const id = idOf(c);
    const { name, kind } = parse(UploadQuery, c.req.query(), 'query');
    const rawKey = c.req.header('idempotency-key');
    const key = rawKey === undefined ? undefined : parse(IdempotencyKeyHeader, rawKey, 'header', 'Idempotency-Key');
    if (key) {
      const earlier = await attachments.byKey(agent, key);
      if (earlier && earlier.interactionId === id) return c.json(describe(earlier, await attachments.link(earlier.id)), 200);
      if (earlier) throw new HttpProblem('conflict', () => 'This Idempotency-Key was used for an upload to another interaction.');
    }
    const interaction = await writable(agent, id);
    const campaign = workspace.campaigns.find((x) => x.id === interaction.campaign);
    if (kind === 'file' && !name) {
      throw new HttpProblem('invalid', () => 'Name the file: ?name=photo.jpg (its extension says its format).', {
        errors: [{ pointer: '?name', detail: 'Required for a file.' }],
      });
    }
    const fileName = name ?? 'voice-message';
    const limit = uploadLimit(interaction, campaign, kind, fileName);
    const announced = Number(c.req.header('content-length'));
    if (Number.isFinite(announced)) checkSize(interaction, campaign, kind, fileName, announced);
    const bytes = await readLimited(c, limit, (size) => {
      checkSize(interaction, campaign, kind, fileName, size);
      throw new Error('unreachable: checkSize refuses what is over the limit');
    });
    if (!bytes.length) throw new HttpProblem('invalid', () => 'The file is empty.', { status: 422 });
    c.header('connection', 'keep-alive');
    const voice = kind === 'voice' ? inspectVoice(interaction, bytes) : undefined;
    const stored = await attachments.save({
      interactionId: id,
      agent,
      kind,
      name: voice?.name ?? fileName,
      type: voice?.type ?? servedType({ kind, type: '', name: fileName }),
      category: voice ? 'audio' : categoryOf(fileName)!,
      size: bytes.length,
      durationMs: voice?.durationMs ?? 0,
      bytes,
      ...(key ? { key } : {}),
    });
    const url = await attachments.link(stored.id);
    c.header('location', url);
    return c.json(describe(stored, url), 201);
  });

  app.on(['GET', 'HEAD'], '/attachments/:id', async (c) => {
    const id = parse(IdParam, c.req.param('id'), 'path', 'id');
    const query = parse(DownloadQuery, c.req.query(), 'query');
    const found = await attachments.get(id);
    if (!found) throw noAttachment(id);
    const signed = await attachments.verify(id, query.exp, query.sig);
    if (!signed) {
      // With a token: the agents who may see the interaction (its assignee, its campaign's members).
      const agent = c.get('agent');
      const interaction = await workspace.get(found.interactionId);
      const viewer = await workspace.viewer(agent);
      const sees =
        !!interaction &&
        (interaction.assignee === agent || found.agent === agent || !viewer.campaigns || viewer.campaigns.includes(interaction.campaign));
      if (!sees) throw noAttachment(id);
    }
    const bytes = (await attachments.bytes(id)) ?? new Uint8Array();
    const headers = {
      'content-type': servedType(found),
      'content-length': String(bytes.length),
      'content-disposition': disposition(servedInline(found), found.name),
      // What was uploaded never runs as a page of this origin.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
  });

  app.post('/interactions/:id/activity', async (c) => {
    const id = idOf(c);
    const { activity: what } = parse(ActivityBody, await jsonBody(c), 'body');
    const interaction = await workspace.get(id);
    if (!interaction || interaction.status === 'closed') throw notFound(id);
    const agent = c.get('agent');
    const viewer = await workspace.viewer(agent);
    if (interaction.assignee !== agent && viewer.campaigns && !viewer.campaigns.includes(interaction.campaign)) throw notFound(id);
    await activity.report(agent, interaction, what);
    return c.body(null, 204);
  });
}

/**
 * Test mode only (beside /__test/interactions, before authentication):
 *   POST /__test/interactions/:id/activity {agentId, activity}   another agent's activity
 *   POST /__test/interactions/expire-activity                     the expiry now → {changed}
 *   POST /__test/interactions/prune-attachments {maxAgeMs}        uploads no message took → {pruned}
 */
export function activityTestRoutes(app: Hono<Env>, workspace: Workspace, activity: ActivityBoard, attachments: AttachmentStore): void {
  const TestActivityBody = v.strictObject({ agentId: IdParam, activity: v.picklist(['viewing', 'typing', 'idle']) });
  app.post('/__test/interactions/expire-activity', async (c) => c.json({ changed: await activity.expire(workspace.graceMs) }));
  const PruneBody = v.strictObject({ maxAgeMs: v.pipe(v.number(), v.integer(), v.minValue(0)) });
  app.post('/__test/interactions/prune-attachments', async (c) => {
    const { maxAgeMs } = parse(PruneBody, await jsonBody(c), 'body');
    return c.json({ pruned: await attachments.prune(maxAgeMs) });
  });
  app.post('/__test/interactions/:id/activity', async (c) => {
    const id = parse(IdParam, c.req.param('id'), 'path', 'id');
    const { agentId, activity: what } = parse(TestActivityBody, await jsonBody(c), 'body');
    const interaction = await workspace.get(id);
    if (!interaction) throw notFound(id);
    await workspace.ensureAgent(agentId);
    await activity.report(agentId, interaction, what);
    return c.body(null, 204);
  });
}
