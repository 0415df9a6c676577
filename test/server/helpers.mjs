/** Shared by the server tests: a started test server and a small JSON fetch. */
import process from 'node:process';
import { startTestServer } from '../../scripts/test-server.mjs';

export { startTestServer };

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
 * A fresh database on the PostgreSQL of `DATABASE_URL` (for tests that start
 * several server processes on one database): `url` to give the servers and
 * `drop()` to remove it (forcing out connections left open). Undefined on
 * PGlite, where no `DATABASE_URL` is set.
 */
export async function scratchDatabase(prefix) {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const { default: pg } = await import('pg');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
