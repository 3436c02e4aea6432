import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/random.ts';
import {
  brierDecomposition, calibrationSlope, expectedCalibrationError, hitRate, logLoss, quantileSorted, summarizeForecasts,
} from '../../../src/engine/stats/index.ts';

describe('summarizeForecasts', () => {
  it('gives each forecast the figures of the single-forecast functions (the ECE bootstrap shared, bit for bit)', () => {
    const rng = createRng(17), n = 700;
    const o = Float64Array.from({ length: n }, () => (rng.next() < 0.52 ? 1 : 0));
    const fs = [
      Float64Array.from(o, (y) => 0.5 + 0.04 * (y - 0.5) + 0.05 * (rng.next() - 0.5)),
      Float64Array.from({ length: n }, () => (rng.next() < 0.5 ? 0.45 : 0.9)), // about half of it in the 0.6–0.95 band
      new Float64Array(n).fill(0.5),
    ];
    const got = summarizeForecasts(fs, o, { bootstrap: 60, seed: 4 });
    expect(got).toHaveLength(3);
    fs.forEach((f, q) => {
      const sorted = Float64Array.from(f).sort();
      let inBand = 0;
      for (const p of f) { const c = Math.max(p, 1 - p); if (c >= 0.6 && c <= 0.95) inBand++; }
      expect(got[q]).toEqual({
        hitRate: hitRate(f, o), decomposition: brierDecomposition(f, o, { bins: 20 }),
        ece: expectedCalibrationError(f, o, { nBins: 10, bootstrap: 60, seed: 4, binning: 'quantile' }),
        calibration: calibrationSlope(f, o), logLoss: logLoss(f, o),
        pLow: quantileSorted(sorted, 0.05), pHigh: quantileSorted(sorted, 0.95), bandShare: inBand / n,
      });
    });
    expect(got[1].bandShare).toBeCloseTo(0.5, 1);
    expect(got[2].calibration.reason).toMatch(/constant/);
  });
});
