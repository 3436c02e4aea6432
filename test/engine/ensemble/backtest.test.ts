import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { backtest, backtestBoth, medianBarMs, randomTimingProfitableShare, simulatePositions } from '../../../src/engine/ensemble/index';
import { medianSpacingPositive } from '../../../src/engine/ensemble/backtest';
import { expectClose } from '../../util/close';

const HOUR = 3600e3;
const time5 = Float64Array.from({ length: 5 }, (_, t) => t * HOUR);
const close5 = Float64Array.of(100, 110, 99, 99, 108.9); // +10 %, −10 %, 0, +10 %
const p5 = Float64Array.of(0.9, 0.9, 0.5, 0.1, NaN);

describe('backtest: a 5-bar example computed by hand', () => {
  // fee 10 bps + slippage 5 bps per side → c = 0.0015 per unit of position changed; one 5 % stage
  const cfg = { stageFractions: [0.05], feeBps: 10, slippageBps: 5 };
  const c = 0.0015;
  it('long 5 % over bars 0→2, flat after; fees on entry and exit', () => {
    const { strategy: s, buyAndHold: bh } = backtest(p5, close5, time5, cfg);
    expect(Array.from(s.position)).toEqual([0.05, 0.05, 0, 0, 0]);
    const ret = [-0.05 * c, 0.05 * 0.1, 0.05 * (99 / 110 - 1) - 0.05 * c, 0, 0];
    expectClose(s.returns, ret);
    expectClose(s.totalReturn, ret.reduce((e, r) => e * (1 + r), 1) - 1);
    expect(s.nTrades).toBe(1);
    // trade PnL: −entry fee + 0.05·0.1 + 0.05·(−0.1) − exit fee = −0.00015 → not profitable, net of fees
    expectClose(s.tradePnl, [-0.05 * c + 0.005 + 0.05 * (99 / 110 - 1) - 0.05 * c]);
    expect(s.nProfitable).toBe(0);
    expect(s.exposure).toBe(0.5); // 2 of 4 holding bars
    expectClose(s.feesPaid, 2 * 0.05 * c);
    // buy and hold on the same bars: in at bar 0, out at bar 4, same costs
    expectClose(bh.returns, [-c, 0.1, 99 / 110 - 1, 0, 0.1 - c]);
    expectClose(bh.totalReturn, (1 - c) * 1.1 * 0.9 * 1 * (1.1 - c) - 1);
    expect(bh.nTrades).toBe(1);
    expect(bh.nProfitable).toBe(1);
    // max drawdown of buy and hold: peak after bar 1, trough after bar 3
    expectClose(bh.maxDrawdown, 0.1);
  });
  it('with shorts allowed, the confident down at bar 3 opens a short that loses the +10 % move', () => {
    const { strategy: s } = backtest(p5, close5, time5, { ...cfg, allowShort: true });
    expect(Array.from(s.position)).toEqual([0.05, 0.05, 0, -0.05, 0]);
    expectClose(s.returns, [-0.05 * c, 0.005, 0.05 * (99 / 110 - 1) - 0.05 * c, -0.05 * c, -0.005 - 0.05 * c]);
    expectClose(s.tradePnl, [-0.05 * c + 0.005 + 0.05 * (99 / 110 - 1) - 0.05 * c, -0.05 * c - 0.005 - 0.05 * c]);
    expect(s.nTrades).toBe(2);
  });
  it('a long→short flip in one bar splits the cost between the two trades', () => {
    const p = Float64Array.of(0.9, 0.1, NaN);
    const { strategy: s } = backtest(p, Float64Array.of(100, 100, 100), time5.slice(0, 3), { ...cfg, allowShort: true });
    expectClose(s.returns, [-0.05 * c, -0.1 * c, -0.05 * c]);
    expectClose(s.tradePnl, [-0.1 * c, -0.1 * c]);
  });
  it('the always-in variant trades whenever P ≠ 0.5 at full size; Sharpe is annualised from the bar interval', () => {
    const { strategy: s, barsPerYear } = backtest(p5, close5, time5, { ...cfg, mode: 'always-in' });
    expect(Array.from(s.position)).toEqual([0.05, 0.05, 0, 0, 0]);
    expectClose(barsPerYear, 8766);
    const r = Array.from(s.returns);
    const m = r.reduce((a, b) => a + b) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1));
    expectClose(s.sharpe, (m / sd) * Math.sqrt(8766));
  });
});

