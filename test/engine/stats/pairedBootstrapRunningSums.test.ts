/**
 * The running-sum paired bootstrap against the index-by-index definition: the same stationary-bootstrap
 * indices (stationaryBootstrapIndices on the same rng stream), summed element by element.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/random.ts';
import { pairedBootstrapLossDifference, stationaryBootstrapIndices } from '../../../src/engine/stats/index.ts';
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
