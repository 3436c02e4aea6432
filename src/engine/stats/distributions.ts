/**
 * Typed wrappers over jstat's distribution functions, so the rest of the stats area never touches
 * the untyped library directly and argument checks happen in one place.
 */
import jStat from 'jstat';

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p), p in (0, 1). */
export function normalInv(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`invalid p: ${p} (expected 0 < p < 1)`);
  return jStat.normal.inv(p, 0, 1);
}

/** Student t CDF with `dof` degrees of freedom. */
export function studentTCdf(x: number, dof: number): number {
  if (!(dof > 0)) throw new RangeError(`invalid dof: ${dof} (expected > 0)`);
  return jStat.studentt.cdf(x, dof);
}

/** Chi-square CDF with `dof` degrees of freedom. */
export function chiSquareCdf(x: number, dof: number): number {
  if (!(dof > 0)) throw new RangeError(`invalid dof: ${dof} (expected > 0)`);
  return jStat.chisquare.cdf(x, dof);
}

/** Beta(a, b) CDF (regularised incomplete beta I_x(a, b)). */
export function betaCdf(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`invalid beta parameters: a=${a}, b=${b} (expected > 0)`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return jStat.ibeta(x, a, b);
}

/** Binomial pmf P(K = k), K ~ Bin(n, p), computed in log space so n up to 10⁶ is safe. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(jStat.combinationln(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** ln B(a, b). */
export function betaLn(a: number, b: number): number {
  return jStat.betaln(a, b);
}

/** ln C(n, k). */
export function combinationLn(n: number, k: number): number {
  return jStat.combinationln(n, k);
}
