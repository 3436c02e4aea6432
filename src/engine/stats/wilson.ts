import { checkInt, checkOpenUnit } from './checks.ts';
import { normalInv } from './distributions.ts';

export interface ProportionInterval {
  /** Point estimate k/n (NaN when n = 0). */
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927): the set of p not rejected by the
 * two-sided score test, i.e. the roots of (p̂ − p)² = z²·p(1 − p)/n. Unlike the Wald interval it stays
 * inside [0, 1] and is sane at k = 0 or k = n. n = 0 gives [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkInt(n, 'n', 0);
  checkInt(successes, 'successes', 0, n);
  checkOpenUnit(confidence, 'confidence');
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1 };
  const z = normalInv(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const center = (p + z2n / 2) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return {
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, center - half),
    upper: successes === n ? 1 : Math.min(1, center + half),
  };
}
