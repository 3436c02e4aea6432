import type { Rng } from '../random.ts';

/**
 * Index generators for resampling, writing into a caller-owned Int32Array so loops over B replicates
 * allocate nothing.
 */

/** i.i.d. bootstrap: out[i] uniform in [0, n). */
export function iidBootstrapIndices(rng: Rng, out: Int32Array): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = rng.int(n);
}

/**
 * Stationary bootstrap (Politis & Romano 1994): blocks start at a uniform index and have geometric
 * length with mean `meanBlock`, wrapping circularly. meanBlock = 1 is the i.i.d. bootstrap.
 */
export function stationaryBootstrapIndices(rng: Rng, meanBlock: number, out: Int32Array): void {
  const n = out.length;
  const p = 1 / meanBlock;
  const lnq = Math.log1p(-p); // −∞ when p = 1: every block has length 1
  let i = 0;
  while (i < n) {
    // Geometric block length L ≥ 1 with mean 1/p, drawn by inversion (one uniform per block, not per element).
    let u = rng.next();
    while (u === 0) u = rng.next();
    const len = p >= 1 ? 1 : 1 + Math.floor(Math.log(u) / lnq);
    let j = rng.int(n);
    const end = Math.min(n, i + len);
    for (; i < end; i++) {
      out[i] = j;
      j = j + 1 === n ? 0 : j + 1;
    }
  }
}

/**
 * Block permutation: cut 0..n−1 into consecutive blocks of `blockLength` (the last one may be shorter)
 * and write the indices of a uniformly shuffled order of those blocks. `blockStarts` is scratch of
 * length ≥ ceil(n / blockLength).
 */
export function blockPermutationIndices(rng: Rng, blockLength: number, blockOrder: Int32Array, out: Int32Array): void {
  const n = out.length;
  const nBlocks = Math.ceil(n / blockLength);
  for (let b = 0; b < nBlocks; b++) blockOrder[b] = b;
  for (let b = nBlocks - 1; b > 0; b--) {
    const j = rng.int(b + 1);
    const t = blockOrder[b]; blockOrder[b] = blockOrder[j]; blockOrder[j] = t;
  }
  let k = 0;
  for (let b = 0; b < nBlocks; b++) {
    const start = blockOrder[b] * blockLength;
    const end = Math.min(n, start + blockLength);
    for (let i = start; i < end; i++) out[k++] = i;
  }
}
