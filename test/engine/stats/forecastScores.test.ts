import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../util/close.ts';
import { createRng } from '../../../src/engine/random.ts';
import {
  auc, binEdges, brierDecomposition, brierScore, constantForecastBrier, expectedCalibrationError, expectedCalibrationErrors, hitRate, iidBootstrapIndices, logLoss,
  quantileSorted, reliabilityDiagram, wilsonInterval, LOG_LOSS_CLIP, type Binning,
} from '../../../src/engine/stats/index.ts';

/**
 * The straightforward ECE bootstrap: every replicate draws its indices with iidBootstrapIndices and bins
 * each resampled forecast by searching the edges. The reference for expectedCalibrationError's fast path.
 */
function eceBootstrapReference(f: Float64Array, o: Float64Array, nBins: number, binning: Binning, B: number, seed: number, confidence = 0.95) {
  const edges = binEdges(f, nBins, binning);
  const binOf = (x: number): number => { let k = 0; while (!(x < edges[k])) k++; return k; };
  const ece = (idx: Int32Array | null): number => {
    const cnt = new Float64Array(nBins), sf = new Float64Array(nBins), so = new Float64Array(nBins);
    for (let i = 0; i < f.length; i++) { const j = idx ? idx[i] : i, b = binOf(f[j]); cnt[b]++; sf[b] += f[j]; so[b] += o[j]; }
    let e = 0;
    for (let b = 0; b < nBins; b++) if (cnt[b]) e += (cnt[b] / f.length) * Math.abs(so[b] / cnt[b] - sf[b] / cnt[b]);
    return e;
  };
  const rng = createRng(seed).fork('ece-bootstrap'), idx = new Int32Array(f.length), reps = new Float64Array(B);
  for (let r = 0; r < B; r++) { iidBootstrapIndices(rng, idx); reps[r] = ece(idx); }
  const mean = reps.reduce((a, b) => a + b, 0) / B;
  reps.sort();
  return { ece: ece(null), lower: quantileSorted(reps, (1 - confidence) / 2), upper: quantileSorted(reps, 1 - (1 - confidence) / 2), bootstrapMean: mean };
}

/** Outcomes with an exact event rate: round(h·n) ones. */
function outcomesWithRate(n: number, h: number): Float64Array {
  const o = new Float64Array(n);
  for (let i = 0; i < Math.round(h * n); i++) o[i] = 1;
  return o;
}

describe('brierScore', () => {
  it('of a constant forecast equals h(1−p)² + (1−h)p² (CLAIMS-REFERENCE §5 table at h = 0.52)', () => {
    const o = outcomesWithRate(10000, 0.52);
    for (const [p, want] of [[0.5, 0.25], [0.6, 0.256], [0.8, 0.328], [0.95, 0.4345]] as const) {
      const f = new Float64Array(o.length).fill(p);
      expectClose(brierScore(f, o), want, { abs: 1e-12 });
      expectClose(constantForecastBrier(p, 0.52), want, { abs: 1e-12 });
    }
  });
  it('rejects forecasts outside [0, 1] and non-binary outcomes, naming the field', () => {
    expect(() => brierScore([1.2], [1])).toThrow(/forecasts\[0\]: 1.2/);
    expect(() => brierScore([0.2], [0.5])).toThrow(/outcomes\[0\]/);
    expect(() => brierScore([0.2, 0.3], [1])).toThrow(/outcomes.length/);
  });
});

