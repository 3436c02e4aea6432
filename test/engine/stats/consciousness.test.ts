import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../util/close.ts';
import { createRng, type Rng } from '../../../src/engine/random.ts';
import {
  consciousnessIndex, eventStudy, wholeMinusSumPhi, logDet, exceedanceFraction, rollingSpectralFreqFactor, upcrossings, walkForwardPercentile,
  ROADMAP_EVENT_RATE_PER_SECOND,
} from '../../../src/engine/stats/index.ts';

function noiseMembers(k: number, T: number, rng: Rng, coupling = 0): Float64Array[] {
  const out = Array.from({ length: k }, () => new Float64Array(T));
  const state = new Float64Array(k);
  for (let t = 0; t < T; t++) {
    let mean = 0;
    for (let j = 0; j < k; j++) mean += state[j];
    mean /= k;
    for (let j = 0; j < k; j++) {
      state[j] = 0.5 * state[j] + coupling * mean + rng.normal();
      out[j][t] = 0.5 + 0.1 * state[j];
    }
  }
  return out;
}

const KEYS = ['phi', 'phiSquashed', 'totalCorrelation', 'freqFactor', 'lzComplexity', 'complexity', 'index', 'percentile'] as const;

describe('consciousnessIndex', () => {
  it('is causal: outputs at t are unchanged when data after t are altered (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 20, max: 110 }), (seed, cut) => {
      const rng = createRng(seed);
      const a = noiseMembers(3, 120, rng, 0.3);
      const b = a.map((m) => m.slice());
      for (const m of b) for (let t = cut + 1; t < m.length; t++) m[t] = rng.next() * 5 - 2;
      const ra = consciousnessIndex(a, { window: 12, surrogates: 5, seed: 1, minHistory: 3 });
      const rb = consciousnessIndex(b, { window: 12, surrogates: 5, seed: 1, minHistory: 3 });
      for (const key of KEYS) for (let t = 0; t <= cut; t++) expect(Object.is(ra[key][t], rb[key][t]), `${key}[${t}]`).toBe(true);
    }), { seed: 42, numRuns: 40 });
  });
  it('depends only on the trailing window W (rolling sums agree with a fresh start at t − W + 1)', () => {
    const rng = createRng(3), W = 24;
    const members = noiseMembers(4, 400, rng, 0.4);
    const full = consciousnessIndex(members, { window: W, surrogates: 10 });
    for (const t of [W + 5, 137, 250, 399]) {
      const sliced = consciousnessIndex(members.map((m) => m.slice(t - W + 1, t + 1)), { window: W, surrogates: 10 });
      for (const key of ['phi', 'totalCorrelation', 'freqFactor', 'complexity', 'index'] as const) {
        expectClose(full[key][t], sliced[key][W - 1], { abs: 1e-9, rel: 1e-9 });
      }
    }
  });
  it('phi and TC equal the definition evaluated afresh per bar (ridged lag correlation, Φ over every prefix cut of each order)', () => {
    const rng = createRng(8), k = 5, W = 20, T = 90, ridge = 1e-6;
    const members = noiseMembers(k, T, rng, 0.4);
    const r = consciousnessIndex(members, { window: W, nOrderings: 3, surrogates: 5, seed: 2 });
    for (let t = W - 1; t < T; t += 7) {
      // Lag pairs z_s = (x(s − 1), x(s)), s = t − W + 2..t: sample correlation, ridge on the diagonal.
      const m = W - 1, d = 2 * k, z = Array.from({ length: m }, (_, q) => { const s = t - W + 2 + q; return [...members.map((c) => c[s - 1]), ...members.map((c) => c[s])]; });
      const mean = Array.from({ length: d }, (_, i) => z.reduce((a, row) => a + row[i], 0) / m);
      const cov = (i: number, j: number) => z.reduce((a, row) => a + (row[i] - mean[i]) * (row[j] - mean[j]), 0) / (m - 1);
      const R = new Float64Array(d * d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) R[i * d + j] = i === j ? 1 + ridge : cov(i, j) / Math.sqrt(cov(i, i) * cov(j, j));
      let best = Infinity, bestPhi = NaN;
      for (const ord of r.orderings) for (let a = 1; a < k; a++) {
        const phi = wholeMinusSumPhi(R, k, Array.from(ord.subarray(0, a)));
        const score = phi / Math.min(a, k - a);
        if (score < best) { best = score; bestPhi = phi; }
      }
      expectClose(r.phi[t], bestPhi, { abs: 1e-9, rel: 1e-9 });
      const present = new Float64Array(k * k);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) present[i * k + j] = R[(k + i) * d + k + j];
      expectClose(r.totalCorrelation[t], 0.5 * (k * Math.log(1 + ridge) - logDet(present, k)), { abs: 1e-9, rel: 1e-9 });
    }
  });
  it('phiStride holds phi between recomputations and stays causal', () => {
    const rng = createRng(12);
    const m = noiseMembers(3, 300, rng, 0.3);
    const every = consciousnessIndex(m, { window: 16 }), strided = consciousnessIndex(m, { window: 16, phiStride: 4 });
    for (let t = 15; t < 300; t++) {
      const src = t - ((t - 15) % 4);
      expect(strided.phi[t]).toBe(every.phi[src]);
      expect(strided.complexity[t]).toBe(every.complexity[t]);
    }
  });
  it('has warm-up NaNs, outputs in [0, 1], and reports progress ending at 1', () => {
    const rng = createRng(4);
    const progress: number[] = [];
    const r = consciousnessIndex(noiseMembers(5, 3000, rng, 0.5), { window: 32, onProgress: (f) => progress.push(f) });
    expect(r.index[30]).toBeNaN();
    expect(Number.isFinite(r.index[31])).toBe(true);
    for (const key of ['phiSquashed', 'freqFactor', 'complexity', 'index'] as const) {
      for (let t = 31; t < 3000; t++) { expect(r[key][t]).toBeGreaterThanOrEqual(0); expect(r[key][t]).toBeLessThanOrEqual(1); }
    }
    expect(progress.at(-1)).toBe(1);
    expect(r.orderings).toHaveLength(2);
    expect(Array.from(r.orderings[0])).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(r.orderings[1]).sort()).toEqual([0, 1, 2, 3, 4]);
  });
  it('TC is near 0 for independent members and large for coupled ones; identical members stay finite', () => {
    const rng = createRng(5);
    const mean = (a: Float64Array): number => { let s = 0, n = 0; for (const v of a) if (Number.isFinite(v)) { s += v; n++; } return s / n; };
    const ind = consciousnessIndex(noiseMembers(4, 4000, rng, 0), { window: 256, surrogates: 0 });
    const cpl = consciousnessIndex(noiseMembers(4, 4000, rng, 0.45), { window: 256, surrogates: 0 });
    expect(mean(ind.totalCorrelation)).toBeLessThan(0.05);
    expect(mean(cpl.totalCorrelation)).toBeGreaterThan(0.3);
    const x = noiseMembers(1, 500, rng)[0];
    const same = consciousnessIndex([x, x, x], { window: 64 });
    expect(Number.isFinite(same.totalCorrelation[499])).toBe(true);
    expect(same.totalCorrelation[499]).toBeGreaterThan(5); // ridge 1e-6: −½ln det ≈ ln(10⁶)
  });
  it('marks windows containing non-finite member values as NaN and recovers after W bars', () => {
    const rng = createRng(6);
    const m = noiseMembers(3, 200, rng);
    m[1][100] = NaN;
    const r = consciousnessIndex(m, { window: 16 });
    expect(Number.isFinite(r.index[99])).toBe(true);
    expect(r.index[100]).toBeNaN();
    expect(r.index[115]).toBeNaN();
    expect(Number.isFinite(r.index[116])).toBe(true);
  });
  it('the raw threshold is scale-dependent: same data, different W, very different exceedance; the percentile is not', () => {
    const rng = createRng(7);
    const members = noiseMembers(6, 6000, rng, 0.3);
    const small = consciousnessIndex(members, { window: 16 }), large = consciousnessIndex(members, { window: 128 });
    expect(exceedanceFraction(small.index, 0.1)).toBeGreaterThan(0.5);
    expect(exceedanceFraction(large.index, 0.1)).toBeLessThan(0.05);
    expect(exceedanceFraction(small.index, 0.7)).toBeLessThan(0.01);
    // Overlapping W = 128 windows leave only ~50 independent windows in 6000 bars, hence the loose band.
    expectClose(exceedanceFraction(small.percentile, 0.7), 0.3, { abs: 0.1 });
    expectClose(exceedanceFraction(large.percentile, 0.7), 0.3, { abs: 0.1 });
  });
  it('validates its inputs, naming the field', () => {
    const m = [new Float64Array(50), new Float64Array(50)];
    expect(() => consciousnessIndex(m, { window: 5 })).toThrow(/window: 5 \(expected integer 6–/);
    expect(() => consciousnessIndex([m[0]])).toThrow(/members.length: 1/);
    expect(() => consciousnessIndex([m[0], new Float64Array(3)], { window: 8 })).toThrow(/members\[1\].length/);
  });
});

