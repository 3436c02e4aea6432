import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  measureTickLateness, percentileNearestRank, probeClockResolution, resolutionLimited, slopeVsIndex,
  summarizeLateness, absLatenessQuantiles, type Scheduler,
} from '../../../src/engine/timing/index';
import { ruleCycles as verdictCycles } from '../../../src/engine/claims/rules/windows-1ms';
import { ruleJitterBelow as verdictJitterBelow } from '../../../src/engine/claims/rules/sync-jitter-10us';
import { createRng } from '../../../src/engine/random';
import { expectClose } from '../../util/close';

/** A virtual clock: true time advances by `costMs` per read, readings are floored to `quantumMs`. */
function fakeClock(quantumMs: number, costMs: number) {
  let t = 0;
  return {
    now: () => {
      t += costMs;
      return quantumMs > 0 ? Math.floor(t / quantumMs + 1e-9) * quantumMs : t;
    },
    advance: (ms: number) => { t += ms; },
    get trueMs() { return t; },
  };
}

/** A deterministic event loop: callbacks run one after another, the clock jumps to each due time. */
function fakeLoop(clock: ReturnType<typeof fakeClock>, delayModel: (delayMs: number, call: number) => number): Scheduler {
  let call = 0;
  return (cb, delayMs) => {
    clock.advance(delayModel(delayMs, call++));
    void Promise.resolve().then(cb);
  };
}

describe('percentiles and slope', () => {
  it('nearest rank: p-th percentile is the value at rank ceil(p·n/100)', () => {
    const s = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1…100
    expect(percentileNearestRank(s, 50)).toBe(50);
    expect(percentileNearestRank(s, 95)).toBe(95);
    expect(percentileNearestRank(s, 99)).toBe(99);
    expect(percentileNearestRank(s, 100)).toBe(100);
    expect(percentileNearestRank(s, 0)).toBe(1);
    expect(percentileNearestRank([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentileNearestRank([10, 20], 50)).toBe(10);
    expect(percentileNearestRank([], 50)).toBeNaN();
    expect(() => percentileNearestRank([1], 101)).toThrow('invalid percentile: 101 (expected 0–100)');
  });

  it('a percentile is always an observed value and monotone in p (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 100 }), (xs, p) => {
      const s = Float64Array.from(xs).sort();
      const v = percentileNearestRank(s, p);
      expect(xs).toContain(v);
      expect(percentileNearestRank(s, Math.min(100, p + 1))).toBeGreaterThanOrEqual(v);
    }), { seed: 42, numRuns: 200 });
  });

  it('least-squares slope recovers a line exactly and matches the closed form on noise', () => {
    const y = Float64Array.from({ length: 50 }, (_, k) => 0.3 + 0.002 * k);
    expectClose(slopeVsIndex(y), 0.002);
    // Closed form: slope = 12·Σ(k − k̄)y / (n(n²−1)).
    const rng = createRng(5);
    const z = Float64Array.from({ length: 31 }, () => rng.normal());
    let sxy = 0;
    for (let k = 0; k < 31; k++) sxy += (k - 15) * z[k];
    expectClose(slopeVsIndex(z), (12 * sxy) / (31 * (31 * 31 - 1)));
    expect(slopeVsIndex([1])).toBeNaN();
  });

  it('summarizeLateness reports signed and absolute percentiles, drift and total drift', () => {
    const lat = Float64Array.from({ length: 200 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1) * 1e-3);
    const s = summarizeLateness(lat);
    expect(s.n).toBe(200);
    expect(s.absP99).toBeCloseTo(0.198, 12);
    expect(s.max).toBeCloseTo(0.199, 12);
    expect(s.min).toBeCloseTo(-0.2, 12);
    expectClose(s.totalDriftMs, s.driftMsPerTick * 199);
  });
});

