/**
 * A web-test-runner plugin that runs the reference server (test mode) for the
 * whole test run, on a free loopback port. The browser learns where it is from
 * `GET /__ucrm-rest-server.json` on the test page's own server:
 * `{url, refusedUrl, token, agentId, second: {token, agentId}, jwtSecret}`.
 * The test page's origin is on the CORS allow-list.
 *
 * Agents: `token` is agent `default`'s; `second` is another agent's, for
 * tests where two agents meet (a refused unpark, a transfer answered). The
 * server also takes HS256 tokens signed with `jwtSecret`, so a test file can
 * sign one for an agent of its own (test/support/rest-server.ts `agentToken`)
 * and never share an agent's capacity or presence with a file running beside
 * it (every file of the run talks to this one server).
 */
import { startTestServer } from './test-server.mjs';

export const REST_SERVER_INFO_PATH = '/__ucrm-rest-server.json';

const SECOND_AGENT = { token: 'wtr-token-2', agentId: 'agent-2' };
/** Test runs only: never a secret worth keeping. */
const JWT_SECRET = 'wtr-jwt-secret-for-tests-only';

export function restServerPlugin(options = {}) {
  let server;
  return {
    name: 'ucrm-rest-server',
    async serverStart({ config }) {
      const port = config.port;
      const hosts = new Set(['localhost', '127.0.0.1', config.hostname ?? 'localhost']);
      const origins = [...hosts].map((host) => `${config.http2 ? 'https' : 'http'}://${host}:${port}`);
      server = await startTestServer({
        token: 'wtr-token',
        auth: { tokens: { [SECOND_AGENT.token]: SECOND_AGENT.agentId }, jwtSecret: JWT_SECRET },
        ...options,
        origins,
      });
    },
    async serverStop() {
      await server?.close();
    },
    serve(context) {
      if (context.path !== REST_SERVER_INFO_PATH || !server) return undefined;
      return {
        body: JSON.stringify({
          url: server.url,
          refusedUrl: server.refusedUrl,
          token: server.token ?? null,
          agentId: options.tokenAgent ?? 'default',
          second: SECOND_AGENT,
          jwtSecret: JWT_SECRET,
        }),
        type: 'json',
        headers: { 'cache-control': 'no-store' },
      };
    },
  };
}
