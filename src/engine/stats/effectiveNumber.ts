import type { CorrelationMatrix } from './correlation.ts';

/** Members whose diagonal entry is finite (a column with zero variance carries no signal and is dropped). */
function usable(m: CorrelationMatrix): number[] {
  const keep: number[] = [];
  for (let i = 0; i < m.n; i++) if (Number.isFinite(m.r[i * m.n + i])) keep.push(i);
  return keep;
}

/**
 * Participation ratio of the correlation spectrum N_PR = (Σλ)²/Σλ² = n²/‖R‖_F² (tr R = n, Σλ² = ‖R‖_F²,
 * so no eigen-decomposition is needed). 1 for identical members, n for uncorrelated ones;
 * equicorrelated ρ gives n/(1 + (n−1)ρ²). Zero-variance members are dropped; NaN pairs count as ρ = 0.
 */
export function participationRatio(m: CorrelationMatrix): number {
  const keep = usable(m);
  const k = keep.length;
  if (k === 0) return NaN;
  let fro = 0;
  for (const i of keep) for (const j of keep) {
    const v = m.r[i * m.n + j];
    if (Number.isFinite(v)) fro += v * v;
  }
  return (k * k) / fro;
}

/** Mean off-diagonal correlation ρ̄ over finite pairs of usable members (NaN if none). */
export function meanOffDiagonalCorrelation(m: CorrelationMatrix): number {
  const keep = usable(m);
  let s = 0, c = 0;
  for (const i of keep) for (const j of keep) {
    if (i === j) continue;
    const v = m.r[i * m.n + j];
    if (Number.isFinite(v)) { s += v; c++; }
  }
  return c ? s / c : NaN;
}

/**
 * Variance (design-effect) effective number n/(1 + (n−1)ρ̄): how many independent members give the same
 * variance of the ensemble mean. Can exceed n or be ∞ for negative ρ̄ (ρ̄ ≥ −1/(n−1) for a valid R).
 */
export function varianceEffectiveNumber(m: CorrelationMatrix): number {
  const k = usable(m).length;
  if (k === 0) return NaN;
  if (k === 1) return 1;
  return k / (1 + (k - 1) * meanOffDiagonalCorrelation(m));
}

/** Closed forms for equicorrelated ρ: { participation: n/(1+(n−1)ρ²), variance: n/(1+(n−1)ρ) }. */
export function equicorrelatedEffectiveNumber(n: number, rho: number): { participation: number; variance: number } {
  return { participation: n / (1 + (n - 1) * rho * rho), variance: n / (1 + (n - 1) * rho) };
}
