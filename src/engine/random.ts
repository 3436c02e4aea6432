/**
 * The one seeded PRNG used by every engine. No engine code may call Math.random or Date.now:
 * all randomness flows from an explicit seed so a share link reproduces numbers bit for bit.
 *
 * Generator: xoshiro128** (Blackman & Vigna), 32-bit arithmetic only, so results are identical
 * in every JS engine. Seeds are expanded with splitmix32. Doubles use 53 random bits.
 */

export interface Rng {
  /** Uniform double in [0, 1) with 53 bits of randomness. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller, no cached spare, so the stream is stateless beyond the core). */
  normal(): number;
  /** An independent generator derived from this one's seed and a label (stable across calls). */
  fork(label: string | number): Rng;
  /** The seed this generator was created from (for display and share links). */
  readonly seed: number;
}

const MAX_SEED = 0xffffffff;

/** Normalise a user seed (number or string) to a 32-bit unsigned integer. */
export function normalizeSeed(seed: number | string): number {
  if (typeof seed === 'string') return hashString(seed);
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (expected a finite number)`);
  return (Math.trunc(Math.abs(seed)) % (MAX_SEED + 1)) >>> 0;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for string seeds and fork labels. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The xoshiro128** state [a, b, c, d] that createRng(seed) starts from, or createRng(seed).fork(label) with a
 * label: where uniformStream starts its bulk copy of the generator (its tests check the stream).
 */
export function rngInitialState(seed: number | string, forkLabel?: string | number): [number, number, number, number] {
  let seed32 = normalizeSeed(seed);
  if (forkLabel !== undefined) seed32 = forkSeed(seed32, forkLabel);
  const sm = { s: seed32 };
  const a = splitmix32(sm), b = splitmix32(sm), c = splitmix32(sm), d = splitmix32(sm);
  return (a | b | c | d) === 0 ? [1, b, c, d] : [a, b, c, d]; // xoshiro must not start from the all-zero state
}

const forkSeed = (seed32: number, label: string | number): number => (hashString(String(label)) ^ Math.imul(seed32, 0x9e3779b1)) >>> 0;

export function createRng(seed: number | string): Rng {
  const seed32 = normalizeSeed(seed);
  let [a, b, c, d] = rngInitialState(seed32);

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  return {
    seed: seed32,
    next,
    nextUint32,
    int(n: number): number {
      if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`invalid n: ${n} (expected integer ≥ 1)`);
      return Math.floor(next() * n);
    },
    normal(): number {
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork(label: string | number): Rng {
      return createRng(forkSeed(seed32, label));
    },
  };
}

/**
 * The doubles of createRng(seed).next() (or of createRng(seed).fork(label).next()), in bulk: fill(out, count)
 * writes the next `count` of them (default out.length) into out. The generator runs on locals inside one
 * loop, so a hot loop that draws millions of uniforms avoids a closure call and four context loads and
 * stores per number. Same stream bit for bit (tested), continued across fill calls.
 */
export interface UniformStream {
  fill(out: Float64Array, count?: number): void;
}

export function uniformStream(seed: number | string, forkLabel?: string | number): UniformStream {
  const st = new Int32Array(rngInitialState(seed, forkLabel));
  return {
    fill(out: Float64Array, count = out.length): void {
      let a = st[0], b = st[1], c = st[2], d = st[3];
      for (let i = 0; i < count; i++) {
        let x = Math.imul(b, 5); x = (x << 7) | (x >>> 25);
        const hi = (Math.imul(x, 9) >>> 0) >>> 5;
        let t = b << 9; c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = (d << 11) | (d >>> 21);
        x = Math.imul(b, 5); x = (x << 7) | (x >>> 25);
        const lo = (Math.imul(x, 9) >>> 0) >>> 6;
        t = b << 9; c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = (d << 11) | (d >>> 21);
        out[i] = (hi * 67108864 + lo) / 9007199254740992;
      }
      st[0] = a; st[1] = b; st[2] = c; st[3] = d;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fisher–Yates shuffle in place with the given generator. */
export function shuffleInPlace<T>(arr: { length: number; [i: number]: T }, rng: Rng): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
}
