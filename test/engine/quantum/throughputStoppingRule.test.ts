/**
 * measureGateThroughput's `moreReps`: the stopping rule of the simulator-speed notebook (three repetitions, then
 * one more at a time until the two fastest agree within 3 % or a budget is spent), on a scripted clock.
 */
import { describe, expect, it } from 'vitest';
import { measureGateThroughput } from '../../../src/engine/quantum/throughput';

/** A clock whose successive repetitions last the given milliseconds (it is read twice per repetition). */
function scriptedClock(repDurations: number[]) {
  let t = 0, reads = 0;
  return () => {
    if (reads++ % 2 === 1) t += repDurations[(reads >> 1) - 1] ?? 1;
    return t;
  };
}
const gapOf = (reps: readonly number[]) => {
  const s = [...reps].sort((x, y) => x - y);
  return s[1] / s[0] - 1;
};

describe('measureGateThroughput moreReps (simulator-speed stopping rule)', () => {
  it('adds repetitions one at a time until the two fastest agree within 3 %', () => {
    const r = measureGateThroughput(4, { gates: 10, reps: 3, seed: 's', moreReps: (reps) => gapOf(reps) > 0.03 && reps.reduce((a, b) => a + b, 0) < 1000 }, scriptedClock([10, 14, 12, 11, 10.25, 30]));
    // After 10, 14, 12: gap 20 %; 11: 10 %; 10.25: 2.5 % → stop at 5 repetitions.
    expect(r.repMs).toEqual([10, 14, 12, 11, 10.25]);
    expect(r.gatesPerSecondBest).toBeCloseTo(10 / 0.01, 6);
  });

  it('stops at the budget when the fastest two never agree, and without a rule times exactly reps', () => {
    const r = measureGateThroughput(4, { gates: 10, reps: 3, seed: 's', moreReps: (reps) => gapOf(reps) > 0.03 && reps.reduce((a, b) => a + b, 0) < 100 }, scriptedClock([10, 20, 30, 40, 50, 60]));
    expect(r.repMs).toEqual([10, 20, 30, 40]); // 60 ms < 100 after three, 100 after four
    const plain = measureGateThroughput(4, { gates: 10, reps: 3, seed: 's' }, scriptedClock([10, 20, 30, 40]));
    expect(plain.repMs).toEqual([10, 20, 30]);
  });
});
