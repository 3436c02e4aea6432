import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng, type Rng } from '../../../src/engine/random';
import type { Ohlcv } from '../../../src/engine/market/ohlcv';
import { parseBacktestExport } from '../../../src/engine/market/freqtradeBacktest';
import {
  entryTimePermutationTest, tradeReturnAt, naiveMeanTest, hacMeanTest, blockBootstrapMeanTest, autocorrelation,
  sharpeReport, tradesToDecide, periodReturns, groupResults, periodKey, ruleStrategyEdge, ruleHitRateTarget, type TradeLike,
} from '../../../src/engine/trades/index';

const BAR = 300_000;

/** A seeded geometric random walk (no drift): no entry rule can beat random entries on it except by luck. */
function randomWalk(rng: Rng, n: number, vol = 0.004): Ohlcv {
  const time = new Float64Array(n), open = new Float64Array(n), close = new Float64Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    time[i] = 1_500_000_000_000 + i * BAR;
    open[i] = p;
    p *= Math.exp(vol * rng.normal());
    close[i] = p;
  }
  const high = Float64Array.from(open, (o, i) => Math.max(o, close[i]));
  const low = Float64Array.from(open, (o, i) => Math.min(o, close[i]));
  return { time, open, high, low, close, volume: new Float64Array(n).fill(1), intervalMs: BAR, source: 'random walk' };
}

/** Trades entered at bars chosen by `pick`, held `hold` bars, their returns priced like the permutation null. */
function tradesAt(c: Ohlcv, entries: number[], hold: number, fee = 0.001): TradeLike[] {
  return entries.map((e) => ({
    pair: 'X/Y', openTime: c.time[e], closeTime: c.time[e + hold], profitRatio: tradeReturnAt(c, e, hold, false, fee, fee),
    profitAbs: 0, feeOpen: fee, feeClose: fee,
  }));
}

describe('entry-time permutation test', () => {
  it('no edge: p-values are uniform (rejects at about its nominal 5 % on 300 random walks)', () => {
    const rng = createRng(1001);
    const ps: number[] = [];
    for (let k = 0; k < 300; k++) {
      const c = randomWalk(rng, 600);
      const entries = Array.from({ length: 30 }, () => rng.int(600 - 12));
      ps.push(entryTimePermutationTest(tradesAt(c, entries, 10), c, { rng, permutations: 199 }).p);
    }
    const rate = (a: number) => ps.filter((p) => p <= a).length / ps.length;
    // Binomial(300, 0.05): 99.9 % of rejection counts fall in 5 … 27.
    expect(rate(0.05)).toBeGreaterThan(5 / 300);
    expect(rate(0.05)).toBeLessThan(27 / 300);
    expect(rate(0.5)).toBeGreaterThan(0.4);
    expect(rate(0.5)).toBeLessThan(0.6);
  });

  it('planted edge: entries that know the next move are detected', () => {
    const rng = createRng(1002);
    let detected = 0;
    for (let k = 0; k < 40; k++) {
      const c = randomWalk(rng, 600);
      // Enter only where the next 10 bars rise: a (look-ahead) edge the test must find.
      const entries: number[] = [];
      while (entries.length < 30) {
        const e = rng.int(600 - 12);
        if (c.open[e + 10] > c.open[e] * 1.002) entries.push(e);
      }
      if (entryTimePermutationTest(tradesAt(c, entries, 10), c, { rng, permutations: 199 }).p < 0.05) detected++;
    }
    expect(detected).toBeGreaterThanOrEqual(38);
  });

  it('re-prices the observed trades exactly when they sit on bar opens, and reports buy and hold', () => {
    const rng = createRng(7);
    const c = randomWalk(rng, 300);
    const trades = tradesAt(c, [5, 50, 100], 7);
    const r = entryTimePermutationTest(trades, c, { rng, permutations: 99 });
    expect(r.modelledMean).toBeCloseTo(r.observedMean, 14);
    expect(r.buyAndHold).toBeCloseTo(c.open[299] / c.open[0] - 1, 14);
  });
});