describe('brierDecomposition', () => {
  const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 200 });
  it('BS = REL − RES + UNC exactly when bins are the distinct forecast values (property)', () => {
    fc.assert(fc.property(data, (rows) => {
      const f = rows.map(([k]) => k / 20), o = rows.map(([, b]) => (b ? 1 : 0));
      const d = brierDecomposition(f, o);
      expect(d.withinBinVariance).toBe(0);
      expect(d.withinBinCovariance).toBe(0);
      expectClose(d.reliability - d.resolution + d.uncertainty, brierScore(f, o), { abs: 1e-12 });
    }), { seed: 42, numRuns: 300 });
  });
  it('with K fixed bins, BS = REL − RES + UNC + WBV − WBC (Stephenson et al. 2008) and the plain identity fails', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 200 }),
      fc.integer({ min: 1, max: 12 }), (rows, K) => {
        const f = rows.map(([p]) => p), o = rows.map(([, b]) => (b ? 1 : 0));
        const d = brierDecomposition(f, o, { bins: K });
        expect(Math.abs(d.residual)).toBeLessThan(1e-12);
        expectClose(d.brier, brierScore(f, o), { abs: 1e-14 });
      }), { seed: 42, numRuns: 300 });
    const d = brierDecomposition([0.05, 0.15, 0.85, 0.95], [0, 1, 0, 1], { bins: 2 });
    expect(Math.abs(d.brier - (d.reliability - d.resolution + d.uncertainty))).toBeGreaterThan(0.01);
  });
  it('a perfectly calibrated two-valued forecaster has REL = 0 and RES = its spread', () => {
    // p = 0.2 on 10 cases with 2 events, p = 0.8 on 10 cases with 8 events.
    const f = [...Array(10).fill(0.2), ...Array(10).fill(0.8)];
    const o = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    const d = brierDecomposition(f, o);
    expectClose(d.reliability, 0, { abs: 1e-15 });
    expectClose(d.resolution, 0.09, { abs: 1e-15 });
    expectClose(d.uncertainty, 0.25, { abs: 1e-15 });
    expect(d.nBins).toBe(2);
  });
});

describe('logLoss', () => {
  it('is ln 2 for p = 0.5 and uses the stated clip for a confident miss', () => {
    expectClose(logLoss([0.5, 0.5], [0, 1]), Math.LN2);
    expectClose(logLoss([0], [1]), -Math.log(LOG_LOSS_CLIP), { rel: 1e-12 });
    expectClose(logLoss([0.9, 0.2], [1, 0]), -(Math.log(0.9) + Math.log(0.8)) / 2);
  });
});

describe('wilsonInterval', () => {
  it('matches known values', () => {
    // k = 0 of 10: upper = z²/(n + z²) (closed form); 81/263 at 95 % (textbook example: 0.2553–0.3662).
    const z = 1.959963984540054;
    expectClose(wilsonInterval(0, 10).upper, (z * z) / (10 + z * z), { rel: 1e-9 });
    expect(wilsonInterval(0, 10).lower).toBe(0);
    const w = wilsonInterval(81, 263);
    expectClose(w.lower, 0.2553, { abs: 5e-5 });
    expectClose(w.upper, 0.3662, { abs: 5e-5 });
  });
  it('bounds are the roots of the score equation (p̂ − p)² = z²p(1 − p)/n (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, frac) => {
      const k = Math.round(frac * n);
      const { lower, upper, estimate } = wilsonInterval(k, n, 0.9);
      const z = 1.6448536269514722;
      for (const p of [lower, upper]) {
        if (p === 0 || p === 1) continue;
        expectClose((estimate - p) ** 2, (z * z * p * (1 - p)) / n, { abs: 1e-12, rel: 1e-7 });
      }
      expect(lower).toBeLessThanOrEqual(estimate);
      expect(upper).toBeGreaterThanOrEqual(estimate);
    }), { seed: 42, numRuns: 200 });
  });
  it('names the field on bad input', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes: 11 \(expected integer 0–10\)/);
  });
});

describe('hitRate', () => {
  it('counts directional calls and abstains at exactly 0.5', () => {
    const r = hitRate([0.7, 0.3, 0.5, 0.9], [1, 1, 0, 1]);
    expect(r).toMatchObject({ hits: 2, n: 3, abstained: 1 });
    expectClose(r.rate, 2 / 3);
  });
});

