/** What every route answers with: a contact with its ETag, and a JSON body read strictly. */
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Contact } from '../src/core/types.js';
import { HttpProblem } from './problems.js';
import { etagOf } from './store.js';

export type Env = { Bindings: HttpBindings };

export function sendContact(c: Context<Env>, contact: Contact, status: 200 | 201 = 200): Response {
  c.header('etag', etagOf(contact));
  c.header('cache-control', 'no-store');
  return c.json(contact, status);
}

export async function jsonBody(c: Context<Env>): Promise<unknown> {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new HttpProblem('invalid', () => 'The body must be application/json.', { status: 415 });
  }
  try {
    return await c.req.json();
  } catch {
    throw new HttpProblem('invalid', () => 'The body is not valid JSON.');
  }
}

