/** Auth, CORS and request limits of the reference server. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

const ALLOWED = 'http://app.example.test';
let server;
before(async () => {
  server = await startTestServer({ token: 's3cret', origins: [ALLOWED], bodyLimit: 2048, demoCount: 20 });
});
after(() => server?.close());

const anonymous = () => ({ ...server, token: undefined });

/** Sends `head` and `body` on a raw socket; resolves with what came back once the server closed the connection. */
function rawExchange(head, body) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', (error) => (received ? resolve(received) : reject(error)));
    socket.on('close', () => resolve(received));
    socket.write(head);
    // Part of the body only: the server must answer (and hang up) without waiting for the rest.
    socket.write(body);
  });
}

describe(`security on ${storageName}`, () => {
  describe('bearer token', () => {
    it('requires the token when one is configured', async () => {
      const res = await call(anonymous(), '/contacts/demo-uy');
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'unauthorized');
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    });

    it('refuses a wrong token, and accepts the right one', async () => {
      const wrong = await call(anonymous(), '/contacts/demo-uy', { headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.status, 401);
      assert.match(wrong.headers.get('www-authenticate'), /invalid_token/);
      assert.equal((await call(server, '/contacts/demo-uy')).status, 200);
    });

    it('keeps /health open for load balancers', async () => {
      assert.equal((await call(anonymous(), '/health')).status, 200);
    });
  });

  describe('CORS allow-list', () => {
    it('answers a preflight from an allowed origin', async () => {
      const res = await call(anonymous(), '/contacts', {
        method: 'OPTIONS',
        headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key,content-type' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(res.headers.get('access-control-allow-headers'), /Idempotency-Key/i);
    });

    it('exposes ETag to an allowed page', async () => {
      const res = await call(server, '/contacts/demo-uy', { headers: { origin: ALLOWED } });
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(res.headers.get('access-control-expose-headers'), /ETag/i);
    });

    it('rejects an unknown origin, preflight or not, without CORS headers', async () => {
      const preflight = await call(anonymous(), '/contacts', {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const simple = await call(server, '/contacts/demo-uy', { headers: { origin: 'http://evil.example' } });
      assert.equal(simple.status, 403);
      assert.equal(simple.headers.get('access-control-allow-origin'), null);
      assert.equal(simple.body.code, 'unauthorized');
    });
  });

  describe('request size', () => {
    it('refuses a body over the limit with 413', async () => {
      const res = await call(server, '/contacts', { method: 'POST', json: { firstName: 'x'.repeat(150), notes: [], tags: Array(40).fill('t'.repeat(60)) } });
      assert.equal(res.status, 413);
      assert.equal(res.body.code, 'invalid');
      assert.match(res.headers.get('content-type'), /problem\+json/);
    });

    it('answers 413 from the declared length and closes the connection without reading the rest', async () => {
      const head = [
        'POST /contacts HTTP/1.1',
        `Host: ${new URL(server.url).host}`,
        'Authorization: Bearer s3cret',
        'Content-Type: application/json',
        'Content-Length: 10000000',
        '',
        '',
      ].join('\r\n');
      const answer = await rawExchange(head, '{"firstName":"');
      assert.match(answer, /^HTTP\/1\.1 413 /);
      assert.match(answer, /\r\nconnection: close\r\n/i);
      assert.match(answer, /"code":"invalid"/);
    });

    it('answers 413 to a chunked body once it passes the limit', async () => {
      const head = [
        'POST /contacts HTTP/1.1',
        `Host: ${new URL(server.url).host}`,
        'Authorization: Bearer s3cret',
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        '',
        '',
      ].join('\r\n');
      const chunk = `{"firstName":"${'x'.repeat(4000)}`;
      const answer = await rawExchange(head, `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      assert.match(answer, /^HTTP\/1\.1 413 /);
    });
  });
});
