import { describe, it, expect } from 'vitest';
import {
  decide, measureDecisionLatency, createFallbackAggregator, parityClosedForm, majority, mean, quantileSorted,
  CLASSICAL_AGGREGATORS, syntheticBoard, walkForwardSplits, type Aggregator,
} from '../../../src/engine/ensemble/index';
import { createRng } from '../../../src/engine/random';
import { expectClose } from '../../util/close';

const empty = { probs: [], up: new Float64Array() };
const fakeClock = (stepMs: number): (() => number) => { let t = 0; return () => (t += stepMs); };

describe('decide (the roadmap\'s quantum_decision_process)', () => {
  const pred = mean.fit(empty, []);
  it('acts only at confidence ≥ 0.8, lists the votes and times itself with the injected clock', () => {
    const d = decide({ probs: Array(14).fill(0.85), positionState: { side: 0 }, aggregator: pred }, fakeClock(0.25));
    expect(d.action).toBe(1);
    expectClose(d.confidence, 0.85);
    expect(d.latencyMs).toBe(0.25);
    expect(d.votes.length).toBe(14);
    expect(d.votes[3]).toEqual({ memberId: 'm3', p: 0.85, vote: 1 });
    expect(d.usedFallback).toBe(false);
    expect(decide({ probs: Array(14).fill(0.75), positionState: { side: 0 }, aggregator: pred }, fakeClock(1)).action).toBe(0);
  });
  it('holds an existing long, closes it on a confident down, and shorts only when allowed', () => {
    const up = Array(14).fill(0.9), down = Array(14).fill(0.1);
    expect(decide({ probs: up, positionState: { side: 1 }, aggregator: pred }, fakeClock(1)).action).toBe(0);
    expect(decide({ probs: down, positionState: { side: 1 }, aggregator: pred }, fakeClock(1)).action).toBe(-1);
    expect(decide({ probs: down, positionState: { side: 0 }, aggregator: pred }, fakeClock(1)).action).toBe(0);
    expect(decide({ probs: down, positionState: { side: 0 }, aggregator: pred, config: { allowShort: true } }, fakeClock(1)).action).toBe(-1);
  });
  it('reports the fallback: parity of 14 × 0.9 is 0.478 (confidence 0.52 < 0.6), so majority (14/14 up) decides', () => {
    const fb = createFallbackAggregator(parityClosedForm).fit(empty, []);
    const d = decide({ probs: Array(14).fill(0.9), positionState: { side: 0 }, aggregator: fb }, fakeClock(1));
    expect(d.usedFallback).toBe(true);
    expect(d.pUp).toBe(1);
    expect(d.action).toBe(1);
  });
});

describe('classical fallback rule', () => {
  const constant = (v: number): Aggregator => ({ id: `c${v}`, title: '', rationale: '', kind: 'static', fit: () => ({ predict: () => v }) });
  it('keeps the primary output inside the 0.6–0.95 confidence band and falls back outside it or on NaN/throw', () => {
    const row = Float64Array.from([...Array(7).fill(0.7), ...Array(7).fill(0.3)]); // a 7–7 tie
    for (const [v, used] of [[0.7, false], [0.3, false], [0.95, false], [0.55, true], [0.97, true], [NaN, true], [1.2, true]] as const) {
      const p = createFallbackAggregator(constant(v)).fit(empty, []);
      const out = p.predict(row);
      expect(p.lastUsedFallback, `primary ${v}`).toBe(used);
      expect(out).toBe(used ? 0.5 : v); // the fallback is majority, 0.5 on a tie
    }
    const thrower: Aggregator = { ...constant(0), fit: () => ({ predict: () => { throw new Error('circuit failed'); } }) };
    const p = createFallbackAggregator(thrower).fit(empty, []);
    expect(p.predict(row)).toBe(0.5);
    expect(p.diagnostics!()).toEqual({ calls: 1, fallbacks: 1, crashes: 1, fallbackTies: 1 }); // a throw is a crash and a fallback
  });
  it('on a synthetic board the parity circuit falls back on almost every bar', () => {
    const b = syntheticBoard({ nBars: 500, seed: 4, warmupBars: 0 });
    const p = createFallbackAggregator(parityClosedForm).fit(b, []);
    const r = new Float64Array(14);
    for (let t = 0; t < 500; t++) { for (let i = 0; i < 14; i++) r[i] = b.probs[i][t]; p.predict(r); }
    expect(p.diagnostics!().fallbacks / 500).toBeGreaterThan(0.99);
    expect(p.diagnostics!().crashes).toBe(0); // it never crashes: it is only never confident
  });
});

