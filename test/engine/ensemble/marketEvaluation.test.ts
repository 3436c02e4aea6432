import { describe, it, expect } from 'vitest';
import {
  aggregatorById, aggregatorSelectionPbo, backtest, breakEvenCostBps, compareWithBaseline, constantHalf, perBarLoss, runMarketWalkForward, scoreMarket, syntheticBoard,
} from '../../../src/engine/ensemble/index';

describe('market experiment: baselines in every comparison, skill = beating the base rate', () => {
  const b = syntheticBoard({ nBars: 6000, seed: 21, skill: 0.6 });
  const input = { probs: b.probs, up: b.up, close: b.close, time: b.time };
  const wf = runMarketWalkForward(input, { aggregators: [constantHalf, aggregatorById('stacking'), aggregatorById('majority')], trainBars: 1000, testBars: 500 });
  const res = scoreMarket(input, wf, { replicates: 199, seed: 3 });
  const skillOf = (id: string, loss = 'log loss') => res.skill.find((c) => c.id === id && c.loss === loss)!;
  it('runs the baselines and the aggregators on the same bars', () => {
    expect(wf.runs.map((r) => r.id)).toEqual(['base-rate', 'calibrated-vote', 'best-member', 'reversal-1bar', 'constant-half', 'stacking', 'majority']);
    expect(res.scores).toHaveLength(7);
    expect(res.scored.length).toBe(res.outcomes.length);
  });
  it('stacking on a board with a planted edge has skill that matters; the coin has none', () => {
    expect(skillOf('stacking').judgement.outcome).toBe('matters');
    expect(skillOf('stacking').pBootstrap).toBeLessThan(0.05);
    expect(skillOf('constant-half').judgement.outcome).not.toBe('matters');
    // Holm within the log-loss family: adjusted ≥ raw
    for (const c of res.skill) expect(c.pHolm).toBeGreaterThanOrEqual(c.pDm - 1e-15);
  });
  it('the raw vote share is beaten by the calibrated vote on log loss; PBO is reported', () => {
    const m = res.vsVote.find((c) => c.id === 'majority')!;
    expect(m.gain).toBeLessThan(0);
    expect(res.pbo.pbo).toBeGreaterThanOrEqual(0);
    expect(res.pbo.pbo).toBeLessThanOrEqual(1);
  });
  it('families sharing per-bar losses (scoreMarket) give what separate comparisons give; PBO from the shared losses too', () => {
    const cands = res.forecasts, y = res.outcomes;
    const alone = (['log loss', 'Brier'] as const).flatMap((loss) => compareWithBaseline(cands, 'base-rate', cands['base-rate'], y, { loss, replicates: 199, seed: 3 }));
    expect(res.skill).toEqual(alone);
    expect(res.vsVote).toEqual(compareWithBaseline(cands, 'calibrated-vote', cands['calibrated-vote'], y, { loss: 'log loss' }));
    const lb = perBarLoss('log loss', cands['base-rate'], y);
    const cols = wf.runs.map((r) => r.id).filter((id) => id !== 'base-rate').map((id) => { const l = perBarLoss('log loss', cands[id], y); return Float64Array.from(l, (v, i) => lb[i] - v); });
    expect(res.pbo).toEqual(aggregatorSelectionPbo(cols));
  });
  it('a mask scores a subset of the same forecasts', () => {
    const mask = new Uint8Array(b.up.length);
    for (let t = 0; t < mask.length; t += 2) mask[t] = 1;
    const half = scoreMarket(input, wf, { mask });
    expect(Math.abs(half.scored.length - res.scored.length / 2)).toBeLessThanOrEqual(1);
    expect(half.forecasts.stacking[0]).toBe(wf.runs[5].p[half.scored[0]]);
  });
});

describe('break-even cost', () => {
  it('gross PnL / turnover, in bps: long 5 % over +10 % then flat costs 0.1 of position changed', () => {
    // one trade: in at bar 0 (0.05), out at bar 1: gross 0.05·0.1 = 0.005, turnover 0.1 → 500 bps
    const pos = Float64Array.of(0.05, 0, 0);
    const close = Float64Array.of(100, 110, 110);
    expect(breakEvenCostBps(pos, close, 0)).toBeCloseTo(500, 10);
    // at exactly that cost per side the backtest's additive trade PnL is 0
    const p = Float64Array.of(0.9, 0.1, NaN);
    const r = backtest(p, close, Float64Array.of(0, 3600e3, 7200e3), { feeBps: 500, stageFractions: [0.05] });
    expect(r.strategy.tradePnl[0]).toBeCloseTo(0, 12);
    expect(breakEvenCostBps(new Float64Array(3), close, 0)).toBeNaN();
  });
});
