import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CLASSICAL_AGGREGATORS, createFallbackAggregator, parityClosedForm, runCausal, syntheticBoard, type Aggregator, type EnsembleData } from '../../../src/engine/ensemble/index';
import { createRng } from '../../../src/engine/random';
import { EXTRA_AGGREGATORS } from './extraAggregators';

const N_BARS = 240;
const base = syntheticBoard({ nBars: N_BARS, seed: 3, warmupBars: 20 });
const ALL: Aggregator[] = [...CLASSICAL_AGGREGATORS, createFallbackAggregator(parityClosedForm), ...EXTRA_AGGREGATORS];

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
