import type { Aggregator, Predictor } from '../types';

/**
 * Democratic majority vote. Member i votes up if p > 0.5, down if p < 0.5, and abstains at exactly 0.5
 * or while warming up (NaN). The output is the up-share of the votes cast, so its side of 0.5 is exactly
 * the majority decision, and a tie (7–7 of 14, or no votes) gives exactly 0.5.
 * A hard 0/1 output would make log loss infinite, so the share is the probabilistic reading.
 */
export function majorityProbability(row: Float64Array): number {
  let ups = 0, downs = 0;
  for (let i = 0; i < row.length; i++) {
    const p = row[i];
    if (p > 0.5) ups++;
    else if (p < 0.5) downs++;
  }
  return ups === downs ? 0.5 : ups / (ups + downs);
}

export const majority: Aggregator = {
  id: 'majority',
  title: 'Democratic majority vote',
  rationale: 'One member, one vote: the "democratic voting" the roadmap wants to replace. Output = share of up votes; a 7–7 tie gives 0.5 and is counted.',
  kind: 'static',
  fit(): Predictor {
    let ties = 0, calls = 0;
    return {
      predict(row) {
        const p = majorityProbability(row);
        calls++;
        if (p === 0.5) ties++; // a share of exactly 1/2 only arises from ups === downs
        return p;
      },
      diagnostics: () => ({ ties, calls }),
    };
  },
};
