/** Seeded randomness for generated data: the same seed gives the same sequence on every run and machine. */

/** Mulberry32: a tiny, fast, well-distributed 32-bit PRNG; numbers in [0, 1). Not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
