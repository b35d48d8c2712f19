/**
 * Seeded noise for incident metrics. Each metric gets its own mulberry32 stream, seeded from the
 * run seed and the metric's index, so one metric's samples never depend on how many numbers
 * another metric drew, and a replay with the same seed reproduces every sample bit for bit.
 */

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state PRNG returning floats in [0, 1). */
export function incidentRandomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes the run seed with a stream index (murmur3's 32-bit finaliser) so that seeds 1 and 2, or
 * metrics 0 and 1, start far apart rather than on neighbouring states.
 */
export function incidentRandomSeedFor(seed: number, index: number): number {
  let h = (seed >>> 0) ^ Math.imul((index + 1) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