describe('probeClockResolution', () => {
  it('a clock quantised to 0.1 ms gives 0.1 ms', () => {
    const c = fakeClock(0.1, 0.0003);
    const r = probeClockResolution(c.now, { samples: 100_000, maxMs: 20 });
    expect(r.resolutionMs).toBe(0.1);
    expect(r.medianDeltaMs).toBe(0.1);
    expect(r.deltaHistogram).toEqual([{ deltaMs: 0.1, count: r.nonzeroDeltas }]);
    expect(r.calls).toBeLessThan(100_000); // stopped by maxMs
    expectClose(r.callCostMs, 0.0003, { rel: 0.02 });
  });

  it('a clock quantised to 5 µs gives 0.005 ms', () => {
    const r = probeClockResolution(fakeClock(0.005, 0.0003).now, { samples: 50_000, maxMs: 5 });
    expect(r.resolutionMs).toBe(0.005);
  });

  it('an unquantised clock resolves to its call cost; a stopped clock gives Infinity', () => {
    expect(probeClockResolution(fakeClock(0, 0.00025).now, { samples: 1000, maxMs: 5 }).resolutionMs).toBe(0.00025);
    const r = probeClockResolution(() => 42, { samples: 1000, maxMs: 5 });
    expect(r.resolutionMs).toBe(Infinity);
    expect(r.medianDeltaMs).toBeNaN();
    expect(r.calls).toBe(1000);
  });

  it('a jittered coarse clock (steps of 1 or 2 quanta) reports the smallest step and the median', () => {
    let t = 0;
    const rng = createRng(9);
    const now = () => (t += rng.next() < 0.3 ? 0.2 : 0.1);
    const r = probeClockResolution(now, { samples: 1001, maxMs: 1e4 });
    expect(r.resolutionMs).toBe(0.1);
    expect(r.medianDeltaMs).toBe(0.1);
    expect(r.deltaHistogram.map((b) => b.deltaMs)).toEqual([0.1, 0.2]);
  });

  it('validates its options', () => {
    expect(() => probeClockResolution(() => 0, { samples: 1, maxMs: 1 })).toThrow('invalid samples: 1 (expected an integer 2–100000000)');
    expect(() => probeClockResolution(() => 0, { samples: 10, maxMs: 0 })).toThrow('invalid maxMs: 0');
  });
});