describe('mean tests: naive versus autocorrelation-aware', () => {
  function ar1(rng: Rng, n: number, phi: number): Float64Array {
    const x = new Float64Array(n);
    for (let i = 1; i < n; i++) x[i] = phi * x[i - 1] + rng.normal();
    return x;
  }
  it('on i.i.d. noise all three reject at about 5 %', () => {
    const rng = createRng(2001);
    let naive = 0, hac = 0, boot = 0;
    const R = 400;
    for (let k = 0; k < R; k++) {
      const x = ar1(rng, 200, 0);
      if (naiveMeanTest(x).p < 0.05) naive++;
      if (hacMeanTest(x).p < 0.05) hac++;
      if (blockBootstrapMeanTest(x, rng, { replicates: 199 }).p < 0.05) boot++;
    }
    for (const c of [naive, hac, boot]) { expect(c / R).toBeGreaterThan(0.02); expect(c / R).toBeLessThan(0.09); }
  });
  it('on positively autocorrelated noise the naive test over-rejects and HAC does much less', () => {
    const rng = createRng(2002);
    let naive = 0, hac = 0;
    const R = 400;
    for (let k = 0; k < R; k++) {
      const x = ar1(rng, 300, 0.6);
      if (naiveMeanTest(x).p < 0.05) naive++;
      if (hacMeanTest(x).p < 0.05) hac++;
    }
    expect(naive / R).toBeGreaterThan(0.15);
    expect(hac / R).toBeLessThan(naive / R / 1.8);
    expect(autocorrelation(ar1(createRng(3), 5000, 0.6))).toBeCloseTo(0.6, 1);
  });
  it('planted drift is detected by all', () => {
    const rng = createRng(2003);
    const x = Float64Array.from({ length: 400 }, () => 0.3 + rng.normal());
    expect(naiveMeanTest(x).p).toBeLessThan(0.001);
    expect(hacMeanTest(x).p).toBeLessThan(0.001);
    expect(blockBootstrapMeanTest(x, rng, { replicates: 499 }).p).toBeLessThan(0.01);
  });
});

describe('probabilistic and deflated Sharpe', () => {
  it('one trial: DSR = PSR; more trials deflate; null returns give PSR > 0.95 about 5 % of the time', () => {
    const rng = createRng(3001);
    const x = Float64Array.from({ length: 250 }, () => 0.1 + rng.normal());
    const one = sharpeReport(x, { nTrials: 1 });
    expect(one.dsr).toBeCloseTo(one.psr, 12);
    const many = sharpeReport(x, { nTrials: 100 });
    expect(many.dsr).toBeLessThan(one.dsr);
    expect(many.srBenchmark).toBeGreaterThan(0);
    let hits = 0;
    for (let k = 0; k < 400; k++) if (sharpeReport(Float64Array.from({ length: 200 }, () => rng.normal()), { nTrials: 1 }).psr > 0.95) hits++;
    expect(hits / 400).toBeGreaterThan(0.025);
    expect(hits / 400).toBeLessThan(0.085);
  });
  it('deflation by the trials actually run: the best of 50 null strategies is not significant after deflation', () => {
    const rng = createRng(3002);
    let falseAlarms = 0, naiveAlarms = 0;
    for (let rep = 0; rep < 60; rep++) {
      const runs = Array.from({ length: 50 }, () => Float64Array.from({ length: 150 }, () => rng.normal()));
      const srs = runs.map((r) => { const m = r.reduce((a, b) => a + b, 0) / r.length; const sd = Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1)); return m / sd; });
      const best = runs[srs.indexOf(Math.max(...srs))];
      const rep1 = sharpeReport(best, { nTrials: 50, trialSharpes: srs });
      if (rep1.psr > 0.95) naiveAlarms++;
      if (rep1.dsr > 0.95) falseAlarms++;
    }
    expect(naiveAlarms).toBeGreaterThan(40);
    expect(falseAlarms).toBeLessThanOrEqual(8);
  });
});