describe('rollingSpectralFreqFactor', () => {
  it('is ≈ 1 for a pure tone on a DFT bin, 0 for a constant, low for white noise', () => {
    const W = 64, T = 400;
    const tone = Float64Array.from({ length: T }, (_, t) => 3 + Math.sin((2 * Math.PI * 5 * t) / W));
    expectClose(rollingSpectralFreqFactor(tone, W)[T - 1], 1, { abs: 1e-6 });
    expect(rollingSpectralFreqFactor(new Float64Array(T).fill(0.5), W)[T - 1]).toBe(0);
    const rng = createRng(1);
    const noise = Float64Array.from({ length: 5000 }, () => rng.normal());
    const f = rollingSpectralFreqFactor(noise, W);
    let s = 0;
    for (let t = W - 1; t < f.length; t++) s += f[t];
    expect(s / (f.length - W + 1)).toBeLessThan(0.2);
  });
  it('sliding DFT agrees with a direct periodogram at every bar (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 4, max: 40 }), (seed, W) => {
      const rng = createRng(seed), T = 3 * W + 7;
      const x = Float64Array.from({ length: T }, () => rng.normal());
      const f = rollingSpectralFreqFactor(x, W);
      const K = Math.floor(W / 2);
      for (let t = W - 1; t < T; t += 3) {
        const p: number[] = [];
        for (let k = 1; k <= K; k++) {
          let re = 0, im = 0;
          for (let m = 0; m < W; m++) { re += x[t - W + 1 + m] * Math.cos((2 * Math.PI * k * m) / W); im -= x[t - W + 1 + m] * Math.sin((2 * Math.PI * k * m) / W); }
          p.push(re * re + im * im);
        }
        const tot = p.reduce((a, b) => a + b, 0);
        const h = -p.reduce((a, v) => a + (v > 0 ? (v / tot) * Math.log(v / tot) : 0), 0);
        expectClose(f[t], K < 2 ? 0 : 1 - h / Math.log(K), { abs: 1e-9 });
      }
    }), { seed: 42, numRuns: 40 });
  });
});

