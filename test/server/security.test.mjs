/** Auth, CORS and request limits of the reference server. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, startTestServer, storageName } from './helpers.mjs';

const ALLOWED = 'http://app.example.test';
let server;
before(async () => {
  server = await startTestServer({ token: 's3cret', origins: [ALLOWED], bodyLimit: 2048, demoCount: 20 });
});
after(() => server?.close());

const anonymous = () => ({ ...server, token: undefined });

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
    });
  });
});