describe('hit rate against a target', () => {
  it('decides or says how many more trades it would take', () => {
    expect(tradesToDecide(90, 100, 0.8).status).toBe('confirmed');
    expect(tradesToDecide(60, 100, 0.8).status).toBe('rejected');
    const open = tradesToDecide(17, 20, 0.8);
    expect(open.status).toBe('open');
    expect(open.moreTrades).toBeGreaterThan(50);
    expect(open.moreTrades).toBeLessThan(1000);
    expect(tradesToDecide(80, 100, 0.8).moreTrades).toBe(Infinity);
  });
});

describe('on the shipped sample export', () => {
  const ex = parseBacktestExport(readFileSync('public/data/freqtrade/backtest-result.json', 'utf8'), 'backtest-result.json');
  const s = ex.strategies[0];
  it('period returns compound to the file\'s own total profit', () => {
    const pr = periodReturns(s.trades, { startMs: s.summary.startMs, endMs: s.summary.endMs, startingBalance: s.summary.startingBalance });
    const growth = pr.returns.reduce((g, r) => g * (1 + r), 1) - 1;
    expect(growth).toBeCloseTo(s.summary.profitTotal!, 10);
    expect(pr.trades.reduce((a, b) => a + b, 0)).toBe(179);
  });
  it('groups by pair and month cover every trade', () => {
    const byPair = groupResults(s.trades, (t) => t.pair);
    expect(byPair.reduce((a, g) => a + g.trades, 0)).toBe(179);
    expect(new Set(byPair.map((g) => g.key)).size).toBe(byPair.length);
    expect(periodKey(Date.parse('2018-01-10T07:15:00Z'), 'month')).toBe('2018-01');
  });
});

describe('verdict rules', () => {
  const base = { trades: 200, days: 100, hacP: 0.01, hacLower95: 0.001, hacUpper95: 0.01, bootstrapP: 0.01, permutationP: 0.01, dsr: 0.99, nTrials: 10, smallestDetectableDaily: 0.002, meanDaily: 0.005 };
  it('strategy edge', () => {
    expect(ruleStrategyEdge(base).verdict).toBe('supported');
    expect(ruleStrategyEdge({ ...base, dsr: 0.5 }).verdict).toBe('partly supported');
    expect(ruleStrategyEdge({ ...base, permutationP: null }).verdict).toBe('partly supported');
    expect(ruleStrategyEdge({ ...base, hacP: 0.3, bootstrapP: 0.3, hacLower95: -0.01 }).verdict).toBe('not measurable here');
    expect(ruleStrategyEdge({ ...base, hacP: 0.99, hacUpper95: -0.001 }).verdict).toBe('refuted');
    expect(ruleStrategyEdge(base).rule).toContain('DSR = 0.99');
  });
  it('hit-rate target', () => {
    expect(ruleHitRateTarget({ wins: 90, trades: 100, target: 0.8, lower: 0.83, upper: 0.95, moreTrades: 0 }).verdict).toBe('supported');
    expect(ruleHitRateTarget({ wins: 48, trades: 179, target: 0.8, lower: 0.2, upper: 0.34, moreTrades: 0 }).verdict).toBe('refuted');
    expect(ruleHitRateTarget({ wins: 17, trades: 20, target: 0.8, lower: 0.64, upper: 0.95, moreTrades: 130 }).rule).toContain('130 more trades');
  });
});

describe('overlap', () => {
  it('mean concurrent trades matches a brute-force count', async () => {
    const { meanConcurrentTrades } = await import('../../../src/engine/trades/series');
    const rng = createRng(9);
    const list = Array.from({ length: 300 }, () => { const o = rng.int(10_000); return { pair: 'A', openTime: o, closeTime: o + 1 + rng.int(500), profitRatio: 0, profitAbs: 0 }; });
    const brute = list.reduce((a, t) => a + list.filter((u) => u.openTime <= t.openTime && u.closeTime > t.openTime).length, 0) / list.length;
    expect(meanConcurrentTrades(list)).toBeCloseTo(brute, 12);
  });
});
