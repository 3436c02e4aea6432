import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { aggregatorById, causalRegimes, cellClaimFigures, cellClaimScoreIds, createFallbackAggregator, feeSweep, parityClosedForm, runCausal, runMarketWalkForward, stability, sweepDataset, syntheticBoard } from '../../../src/engine/ensemble/index';
import { ruleCircuitFailures1pct, ruleProfitable80, ruleQuantumVsVoting, ruleRealConfidence, VERDICT_ORDER } from '../../../src/engine/claims/index';
import { createRng } from '../../../src/engine/random';

const walk = (n: number, seed: number, drift = 0): Float64Array => {
  const rng = createRng(seed), c = new Float64Array(n);
  c[0] = 100;
  for (let t = 1; t < n; t++) c[t] = c[t - 1] * Math.exp(drift + 0.01 * rng.normal() * (t % 400 < 200 ? 1 : 3));
  return c;
};

describe('causal regimes', () => {
  it('no look-ahead: every mask at bars ≤ t is unchanged when closes after t change', () => {
    const close = walk(1200, 1);
    const ref = causalRegimes(close);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1198 }), fc.integer({ min: 1, max: 1e6 }), (t, s) => {
      const c = Float64Array.from(close), r = createRng(s);
      for (let k = t + 1; k < c.length; k++) c[k] = c[k - 1] * Math.exp(0.05 * r.normal());
      const alt = causalRegimes(c);
      return alt.every((reg, i) => reg.mask.subarray(0, t + 1).every((v, k) => v === ref[i].mask[k]));
    }), { seed: 3, numRuns: 30 });
  });
  it('a steadily rising series is all up-trend after the look-back; regimes partition the bars with history', () => {
    const rising = Float64Array.from({ length: 800 }, (_, t) => 100 * 1.001 ** t);
    const [up, down] = causalRegimes(rising);
    expect(up.mask.slice(200).every((v) => v === 1)).toBe(true);
    expect(down.mask.every((v) => v === 0)).toBe(true);
    const [, , hi, lo] = causalRegimes(walk(1500, 2));
    for (let t = 500; t < 1500; t++) expect(hi.mask[t] + lo.mask[t]).toBe(1);
    // volatility clusters of 200 bars at 3× σ: the high-volatility regime finds them
    let hiInLoud = 0, hiInQuiet = 0;
    for (let t = 600; t < 1500; t++) { if (t % 400 >= 250) hiInLoud += hi.mask[t]; else if (t % 400 < 200 && t % 400 >= 50) hiInQuiet += hi.mask[t]; }
    expect(hiInLoud).toBeGreaterThan(hiInQuiet);
  });
});

describe('stability row', () => {
  it('robust iff every counted cell agrees; unmeasured cells are named, not counted', () => {
    expect(stability([{ label: 'A', verdict: 'x' }, { label: 'B', verdict: 'x' }]).headline).toBe('robust: x on all 2 datasets/regimes/fees');
    const s = stability([{ label: 'A', verdict: 'x' }, { label: 'B', verdict: 'y' }, { label: 'C', verdict: 'x' }, { label: 'D', verdict: 'n/a' }], (c) => c.verdict === 'n/a');
    expect(s.robust).toBe(false);
    expect(s.headline).toBe('depends on data: x on 2 of 3: A (all bars), C (all bars); y on 1 of 3: B (all bars); not counted (too little data): D (all bars)');
    const g = stability([
      { label: 'ETH', verdict: 'x' }, { label: 'ETH up-trend', verdict: 'x' }, { label: 'BTC', verdict: 'x' }, { label: 'BTC up-trend', verdict: 'y' },
      { label: 'fee 0 bps', verdict: 'y' }, { label: 'fee 10 bps', verdict: 'x' },
    ]);
    expect(g.headline).toBe('depends on data: x on 4 of 6: ETH (every bar set), BTC (all bars), fees 10 bps; y on 2 of 6: BTC (up-trend), fees 0 bps');
  });
});

describe('fee sweep and one-dataset sweep', () => {
  const b = syntheticBoard({ nBars: 3000, seed: 8, skill: 0.8 });
  const input = { probs: b.probs, up: b.up, close: b.close, time: b.time };
  it('the total return falls with the fee and changes sign around the break-even cost', () => {
    const p = runCausal(aggregatorById('stacking'), b, { refitEveryBars: 500 }).p;
    const cfg = { confidenceThreshold: 0.55, stageFractions: [0.05], slippageBps: 0, startBar: 500 };
    const { rows, breakEvenBps } = feeSweep(p, input, cfg, [0, 5, 10, 20, 50]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].totalReturn).toBeLessThan(rows[i - 1].totalReturn);
    expect(breakEvenBps).toBeGreaterThan(0);
    const at = (fee: number) => feeSweep(p, input, cfg, [fee]).rows[0].totalReturn;
    expect(at(0.8 * breakEvenBps)).toBeGreaterThan(0);
    expect(at(1.2 * breakEvenBps)).toBeLessThan(0);
  });
  it('scores and trades every regime from one walk-forward', () => {
    const cells = sweepDataset('synthetic', input, {
      aggregators: [aggregatorById('stacking'), parityClosedForm], trainBars: 1000, testBars: 500,
      backtestIds: ['stacking'], backtest: { feeBps: 10 }, replicates: 99, bootstrapIds: ['stacking'],
    });
    expect(cells.map((c) => c.regime)).toEqual(['all', 'up-trend', 'down-trend', 'high-vol', 'low-vol']);
    const all = cells[0].scored.scored.length;
    expect(cells[1].scored.scored.length + cells[2].scored.scored.length).toBeLessThanOrEqual(all);
    const st = cells[0].scored.skill.find((c) => c.id === 'stacking' && c.loss === 'log loss')!;
    expect(st.pBootstrap).toBeGreaterThan(0);
    expect(cells[0].scored.skill.find((c) => c.id === 'parity-closed-form' && c.loss === 'log loss')!.pBootstrap).toBeNaN();
  });
});