describe('walkForwardPercentile', () => {
  it('hand example with mid-ranks', () => {
    expectClose(walkForwardPercentile([3, 1, 2, 2], 1), [NaN, 0, 0.5, 0.5]);
  });
  it('matches a brute-force past count (property) and is ≈ uniform on stationary data', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(NaN)), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (x, minH) => {
      const got = walkForwardPercentile(x, minH);
      for (let t = 0; t < x.length; t++) {
        const past = x.slice(0, t).filter(Number.isFinite);
        const want = !Number.isFinite(x[t]) || past.length < minH ? NaN
          : (past.filter((v) => v < x[t]).length + 0.5 * past.filter((v) => v === x[t]).length) / past.length;
        expectClose(got[t], want, { abs: 1e-15 });
      }
    }), { seed: 42, numRuns: 200 });
    const rng = createRng(2);
    const u = walkForwardPercentile(Float64Array.from({ length: 20000 }, () => rng.normal()), 100);
    expectClose(exceedanceFraction(u, 0.7), 0.3, { abs: 0.015 });
  });
});

describe('eventStudy', () => {
  it('upcrossings of an i.i.d. index with exceedance q occur at rate q(1 − q) per sample', () => {
    const rng = createRng(9), T = 200000;
    const x = Float64Array.from({ length: T }, () => rng.next());
    expectClose(upcrossings(x, 0.7).length / T, 0.3 * 0.7, { abs: 0.004 });
  });
  it('reports the event rate against the ½-per-sample ceiling and the roadmap`s 47.3/s', () => {
    const x = Float64Array.from({ length: 1000 }, (_, t) => (t % 2 ? 1 : 0)); // maximally alternating
    const r = eventStudy(x, new Float64Array(1000), { thresholds: [0.5], horizons: [1], permutations: 10, barSeconds: 3600 });
    expect(r.rates[0].nEvents).toBe(500);
    expectClose(r.rates[0].perSecond, r.rates[0].maxPerSecond);
    expectClose(r.rates[0].maxPerSecond, 1 / 7200);
    expectClose(r.rates[0].roadmapOverCeiling, ROADMAP_EVENT_RATE_PER_SECOND * 7200); // 340,560× too fast for hourly bars
  });
  it('finds nothing on independent data after correction, and finds a planted post-event drift', () => {
    const rng = createRng(10), T = 6000;
    const idx = new Float64Array(T);
    let v = 0;
    for (let t = 0; t < T; t++) { v = 0.9 * v + rng.normal(); idx[t] = v; }
    const pct = walkForwardPercentile(idx, 50);
    const ret = Float64Array.from({ length: T }, () => 0.01 * rng.normal());
    const thresholds = [0.6, 0.7, 0.8, 0.9];
    const nul = eventStudy(pct, ret, { thresholds, permutations: 999, seed: 1 });
    expect(nul.cells).toHaveLength(12);
    expect(nul.cells.filter((c) => c.holmReject)).toHaveLength(0);
    expect(nul.cells.filter((c) => c.bhReject).length).toBeLessThanOrEqual(1);
    const planted = ret.slice();
    for (const t of upcrossings(pct, 0.7)) if (t + 1 < T) planted[t + 1] += 0.01;
    const hit = eventStudy(pct, planted, { thresholds, permutations: 999, seed: 1 });
    const cell = hit.cells.find((c) => c.threshold === 0.7 && c.horizon === 1)!;
    expect(cell.pValue).toBe(0.001);
    expect(cell.holmReject).toBe(true);
    expect(cell.difference).toBeGreaterThan(0.005);
    expect(cell.hitLower).toBeGreaterThan(0.5);
  });
});