describe('measureTickLateness', () => {
  it('an exact scheduler gives zero lateness and zero drift', async () => {
    const c = fakeClock(0, 0);
    const r = await measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 50, periodMs: 1, mode: 'chained' });
    expect(r.latenessMs.length).toBe(50);
    expectClose(r.latenessMs, new Float64Array(50), { abs: 1e-9 });
    expectClose(r.driftMsPerTick, 0, { abs: 1e-12 });
    expect(r.earlyWakeups).toBe(0);
  });

  it('constant overshoot: chained loops stay at the overshoot, naive loops accumulate drift', async () => {
    const c1 = fakeClock(0, 0);
    const chained = await measureTickLateness(fakeLoop(c1, (d) => d + 0.25), c1.now, { ticks: 100, periodMs: 1, mode: 'chained' });
    expectClose(chained.p50, 0.25, { abs: 1e-9 });
    expectClose(chained.driftMsPerTick, 0, { abs: 1e-9 });
    const c2 = fakeClock(0, 0);
    const naive = await measureTickLateness(fakeLoop(c2, (d) => d + 0.25), c2.now, { ticks: 100, periodMs: 1, mode: 'naive' });
    // Tick k fires at k·1.25 ms: lateness 0.25·k, slope 0.25 ms/tick, total 0.25·99.
    expectClose(naive.latenessMs[0], 0.25, { abs: 1e-9 });
    expectClose(naive.latenessMs[99], 25, { abs: 1e-9 });
    expectClose(naive.driftMsPerTick, 0.25, { abs: 1e-9 });
    expectClose(naive.totalDriftMs, 24.75, { abs: 1e-9 });
  });

  it('a 4 ms clamped timer cannot keep a 1 ms chained loop: lateness grows 3 ms per tick', async () => {
    const c = fakeClock(0, 0);
    const r = await measureTickLateness(fakeLoop(c, (d) => Math.max(4, d)), c.now, { ticks: 200, periodMs: 1, mode: 'chained' });
    expectClose(r.driftMsPerTick, 3, { abs: 1e-9 });
    expect(verdictCycles({ ...r, periodMs: 1, resolutionMs: 0.1 }).verdict).toBe('refuted');
  });

  it('settledAbove: a clamped timer stops after minTicks once its p95 |lateness| CI lies above the bound; others run every tick', async () => {
    const rule = { minTicks: 100, quantile: 0.95, aboveMs: 10 };
    const c = fakeClock(0, 0);
    const clamped = await measureTickLateness(fakeLoop(c, (d) => Math.max(4, d)), c.now, { ticks: 300, periodMs: 1, mode: 'chained', settledAbove: rule });
    expect(clamped.stoppedBy).toBe('settled above');
    expect(clamped.n).toBe(100);
    expect(clamped.latenessMs.length).toBe(100);
    expectClose(clamped.driftMsPerTick, 3, { abs: 1e-9 });
    expect(verdictCycles({ ...clamped, periodMs: 1, resolutionMs: 0.1 }).verdict).toBe('refuted');
    // The same ticks as the full run, cut at 100.
    const c2 = fakeClock(0, 0);
    const full = await measureTickLateness(fakeLoop(c2, (d) => Math.max(4, d)), c2.now, { ticks: 300, periodMs: 1, mode: 'chained' });
    expect(full.stoppedBy).toBe('ticks');
    expectClose(clamped.latenessMs, full.latenessMs.slice(0, 100), { abs: 1e-12 });
    // Lateness just under the bound (a steady 9.9 ms): never settled, every tick runs.
    const c3 = fakeClock(0, 0);
    const steady = await measureTickLateness(fakeLoop(c3, (d) => d + 9.9), c3.now, { ticks: 300, periodMs: 20, mode: 'chained', settledAbove: rule });
    expect(steady.stoppedBy).toBe('ticks');
    expect(steady.n).toBe(300);
    // Checked only at minTicks + k·checkEvery: lateness that crosses the bound at tick 120 stops at 150.
    const c4 = fakeClock(0, 0);
    const late = await measureTickLateness(fakeLoop(c4, (d, call) => d + (call >= 120 ? 1000 : 0)), c4.now, { ticks: 1000, periodMs: 1, mode: 'chained', settledAbove: { ...rule, checkEvery: 50 } });
    expect(late.stoppedBy).toBe('settled above');
    expect(late.n % 50).toBe(0);
    expect(late.n).toBeGreaterThan(120);
    expect(() => measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 5, periodMs: 1, mode: 'chained', settledAbove: { ...rule, minTicks: 0 } })).toThrow('invalid settledAbove.minTicks: 0');
    expect(() => measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 5, periodMs: 1, mode: 'chained', settledAbove: { ...rule, aboveMs: 0 } })).toThrow('invalid settledAbove.aboveMs: 0');
  });

  it('seeded random jitter: percentiles match the injected lateness', async () => {
    const rng = createRng(11);
    const injected: number[] = [];
    const c = fakeClock(0, 0);
    const loop = fakeLoop(c, (d) => {
      const j = 0.05 * rng.next();
      injected.push(j);
      return d + j;
    });
    const r = await measureTickLateness(loop, c.now, { ticks: 400, periodMs: 2, mode: 'chained' });
    expectClose(r.latenessMs, injected, { abs: 1e-9 });
    const sorted = Float64Array.from(injected).sort();
    expectClose(r.p95, percentileNearestRank(sorted, 95), { abs: 1e-9 });
    expectClose(r.p99, percentileNearestRank(sorted, 99), { abs: 1e-9 });
  });

  it('a delay-ignoring scheduler (MessageChannel-like) polls until the target', async () => {
    const c = fakeClock(0, 0);
    const r = await measureTickLateness(fakeLoop(c, () => 0.3), c.now, { ticks: 20, periodMs: 1, mode: 'chained' });
    expect(r.earlyWakeups).toBeGreaterThan(0);
    for (const l of r.latenessMs) {
      expect(l).toBeGreaterThanOrEqual(0);
      expect(l).toBeLessThan(0.3 + 1e-9);
    }
  });

  it('early callbacks within acceptEarlyMs count with negative lateness', async () => {
    const c = fakeClock(0, 0);
    const r = await measureTickLateness(fakeLoop(c, (d) => d - 0.01), c.now, { ticks: 10, periodMs: 1, mode: 'chained', acceptEarlyMs: 0.02 });
    expectClose(r.latenessMs, new Float64Array(10).fill(-0.01), { abs: 1e-9 });
    expect(r.earlyWakeups).toBe(0);
  });

  it('reports progress and can be aborted', async () => {
    const c = fakeClock(0, 0);
    const seen: number[] = [];
    await measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 300, periodMs: 1, mode: 'chained' }, (done) => seen.push(done));
    expect(seen.length).toBe(100);
    expect(seen.at(-1)).toBe(300);
    const signal = { aborted: false };
    const p = measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 1000, periodMs: 1, mode: 'chained', signal }, (done) => { if (done >= 50) signal.aborted = true; });
    await expect(p).rejects.toThrow('aborted');
  });

  it('validates its options with the field and range', () => {
    const c = fakeClock(0, 0);
    expect(() => measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 0, periodMs: 1, mode: 'chained' })).toThrow('invalid ticks: 0 (expected an integer 1–1000000)');
    expect(() => measureTickLateness(fakeLoop(c, (d) => d), c.now, { ticks: 5, periodMs: -1, mode: 'chained' })).toThrow('invalid periodMs: -1');
  });
});