describe('sweep shortcuts give the same cells', () => {
  it('reusing a walk-forward run elsewhere on the same splits (precomputed) equals refitting; other splits are not reused', () => {
    const b = syntheticBoard({ nBars: 2600, seed: 21, skill: 0.4 });
    const input = { probs: b.probs, up: b.up, close: b.close, time: b.time };
    const fb = createFallbackAggregator(parityClosedForm, { id: 'fallback' });
    const aggs = [aggregatorById('stacking'), aggregatorById('majority'), parityClosedForm, fb];
    const cfg = { aggregators: aggs, trainBars: 1000, testBars: 400, seed: 7, backtestIds: ['fallback'], backtest: { feeBps: 10 }, replicates: 49, bootstrapIds: ['stacking'] };
    const fresh = sweepDataset('synthetic', input, cfg);
    // The notebook's own walk-forward: baselines and classical aggregators, not the fallback, fitted on their own.
    const own = runMarketWalkForward(input, { aggregators: [aggregatorById('stacking'), aggregatorById('majority'), parityClosedForm], trainBars: 1000, testBars: 400, seed: 7 });
    let fitted = 0;
    const counting = aggs.map((a) => ({ ...a, fit: (...args: Parameters<typeof a.fit>) => { fitted++; return a.fit(...args); } }));
    const reused = sweepDataset('synthetic', input, { ...cfg, aggregators: counting, precomputed: own });
    expect(fitted).toBe(own.splits.length); // only the fallback was fitted, once per split
    expect(reused).toEqual(fresh);
    const other = runMarketWalkForward(input, { aggregators: aggs, trainBars: 1000, testBars: 500, seed: 7 });
    fitted = 0;
    expect(sweepDataset('synthetic', input, { ...cfg, aggregators: counting, precomputed: other })).toEqual(fresh);
    expect(fitted).toBe(aggs.length * own.splits.length);
  });
  it('scoring only cellClaimScoreIds gives the same claim figures', () => {
    const b = syntheticBoard({ nBars: 2400, seed: 8, skill: 0.5 });
    const input = { probs: b.probs, up: b.up, close: b.close, time: b.time };
    const fb = createFallbackAggregator(parityClosedForm, { id: 'fallback' });
    const bt = { feeBps: 10, slippageBps: 2, confidenceThreshold: 0.55 };
    const ids = { quantum: 'parity-closed-form', traded: 'fallback' };
    const cfg = { aggregators: [aggregatorById('stacking'), aggregatorById('majority'), parityClosedForm, fb], trainBars: 800, testBars: 400, backtestIds: ['fallback'], backtest: bt };
    const full = sweepDataset('synthetic', input, cfg), lean = sweepDataset('synthetic', input, { ...cfg, scoreIds: cellClaimScoreIds(ids) });
    expect(lean[0].scored.scores.map((x) => x.id)).toEqual(['stacking']);
    for (let k = 0; k < full.length; k++) expect(cellClaimFigures(lean[k], input, ids, bt)).toEqual(cellClaimFigures(full[k], input, ids, bt));
    expect(() => cellClaimFigures(lean[0], input, { ...ids, confidenceCandidate: 'majority' }, bt)).toThrow(/majority was not scored/);
  });
  it('pbo: false only blanks the PBO', () => {
    const b = syntheticBoard({ nBars: 2000, seed: 5, skill: 0.4 });
    const input = { probs: b.probs, up: b.up, close: b.close, time: b.time };
    const cfg = { aggregators: [aggregatorById('stacking'), parityClosedForm], trainBars: 800, testBars: 400, backtestIds: ['stacking'], backtest: { feeBps: 10 } };
    const withPbo = sweepDataset('synthetic', input, cfg), without = sweepDataset('synthetic', input, { ...cfg, pbo: false });
    expect(withPbo[0].scored.pbo.nSplits).toBeGreaterThan(0);
    expect(without.map((c) => ({ ...c, scored: { ...c.scored, pbo: null } }))).toEqual(withPbo.map((c) => ({ ...c, scored: { ...c.scored, pbo: null } })));
    expect(without[0].scored.pbo.pbo).toBeNaN();
  });
});

describe('cell figures feed the market claims\' rules', () => {
  it('every market rule accepts the figures of a sweep cell, on all bars and on a regime', () => {
    const b = syntheticBoard({ nBars: 3000, seed: 12, skill: 0.5 });
    const input = { probs: b.probs, up: b.up, close: b.close, time: b.time };
    const fb = createFallbackAggregator(parityClosedForm, { id: 'fallback' });
    const bt = { feeBps: 10, slippageBps: 2, confidenceThreshold: 0.55 };
    const cells = sweepDataset('synthetic', input, { aggregators: [aggregatorById('stacking'), parityClosedForm, fb], trainBars: 1000, testBars: 500, backtestIds: ['fallback'], backtest: bt });
    for (const cell of [cells[0], cells[3]]) {
      const f = cellClaimFigures(cell, input, { quantum: 'parity-closed-form', traded: 'fallback' }, bt);
      for (const r of [ruleQuantumVsVoting(f.quantumVsVoting), ruleRealConfidence(f.realConfidence), ruleProfitable80(f.profitable80), ruleCircuitFailures1pct(f.circuitFailures)]) {
        expect(VERDICT_ORDER).toContain(r.verdict);
      }
      expect(f.circuitFailures.failures).toBe(f.nBars); // parity never leaves 0.4–0.6 on this board
      expect(f.circuitFailures.invalidOutputs).toBe(0);
    }
  });
});
