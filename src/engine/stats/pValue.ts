/**
 * Monte-Carlo permutation p-value p = (k + 1)/(B + 1), where k of B resampled statistics are at least
 * as extreme as the observed one. Counting the observed statistic as one of the permutations makes the
 * test exact (valid at every level) and never returns 0 (Phipson & Smyth 2010).
 */
export function permutationPValue(exceedances: number, permutations: number): number {
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw new RangeError(`invalid permutations: ${permutations} (expected integer ≥ 0)`);
  }
  if (!Number.isInteger(exceedances) || exceedances < 0 || exceedances > permutations) {
    throw new RangeError(`invalid exceedances: ${exceedances} (expected integer 0–${permutations})`);
  }
  return (exceedances + 1) / (permutations + 1);
}

export type Alternative = 'greater' | 'less' | 'two-sided';

/** Whether a null statistic `t` counts as at least as extreme as `observed` (two-sided: |t| ≥ |observed|, null centred at 0). */
export function isAsExtreme(t: number, observed: number, alternative: Alternative): boolean {
  // 1e-12 relative slack so a shift that reproduces the observed value up to rounding still counts.
  const eps = 1e-12 * Math.max(1, Math.abs(observed));
  if (alternative === 'greater') return t >= observed - eps;
  if (alternative === 'less') return t <= observed + eps;
  return Math.abs(t) >= Math.abs(observed) - eps;
}