describe('backtest: staged sizing 1 % → 2 % → 5 %', () => {
  const n = 12;
  const time = Float64Array.from({ length: n }, (_, t) => t * HOUR);
  const p = new Float64Array(n).fill(0.9);
  it('advances after each stage\'s bars when the stage completed a trade and its PnL is non-negative', () => {
    const rising = Float64Array.from({ length: n }, (_, t) => 100 * 1.01 ** t);
    const alternating = Float64Array.from({ length: n }, (_, t) => (t % 2 ? 0.1 : 0.9)); // long, flat, long, …
    const res = backtest(alternating, rising, time, { stageBars: [2, 3], feeBps: 0 });
    expect(Array.from(res.strategy.position)).toEqual([0.01, 0, 0.02, 0, 0.02, 0, 0.05, 0, 0.05, 0, 0.05, 0]);
    expect(res.maxStage).toBe(2);
  });
  it('regression: no promotion without a completed trade (one open long, or no trades at all, stays at stage 1)', () => {
    const rising = Float64Array.from({ length: n }, (_, t) => 100 * 1.01 ** t);
    const held = backtest(p, rising, time, { stageBars: [2, 3], feeBps: 0 });
    expect(held.strategy.position.slice(0, n - 1).every((x) => x === 0.01)).toBe(true);
    expect(held.maxStage).toBe(0);
    const never = backtest(new Float64Array(n).fill(0.5), rising, time, { stageBars: [2, 3], feeBps: 0 });
    expect(never.strategy.nTrades).toBe(0);
    expect(never.maxStage).toBe(0);
    expect(never.stagesWithoutTrades).toBeGreaterThan(2);
  });
  it('stays at 1 % while every stage loses (the stage window restarts)', () => {
    const falling = Float64Array.from({ length: n }, (_, t) => 100 * 0.99 ** t);
    const res = backtest(p, falling, time, { stageBars: [2, 3], feeBps: 0 });
    expect(res.strategy.position.slice(0, n - 1).every((x) => x === 0.01)).toBe(true);
    expect(res.maxStage).toBe(0);
  });
  it('converts stage weeks with the data\'s own calendar (hourly 24/7: 1 week = 168 bars)', () => {
    expect(backtest(p, Float64Array.from({ length: n }, () => 100), time).stageBars).toEqual([168, 336]);
  });
  it('bars per year from the calendar: weekday-only daily bars give ≈ 261 a year and 5-bar weeks, not 365.25 and 7', () => {
    const DAY = 24 * HOUR, days: number[] = [];
    for (let d = 0; days.length < 600; d++) if (d % 7 < 5) days.push(d * DAY); // Mon–Fri
    const time = Float64Array.from(days), m = time.length;
    const res = backtest(new Float64Array(m).fill(0.9), Float64Array.from({ length: m }, () => 100), time);
    expect(res.barsPerYear).toBeGreaterThan(259);
    expect(res.barsPerYear).toBeLessThan(262);
    expect(res.stageBars).toEqual([5, 10]);
  });
  it('a forecast within 1e-9 of 0.5 is no call: it never trades, even at a threshold of 0.5', () => {
    const q = new Float64Array(n).fill(0.5 + 1e-16);
    const res = backtest(q, Float64Array.from({ length: n }, (_, t) => 100 + t), time, { confidenceThreshold: 0.5, mode: 'always-in' });
    expect(res.strategy.nTrades).toBe(0);
  });
  it('buy and hold capped at the maximum position: same bars, 5 % of equity', () => {
    const rising = Float64Array.from({ length: n }, (_, t) => 100 * 1.01 ** t);
    const res = backtest(p, rising, time, { feeBps: 0 });
    expectClose(res.buyAndHoldCapped.totalReturn, 1.0005 ** (n - 1) - 1);
    expect(res.buyAndHoldCapped.nTrades).toBe(1);
  });
  it('never exceeds the 5 % cap and refuses bad config', () => {
    const res = backtest(p, Float64Array.from({ length: n }, () => 100), time, { stageFractions: [0.5], maxPositionFraction: 0.05 });
    expect(Math.max(...res.strategy.position)).toBe(0.05);
    expect(() => backtest(p, p, time, { confidenceThreshold: 0.3 })).toThrow(/invalid confidenceThreshold: 0.3/);
    expect(() => backtest(p, p.slice(1), time)).toThrow(/invalid lengths/);
  });
  it('below the 0.8 threshold it never trades; NaN forecasts are flat', () => {
    const q = new Float64Array(n).fill(0.79);
    q[3] = NaN;
    const res = backtest(q, Float64Array.from({ length: n }, (_, t) => 100 + t), time, { startBar: 0 });
    expect(res.strategy.nTrades).toBe(0);
    expect(res.noForecastBars).toBe(1);
    expect(res.strategy.profitableShare).toBeNaN();
  });
});

