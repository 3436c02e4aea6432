import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../util/close.ts';
import { createRng, type Rng } from '../../../src/engine/random.ts';
import { shiftedDot } from '../../../src/engine/stats/permutation.ts';
import {
  annualizeSharpe, benjaminiHochberg, blockPermutationTest, circularShiftTest, deannualizeSharpe, deflatedSharpeRatio,
  expectedMaxSharpe, holm, normalCdf, pairedBootstrapLossDifference, permutationPValue, probabilisticSharpeRatio,
  probabilityOfBacktestOverfitting, returnMoments, sharpeRatio, stationaryBootstrapIndices,
} from '../../../src/engine/stats/index.ts';

function ar1(n: number, phi: number, rng: Rng): Float64Array {
  const x = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) { v = phi * v + rng.normal(); x[i] = v; }
  return x;
}

describe('permutationPValue', () => {
  it('is (k + 1)/(B + 1) and never 0', () => {
    expect(permutationPValue(0, 999)).toBe(0.001);
    expect(permutationPValue(49, 999)).toBe(0.05);
    expect(permutationPValue(0, 0)).toBe(1);
    expect(() => permutationPValue(5, 4)).toThrow(/exceedances: 5/);
  });
});

describe('holm and benjaminiHochberg', () => {
  it('hand-worked example p = [0.01, 0.04, 0.03, 0.005]', () => {
    const p = [0.01, 0.04, 0.03, 0.005];
    const h = holm(p, 0.05);
    expectClose(h.adjusted, [0.03, 0.06, 0.06, 0.02], { abs: 1e-15 });
    expect(h.reject).toEqual([true, false, false, true]);
    const b = benjaminiHochberg(p, 0.05);
    expectClose(b.adjusted, [0.02, 0.04, 0.04, 0.02], { abs: 1e-15 });
    expect(b.reject).toEqual([true, true, true, true]);
  });
  it('Benjamini & Hochberg (1995) 15-hypothesis example: BH rejects 4 at q = 0.05, Holm 3', () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    expect(benjaminiHochberg(p, 0.05).reject.filter(Boolean)).toHaveLength(4);
    expect(holm(p, 0.05).reject.filter(Boolean)).toHaveLength(3);
  });
  it('adjusted p-values are ≥ raw, ≤ 1, monotone in raw p, and Holm ≥ BH (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
      const h = holm(p).adjusted, b = benjaminiHochberg(p).adjusted;
      for (let i = 0; i < p.length; i++) {
        expect(h[i]).toBeGreaterThanOrEqual(p[i]);
        expect(b[i]).toBeGreaterThanOrEqual(p[i] - 1e-15);
        expect(h[i]).toBeLessThanOrEqual(1);
        expect(h[i]).toBeGreaterThanOrEqual(b[i] - 1e-15);
        for (let j = 0; j < p.length; j++) if (p[i] < p[j]) { expect(h[i]).toBeLessThanOrEqual(h[j]); expect(b[i]).toBeLessThanOrEqual(b[j]); }
      }
    }), { seed: 42, numRuns: 200 });
  });
});

