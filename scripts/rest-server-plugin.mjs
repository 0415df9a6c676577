/**
 * A web-test-runner plugin that runs the reference server (test mode) for the
 * whole test run, on a free loopback port. The browser learns where it is from
 * `GET /__ucrm-rest-server.json` on the test page's own server:
 * `{url, refusedUrl, token}`. The test page's origin is on the CORS allow-list.
 */
import { startTestServer } from './test-server.mjs';

export const REST_SERVER_INFO_PATH = '/__ucrm-rest-server.json';

export function restServerPlugin(options = {}) {
  let server;
  return {
    name: 'ucrm-rest-server',
    async serverStart({ config }) {
      const port = config.port;
      const hosts = new Set(['localhost', '127.0.0.1', config.hostname ?? 'localhost']);
      const origins = [...hosts].map((host) => `${config.http2 ? 'https' : 'http'}://${host}:${port}`);
      server = await startTestServer({ token: 'wtr-token', ...options, origins });
    },
    async serverStop() {
      await server?.close();
    },
    serve(context) {
      if (context.path !== REST_SERVER_INFO_PATH || !server) return undefined;
      return {
        body: JSON.stringify({ url: server.url, refusedUrl: server.refusedUrl, token: server.token ?? null }),
        type: 'json',
        headers: { 'cache-control': 'no-store' },
      };
    },
  };
}
