/**
 * One bounded autocannon run against 127.0.0.1 with our own latency
 * percentiles (autocannon reports p97.5 and p99, not p95): every response
 * time is kept, then sorted.
 */
import autocannon from 'autocannon';

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * @param {{url: string, connections: number, duration: number, next: () => {method?: string, path: string, body?: string}}} options
 * `next()` gives each request (rotating through a list).
 */
export function load({ url, connections, duration, next }) {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`the bench only loads 127.0.0.1, not ${url}`);
  const times = [];
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        requests: [
          {
            setupRequest: (request) => {
              const { method = 'GET', path, body } = next();
              return { ...request, method, path, body, headers: { ...request.headers, 'content-type': 'application/json' } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          requests: times.length,
          perSecond: Math.round(times.length / result.duration),
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          errors: errors + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 400) errors++;
      times.push(ms);
    });
  });
}
