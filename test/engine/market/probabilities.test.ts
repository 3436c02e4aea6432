import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../../src/engine/random';
import { toProbabilities, toProbabilitiesDetailed, computeMemberProbabilities, DEFAULT_MAPPING } from '../../../src/engine/market/probabilities';
import { expectClose } from '../../util/close';
import { randomWalkOhlcv } from './synthetic';

function plantedSeries(T: number, slope: number, seed: number) {
  // up[s] ~ Bernoulli(σ(slope·x[s])): a raw score with a known true Platt mapping.
  const rng = createRng(seed), raw = new Float64Array(T), up = new Float64Array(T);
  for (let s = 0; s < T; s++) { raw[s] = rng.normal(); up[s] = rng.next() < 1 / (1 + Math.exp(-slope * raw[s])) ? 1 : 0; }
  up[T - 1] = NaN;
  return { raw, up };
}

describe('toProbabilities (walk-forward Platt mapping)', () => {
  it('is exactly 0.5 and flagged before minHistory, strictly inside (0, 1) after', () => {
    const { raw, up } = plantedSeries(3000, 1, 1);
    const { prob, isDefault } = toProbabilitiesDetailed(raw, up, { refitEvery: 100, minHistory: 250 });
    for (let t = 0; t < 250; t++) { expect(prob[t]).toBe(0.5); expect(isDefault[t]).toBe(1); }
    for (let t = 250; t < 3000; t++) { expect(prob[t] > 0 && prob[t] < 1).toBe(true); expect(isDefault[t]).toBe(0); }
  });

  it('recovers a planted logistic relation (the fitted probability tracks σ(slope·x))', () => {
    const slope = 1.2, { raw, up } = plantedSeries(20000, slope, 2);
    const prob = toProbabilities(raw, up, { refitEvery: 1000, minHistory: 5000, window: Infinity });
    let maxErr = 0;
    for (let t = 10000; t < 20000; t++) maxErr = Math.max(maxErr, Math.abs(prob[t] - 1 / (1 + Math.exp(-slope * raw[t]))));
    expect(maxErr).toBeLessThan(0.06);
  });

  it('a pure-noise score maps to about the base rate', () => {
    const rng = createRng(3), T = 6000, raw = new Float64Array(T), up = new Float64Array(T);
    for (let s = 0; s < T; s++) { raw[s] = rng.normal(); up[s] = rng.next() < 0.3 ? 1 : 0; }
    const prob = toProbabilities(raw, up, { refitEvery: 500, minHistory: 2000, window: Infinity });
    let mean = 0; for (let t = 2000; t < T; t++) mean += prob[t] / (T - 2000);
    expectClose(mean, 0.3, { abs: 0.03 });
  });

  it('never uses a label at or after the bar it forecasts (property: change up[≥ t] and raw[> t])', () => {
    const { raw, up } = plantedSeries(1200, 1, 4);
    const opts = { refitEvery: 50, minHistory: 100, window: 300 };
    const base = toProbabilities(raw, up, opts);
    fc.assert(fc.property(fc.integer({ min: 0, max: 21 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: 0, max: 1e6 }), (k, off, seed) => {
      const t = opts.minHistory + k * opts.refitEvery + off; // refit bars and their neighbours
      const rng = createRng(seed), raw2 = raw.slice(), up2 = up.slice();
      for (let s = t; s < up2.length; s++) { up2[s] = rng.next() < 0.5 ? 1 : 0; if (s > t) raw2[s] = 5 * rng.normal(); }
      const p = toProbabilities(raw2, up2, opts);
      for (let s = 0; s <= t; s++) if (!Object.is(p[s], base[s])) return false;
      return true;
    }), { seed: 42, numRuns: 60 });
  });

  it('rejects bad options with the field named', () => {
    const x = new Float64Array(10);
    expect(() => toProbabilities(x, x, { refitEvery: 0, minHistory: 5 })).toThrow('invalid mapping.refitEvery: 0');
    expect(() => toProbabilities(x, x, { refitEvery: 1, minHistory: 0 })).toThrow('invalid mapping.minHistory: 0');
    expect(() => toProbabilities(x, new Float64Array(9), { refitEvery: 1, minHistory: 5 })).toThrow('invalid up.length: 9');
  });

  it('keeps the default when too few usable pairs exist at the first refit', () => {
    const raw = new Float64Array(600).fill(NaN), up = new Float64Array(600);
    for (let s = 590; s < 600; s++) raw[s] = s;
    const { prob, isDefault } = toProbabilitiesDetailed(raw, up, { refitEvery: 5, minHistory: 100 });
    expect(prob.every((p) => p === 0.5)).toBe(true);
    expect(isDefault.every((f) => f === 1)).toBe(true);
  });

  it('uses documented defaults and is deterministic end to end', () => {
    expect(DEFAULT_MAPPING).toEqual({ refitEvery: 500, minHistory: 500, window: 5000, l2: 1 });
    const d = randomWalkOhlcv(2000, 9);
    const a = computeMemberProbabilities(d), b = computeMemberProbabilities(d);
    for (let i = 0; i < 14; i++) expect(Array.from(a.probs[i])).toEqual(Array.from(b.probs[i]));
  });
});
