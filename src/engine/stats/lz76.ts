import type { Rng } from '../random.ts';

/**
 * Lempel–Ziv (1976) complexity c(n): the number of phrases in the LZ76 exhaustive parsing of a symbol
 * sequence, counted with the Kaspar–Schuster (Phys. Rev. A 36:842, 1987) algorithm. Reads s[0..n).
 * No allocation, so it can run per bar.
 */
export function lz76Count(s: ArrayLike<number>, n = s.length): number {
  if (n <= 0) return 0;
  if (n === 1) return 1;
  let c = 1, l = 1, i = 0, k = 1, kMax = 1;
  for (;;) {
    if (s[i + k - 1] === s[l + k - 1]) {
      k++;
      if (l + k > n) { c++; break; }
    } else {
      if (k > kMax) kMax = k;
      i++;
      if (i === l) {
        c++;
        l += kMax;
        if (l + 1 > n) break;
        i = 0; k = 1; kMax = 1;
      } else {
        k = 1;
      }
    }
  }
  return c;
}

/** Normalised binary LZ76 complexity C = c(n)·log2(n)/n (≈1 for long i.i.d. fair bits, with upward finite-size bias). */
export function lz76Normalized(s: ArrayLike<number>, n = s.length): number {
  if (n <= 1) return n === 1 ? 1 : 0;
  return (lz76Count(s, n) * Math.log2(n)) / n;
}

/** Parse a "0101…" string into a Uint8Array (for tests and notebooks). */
export function bitsFromString(bits: string): Uint8Array {
  const out = new Uint8Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    const ch = bits[i];
    if (ch !== '0' && ch !== '1') throw new RangeError(`invalid bits[${i}]: '${ch}' (expected '0' or '1')`);
    out[i] = ch === '1' ? 1 : 0;
  }
  return out;
}

/**
 * Mean LZ76 count over `nSurrogates` random shuffles of a length-n binary sequence with `ones` ones.
 * For median-binarised windows this depends only on (n, ones), so callers can cache it per count.
 */
export function lz76ShuffleMean(n: number, ones: number, nSurrogates: number, rng: Rng, scratch: Uint8Array): number {
  let s = 0;
  for (let r = 0; r < nSurrogates; r++) {
    for (let i = 0; i < n; i++) scratch[i] = i < ones ? 1 : 0;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = scratch[i]; scratch[i] = scratch[j]; scratch[j] = t;
    }
    s += lz76Count(scratch, n);
  }
  return s / nSurrogates;
}
