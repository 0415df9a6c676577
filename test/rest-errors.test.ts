/**
 * createRestSource's error mapping and retry policy against a scripted fetch:
 * the answers a real server seldom gives on demand (a proxy's HTML 502, a
 * Retry-After too long to wait, an unexpected body shape).
 */
import { expect } from '@open-wc/testing';
import { CrmError } from '../src/core/errors.js';
import { codeForStatus } from '../src/data/rest-errors.js';
import { createRestSource } from '../src/data/rest-source.js';

type Answer = () => Response;

/** A fetch that answers from a script, one entry per request, and records what it was asked. */
function scriptedFetch(...answers: Answer[]) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected request');
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const contact = { id: 'c1', firstName: 'A', lastName: 'B', identities: [], updatedAt: '2026-01-01T00:00:00.000Z' };

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CrmError);
    return error as CrmError;
  }
  throw new Error('expected a failure');
}

describe('rest-errors', () => {
  it('maps statuses to CrmError codes when the body names none', () => {
    expect([401, 403, 404, 409, 412, 408, 504, 400, 422, 429, 500, 503].map(codeForStatus)).to.deep.equal([
      'unauthorized',
      'unauthorized',
      'not-found',
      'conflict',
      'conflict',
      'timeout',
      'timeout',
      'invalid',
      'invalid',
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
  });

  it("a proxy's HTML 502 is unavailable, after the retries", async () => {
    const html = () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const { fetch, seen } = scriptedFetch(html, html);
    const source = createRestSource({ baseUrl: 'https://crm.test/api', fetch, retry: { limit: 1, backoffLimit: 1 } });
    const error = await failure(source.listSections());
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.contain('502');
    expect(seen).to.have.length(2);
  });

  it('uses the problem code and detail over the status', async () => {
    const { fetch } = scriptedFetch(
      json({ type: 'urn:x', title: 'Conflict', status: 400, code: 'conflict', detail: 'Changed elsewhere.' }, 400, {
        'content-type': 'application/problem+json',
      }),
    );
    const error = await failure(createRestSource({ baseUrl: 'https://crm.test', fetch }).listCampaigns());
    expect(error.code).to.equal('conflict');
    expect(error.message).to.equal('Changed elsewhere.');
  });

  it('fails at once when Retry-After is longer than maxRetryAfter', async () => {
    const { fetch, seen } = scriptedFetch(json({ code: 'unavailable', detail: 'Maintenance.' }, 503, { 'retry-after': '3600' }));
    const source = createRestSource({ baseUrl: 'https://crm.test', fetch, retry: { limit: 3, maxRetryAfter: 1000 } });
    const error = await failure(source.listSections());
    expect(error.code).to.equal('unavailable');
    expect(seen).to.have.length(1);
  });

  it('reports a body of the wrong shape as unavailable', async () => {
    const { fetch } = scriptedFetch(json({ sections: [] }));
    const error = await failure(createRestSource({ baseUrl: 'https://crm.test', fetch }).listSections());
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.contain('unexpected shape');
  });

  it('sends the token, Accept-Language, and If-Match with the version it last saw', async () => {
    const { fetch, seen } = scriptedFetch(
      json(contact, 200, { etag: '"v1"' }),
      json({ ...contact, lastName: 'C' }, 200, { etag: '"v2"' }),
      json({ ...contact, lastName: 'D' }, 200, { etag: '"v3"' }),
    );
    const source = createRestSource({ baseUrl: 'https://crm.test', fetch, token: async () => 'tok', locale: () => 'pt-BR' });
    await source.getContact('c1');
    await source.updateContact('c1', { lastName: 'C' });
    await source.updateContact('c1', { lastName: 'D' });
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer tok');
    expect(seen[0]!.headers.get('accept-language')).to.equal('pt-BR');
    expect(seen[1]!.headers.get('if-match')).to.equal('"v1"');
    expect(seen[2]!.headers.get('if-match')).to.equal('"v2"');
  });

  it('sends the Idempotency-Key and retries that create; never a create without one', async () => {
    const down = json({ code: 'unavailable' }, 503);
    const keyed = scriptedFetch(down, json(contact, 201));
    const retrying = createRestSource({ baseUrl: 'https://crm.test', fetch: keyed.fetch, retry: { backoffLimit: 1 } });
    await retrying.createContact({ firstName: 'A' }, { idempotencyKey: 'k-1' });
    expect(keyed.seen.map((r) => r.headers.get('idempotency-key'))).to.deep.equal(['k-1', 'k-1']);

    const bare = scriptedFetch(down);
    const once = createRestSource({ baseUrl: 'https://crm.test', fetch: bare.fetch, retry: { backoffLimit: 1 } });
    expect((await failure(once.createContact({ firstName: 'A' }))).code).to.equal('unavailable');
    expect(bare.seen).to.have.length(1);
  });

  it('asks the token provider again after a 401, once', async () => {
    const unauthorized = json({ code: 'unauthorized', detail: 'Expired.' }, 401);
    const { fetch, seen } = scriptedFetch(unauthorized, json(contact));
    const tokens = ['old', 'new'];
    const source = createRestSource({ baseUrl: 'https://crm.test', fetch, token: () => tokens.shift() ?? 'none' });
    expect((await source.getContact('c1'))?.id).to.equal('c1');
    expect(seen.map((r) => r.headers.get('authorization'))).to.deep.equal(['Bearer old', 'Bearer new']);

    const refused = scriptedFetch(unauthorized, unauthorized);
    const again = createRestSource({ baseUrl: 'https://crm.test', fetch: refused.fetch, token: () => 'bad' });
    expect((await failure(again.getContact('c1'))).code).to.equal('unauthorized');
    expect(refused.seen).to.have.length(2);
  });

  it('a token provider that fails is unauthorized, and nothing is sent', async () => {
    const { fetch, seen } = scriptedFetch();
    const token = () => Promise.reject(new Error('session expired'));
    const error = await failure(createRestSource({ baseUrl: 'https://crm.test', fetch, token }).getContact('c1'));
    expect(error.code).to.equal('unauthorized');
    expect(seen).to.have.length(0);
  });

  it("writes its own messages in the UI's language", async () => {
    const fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    const source = createRestSource({ baseUrl: 'https://crm.test', fetch, retry: 0, locale: () => 'pt-BR' });
    const error = await failure(source.getContact('c1'));
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.equal('Carregar o contato: não é possível acessar o servidor CRM.');
  });

  it('refuses to be created without a baseUrl', () => {
    expect(() => createRestSource({ baseUrl: '' })).to.throw(CrmError);
  });
});
