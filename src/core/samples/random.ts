/** A small seeded pseudo-random generator for sample data (mulberry32): deterministic for a seed, not for security. */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One value of [value, weight] pairs, with probability proportional to weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

/** 32-bit integer multiply (Math.imul without the call: this runs hot, and Math calls are slow in some sandboxes). */
function mul32(a: number, b: number): number {
  const al = a & 0xffff;
  const ah = (a >>> 16) & 0xffff;
  return (al * b + (((ah * b) & 0xffff) << 16)) | 0;
}

/** mulberry32: a 32-bit state generator returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = mul32(t ^ (t >>> 15), t | 1);
    t ^= t + mul32(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cumulativeCache = new WeakMap<object, Float64Array>();

/** Running totals of the (non-negative) weights, cached per list. */
function cumulativeWeights(items: ReadonlyArray<readonly [unknown, number]>): Float64Array {
  const cached = cumulativeCache.get(items);
  if (cached) return cached;
  const c = new Float64Array(items.length);
  let total = 0;
  items.forEach(([, w], i) => {
    total += w > 0 ? w : 0;
    c[i] = total;
  });
  cumulativeCache.set(items, c);
  return c;
}

export function createRandom(seed = 1): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => {
    let lo = min < max ? min : max;
    let hi = min < max ? max : min;
    if ((lo | 0) !== lo) lo = Math.ceil(lo);
    if ((hi | 0) !== hi) hi = Math.floor(hi);
    const span = hi - lo + 1;
    // `| 0` truncates like Math.floor for the non-negative products below 2^31 of the usual spans.
    return lo + (span < 0x7fffffff ? (next() * span) | 0 : Math.floor(next() * span));
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[(next() * items.length) | 0] as T;
    },
    chance(p: number): boolean {
      return next() < p;
    },
    weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
      const cumulative = cumulativeWeights(items);
      const total = cumulative[cumulative.length - 1] ?? 0;
      if (total <= 0) throw new Error("weighted pick from an empty list");
      const x = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > x) hi = mid;
        else lo = mid + 1;
      }
      return (items[lo] as readonly [T, number])[0];
    },
  };
}
