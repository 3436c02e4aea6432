import type { Aggregator, Predictor } from '../types';

export const constantHalf: Aggregator = {
  id: 'constant-half',
  title: 'Constant 0.5 (no skill)',
  rationale: 'The 0.50 default the roadmap wants to eliminate: Brier exactly 0.25, the reference every aggregator must beat.',
  kind: 'static',
  fit(): Predictor {
    return { predict: () => 0.5 };
  },
};
