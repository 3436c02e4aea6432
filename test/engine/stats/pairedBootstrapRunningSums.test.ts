/**
 * The running-sum paired bootstrap against the index-by-index definition: the same stationary-bootstrap
 * indices (stationaryBootstrapIndices on the same rng stream), summed element by element.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/random.ts';
import { pairedBootstrapLossDifference, stationaryBootstrapIndices } from '../../../src/engine/stats/index.ts';
import { geometricBlockLength, stationaryBootstrapBlocks } from '../../../src/engine/stats/pairedBootstrap.ts';
import { quantileSorted } from '../../../src/engine/stats/calibration.ts';

function byIndices(a: Float64Array, b: Float64Array, replicates: number, meanBlock: number, seed: number | string) {
  const n = a.length, rng = createRng(seed).fork('paired-bootstrap'), idx = new Int32Array(n), reps = new Float64Array(replicates);
  let dBar = 0;
  for (let i = 0; i < n; i++) dBar += a[i] - b[i];
  dBar /= n;
  let k = 0;
  for (let r = 0; r < replicates; r++) {
    stationaryBootstrapIndices(rng, meanBlock, idx);
    let s = 0;
    for (let i = 0; i < n; i++) s += a[idx[i]] - b[idx[i]];
    reps[r] = s / n;
    if (Math.abs(reps[r] - dBar) >= Math.abs(dBar)) k++;
  }
  reps.sort();
  return { dBar, lower: quantileSorted(reps, 0.025), upper: quantileSorted(reps, 0.975), k };
}

describe('pairedBootstrapLossDifference (running sums, shared resample set)', () => {
  it('equals the index-by-index bootstrap on the same draws to rounding, for several n, block lengths and seeds', () => {
    const rng = createRng('running-sums');
    for (const [n, L, seed] of [[50, 1, 1], [200, 7, 'x'], [1000, 10, 3], [333, 333, 4], [2, 2, 5]] as const) {
      const a = Float64Array.from({ length: n }, () => rng.next()), b = Float64Array.from({ length: n }, () => rng.next() + 0.01 * rng.normal());
      const got = pairedBootstrapLossDifference(a, b, { replicates: 300, meanBlock: L, seed });
      const want = byIndices(a, b, 300, L, seed);
      expect(Math.abs(got.meanDifference - want.dBar)).toBeLessThan(1e-14);
      expect(Math.abs(got.lower - want.lower)).toBeLessThan(1e-12);
      expect(Math.abs(got.upper - want.upper)).toBeLessThan(1e-12);
      expect(got.pValue).toBe((want.k + 1) / 301);
    }
  });

  it('the shared resample set gives every pair the same answer it gets alone (order of calls does not matter)', () => {
    const rng = createRng('shared');
    const n = 500;
    const x = Array.from({ length: 3 }, () => Float64Array.from({ length: n }, () => rng.next()));
    const alone = pairedBootstrapLossDifference(x[0], x[1], { replicates: 200, seed: 9 });
    pairedBootstrapLossDifference(x[1], x[2], { replicates: 200, seed: 9 });
    pairedBootstrapLossDifference(x[0], x[2], { replicates: 100, seed: 2 }); // evicts the cached set
    expect(pairedBootstrapLossDifference(x[0], x[1], { replicates: 200, seed: 9 })).toEqual(alone);
  });
});

describe('stationaryBootstrapBlocks (inlined rng, block-length table)', () => {
  it('gives exactly the indices stationaryBootstrapIndices writes on the same stream, for random n, block lengths and seeds', () => {
    const rng = createRng('blocks');
    const cases: [number, number, number | string][] = [[50, 1, 1], [2, 2, 'two'], [500, 8, '7'], [8000, 20, 5514], [333, 333, 'x'], [1000, 1.5, 3], [97, 3.7, 9]];
    for (let k = 0; k < 12; k++) cases.push([2 + rng.int(3000), 1 + rng.next() * 60, `r${k}`]);
    for (const [n, L, seed] of cases) {
      const replicates = 40;
      const set = stationaryBootstrapBlocks(n, L, replicates, seed);
      const ref = createRng(seed).fork('paired-bootstrap'), idx = new Int32Array(n), got = new Int32Array(n);
      for (let r = 0; r < replicates; r++) {
        stationaryBootstrapIndices(ref, L, idx);
        let i = 0;
        for (let u = set.offsets[r]; u < set.offsets[r + 1]; u++) for (let m = 0; m < set.lengths[u]; m++) got[i++] = (set.starts[u] + m) % n;
        expect(i).toBe(n);
        expect(got).toEqual(idx);
      }
    }
  });

  it('the length table returns what the logarithm gives at and next to every bucket edge', () => {
    for (const L of [1.5, 2, 8, 20, 37.5, 1000]) {
      const lnq = Math.log1p(-1 / L), B = 4096;
      const set = new Set<number>();
      // Draw uniforms that sit exactly on and one ulp around the bucket edges and the length jumps q^k.
      const probes: number[] = [];
      for (let j = 1; j < B; j++) probes.push(j / B, j / B - 2 ** -53, j / B + 2 ** -53);
      for (let k = 1; k < 200; k++) { const q = Math.exp(k * lnq); if (q > 2 ** -40) probes.push(q, q * (1 + 2 ** -52), q * (1 - 2 ** -52)); }
      for (const r of probes) set.add(r);
      for (const r of set) expect(geometricBlockLength(r, L)).toBe(1 + Math.floor(Math.log(r) / lnq));
    }
  });
});
