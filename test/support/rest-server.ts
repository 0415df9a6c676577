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
  token: string | null;
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
const scope = crypto.randomUUID();

/** fetch with this file's test scope: what the REST source under test uses. */
const scopedFetch: typeof fetch = (input, init) => {
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
