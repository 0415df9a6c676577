/** Shared by the server tests: a started test server, a scratch database, a small JSON fetch and a wait on a condition. */
import assert from 'node:assert/strict';
import process from 'node:process';
import { scratchDatabase } from '../../scripts/scratch-database.mjs';
import { startTestServer } from '../../scripts/test-server.mjs';

/** `scratchDatabase(prefix)`: a fresh PostgreSQL database `{ url, drop() }`, undefined on PGlite. */
export { scratchDatabase, startTestServer };

/** fetch against `server`, with JSON in and out; returns {status, headers, body}. */
export async function call(server, path, { method = 'GET', json, headers = {}, body } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(server.token ? { authorization: `Bearer ${server.token}` } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const storageName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/**
 * Waits for `check()` to return something truthy (polled, never a fixed wait)
 * and answers it, or fails after `timeout` ms saying what it waited for
 * (`message`, a string or a function that makes one).
 */
export async function until(check, { timeout = 90_000, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${typeof message === 'function' ? message() : message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
