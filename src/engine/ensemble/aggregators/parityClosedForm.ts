import type { Aggregator, Predictor } from '../types';

/**
 * Closed form of the roadmap circuit: RY(2·asin√pᵢ) on qubit i and the CNOT chain leave qubit n−1 holding
 * the parity of independent Bernoulli(pᵢ) bits, so P(1) = (1 − ∏(1 − 2pᵢ))/2. NaN members count as 0.5,
 * which forces the output to exactly 0.5.
 */
export function parityProbability(row: Float64Array): number {
  let prod = 1;
  for (let i = 0; i < row.length; i++) { const p = row[i]; prod *= 1 - 2 * (p === p ? p : 0.5); }
  return (1 - prod) / 2;
}

export const parityClosedForm: Aggregator = {
  id: 'parity-closed-form',
  title: 'Parity (closed form of the roadmap circuit)',
  rationale: 'What the roadmap circuit computes, without simulating it: the parity of the members\' votes. Consensus cancels (14 × 0.9 → 0.478).',
  kind: 'static',
  fit(): Predictor {
    return { predict: parityProbability };
  },
};
