import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  walkForwardSplits, evaluateWalkForward, CancelledError, CLASSICAL_AGGREGATORS, syntheticBoard, majority, hedge,
} from '../../../src/engine/ensemble/index';

describe('walkForwardSplits', () => {
  it('never overlaps train and test, respects purge and embargo, and keeps test windows disjoint', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 50 }),
      fc.constantFrom('expanding' as const, 'rolling' as const), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 }),
      (nBars, trainBars0, testBars, mode, h, embargoBars, startBar) => {
        const trainBars = mode === 'rolling' ? Math.max(1, trainBars0) : trainBars0;
        const splits = walkForwardSplits({ nBars, trainBars, testBars, mode, labelHorizonBars: h, embargoBars, startBar });
        const testedOnce = new Uint8Array(nBars);
        const embargoed = new Set<number>();
        let prevEnd = -1;
        for (const s of splits) {
          if (!(s.testStart < s.testEnd && s.testEnd <= nBars && s.testEnd - s.testStart <= testBars)) return false;
          if (s.testStart < prevEnd) return false;
          if (prevEnd >= 0 && s.testStart - prevEnd !== embargoBars) return false;
          for (let t = Math.max(prevEnd, 0); prevEnd >= 0 && t < s.testStart; t++) embargoed.add(t);
          let last = -1, count = 0;
          for (const [a, b] of s.train) {
            if (!(a < b && a >= startBar && a >= last)) return false;
            last = b;
            for (let t = a; t < b; t++) {
              count++;
              if (t + h > s.testStart) return false; // label interval (t, t+h] overlaps the test labels (purge)
              if (embargoed.has(t)) return false;
            }
          }
          if (mode === 'rolling' && count > trainBars) return false;
          for (let t = s.testStart; t < s.testEnd; t++) { if (testedOnce[t] || embargoed.has(t)) return false; testedOnce[t] = 1; }
          prevEnd = s.testEnd;
        }
        return true;
      }), { seed: 42, numRuns: 300 });
  });
  it('a hand example: expanding, train 10, test 5, horizon 3, embargo 2', () => {
    const s = walkForwardSplits({ nBars: 30, trainBars: 10, testBars: 5, labelHorizonBars: 3, embargoBars: 2 });
    expect(s.map((x) => [x.testStart, x.testEnd])).toEqual([[10, 15], [17, 22], [24, 29]]);
    expect(s[0].train).toEqual([[0, 8]]);
    expect(s[1].train).toEqual([[0, 15]]);
    expect(s[2].train).toEqual([[0, 15], [17, 22]]);
  });
  it('rolling windows keep a fixed length', () => {
    const s = walkForwardSplits({ nBars: 100, trainBars: 20, testBars: 10, mode: 'rolling' });
    expect(s[3].testStart).toBe(50);
    expect(s[3].train).toEqual([[30, 50]]);
  });
  it('refuses bad sizes with a message naming the field', () => {
    expect(() => walkForwardSplits({ nBars: 10, trainBars: 2, testBars: 0 })).toThrow(/invalid testBars: 0/);
    expect(() => walkForwardSplits({ nBars: 10, trainBars: 0, testBars: 2, mode: 'rolling' })).toThrow(/invalid trainBars/);
  });
});

describe('evaluateWalkForward', () => {
  const board = syntheticBoard({ nBars: 600, seed: 9 });
  const splits = walkForwardSplits({ nBars: 600, trainBars: 200, testBars: 100, embargoBars: 5 });
  it('runs every aggregator on identical bars and reports progress', () => {
    const seen: number[] = [];
    const res = evaluateWalkForward(CLASSICAL_AGGREGATORS, board, splits, { onProgress: (p) => seen.push(p.done) });
    expect(seen.length).toBe(splits.length * CLASSICAL_AGGREGATORS.length);
    expect(seen[seen.length - 1]).toBe(seen.length);
    for (const run of res.runs) {
      for (let t = 0; t < 600; t++) expect(Number.isNaN(run.p[t]), `${run.id} at ${t}`).toBe(res.tested[t] === 0);
    }
  });
  it('is deterministic and can be cancelled', () => {
    const a = evaluateWalkForward([hedge, majority], board, splits).runs;
    const b = evaluateWalkForward([hedge, majority], board, splits).runs;
    expect(Array.from(a[0].p)).toEqual(Array.from(b[0].p));
    let calls = 0;
    expect(() => evaluateWalkForward(CLASSICAL_AGGREGATORS, board, splits, { isCancelled: () => ++calls > 3 })).toThrow(CancelledError);
  });
});