describe('measureDecisionLatency', () => {
  it('divides batch time by batch size and reports percentiles and throughput (fake clock)', () => {
    const rows = [Array(14).fill(0.6), Array(14).fill(0.4)];
    const res = measureDecisionLatency(majority.fit(empty, []), rows, { batches: 10, batchSize: 100 }, fakeClock(0.5));
    // two clock reads per batch, 0.5 ms apart → 0.005 ms per decision
    expectClose(res.p50Ms, 0.005);
    expectClose(res.p99Ms, 0.005);
    expectClose(res.decisionsPerSec, 200_000);
    expectClose(res.timerResolutionMs, 0.5);
    expect(res.resolutionLimited).toBe(true); // a batch of one tick cannot be resolved
  });
  it('quantiles interpolate linearly', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4, 5), 0.5)).toBe(3);
    expectClose(quantileSorted(Float64Array.of(0, 10), 0.95), 9.5);
  });
  it('refuses an empty batch', () => {
    expect(() => measureDecisionLatency(majority.fit(empty, []), [[0.5]], { batches: 0, batchSize: 1 }, fakeClock(1))).toThrow(/invalid batches/);
  });
});

describe('registry invariants', () => {
  const b = syntheticBoard({ nBars: 400, seed: 8 });
  const [split] = walkForwardSplits({ nBars: 400, trainBars: 300, testBars: 100 });
  it('ids are unique and every entry states kind, title and rationale', () => {
    const ids = CLASSICAL_AGGREGATORS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of CLASSICAL_AGGREGATORS) {
      expect(['static', 'fitted', 'online']).toContain(a.kind);
      expect(a.title.length * a.rationale.length).toBeGreaterThan(0);
    }
  });
  it('every aggregator maps any row (NaN, 0 and 1 included) into [0, 1], deterministically', () => {
    const rng = createRng(1);
    for (const a of CLASSICAL_AGGREGATORS) {
      const p1 = a.fit(b, split.train, { seed: 3 }), p2 = a.fit(b, split.train, { seed: 3 });
      for (let k = 0; k < 200; k++) {
        const r = Float64Array.from({ length: 14 }, () => { const u = rng.next(); return u < 0.05 ? NaN : u < 0.1 ? 0 : u < 0.15 ? 1 : rng.next(); });
        const x = p1.predict(r);
        expect(x >= 0 && x <= 1, `${a.id}: ${x}`).toBe(true);
        expect(p2.predict(r)).toBe(x);
      }
    }
  });
});

describe('no-call band in decisions', () => {
  it('an output within 1e-9 of 0.5 never acts, even at a threshold of 0.5', () => {
    const agg = { predict: () => 0.5 + 1e-16 };
    const d = decide({ probs: new Float64Array(14).fill(0.6), positionState: { side: 0 }, aggregator: agg, config: { confidenceThreshold: 0.5 } }, () => 0);
    expect(d.action).toBe(0);
    const e = decide({ probs: new Float64Array(14).fill(0.6), positionState: { side: 0 }, aggregator: { predict: () => 0.5 + 2e-9 }, config: { confidenceThreshold: 0.5 } }, () => 0);
    expect(e.action).toBe(1);
  });
});