describe('resolutionLimited', () => {
  it('is value < 20τ', () => {
    expect(resolutionLimited(1.999, 0.1)).toBe(true);
    expect(resolutionLimited(2, 0.1)).toBe(false);
    expect(resolutionLimited(1, Infinity)).toBe(true);
  });
});

describe('verdict: <10 µs jitter', () => {
  const v = (absP99: number, resolutionMs: number, n = 1000) => verdictJitterBelow({ absP99, resolutionMs, n });
  it('supported only when p99 < 10 µs and 10 µs > 20τ', () => {
    expect(v(0.009, 0.0004).verdict).toBe('supported');
    expect(v(0.009, 0.0005).verdict).toBe('not measurable here'); // 20τ = 10 µs exactly: not resolved
    expect(v(0.0099999, 0.0004).verdict).toBe('supported');
  });
  it('refuted at p99 = 10 µs when resolved', () => {
    expect(v(0.01, 0.0004).verdict).toBe('refuted');
  });
  it('on a coarse clock: not measurable below T + τ, refuted from T + τ on', () => {
    // Isolated Chromium: τ = 5 µs.
    expect(v(0, 0.005).verdict).toBe('not measurable here');
    expect(v(0.0149, 0.005).verdict).toBe('not measurable here');
    expect(v(0.015, 0.005).verdict).toBe('refuted');
    // Non-isolated: τ = 100 µs; typical setTimeout lateness of 1 ms refutes.
    expect(v(0.1, 0.1).verdict).toBe('not measurable here');
    expect(v(0.11, 0.1).verdict).toBe('refuted');
    expect(v(1.2, 0.1).verdict).toBe('refuted');
  });
  it('states the rule with the numbers and needs 100 ticks', () => {
    expect(v(0.015, 0.005).rule).toBe('p99 |lateness| = 15 µs over 1000 ticks, threshold T = 10 µs, clock τ = 5 µs, 20τ = 100 µs: p99 ≥ T + τ (15 µs), so the jitter is above T even allowing one clock tick of error');
    expect(v(0.5, 0.005, 99).verdict).toBe('not measurable here');
    expect(v(NaN, 0.005).verdict).toBe('not measurable here');
  });
});

