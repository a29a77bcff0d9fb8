// A small seeded generator for the generated tests: the same cases every run, so a failure reproduces.

/** Mulberry32: a seeded pseudo-random generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of `list`, drawn with `next`. */
export const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];