describe('circularShiftTest', () => {
  it('rejects at about its nominal rate on independent autocorrelated series (200 repetitions, α = 0.1)', () => {
    const rng = createRng(2024);
    let rejections = 0;
    for (let rep = 0; rep < 200; rep++) {
      const x = ar1(400, 0.9, rng), y = ar1(400, 0.9, rng);
      if (circularShiftTest(x, y, { permutations: 199, seed: rep }).pValue <= 0.1) rejections++;
    }
    // Bin(200, 0.1): mean 20, sd 4.2; ±3.5 sd.
    expect(rejections).toBeGreaterThanOrEqual(6);
    expect(rejections).toBeLessThanOrEqual(35);
  });
  it('an i.i.d. shuffle (block length 1) over-rejects on the same data: why the shift is the default', () => {
    const rng = createRng(2024);
    let rejections = 0;
    for (let rep = 0; rep < 100; rep++) {
      const x = ar1(400, 0.9, rng), y = ar1(400, 0.9, rng);
      if (blockPermutationTest(x, y, { permutations: 199, seed: rep, blockLength: 1 }).pValue <= 0.1) rejections++;
    }
    expect(rejections).toBeGreaterThan(35);
  });
  it('finds a planted edge: signal correlated with the next return', () => {
    const rng = createRng(7), n = 3000;
    const signal = new Float64Array(n), nextReturn = new Float64Array(n);
    for (let t = 0; t < n; t++) { signal[t] = rng.normal(); nextReturn[t] = 0.1 * signal[t] + rng.normal(); }
    const r = circularShiftTest(signal, nextReturn, { permutations: 999, seed: 1 });
    expect(r.pValue).toBe(0.001);
    expect(r.statistic).toBeGreaterThan(0.05);
    const g = circularShiftTest(signal, nextReturn, { permutations: 199, alternative: 'greater' });
    expect(g.pValue).toBe(0.005);
    expect(circularShiftTest(signal, nextReturn, { permutations: 199, alternative: 'less' }).pValue).toBe(1);
  });
  it('custom statistic path agrees with the correlation fast path and is reproducible from the seed', () => {
    const rng = createRng(8), n = 500;
    const x = ar1(n, 0.5, rng), y = ar1(n, 0.5, rng);
    const pearson = (a: Float64Array, b: Float64Array): number => {
      let ma = 0, mb = 0;
      for (let i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
      ma /= a.length; mb /= b.length;
      let sab = 0, saa = 0, sbb = 0;
      for (let i = 0; i < a.length; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
      return sab / Math.sqrt(saa * sbb);
    };
    const fast = circularShiftTest(x, y, { permutations: 300, seed: 3 });
    const slow = circularShiftTest(x, y, { permutations: 300, seed: 3, statistic: pearson });
    expectClose(slow.statistic, fast.statistic, { abs: 1e-12 });
    expect(slow.exceedances).toBe(fast.exceedances);
    expectClose(slow.nullSd, fast.nullSd, { rel: 1e-9 });
    const fb = blockPermutationTest(x, y, { permutations: 300, seed: 3, blockLength: 20 });
    const sb = blockPermutationTest(x, y, { permutations: 300, seed: 3, blockLength: 20, statistic: pearson });
    expect(sb.exceedances).toBe(fb.exceedances);
  });
  it('reports progress and validates inputs', () => {
    const seen: number[] = [];
    circularShiftTest([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], { permutations: 128, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(() => circularShiftTest([1, 2], [1, 2])).toThrow(/x.length: 2/);
    expect(() => circularShiftTest([1, 2, NaN], [1, 2, 3])).toThrow(/x\[2\]/);
  });
});

describe('stationaryBootstrapIndices', () => {
  it('has geometric block lengths with the requested mean', () => {
    const idx = new Int32Array(100000);
    stationaryBootstrapIndices(createRng(1), 8, idx);
    let breaks = 0;
    for (let i = 1; i < idx.length; i++) if (idx[i] !== (idx[i - 1] + 1) % idx.length) breaks++;
    expectClose(idx.length / (breaks + 1), 8, { rel: 0.05 });
  });
});

describe('pairedBootstrapLossDifference', () => {
  it('finds a real loss gap and not a fake one', () => {
    const rng = createRng(9), n = 2000;
    const a = new Float64Array(n), b = new Float64Array(n), c = new Float64Array(n);
    for (let i = 0; i < n; i++) { const common = rng.next(); a[i] = common; b[i] = common + 0.02 + 0.1 * rng.normal(); c[i] = common + 0.1 * rng.normal(); }
    const real = pairedBootstrapLossDifference(a, b, { replicates: 999, seed: 1 });
    expectClose(real.meanDifference, Array.from(a).reduce((s, v, i) => s + v - b[i], 0) / n, { abs: 1e-12 });
    expect(real.upper).toBeLessThan(0);
    expect(real.pValue).toBe(0.001);
    const fake = pairedBootstrapLossDifference(a, c, { replicates: 999, seed: 1 });
    expect(fake.lower).toBeLessThan(0);
    expect(fake.upper).toBeGreaterThan(0);
    expect(fake.pValue).toBeGreaterThan(0.05);
    expect(real.meanBlock).toBe(13); // ⌈2000^{1/3}⌉
  });
});

describe('Sharpe, PSR and DSR', () => {
  it('moments: raw kurtosis 3 and skew 0 for a symmetric two-point-free sample; annualisation round-trips', () => {
    const m = returnMoments([-2, -1, 0, 1, 2]);
    expectClose(m.mean, 0);
    expectClose(m.skewness, 0);
    expectClose(m.kurtosis, 6.8 / 4); // m4/m2² = (2·16+2)/5 / 2² = 6.8/4
    expectClose(sharpeRatio([1, 2, 3]), 2);
    expectClose(deannualizeSharpe(annualizeSharpe(0.1, 8760), 8760), 0.1);
    expectClose(annualizeSharpe(0.1, 252), 0.1 * Math.sqrt(252));
  });
  it('PSR is ½ at SR = SR* and Φ(SR√(T−1)/√(1 + SR²/2)) for normal returns', () => {
    expect(probabilisticSharpeRatio({ sr: 0.1, srBenchmark: 0.1, n: 100, skewness: -1, kurtosis: 8 })).toBe(0.5);
    const sr = 0.1, T = 250;
    expectClose(probabilisticSharpeRatio({ sr, srBenchmark: 0, n: T, skewness: 0, kurtosis: 3 }),
      normalCdf((sr * Math.sqrt(T - 1)) / Math.sqrt(1 + sr * sr / 2)), { rel: 1e-12 });
    // Negative skew and fat tails lower the PSR of a positive Sharpe ratio.
    expect(probabilisticSharpeRatio({ sr, srBenchmark: 0, n: T, skewness: -3, kurtosis: 10 }))
      .toBeLessThan(probabilisticSharpeRatio({ sr, srBenchmark: 0, n: T, skewness: 0, kurtosis: 3 }));
  });
  it('DSR worked example of Bailey & López de Prado (2014): N = 100, V[SR] = ½ (annual), T = 1250 daily, SR = 2.5 annual, γ3 = −3, γ4 = 10 → 0.9004', () => {
    const ppy = 250;
    const r = deflatedSharpeRatio({
      sr: deannualizeSharpe(2.5, ppy), n: 1250, skewness: -3, kurtosis: 10, nTrials: 100, sharpeVariance: 0.5 / ppy,
    });
    expectClose(r.dsr, 0.9004, { abs: 5e-5 });
    // E[max SR] over 100 null trials ≈ 1.7894 annualised.
    expectClose(annualizeSharpe(r.srBenchmark, ppy), expectedMaxSharpe(100, 0.5), { rel: 1e-12 });
    expectClose(expectedMaxSharpe(100, 0.5), 1.7894, { abs: 1e-4 });
  });
  it('DSR falls as the number of trials grows; one trial means PSR against 0', () => {
    const base = { sr: 0.08, n: 1000, skewness: 0, kurtosis: 3 };
    const one = deflatedSharpeRatio({ ...base, nTrials: 1 });
    expect(one.srBenchmark).toBe(0);
    expect(one.dsr).toBe(probabilisticSharpeRatio({ ...base, srBenchmark: 0 }));
    let prev = one.dsr;
    for (const N of [2, 10, 100, 1000]) {
      const d = deflatedSharpeRatio({ ...base, nTrials: N }).dsr;
      expect(d).toBeLessThan(prev);
      prev = d;
    }
  });
});

describe('probabilityOfBacktestOverfitting (CSCV)', () => {
  it('C(S, S/2) splits; a configuration that always reverses out of sample gives PBO = 1', () => {
    // A wins block 0 and loses block 1; B the opposite. With S = 2 each split's in-sample winner is last out of sample.
    const a = [1, 2, 1, 2, -1, -2, -1, -2], b = a.map((v) => -v);
    const r = probabilityOfBacktestOverfitting([a, b], { blocks: 2, metric: 'mean' });
    expect(r.nSplits).toBe(2);
    expect(r.pbo).toBe(1);
    expectClose(r.logits[0], Math.log((1 / 3) / (2 / 3)));
    expect(probabilityOfBacktestOverfitting([a, a.slice()], { blocks: 4 }).nSplits).toBe(6);
    expect(probabilityOfBacktestOverfitting(Array.from({ length: 3 }, () => new Float64Array(64)), { blocks: 16 }).nSplits).toBe(12870);
  });
  it('is ≈ ½ for pure-noise configurations and ≈ 0 when one configuration has a real edge', () => {
    const rng = createRng(21), T = 1600, N = 30;
    const noise = Array.from({ length: N }, () => Float64Array.from({ length: T }, () => rng.normal()));
    const r = probabilityOfBacktestOverfitting(noise, { blocks: 10 });
    expect(r.pbo).toBeGreaterThan(0.25);
    expect(r.pbo).toBeLessThan(0.75);
    const edge = noise.map((c) => c.slice());
    for (let t = 0; t < T; t++) edge[0][t] += 0.5;
    const e = probabilityOfBacktestOverfitting(edge, { blocks: 10 });
    expect(e.pbo).toBe(0);
    expect(e.probabilityOfLoss).toBe(0);
  });
  it('equals the per-configuration loop over blocks (the straightforward CSCV) bit for bit (property)', () => {
    /** Straightforward CSCV: every split, configuration and block on its own; returns [pbo, logits, oos, is]. */
    const reference = (cols: Float64Array[], S: number, metric: 'sharpe' | 'mean') => {
      const N = cols.length, len = Math.floor(cols[0].length / S), rows = (S / 2) * len;
      const perf = (s: number, q: number) => { const m = s / rows; if (metric === 'mean') return m; const v = (q - rows * m * m) / (rows - 1); return v > 0 ? m / Math.sqrt(v) : 0; };
      const blockSum = (j: number, b: number, sq: boolean) => { let s = 0; for (let t = b * len; t < (b + 1) * len; t++) s += sq ? cols[j][t] * cols[j][t] : cols[j][t]; return s; };
      const logits: number[] = [], oos: number[] = [], ins: number[] = [];
      for (let mask = 0; mask < 1 << S; mask++) {
        let bits = 0;
        for (let b = 0; b < S; b++) bits += (mask >> b) & 1;
        if (bits !== S / 2) continue;
        const isP: number[] = [], oosP: number[] = [];
        for (let j = 0; j < N; j++) {
          let si = 0, qi = 0, so = 0, qo = 0;
          for (let b = 0; b < S; b++) if (mask & (1 << b)) { si += blockSum(j, b, false); qi += blockSum(j, b, true); } else { so += blockSum(j, b, false); qo += blockSum(j, b, true); }
          isP.push(perf(si, qi)); oosP.push(perf(so, qo));
        }
        let best = 0;
        for (let j = 1; j < N; j++) if (isP[j] > isP[best]) best = j;
        const less = oosP.filter((v) => v < oosP[best]).length, equal = oosP.filter((v) => v === oosP[best]).length;
        const w = (1 + less + 0.5 * (equal - 1)) / (N + 1);
        logits.push(Math.log(w / (1 - w))); oos.push(oosP[best]); ins.push(isP[best]);
      }
      return { pbo: logits.filter((l) => l <= 0).length / logits.length, logits, oos, ins };
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 7 }), fc.constantFrom(2, 4, 8, 10, 12), fc.constantFrom<'sharpe' | 'mean'>('sharpe', 'mean'), (seed, N, S, metric) => {
      const rng = createRng(seed), T = S * (2 + rng.int(12)) + rng.int(S);
      const cols = Array.from({ length: N }, () => Float64Array.from({ length: T }, () => rng.normal()));
      if (N > 2) cols[2] = cols[0].slice(); // tied configurations
      const fast = probabilityOfBacktestOverfitting(cols, { blocks: S, metric }), ref = reference(cols, S, metric);
      // Gosper's hack enumerates the masks in increasing order, like the reference.
      expect([fast.pbo, Array.from(fast.logits), Array.from(fast.oosOfWinner), Array.from(fast.isOfWinner)]).toEqual([ref.pbo, ref.logits, ref.oos, ref.ins]);
    }), { seed: 5, numRuns: 150 });
    // The default 16 blocks (8 of them from the subset table, 8 added per split).
    const rng = createRng(77), cols = Array.from({ length: 4 }, () => Float64Array.from({ length: 16 * 5 + 3 }, () => rng.normal()));
    const fast = probabilityOfBacktestOverfitting(cols, { blocks: 16 }), ref = reference(cols, 16, 'sharpe');
    expect([fast.pbo, Array.from(fast.logits), Array.from(fast.oosOfWinner)]).toEqual([ref.pbo, ref.logits, ref.oos]);
  });
  it('validates its inputs', () => {
    expect(() => probabilityOfBacktestOverfitting([[1, 2, 3]], {})).toThrow(/columns.length: 1/);
    expect(() => probabilityOfBacktestOverfitting([[1, 2], [1, 2]], { blocks: 3 })).toThrow(/blocks: 3/);
  });
});

describe('shiftedDot (the circular-shift statistic, four terms per iteration)', () => {
  it('equals the plain index-order loop bit for bit, for every shift of random series', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 41 }), fc.integer({ min: 1, max: 1e6 }), (xs, seed) => {
      const n = xs.length, xc = Float64Array.from(xs), r = createRng(seed), yc = Float64Array.from({ length: n }, () => r.normal());
      for (let s = 0; s < n; s++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += xc[(i + s) % n] * yc[i];
        expect(shiftedDot(xc, yc, s)).toBe(d);
      }
    }), { seed: 5, numRuns: 300 });
  });
});