describe('auc', () => {
  it('is 1, 0 and ½ for perfect, inverted and constant scores', () => {
    const o = [0, 0, 1, 1, 0, 1];
    const s = [0.1, 0.2, 0.8, 0.9, 0.3, 0.7];
    expect(auc(s, o)).toBe(1);
    expect(auc(s.map((v) => -v), o)).toBe(0);
    expect(auc(s.map(() => 0.5), o)).toBe(0.5);
    expect(auc([0.5], [1])).toBeNaN();
  });
  it('equals the brute-force pair count with ties as ½ (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 2, maxLength: 60 }), (rows) => {
      const s = rows.map(([v]) => v), o = rows.map(([, b]) => (b ? 1 : 0));
      let num = 0, den = 0;
      for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) {
        if (o[i] === 1 && o[j] === 0) { den++; num += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0; }
      }
      if (den === 0) expect(auc(s, o)).toBeNaN();
      else expectClose(auc(s, o), num / den, { abs: 1e-12 });
    }), { seed: 42, numRuns: 300 });
  });
  it('the merge of the two sorted classes equals the mid-rank sum (sort of indices) bit for bit (property)', () => {
    /** The straightforward rank-sum form: mid-ranks over all scores, U = R⁺ − n⁺(n⁺ + 1)/2. */
    const aucRankSum = (scores: number[], outcomes: number[]): number => {
      const n = scores.length, order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
      let nPos = 0, rankSumPos = 0;
      for (let r = 0; r < n;) {
        let e = r + 1;
        while (e < n && scores[order[e]] === scores[order[r]]) e++;
        for (let j = r; j < e; j++) if (outcomes[order[j]] === 1) { nPos++; rankSumPos += (r + 1 + e) / 2; }
        r = e;
      }
      return nPos === 0 || nPos === n ? NaN : (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * (n - nPos));
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 3 }), (seed, n, coarseness) => {
      const rng = createRng(seed);
      // Coarse scores make many ties; −0 and 0 must tie too.
      const s = Array.from({ length: n }, () => (coarseness === 0 ? rng.next() : coarseness === 3 ? (rng.int(2) ? 0 : -0) : Math.round(rng.next() * 5 * coarseness) / 5));
      const o = Array.from({ length: n }, () => rng.int(2));
      expect(Object.is(auc(s, o), aucRankSum(s, o))).toBe(true);
    }), { seed: 7, numRuns: 300 });
  });
  it('is about ½ for random scores', () => {
    const rng = createRng(3), n = 20000;
    const s = Array.from({ length: n }, () => rng.next()), o = Array.from({ length: n }, () => rng.int(2));
    expect(Math.abs(auc(s, o) - 0.5)).toBeLessThan(0.015);
  });
});

