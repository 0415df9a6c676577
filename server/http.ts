/** What every route answers with: a contact with its ETag, and a JSON body read strictly. */
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Contact } from '../src/core/types.js';
import { INPUT_LIMITS, inspectJson, nestsDeeperThan } from './input-guard.js';
import type { Logger } from './logging.js';
import { HttpProblem } from './problems.js';
import { etagOf } from './store.js';

export type Env = {
  Bindings: HttpBindings;
  Variables: {
    /** The authenticated agent (server/auth.ts); `anonymous` when the server has no tokens. */
    agent: string;
    requestId: string;
    /** This request's logger (server/logging.ts): never give it contact data. */
    log: Logger;
  };
};

export function sendContact(c: Context<Env>, contact: Contact, status: 200 | 201 = 200): Response {
  c.header('etag', etagOf(contact));
  c.header('cache-control', 'no-store');
  return c.json(contact, status);
}

/**
 * The request's JSON object. Refused before any schema sees it: another
 * media type (415), broken JSON, nesting deeper than the limit, anything
 * but an object at the top (a `[]` body must not become a contact), and
 * NUL / unpaired surrogates or oversized lists anywhere (400 naming the member).
 */
export async function jsonBody(c: Context<Env>): Promise<Record<string, unknown>> {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new HttpProblem('invalid', (m) => m.notJsonType, { status: 415 });
  }
  const text = await c.req.text();
  if (nestsDeeperThan(text, INPUT_LIMITS.depth)) {
    throw new HttpProblem('invalid', (m) => m.tooDeep(INPUT_LIMITS.depth));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpProblem('invalid', (m) => m.notJson);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpProblem('invalid', (m) => m.bodyNotObject, { errors: [{ pointer: '', detail: 'Expected an object.' }] });
  }
  const fault = inspectJson(body);
  if (fault) throw new HttpProblem('invalid', (m) => `${m.invalidRequest} ${fault.pointer}: ${fault.detail}`, { errors: [fault] });
  return body as Record<string, unknown>;
}
