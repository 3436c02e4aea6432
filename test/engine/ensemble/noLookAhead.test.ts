import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BASELINE_AGGREGATORS, CLASSICAL_AGGREGATORS, backtest, createBaseRate, createFallbackAggregator, parityClosedForm, runCausal, syntheticBoard, type Aggregator, type EnsembleData } from '../../../src/engine/ensemble/index';
import { createRng } from '../../../src/engine/random';
import { EXTRA_AGGREGATORS } from './extraAggregators';

const N_BARS = 240;
const base = syntheticBoard({ nBars: N_BARS, seed: 3, warmupBars: 20 });
const ALL: Aggregator[] = [...CLASSICAL_AGGREGATORS, ...BASELINE_AGGREGATORS, createBaseRate({ windowBars: 30 }), createFallbackAggregator(parityClosedForm), ...EXTRA_AGGREGATORS];

function altered(data: EnsembleData, t: number, seed: number): EnsembleData {
  const rng = createRng(seed);
  const probs = data.probs.map((col) => {
    const c = Float64Array.from(col);
    for (let s = t + 1; s < c.length; s++) c[s] = rng.next() < 0.1 ? NaN : rng.next();
    return c;
  });
  const up = Float64Array.from(data.up);
  for (let s = t; s < up.length - 1; s++) up[s] = rng.int(2); // the label at t is only known at t+1
  return { probs, up };
}

function truncated(data: EnsembleData, t: number): EnsembleData {
  const probs = data.probs.map((c) => c.slice(0, t + 1));
  const up = data.up.slice(0, t + 1);
  up[t] = NaN;
  return { probs, up };
}

describe('no look-ahead: output at bar t ignores member probabilities and labels after t', () => {
  for (const agg of ALL) {
    it(`${agg.id}: bit-identical up to t when the future is altered or removed`, () => {
      const opts = { refitEveryBars: 37, seed: 5 };
      const ref = runCausal(agg, base, opts).p;
      for (let t = 0; t < N_BARS; t++) expect(ref[t] >= 0 && ref[t] <= 1, `p[${t}] = ${ref[t]}`).toBe(true);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: N_BARS - 2 }), fc.integer({ min: 1, max: 1e6 }), (t, s) => {
          const a = runCausal(agg, altered(base, t, s), opts).p;
          const b = runCausal(agg, truncated(base, t), opts).p;
          for (let k = 0; k <= t; k++) {
            if (!Object.is(a[k], ref[k]) || !Object.is(b[k], ref[k])) return false;
          }
          return true;
        }),
        { seed: 42, numRuns: agg.kind === 'static' ? 15 : 8 },
      );
    });
  }
});

describe('the no-look-ahead check has teeth', () => {
  it('detects an aggregator that peeks at the label of the bar it predicts', () => {
    const leaky: Aggregator = {
      id: 'leaky', title: 'leaky', rationale: 'negative control', kind: 'fitted',
      fit(data, train) {
        const end = train.length ? train[train.length - 1][1] : 0;
        const peek = data.up[end]; // label of the first test bar: not yet known
        return { predict: () => (peek === 1 ? 0.9 : 0.1) };
      },
    };
    const opts = { refitEveryBars: 37 };
    const ref = runCausal(leaky, base, opts).p;
    let caught = false;
    for (let t = 37; t < 200 && !caught; t += 37) {
      const a = runCausal(leaky, altered(base, t, t), opts).p;
      for (let k = 0; k <= t; k++) if (!Object.is(a[k], ref[k])) caught = true;
    }
    expect(caught).toBe(true);
  });
});

describe('no look-ahead: buy and hold capped at the maximum position', () => {
  it('equity up to bar t is bit-identical when closes after t change', () => {
    const n = 120, HOUR = 3600e3;
    const time = Float64Array.from({ length: n }, (_, t) => t * HOUR);
    const rng = createRng(9);
    const close = new Float64Array(n);
    close[0] = 100;
    for (let t = 1; t < n; t++) close[t] = close[t - 1] * Math.exp(0.01 * rng.normal());
    const p = new Float64Array(n).fill(0.9);
    const ref = backtest(p, close, time, { stageBars: [5, 5] }).buyAndHoldCapped.equity;
    fc.assert(fc.property(fc.integer({ min: 1, max: n - 3 }), fc.integer({ min: 1, max: 1e6 }), (t, s) => {
      const r = createRng(s), c = Float64Array.from(close);
      for (let k = t + 1; k < n; k++) c[k] = c[k - 1] * Math.exp(0.05 * r.normal());
      // the time axis is shared (the calendar sets the annualisation, not the path)
      const eq = backtest(p, c, time, { stageBars: [5, 5] }).buyAndHoldCapped.equity;
      for (let k = 0; k <= t; k++) if (!Object.is(eq[k], ref[k])) return false;
      return true;
    }), { seed: 7, numRuns: 25 });
  });
});
