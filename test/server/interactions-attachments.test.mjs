/**
 * Conversation media and activity on the reference server (issue 20):
 * uploads stored in the database under seed 002's formats and per-provider
 * limits (413 with the connection closed, 415, 422 — never 5xx), voice notes
 * checked by their bytes (Ogg/Opus for WhatsApp), authenticated downloads
 * (bearer or signed link) with their content type and disposition, a
 * message that carries them sent once per Idempotency-Key, and who is
 * viewing/typing told through the change feed with expiry. Runs on PGlite
 * and (npm run test:server:pg) PostgreSQL.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { storageName } from './helpers.mjs';
import { AGENTS, as, driver, freshClient, openStream, start } from './interactions-support.mjs';

const MB = 1_000_000;
const CAMPAIGNS = [
  { id: 'meta', name: 'Meta', channels: ['whatsapp', 'webchat', 'sms', 'instagram', 'email'], outboundChannels: [], provider: 'meta' },
  { id: 'gupshup', name: 'Gupshup', channels: ['whatsapp'], outboundChannels: [], provider: 'gupshup' },
  { id: 'other', name: 'Other', channels: ['whatsapp'], outboundChannels: [] },
];

let server;
before(async () => {
  server = await start({ seed: { campaigns: CAMPAIGNS } });
  const capacity = { whatsapp: 100, webchat: 100, sms: 100, instagram: 100, email: 100 };
  for (const agent of ['ana', 'bruno', 'carla']) await driver(server, `/agents/${agent}`, { capacity }, { method: 'PUT' });
  await driver(server, '/agents/fede', { campaigns: ['other'] }, { method: 'PUT' });
});
after(async () => {
  await server?.close();
});

/** An interaction of `campaign` on `channel`, taken by `agent`. */
async function taken(agent = 'ana', channel = 'whatsapp', campaign = 'meta') {
  const clientId = channel === 'email' ? `c${Math.random().toString(36).slice(2)}@example.com` : channel === 'webchat' ? `visitor-${Math.random().toString(36).slice(2)}` : freshClient();
  const interaction = await driver(server, '/inbound', { channel, campaign, clientId, text: 'Hola' });
  const take = await as(server, agent, `/interactions/${interaction.id}/take`, { method: 'POST' });
  assert.equal(take.status, 200, JSON.stringify(take.body));
  return interaction.id;
}