describe('reliabilityDiagram and expectedCalibrationError', () => {
  it('bins [k/K, (k+1)/K) with the last bin closed, reporting count, means and a Wilson interval', () => {
    const bins = reliabilityDiagram([0.05, 0.15, 0.95, 1, 1], [0, 1, 1, 1, 0], 10);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ lo: 0.9, hi: 1, count: 3 });
    expectClose(bins[9].meanForecast, (0.95 + 2) / 3);
    expectClose(bins[9].observedFrequency, 2 / 3);
    expect(bins[9].lower).toBeLessThan(2 / 3);
    expect(bins[5].count).toBe(0);
    expect(bins[5].meanForecast).toBeNaN();
  });
  it('ECE of a hand example; the debiased L2 error is ≈ 0 for calibrated forecasts while ECE is positive', () => {
    const e = expectedCalibrationError([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1], { nBins: 10, bootstrap: 0 });
    expectClose(e.ece, 0.5 * 0.3 + 0.5 * 0.2);
    const rng = createRng(11), n = 400;
    const f = Array.from({ length: n }, () => rng.next());
    const o = f.map((p) => (rng.next() < p ? 1 : 0));
    const c = expectedCalibrationError(f, o, { nBins: 10, bootstrap: 300, seed: 5 });
    expect(c.ece).toBeGreaterThan(0.01); // biased upward (Roelofs et al.)
    expect(c.debiasedL2).toBeLessThan(c.l2);
    expect(c.upper).toBeGreaterThan(c.lower);
    // The bias repeats inside the bootstrap: resampled ECEs sit above the sample ECE.
    expect(c.bootstrapMean).toBeGreaterThan(c.ece);
    // Reproducible from the seed.
    expect(expectedCalibrationError(f, o, { bootstrap: 300, seed: 5 }).upper).toBe(c.upper);
  });
  it('the bootstrap (bins looked up once, draws inline) is bit-identical to binning every replicate afresh (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom<Binning>('quantile', 'equal-width'), fc.boolean(), (seed, n, nBins, binning, coarse) => {
      const rng = createRng(seed);
      // Coarse forecasts put many ties on the quantile edges.
      const f = Float64Array.from({ length: n }, () => (coarse ? Math.round(rng.next() * 4) / 4 : 0.4 + 0.2 * rng.next()));
      const o = Float64Array.from(f, (p) => (rng.next() < p ? 1 : 0));
      const fast = expectedCalibrationError(f, o, { nBins, binning, bootstrap: 40, seed });
      const ref = eceBootstrapReference(f, o, nBins, binning, 40, seed);
      expect([fast.ece, fast.lower, fast.upper, fast.bootstrapMean]).toEqual([ref.ece, ref.lower, ref.upper, ref.bootstrapMean]);
      // Plain arrays give the same figures as typed ones.
      expect(expectedCalibrationError(Array.from(f), Array.from(o), { nBins, binning, bootstrap: 40, seed })).toEqual(fast);
    }), { seed: 21, numRuns: 200 });
  });
  it('quantile bin edges from selected order statistics equal the quantiles of the fully sorted forecasts (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3 }), (seed, n, nBins, ties) => {
      const rng = createRng(seed);
      const f = Float64Array.from({ length: n }, () => (ties ? Math.round(rng.next() * 3 * ties) / (3 * ties) : rng.next()));
      const sorted = Float64Array.from(f).sort(), want = new Float64Array(nBins);
      for (let k = 1; k < nBins; k++) want[k - 1] = quantileSorted(sorted, k / nBins);
      want[nBins - 1] = Infinity;
      const before = Array.from(f);
      expect(Array.from(binEdges(f, nBins, 'quantile'))).toEqual(Array.from(want));
      expect(Array.from(f)).toEqual(before); // the input is left alone
    }), { seed: 23, numRuns: 400 });
  });
  it('expectedCalibrationErrors of several forecasts equals one call per forecast, bit for bit', () => {
    const rng = createRng(31), n = 500;
    const o = Float64Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0));
    const fs = [0.1, 0.3, 0].map((spread) => Float64Array.from({ length: n }, () => 0.5 + spread * (rng.next() - 0.5)));
    for (const binning of ['quantile', 'equal-width'] as const) {
      const opts = { nBins: 10, bootstrap: 50, seed: 9, binning };
      expect(expectedCalibrationErrors(fs, o, opts)).toEqual(fs.map((f) => expectedCalibrationError(f, o, opts)));
    }
    expect(expectedCalibrationErrors([], o)).toEqual([]);
    expect(() => expectedCalibrationErrors([fs[0], new Float64Array(3)], o)).toThrow(/forecasts\[1\]/);
  });
  it('detects a miscalibrated forecaster', () => {
    const rng = createRng(12), n = 4000;
    const o = Array.from({ length: n }, () => (rng.next() < 0.52 ? 1 : 0));
    const f = new Float64Array(n).fill(0.8); // the roadmap's "real confidence" on a 52 % task
    const c = expectedCalibrationError(f, o, { bootstrap: 200 });
    expect(c.lower).toBeGreaterThan(0.25);
    expect(c.debiasedL2).toBeGreaterThan(0.25);
  });
});