describe('random-timing baseline of the profitable share', () => {
  it('counts the share of same-length windows that beat the costs', () => {
    // closes 100, 110, 99, 99, 108.9: 1-bar returns +0.1, −0.1, 0, +0.1
    const close = Float64Array.of(100, 110, 99, 99, 108.9);
    // one long trade of 1 bar: windows r = +0.1, −0.1, 0, +0.1 → 2 of 4 profitable at zero cost
    expect(randomTimingProfitableShare({ tradeBars: Int32Array.of(1), tradeSide: Int8Array.of(1) }, close, 0, 0)).toBe(0.5);
    // a short of 2 bars: Σr over windows = 0, −0.1, +0.1 → short wins on 1 of 3
    expect(randomTimingProfitableShare({ tradeBars: Int32Array.of(2), tradeSide: Int8Array.of(-1) }, close, 0, 0)).toBeCloseTo(1 / 3, 15);
    expect(randomTimingProfitableShare({ tradeBars: new Int32Array(0), tradeSide: new Int8Array(0) }, close, 0, 0)).toBeNaN();
  });
  it('the backtest records each trade\'s length and side', () => {
    const { strategy: s } = backtest(p5, close5, time5, { stageFractions: [0.05], allowShort: true });
    expect(Array.from(s.tradeBars)).toEqual([2, 1]);
    expect(Array.from(s.tradeSide)).toEqual([1, -1]);
  });
});

describe('medianSpacingPositive (the backtest\'s time check without a sort)', () => {
  it('equals medianBarMs(time) > 0 on random timestamps with repeats, reversals, zeros and NaN', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constant(NaN), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(fc.property(fc.array(value, { minLength: 0, maxLength: 40 }), (xs) => {
      const time = Float64Array.from(xs);
      expect(medianSpacingPositive(time)).toBe(medianBarMs(time) > 0);
    }), { seed: 11, numRuns: 3000 });
    // the even case decided by the two middle spacings' mean
    expect(medianSpacingPositive(Float64Array.from([0, -1, 2, 1, 5]))).toBe(medianBarMs(Float64Array.from([0, -1, 2, 1, 5])) > 0);
    expect(medianSpacingPositive(Float64Array.from([0, -3, -2, -1, 4]))).toBe(medianBarMs(Float64Array.from([0, -3, -2, -1, 4])) > 0);
  });
  it('buy-and-hold benchmarks, simulated on first read, equal a direct simulation', () => {
    const n = 300, close = Float64Array.from({ length: n }, (_, t) => 100 + 10 * Math.sin(t / 9) + t / 20), time = Float64Array.from({ length: n }, (_, t) => t * 3600e3);
    const p = Float64Array.from({ length: n }, (_, t) => 0.5 + 0.4 * Math.sin(t / 5));
    const r = backtest(p, close, time, { feeBps: 10, maxPositionFraction: 0.05, startBar: 10 });
    expect(r.buyAndHold).toEqual(simulatePositions(new Float64Array(n).fill(1), close, 10, 10 / 1e4, r.barsPerYear));
    expect(r.buyAndHoldCapped).toEqual(simulatePositions(new Float64Array(n).fill(0.05), close, 10, 10 / 1e4, r.barsPerYear));
    expect(r.buyAndHold).toBe(r.buyAndHold);
  });
});

describe('backtestBoth', () => {
  it('the always-in run, simulated on first read, equals a direct backtest', () => {
    const n = 300, close = Float64Array.from({ length: n }, (_, t) => 100 + 10 * Math.sin(t / 9) + t / 20), time = Float64Array.from({ length: n }, (_, t) => t * 3600e3);
    const p = Float64Array.from({ length: n }, (_, t) => 0.5 + 0.4 * Math.sin(t / 5));
    const cfg = { feeBps: 10, startBar: 10 };
    const both = backtestBoth(p, { probs: [], up: new Float64Array(n), close, time }, cfg);
    expect(both.roadmap).toEqual(backtest(p, close, time, cfg));
    expect(both.alwaysIn).toEqual(backtest(p, close, time, { ...cfg, mode: 'always-in' }));
    expect(both.alwaysIn).toBe(both.alwaysIn);
  });
});
