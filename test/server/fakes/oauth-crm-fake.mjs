/**
 * What the Salesforce and Zoho fakes share (salesforce-fake.mjs,
 * zoho-fake.mjs): an OAuth2 refresh-token endpoint that mints access tokens,
 * the records, the counters, scripted faults (an answer, or a hang: a call
 * that never answers) for the next API calls, and the plain node:http server
 * on a free loopback port. Each fake adds its own API on top.
 *
 *   const { fake, tokens } = await startOAuthCrmFake({
 *     credentials: { clientId, clientSecret, refreshToken },
 *     tokenPath: '/oauth/v2/token',
 *     grant(form, target) { … return { status, body } },   // mint with `issue(token)`
 *     api(req, res, { target, body }) { … },                 // after the count and the faults
 *     crashed(error) { return body },                        // the 500 body of a handler that threw
 *   });
 *   fake.url, fake.credentials, fake.records, fake.counts   // { token, created, updated, deleted, merged, api }
 *   fake.withEmail(email)                                   // records whose `Email` matches, any case
 *   fake.expireTokens()                                     // every access token minted so far is refused
 *   fake.failNext({ status, body, headers } | () => answer, times)
 *   fake.hangNext(times)
 *   await fake.close();
 */
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';

/** Answers `body` as JSON (the way both APIs do, with a charset). */
export const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};

/** A syntactically valid email, as the CRMs check it. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const readBody = (req) =>
  new Promise((resolve) => {
    const parts = [];
    req.on('data', (part) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
  });

/**
 * Starts the server; answers `fake` (to extend with the CRM's own methods)
 * and `tokens`, the access tokens it accepts (`issue(token)` in `grant` adds one).
 */
export async function startOAuthCrmFake({ credentials, tokenPath, grant, api, crashed }) {
  const records = new Map();
  const tokens = new Set();
  const faults = [];
  const hung = new Set();
  const counts = { token: 0, created: 0, updated: 0, deleted: 0, merged: 0, api: 0 };
  let url = '';

  const fake = {
    credentials: { ...credentials },
    records,
    counts,
    /** Records whose email matches, case-insensitively (a test's "exactly one record" check). */
    withEmail(email) {
      return [...records.values()].filter((r) => (r.Email ?? '').toLowerCase() === email.toLowerCase());
    },
    expireTokens() {
      tokens.clear();
    },
    /** The next API calls answer `answer` (or what `answer()` makes at the time). */
    failNext(answer, times = 1) {
      for (let i = 0; i < times; i += 1) faults.push(answer);
    },
    /** The next API calls never answer (a timeout). */
    hangNext(times = 1) {
      for (let i = 0; i < times; i += 1) faults.push('hang');
    },
    get url() {
      return url;
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  async function handle(req, res) {
    const target = new URL(req.url, url);
    const body = await readBody(req);

    if (req.method === 'POST' && target.pathname === tokenPath) {
      counts.token += 1;
      const answer = grant(new URLSearchParams(body), target, (token) => tokens.add(token));
      return json(res, answer.status, answer.body);
    }

    counts.api += 1;
    const fault = faults.shift();
    if (fault === 'hang') {
      hung.add(res);
      return undefined;
    }
    if (fault) {
      const answer = typeof fault === 'function' ? fault() : fault;
      return json(res, answer.status, answer.body, answer.headers);
    }
    return api(req, res, { target, body });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => json(res, 500, crashed(error)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
  return { fake, tokens };
}