/** A raw upload as `agent`; `body` a Buffer (or a stream for a chunked one). */
async function upload(agent, id, body, { name, kind, key, type = 'application/octet-stream', headers = {} } = {}) {
  const query = new URLSearchParams({ ...(name !== undefined ? { name } : {}), ...(kind ? { kind } : {}) });
  const response = await fetch(`${server.url}/interactions/${id}/attachments?${query}`, {
    method: 'POST',
    headers: {
      ...(agent ? { authorization: `Bearer ${AGENTS[agent]}` } : {}),
      'content-type': type,
      ...(key ? { 'idempotency-key': key } : {}),
      ...headers,
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const send = (agent, id, json, key) => as(server, agent, `/interactions/${id}/messages`, { method: 'POST', json, headers: { 'idempotency-key': key } });

// ---- Ogg/Opus built byte by byte (RFC 7845): what the server must recognize ----------

function oggPage({ flags = 0, granule = 0n, sequence = 0, packet }) {
  const lacing = [];
  let left = packet.length;
  while (left >= 255) {
    lacing.push(255);
    left -= 255;
  }
  lacing.push(left);
  const header = Buffer.alloc(27 + lacing.length);
  header.write('OggS', 0, 'latin1');
  header[4] = 0;
  header[5] = flags;
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(0x5eed, 14);
  header.writeUInt32LE(sequence, 18);
  header[26] = lacing.length;
  lacing.forEach((value, i) => (header[27 + i] = value));
  return Buffer.concat([header, packet]);
}

function oggOpus(durationMs = 1000) {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1; // version
  head[9] = 1; // mono
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48_000, 12);
  const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]);
  const audio = Buffer.alloc(40, 0xfc);
  return Buffer.concat([
    oggPage({ flags: 2, packet: head }),
    oggPage({ sequence: 1, packet: tags }),
    oggPage({ flags: 4, sequence: 2, granule: BigInt(312 + (durationMs * 48_000) / 1000), packet: audio }),
  ]);
}

const WEBM = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe(`conversation attachments on ${storageName}`, () => {
  it('stores an upload, sends a message that carries it, and serves it back with its type, disposition and auth', async () => {
    const id = await taken('ana');
    const up = await upload('ana', id, PNG, { name: 'foto del recibo.png', type: 'image/png' });
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.deepEqual({ ...up.body, id: undefined, url: undefined }, { id: undefined, url: undefined, kind: 'file', name: 'foto del recibo.png', type: 'image/png', size: PNG.length, category: 'image' });
    assert.match(up.body.url, /^attachments\/att-[\w-]+\?exp=\d+&sig=[\w-]+$/);

    const sent = await send('ana', id, { text: 'Aquí va', attachments: [up.body.id] }, 'att-send-1');
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.attachments.length, 1);
    assert.deepEqual({ ...sent.body.attachments[0], url: undefined }, { name: 'foto del recibo.png', type: 'image/png', size: PNG.length, category: 'image', url: undefined });
    const page = await as(server, 'ana', `/interactions/${id}/messages`);
    const listed = page.body.items.find((m) => m.id === sent.body.id);
    assert.match(listed.attachments[0].url, /^attachments\/att-/);

    // With the token of an agent who sees the interaction.
    const withToken = await fetch(`${server.url}/attachments/${up.body.id}`, { headers: { authorization: `Bearer ${AGENTS.bruno}` } });
    assert.equal(withToken.status, 200);
    assert.equal(withToken.headers.get('content-type'), 'image/png');
    assert.equal(withToken.headers.get('x-content-type-options'), 'nosniff');
    assert.match(withToken.headers.get('content-disposition'), /^inline; filename="foto del recibo.png"; filename\*=UTF-8''foto%20del%20recibo.png$/);
    assert.deepEqual(Buffer.from(await withToken.arrayBuffer()), PNG);

    // A signed link is its own credential (an <img> sends no token); tampered or without either: refused.
    const signed = await fetch(`${server.url}/${listed.attachments[0].url}`);
    assert.equal(signed.status, 200);
    assert.deepEqual(Buffer.from(await signed.arrayBuffer()), PNG);
    const tampered = await fetch(`${server.url}/${listed.attachments[0].url.replace(/sig=(.)/, (_, c) => `sig=${c === 'A' ? 'B' : 'A'}`)}`);
    assert.equal(tampered.status, 401);
    assert.equal((await fetch(`${server.url}/attachments/${up.body.id}`)).status, 401);
    const expired = await fetch(`${server.url}/attachments/${up.body.id}?exp=1&sig=${new URL(listed.attachments[0].url, 'http://x/').searchParams.get('sig')}`);
    assert.equal(expired.status, 401);
    // An agent outside the campaign does not learn it exists.
    const stranger = await as(server, 'fede', `/attachments/${up.body.id}`);
    assert.equal(stranger.status, 404);
  });

  it('answers a retried upload and a retried send with what the first made: never two', async () => {
    const id = await taken('ana');
    const first = await upload('ana', id, PNG, { name: 'a.png', key: 'retry-up-1' });
    const again = await upload('ana', id, PNG, { name: 'a.png', key: 'retry-up-1' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const [one, two] = await Promise.all([
      send('ana', id, { attachments: [first.body.id] }, 'retry-send-1'),
      send('ana', id, { attachments: [first.body.id] }, 'retry-send-1'),
    ]);
    assert.equal(one.body.id, two.body.id);
    const withFiles = (await as(server, 'ana', `/interactions/${id}/messages`)).body.items.filter((m) => m.attachments);
    assert.equal(withFiles.length, 1);
  });

  it('prunes uploads no message took, and keeps the ones a message references', async () => {
    const id = await taken('ana');
    const kept = await upload('ana', id, PNG, { name: 'kept.png' });
    const abandoned = await upload('ana', id, PNG, { name: 'abandoned.png' });
    assert.equal((await send('ana', id, { attachments: [kept.body.id] }, 'prune-send-1')).status, 201);
    const { pruned } = await driver(server, '/prune-attachments', { maxAgeMs: 0 });
    assert.ok(pruned >= 1);
    const download = (attachment) => fetch(`${server.url}/attachments/${attachment}`, { headers: { authorization: `Bearer ${AGENTS.ana}` } });
    assert.equal((await download(kept.body.id)).status, 200);
    assert.equal((await download(abandoned.body.id)).status, 404);
  });

  it('enforces each provider’s size per category: 413 before reading, with the connection closed', async () => {
    const meta = await taken('ana', 'whatsapp', 'meta');
    const gupshup = await taken('ana', 'whatsapp', 'gupshup');
    const other = await taken('ana', 'whatsapp', 'other');
    const sixMb = Buffer.alloc(6 * MB, 1);
    assert.equal((await upload('ana', meta, sixMb, { name: 'big.jpg' })).status, 201, 'Meta takes images up to 8 MB');
    const refused = await upload('ana', gupshup, sixMb, { name: 'big.jpg' });
    assert.equal(refused.status, 413);
    assert.equal(refused.body.code, 'invalid');
    assert.match(refused.body.detail, /image files may be at most 5 MB on gupshup/);
    assert.equal(refused.headers.get('connection'), 'close');
    // No provider: the strictest of the table.
    assert.equal((await upload('ana', other, sixMb, { name: 'big.png' })).status, 413);

    // Announced as far more than the route's limit: answered at once, the body never read.
    const answer = await new Promise((resolve, reject) => {
      const url = new URL(`${server.url}/interactions/${gupshup}/attachments?name=huge.mp4`);
      const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${AGENTS.ana}`, 'content-length': String(500 * MB), 'content-type': 'video/mp4' } });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024));
    });
    assert.equal(answer.status, 413);
    assert.equal(answer.connection, 'close');
    assert.match(answer.body.detail, /video files may be at most 16 MB/);

    // Chunked (no Content-Length): counted while read, refused past the limit.
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent >= 7 * MB) return controller.close();
        sent += MB;
        controller.enqueue(new Uint8Array(MB));
      },
    });
    let chunked;
    try {
      chunked = await upload('ana', gupshup, stream, { name: 'streamed.png' });
    } catch {
      chunked = { status: 'reset' }; // the server may close before the client has written everything
    }
    assert.ok(chunked.status === 413 || chunked.status === 'reset', String(chunked.status));
  });

  it('refuses formats and channels with 415/422 and a reason, and hostile input with 4xx, never 5xx', async () => {
    const id = await taken('ana');
    const exe = await upload('ana', id, PNG, { name: 'setup.exe' });
    assert.equal(exe.status, 415);
    assert.match(exe.body.detail, /\.exe cannot be attached/);
    assert.equal((await upload('ana', id, PNG, { name: 'noextension' })).status, 415);
    const unnamed = await upload('ana', id, PNG, {});
    assert.equal(unnamed.status, 400);
    assert.equal(unnamed.body.errors[0].pointer, '?name');

    const sms = await taken('ana', 'sms');
    const onSms = await upload('ana', sms, PNG, { name: 'a.png' });
    assert.equal(onSms.status, 422);
    assert.match(onSms.body.detail, /cannot be sent on sms/);
    assert.equal((await upload('ana', await taken('ana', 'instagram'), PNG, { name: 'a.png' })).status, 422);
    const voiceOnEmail = await upload('ana', await taken('ana', 'email'), oggOpus(), { kind: 'voice' });
    assert.equal(voiceOnEmail.status, 422);
    assert.match(voiceOnEmail.body.detail, /Voice messages cannot be sent on email/);
    assert.equal((await upload('ana', id, Buffer.alloc(0), { name: 'empty.png' })).status, 422);

    const hostile = [
      await upload('ana', id, PNG, { name: 'a\u0000.png' }),
      await upload('ana', id, PNG, { name: 'a.png', kind: 'sticker' }),
      await upload('ana', id, PNG, { name: 'a.png', headers: { 'idempotency-key': 'x'.repeat(500) } }),
      await as(server, 'ana', `/interactions/${id}/attachments?name=a.png&extra=1`, { method: 'POST' }),
      await upload('ana', 'int-nope', PNG, { name: 'a.png' }),
      await as(server, 'ana', '/attachments/att-nope'),
      await send('ana', id, { attachments: ['att-nope'] }, 'hostile-1'),
      await send('ana', id, { attachments: new Array(11).fill('att-x') }, 'hostile-2'),
      await send('ana', id, { voice: 42 }, 'hostile-3'),
    ];
    assert.deepEqual(
      hostile.map((r) => r.status),
      [400, 400, 400, 400, 404, 404, 422, 400, 400],
    );
  });

  it('lets only the assignee upload, only with a token, and only their own uploads into their messages', async () => {
    const id = await taken('ana');
    assert.equal((await upload(undefined, id, PNG, { name: 'a.png' })).status, 401);
    assert.equal((await upload('bruno', id, PNG, { name: 'a.png' })).status, 409);
    const pending = await driver(server, '/inbound', { channel: 'whatsapp', campaign: 'meta', clientId: freshClient(), text: 'Hola' });
    assert.equal((await upload('ana', pending.id, PNG, { name: 'a.png' })).status, 409);

    const mine = await upload('ana', id, PNG, { name: 'mine.png' });
    const brunos = await taken('bruno');
    const stolen = await send('bruno', brunos, { attachments: [mine.body.id] }, 'steal-1');
    assert.equal(stolen.status, 422);
    assert.match(stolen.body.detail, /upload it first/);
    const asVoice = await send('ana', id, { voice: mine.body.id }, 'as-voice-1');
    assert.equal(asVoice.status, 422);
  });

  it('checks a voice note’s bytes: Ogg/Opus for WhatsApp (whatever the MIME type says), WebM too elsewhere', async () => {
    const id = await taken('ana');
    const ogg = await upload('ana', id, oggOpus(1500), { kind: 'voice', type: 'audio/ogg; codecs=opus' });
    assert.equal(ogg.status, 201, JSON.stringify(ogg.body));
    assert.equal(ogg.body.type, 'audio/ogg; codecs=opus');
    assert.equal(ogg.body.durationMs, 1500);

    const webm = await upload('ana', id, WEBM, { kind: 'voice', type: 'audio/webm;codecs=opus' });
    assert.equal(webm.status, 415);
    assert.match(webm.body.detail, /WhatsApp takes voice messages as Ogg\/Opus/);
    const liar = await upload('ana', id, Buffer.from('OggS but not really, no OpusHead here at all'), { kind: 'voice', type: 'audio/ogg; codecs=opus' });
    assert.equal(liar.status, 415, 'the MIME type alone is not enough');
    const vorbis = Buffer.from(oggOpus());
    vorbis.write('OpusHexd', 28, 'latin1');
    assert.equal((await upload('ana', id, vorbis, { kind: 'voice' })).status, 415);

    const sent = await send('ana', id, { voice: ogg.body.id }, 'voice-send-1');
    assert.equal(sent.status, 201);
    assert.equal(sent.body.voice.durationMs, 1500);
    const served = await fetch(`${server.url}/${sent.body.voice.url}`);
    assert.equal(served.headers.get('content-type'), 'audio/ogg; codecs=opus');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'OggS');
    assert.equal(bytes.subarray(28, 36).toString('latin1'), 'OpusHead');

    const chat = await taken('ana', 'webchat');
    const chatWebm = await upload('ana', chat, WEBM, { kind: 'voice' });
    assert.equal(chatWebm.status, 201);
    assert.equal(chatWebm.body.type, 'audio/webm');
    assert.equal((await upload('ana', chat, PNG, { kind: 'voice' })).status, 415);
  });
});

describe(`conversation activity on ${storageName}`, () => {
  it('tells the other agents who is viewing and typing, and expires what is not renewed', async () => {
    const id = await taken('carla');
    const watcher = await openStream(server, 'bruno');
    const carla = await openStream(server, 'carla', { scope: 'activity' });
    await Promise.all([watcher.ready(), carla.ready()]);
    const seen = (events) => events.filter((e) => e.event === 'activity' && e.data.interactionId === id).map((e) => `${e.data.who.id}:${e.data.activity}`);

    assert.equal((await as(server, 'carla', `/interactions/${id}/activity`, { method: 'POST', json: { activity: 'viewing' } })).status, 204);
    assert.equal((await as(server, 'carla', `/interactions/${id}/activity`, { method: 'POST', json: { activity: 'typing' } })).status, 204);
    await watcher.until((events) => seen(events).includes('carla:typing'));
    assert.deepEqual(seen(watcher.events), ['carla:viewing', 'carla:typing']);
    const typing = watcher.events.find((e) => e.event === 'activity');
    assert.deepEqual(typing.data.who, { kind: 'agent', id: 'carla', name: 'carla' });

    // Not renewed: typing falls back to viewing.
    await driver(server, '/clock', { advanceMs: 11_000 });
    await driver(server, '/expire-activity');
    await watcher.until((events) => seen(events).length === 3);
    assert.equal(seen(watcher.events)[2], 'carla:viewing');

    // Carla's stream drops: after the grace period she is no longer viewing.
    await driver(server, '/cut-streams', { agent: 'carla' }, { scope: 'activity' });
    await carla.ended();
    await driver(server, '/clock', { advanceMs: 46_000 });
    await driver(server, '/expire-activity');
    await watcher.until((events) => seen(events).length === 4);
    assert.equal(seen(watcher.events)[3], 'carla:idle');

    // An agent outside the campaign sees none of it and may not report on it.
    const fede = await openStream(server, 'fede');
    await fede.ready();
    assert.equal((await as(server, 'fede', `/interactions/${id}/activity`, { method: 'POST', json: { activity: 'typing' } })).status, 404);
    await as(server, 'bruno', `/interactions/${id}/activity`, { method: 'POST', json: { activity: 'viewing' } });
    await watcher.until((events) => seen(events).includes('bruno:viewing'));
    assert.equal(seen(fede.events).length, 0);
    assert.equal((await as(server, 'bruno', `/interactions/${id}/activity`, { method: 'POST', json: { activity: 'dancing' } })).status, 400);
    fede.close();
    watcher.close();
  });
});
