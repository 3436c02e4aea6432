import { describe, expect, it } from 'vitest';
import { quantileInterval, timeBatchesAdaptive } from '../../../src/engine/timing/index';
import { createRng } from '../../../src/engine/random';

describe('quantileInterval: distribution-free CI of a percentile', () => {
  it('covers the true p95 of Uniform(0,1) at about its nominal 95 % rate', () => {
    const rng = createRng('quantile-ci');
    const trials = 2000, n = 200;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const x = Float64Array.from({ length: n }, () => rng.next()).sort();
      const iv = quantileInterval(x, 0.95);
      if (iv.lo <= 0.95 && 0.95 <= iv.hi) covered++;
    }
    // Order-statistic intervals are conservative (rounded outwards): at least nominal, not wildly above.
    expect(covered / trials).toBeGreaterThanOrEqual(0.93);
    expect(covered / trials).toBeLessThanOrEqual(0.995);
  });
  it('reports the nearest-rank value and the tail beyond it', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const iv = quantileInterval(x, 0.95);
    expect(iv.value).toBe(95);
    expect(iv.beyond).toBe(5);
    expect(iv.lo).toBeLessThan(95);
    expect(iv.hi).toBeGreaterThan(95);
    expect(() => quantileInterval(x, 1)).toThrow(/invalid quantile/);
  });
});

describe('timeBatchesAdaptive', () => {
  // A fake clock: each call of run(k) advances it by k × the next per-call duration.
  const fake = (perCall: () => number) => {
    let t = 0;
    return { now: () => t, run: (k: number) => { t += k * perCall(); } };
  };
  it('stops at the minimum once a steady latency meets the tolerance', () => {
    const rng = createRng('steady');
    const f = fake(() => 0.01 * (1 + 0.01 * rng.next()));
    const r = timeBatchesAdaptive(f.run, { batchSize: 10, minBatches: 200, maxBatches: 2000, quantile: 0.95, relTolerance: 0.1 }, f.now);
    expect(r.stoppedBy).toBe('tolerance');
    expect(r.batches).toBe(200);
    expect(r.interval.value).toBeGreaterThan(0.01);
    expect(r.interval.value).toBeLessThan(0.0102);
  });
  it('keeps sampling a heavy tail and says when the cap stopped it', () => {
    const rng = createRng('heavy');
    const f = fake(() => 0.01 / Math.max(1e-6, rng.next()) ** 0.9);
    const r = timeBatchesAdaptive(f.run, { batchSize: 1, minBatches: 100, maxBatches: 400, quantile: 0.95, relTolerance: 0.01 }, f.now);
    expect(r.stoppedBy).toBe('max batches');
    expect(r.batches).toBe(400);
    expect(r.perCallMs.length).toBe(400);
    for (let i = 1; i < r.perCallMs.length; i++) expect(r.perCallMs[i]).toBeGreaterThanOrEqual(r.perCallMs[i - 1]);
  });
  it('stops early when the CI lies entirely below a stated threshold, and only then', () => {
    const mk = () => { const rng = createRng('heavy-2'); return fake(() => 0.001 / Math.max(1e-6, rng.next()) ** 0.9); };
    const opts = { batchSize: 1, minBatches: 100, maxBatches: 400, quantile: 0.95, relTolerance: 0.01 };
    const a = mk();
    const far = timeBatchesAdaptive(a.run, { ...opts, settledBelowMs: 1 }, a.now);
    expect(far.stoppedBy).toBe('far below threshold');
    expect(far.batches).toBe(100);
    expect(far.interval.hi).toBeLessThanOrEqual(1);
    const b = mk();
    const near = timeBatchesAdaptive(b.run, { ...opts, settledBelowMs: 0.01 }, b.now);
    expect(near.stoppedBy).toBe('max batches');
    const c = mk();
    const above = timeBatchesAdaptive(c.run, { ...opts, settledAboveMs: 1e-4 }, c.now);
    expect(above.stoppedBy).toBe('far above threshold');
    expect(above.interval.lo).toBeGreaterThanOrEqual(1e-4);
  });
  it('rejects bad options with what is wrong', () => {
    const f = fake(() => 1);
    expect(() => timeBatchesAdaptive(f.run, { batchSize: 0, minBatches: 1, maxBatches: 1, quantile: 0.5, relTolerance: 0.1 }, f.now)).toThrow(/invalid batchSize/);
    expect(() => timeBatchesAdaptive(f.run, { batchSize: 1, minBatches: 10, maxBatches: 5, quantile: 0.5, relTolerance: 0.1 }, f.now)).toThrow(/invalid maxBatches/);
  });
});
