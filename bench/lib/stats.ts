/** Latency summaries for the benchmark page: milliseconds, nearest-rank percentiles. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    mean: round(sum / (sorted.length || 1)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Seeded (Mulberry32, as the demo data): the benchmark's choices (targets, typos, order) are the same on every run. */
export { mulberry32 as seeded } from '../../src/core/util/prng.js';

/** Fisher–Yates with a seeded generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Forces a major GC when Chromium runs with --js-flags=--expose-gc (the harness sets it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** JS heap in use (precise with --enable-precise-memory-info), or NaN. */
export function heapUsed(): number {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : NaN;
}

/**
 * Page memory including ArrayBuffer backing stores (which usedJSHeapSize
 * leaves out), when the browser offers it: cross-origin isolated page, and
 * Chromium started with ForceEagerMeasureMemory so it answers at once.
 */
export async function pageMemory(): Promise<number> {
  const measure = (performance as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> })
    .measureUserAgentSpecificMemory;
  if (!measure || !globalThis.crossOriginIsolated) return NaN;
  try {
    return (await measure.call(performance)).bytes;
  } catch {
    return NaN;
  }
}
