/**
 * The reference server the REST tests run against (started for the test run
 * by scripts/rest-server-plugin.mjs): where it is, and its test-only routes to
 * inject HTTP faults and count requests (server/faults.ts). Each test file
 * gets its own scope (the X-Test-Scope header on every request), so files
 * running in parallel never see each other's faults or request counts.
 */
import { expect } from '@open-wc/testing';
import { CrmError } from '../../src/core/errors.js';
import { createRestSource } from '../../src/data/rest-source.js';
import type { RestSourceOptions } from '../../src/data/rest-source.js';
import type { CrmSource } from '../../src/data/source.js';

export interface ServerInfo {
  url: string;
  refusedUrl: string;
  /** Agent `agentId`'s token (`default`). */
  token: string | null;
  agentId: string;
  /** Another agent's static token, for tests where two agents meet. */
  second: { token: string; agentId: string };
  /** The server also takes HS256 tokens signed with this: see `agentToken`. */
  jwtSecret: string;
}

export interface Fault {
  kind: 'status' | 'hang' | 'malformed' | 'reset';
  count?: number;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  /** Only requests whose path starts with this. */
  path?: string;
}

let info: ServerInfo | undefined;
/** This test file's scope (each file runs in its own page, so gets its own). */
export const scope = crypto.randomUUID();

/** fetch with this file's test scope: what the REST source under test uses. */
export const scopedFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  request.headers.set('x-test-scope', scope);
  return fetch(request);
};

export async function server(): Promise<ServerInfo> {
  if (!info) {
    // createRestSource loads its implementation on the first call: load it here, in the suites'
    // before(), so no timed test pays for fetching and compiling it on a busy machine.
    const [body] = await Promise.all([(await fetch('/__ucrm-rest-server.json')).json(), import('../../src/data/rest-crm-source.js')]);
    info = body as ServerInfo;
  }
  return info;
}

async function testApi(path: string, body?: unknown): Promise<unknown> {
  const { url } = await server();
  const response = await fetch(`${url}/__test/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'x-test-scope': scope },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `/__test/${path}`).to.equal(200);
  return response.json();
}

export const inject = (fault: Fault) => testApi('faults', fault);
export const resetServer = () => testApi('reset', {});
export const requests = async () => (await testApi('requests')) as { total: number; byRoute: Record<string, number> };

/** A REST source on the test server with the right token and a fast backoff (tests check what is retried, not how long it waits). */
export function restSource({ url, token }: ServerInfo, options: Partial<RestSourceOptions> = {}): CrmSource {
  return createRestSource({
    baseUrl: url,
    token: () => token ?? '',
    retry: { limit: 2, backoffLimit: 20 },
    defaultRegion: 'UY',
    fetch: scopedFetch,
    ...options,
  });
}

/** The test server's info once `server()` has loaded it (in a `before`). */
export function loadedServer(): ServerInfo {
  if (!info) throw new Error('call `await server()` in a before() first');
  return info;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encoded = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/**
 * A bearer token for an agent of the test's own (an HS256 JWT with `sub`
 * `agentId`, valid for an hour). Every test file of a run shares one server
 * and its agents, so a file that occupies an agent (a call takes its one
 * phone line; presence; transfers to it) signs its own, e.g.
 * `agentToken(`calls-${scope}`)`. The server makes the agent on its first
 * request, available.
 */
export async function agentToken(agentId: string): Promise<string> {
  const { jwtSecret } = await server();
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encoded({ alg: 'HS256', typ: 'JWT' })}.${encoded({ sub: agentId, iat: now, exp: now + 3600 })}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned));
  return `${unsigned}.${base64url(new Uint8Array(signature))}`;
}

export async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CrmError);
    return error as CrmError;
  }
  throw new Error('expected the call to fail');
}

let unique = 0;
/** A phone number no demo contact has (Uruguayan mobiles starting 098 are never generated). */
export function freshPhone(): string {
  unique += 1;
  return `+598 98 ${String(100_000 + ((Date.now() + unique * 7919) % 900_000)).padStart(6, '0')}`;
}
