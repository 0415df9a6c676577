/**
 * Agent identity (docs/rest-api.md, "Authentication and agents"): static
 * development tokens, `UCRM_TOKEN`, HS256 JWTs and JWTs from a JWKS all name
 * an agent; saved views belong to it.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { sign } from 'hono/jwt';
import { importTs } from '../../scripts/run-ts.mjs';
import { call, startTestServer, storageName } from './helpers.mjs';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'test-key-1';
const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256' };
const now = () => Math.floor(Date.now() / 1000);

let jwks;
let jwksRequests = 0;
let server;
before(async () => {
  jwks = createServer((req, res) => {
    jwksRequests += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] }));
  });
  await new Promise((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  server = await startTestServer({
    demoCount: 20,
    token: 'legacy-token',
    auth: {
      tokens: { 'tok-a': 'agent-a', 'tok-b': 'agent-b' },
      jwtSecret: SECRET,
      jwksUrl: `http://127.0.0.1:${jwks.address().port}/.well-known/jwks.json`,
      audience: 'ucrm',
    },
  });
});
after(async () => {
  await server?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

const as = (token) => ({ ...server, token });
const hs256 = (claims) => sign({ aud: 'ucrm', exp: now() + 300, ...claims }, SECRET, 'HS256');
const rs256 = (claims, key = privateJwk) => sign({ aud: 'ucrm', exp: now() + 300, ...claims }, key, 'RS256');
const tagged = { match: 'all', conditions: [{ field: 'tags', op: 'contains', value: 'vip' }] };

async function agentOf(token) {
  // A view saved without an owner is owned by (and labelled with) the calling agent.
  const res = await call(as(token), '/views', { method: 'POST', json: { name: 'who am I', filter: tagged, public: false } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await call(as(token), `/views/${res.body.id}`, { method: 'DELETE' });
  return res.body.owner;
}

describe(`agents on ${storageName}`, () => {
  describe('tokens', () => {
    it('maps each static token to its agent, and UCRM_TOKEN to `default`', async () => {
      assert.equal(await agentOf('tok-a'), 'agent-a');
      assert.equal(await agentOf('tok-b'), 'agent-b');
      assert.equal(await agentOf('legacy-token'), 'default');
    });

    it('refuses a missing, unknown or malformed token with 401 and a challenge', async () => {
      const missing = await call(as(undefined), '/contacts/demo-uy');
      assert.equal(missing.status, 401);
      assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
      const unknown = await call(as('tok-c'), '/contacts/demo-uy');
      assert.equal(unknown.status, 401);
      assert.match(unknown.headers.get('www-authenticate'), /error="invalid_token"/);
      assert.equal(unknown.body.code, 'unauthorized');
      const basic = await call(as(undefined), '/contacts/demo-uy', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      assert.equal(basic.status, 401);
      assert.match(basic.headers.get('www-authenticate'), /invalid_request/);
    });

    it('takes the agent of an HS256 JWT from `sub`', async () => {
      assert.equal(await agentOf(await hs256({ sub: 'agent-jwt' })), 'agent-jwt');
    });

    it('refuses an expired, wrongly signed, unsigned, wrong-audience or subject-less JWT', async () => {
      const bad = [
        await hs256({ sub: 'x', exp: now() - 10 }),
        await sign({ sub: 'x', aud: 'ucrm', exp: now() + 300 }, 'another-secret-another-secret-xx', 'HS256'),
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","aud":"ucrm"}').toString('base64url')}.`,
        await hs256({ sub: 'x', aud: 'someone-else' }),
        await hs256({}),
        await hs256({ sub: 'a\u0000b' }),
      ];
      for (const token of bad) {
        const res = await call(as(token), '/contacts/demo-uy');
        assert.equal(res.status, 401, token);
        assert.match(res.headers.get('www-authenticate'), /invalid_token/);
      }
    });

    it('verifies a JWT signed by a key of the JWKS, fetching the key set at most once', async () => {
      const before = jwksRequests;
      assert.equal(await agentOf(await rs256({ sub: 'agent-sso' })), 'agent-sso');
      assert.equal(await agentOf(await rs256({ sub: 'agent-sso-2' })), 'agent-sso-2');
      assert.ok(jwksRequests >= 1 && jwksRequests - before <= 1, `${jwksRequests - before} fetches`);
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const forged = await rs256({ sub: 'agent-sso' }, { ...other.export({ format: 'jwk' }), kid: KID, alg: 'RS256' });
      assert.equal((await call(as(forged), '/contacts/demo-uy')).status, 401);
    });

    it('answers 503, not 500, when the key set cannot be fetched', async () => {
      const isolated = await startTestServer({ demoCount: 0, auth: { jwksUrl: `${server.refusedUrl}/jwks.json` } });
      try {
          const down = await call({ ...isolated, token: await rs256({ sub: 'x' }) }, '/contacts?q=a');
        assert.equal(down.status, 503);
        assert.equal(down.body.code, 'unavailable');
      } finally {
        await isolated.close();
      }
    });

    it('reads UCRM_TOKENS and UCRM_TOKEN, and refuses a malformed entry at start', async () => {
      const { staticTokensFromEnv } = await importTs('server/auth.ts');
      assert.deepEqual(staticTokensFromEnv({ UCRM_TOKENS: ' tokenA:agent-1, tokenB:agent-2 ', UCRM_TOKEN: 'one' }), {
        tokenA: 'agent-1',
        tokenB: 'agent-2',
        one: 'default',
      });
      assert.deepEqual(staticTokensFromEnv({ UCRM_TOKEN: 'one', UCRM_TOKEN_AGENT: 'ops' }), { one: 'ops' });
      assert.throws(() => staticTokensFromEnv({ UCRM_TOKENS: 'no-agent' }), /token:agent/);
      assert.throws(() => staticTokensFromEnv({ UCRM_TOKEN: 'has space' }), /a token may use only/);
    });

    it('leaves the probes open', async () => {
      assert.equal((await call(as(undefined), '/healthz')).status, 200);
      assert.equal((await call(as(undefined), '/readyz')).status, 200);
    });
  });

  describe('views belong to their agent', () => {
    it('lists public views and the caller’s own private ones', async () => {
      const a = as('tok-a');
      const b = as('tok-b');
      const secret = (await call(a, '/views', { method: 'POST', json: { name: 'A private', filter: tagged, public: false } })).body;
      const shared = (await call(a, '/views', { method: 'POST', json: { name: 'A public', filter: tagged, public: true } })).body;
      const ids = async (who, query = '') => (await call(who, `/views${query}`)).body.items.map((v) => v.id);
      assert.ok((await ids(a)).includes(secret.id));
      assert.ok((await ids(a)).includes(shared.id));
      assert.ok(!(await ids(b)).includes(secret.id), 'another agent never sees a private view');
      assert.ok((await ids(b)).includes(shared.id));
      assert.ok(!(await ids(b, '?owner=agent-a')).includes(secret.id), '?owner does not open other agents’ views');
    });

    it('lets only the owner replace or delete a view: 404 for a private one, 403 for a public one', async () => {
      const a = as('tok-a');
      const b = as('tok-b');
      const secret = (await call(a, '/views', { method: 'POST', json: { name: 'Mine', filter: tagged, public: false } })).body;
      const shared = (await call(a, '/views', { method: 'POST', json: { name: 'Ours', filter: tagged, public: true } })).body;
      const body = { name: 'Taken', filter: tagged, public: true };
      assert.equal((await call(b, `/views/${secret.id}`, { method: 'PUT', json: body })).status, 404);
      assert.equal((await call(b, `/views/${secret.id}`, { method: 'DELETE' })).status, 404);
      const put = await call(b, `/views/${shared.id}`, { method: 'PUT', json: body });
      assert.equal(put.status, 403);
      assert.equal(put.body.code, 'unauthorized');
      assert.equal((await call(b, `/views/${shared.id}`, { method: 'DELETE' })).status, 403);
      assert.equal((await call(a, '/views')).body.items.find((v) => v.id === shared.id).name, 'Ours');

      assert.equal((await call(a, `/views/${secret.id}`, { method: 'PUT', json: { ...body, public: false } })).status, 200);
      assert.equal((await call(a, `/views/${secret.id}`, { method: 'DELETE' })).status, 204);
      assert.equal((await call(a, `/views/${shared.id}`, { method: 'DELETE' })).status, 204);
      assert.equal((await call(b, '/views/never-existed', { method: 'DELETE' })).status, 204);
    });
  });
});