describe('verdict: 1 ms cycles', () => {
  const v = (absP95: number, driftMsPerTick: number, resolutionMs: number, n = 1000) => verdictCycles({ absP95, driftMsPerTick, n, periodMs: 1, resolutionMs });
  it('supported with fine clock, small lateness and drift', () => {
    expect(v(0.3, 0.0001, 0.005).verdict).toBe('supported');
    expect(v(0.999, 0.00999, 0.005).verdict).toBe('supported');
  });
  it('refuted at the lateness boundary p95 = P when resolved, and at p95 = P + τ on a coarse clock', () => {
    expect(v(1, 0, 0.005).verdict).toBe('refuted');
    expect(v(1, 0, 0.1).verdict).toBe('not measurable here'); // P ≤ 20τ and p95 < P + τ
    expect(v(1.1, 0, 0.1).verdict).toBe('refuted');
  });
  it('refuted at the drift boundary |drift| = 1 % P when the drift limit adds up to > 20τ', () => {
    expect(v(0.2, 0.01, 0.005).verdict).toBe('refuted');
    expect(v(0.2, -0.01, 0.005).verdict).toBe('refuted');
    // Coarse clock, but 0.01 ms × 999 ticks ≈ 10 ms ≫ 20τ = 2 ms: drift is resolved.
    expect(v(0.2, 0.01, 0.1).verdict).toBe('refuted');
    // Few ticks: 0.01 × 99 = 0.99 ms < 20τ = 2 ms → not resolved, and lateness not resolved either.
    expect(v(0.2, 0.01, 0.1, 100).verdict).toBe('not measurable here');
  });
  it('non-isolated Chromium cannot support it (P ≤ 20τ)', () => {
    const r = v(0.2, 0, 0.1);
    expect(r.verdict).toBe('not measurable here');
    expect(r.rule).toMatch(/P ≤ 20τ \(2000 µs\)$/);
  });
  it('needs 100 ticks', () => {
    expect(v(0.2, 0, 0.005, 50).verdict).toBe('not measurable here');
  });
});

describe('absLatenessQuantiles(latenessMs, { floorMs, points }): the timers chart on one log axis', () => {
  it('gives nearest-rank |lateness| percentiles from 0 to 100', () => {
    const lat = Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : -1) * (i + 1) * 0.01); // |x| = 0.01 … 1.00
    const q = absLatenessQuantiles(lat, { floorMs: 0.001, points: 5 });
    expect(q.map((p) => p.percentile)).toEqual([0, 25, 50, 75, 100]);
    expect(q.map((p) => p.absMs)).toEqual([0.01, 0.25, 0.5, 0.75, 1]);
    expect(q[4].absMs).toBeCloseTo(percentileNearestRank(Float64Array.from(lat, Math.abs).sort(), 100), 15);
    expect(q.every((p) => !p.floored)).toBe(true);
  });
  it('draws values below one clock step at the floor and flags them (a log axis cannot show 0)', () => {
    const q = absLatenessQuantiles([0, 0, 0, 0.5], { floorMs: 0.005, points: 3 });
    expect(q[0]).toEqual({ percentile: 0, absMs: 0.005, floored: true });
    expect(q[2]).toEqual({ percentile: 100, absMs: 0.5, floored: false });
  });
  it('rejects a bad floor or point count', () => {
    expect(() => absLatenessQuantiles([1], { floorMs: 0 })).toThrow(/invalid floorMs/);
    expect(() => absLatenessQuantiles([1], { floorMs: 1, points: 1 })).toThrow(/invalid points/);
    expect(absLatenessQuantiles([], { floorMs: 1 })).toEqual([]);
  });
});
