import { describe, it, expect } from 'vitest';
import { baseRateForecaster, bestMember, calibratedVote, createBaseRate, reversalRule, runCausal, syntheticBoard, voteMargin, type EnsembleData } from '../../../src/engine/ensemble/index';
import { createRng } from '../../../src/engine/random';

describe('baselines: behaviour on hand-made series', () => {
  const up = Float64Array.of(1, 1, 0, 1, 1, 1, 0, 1, NaN);
  const data: EnsembleData = { probs: [new Float64Array(up.length).fill(0.6)], up };
  it('base rate = (k + 1)/(n + 2) over the labels known at each bar (expanding and rolling)', () => {
    const p = runCausal(baseRateForecaster, data, { refitEveryBars: 3 }).p;
    const expected = [0.5]; // bar 0: nothing known
    let k = 0;
    for (let t = 1; t < up.length; t++) { k += up[t - 1]; expected.push((k + 1) / (t + 2)); }
    expect(Array.from(p)).toEqual(expected);
    const r = runCausal(createBaseRate({ windowBars: 2 }), data, { refitEveryBars: 4 }).p;
    expect(r[3]).toBe((1 + 0 + 1) / 4); // labels of bars 1, 2
    expect(r[7]).toBe((1 + 0 + 1) / 4); // labels of bars 5, 6 (1, 0)
  });
  it('reversal rule: opposite of the last move, at its past hit rate', () => {
    const p = runCausal(reversalRule, data, { refitEveryBars: 4 }).p;
    expect(p[0]).toBe(0.5);
    // window 2 (bars 4–7) fitted on bars 0–3: pairs (1→1 miss, 1→0 hit, 0→1 hit): h = (2+1)/(3+2)
    const h = 3 / 5;
    expect(p[4]).toBeCloseTo(1 - h, 15); // last move (bar 3) up → predict down
    expect(p[7]).toBeCloseTo(h, 15); // bar 6 went down → predict up
  });
  it('vote margin and calibrated vote: σ(a + b·m) fitted on past bars is calibrated where the raw share is not', () => {
    expect(voteMargin(Float64Array.of(0.6, 0.7, 0.4, 0.5, NaN))).toBeCloseTo(1 / 3, 15);
    expect(voteMargin(Float64Array.of(0.5, NaN))).toBe(0);
    const b = syntheticBoard({ nBars: 4000, seed: 11, skill: 0.6 });
    const p = runCausal(calibratedVote, b, { refitEveryBars: 500 }).p;
    // out of sample, mean forecast ≈ observed frequency on each side of 0.5
    for (const side of [1, -1]) {
      let sf = 0, so = 0, n = 0;
      for (let t = 1000; t < 3999; t++) if (Math.sign(p[t] - 0.5) === side) { sf += p[t]; so += b.up[t]; n++; }
      expect(Math.abs(sf / n - so / n)).toBeLessThan(0.03);
    }
  });
  it('best member is chosen on past bars: the planted informative member wins', () => {
    const n = 3000, rng = createRng(5);
    const upL = new Float64Array(n), good = new Float64Array(n), noise = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const s = rng.next() < 0.5 ? 1 : 0;
      good[t] = s ? 0.65 : 0.35;
      noise[t] = 0.3 + 0.4 * rng.next();
      upL[t] = rng.next() < good[t] ? 1 : 0;
    }
    upL[n - 1] = NaN;
    const run = runCausal(bestMember, { probs: [noise, good, noise], up: upL }, { refitEveryBars: 1000 });
    expect(run.p[2500]).toBe(good[2500]);
    expect(run.p[10]).toBe(0.5); // no training rows yet
  });
});
