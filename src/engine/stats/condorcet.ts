import { checkInt } from './checks.ts';
import { betaCdf, betaLn, binomialPmf, combinationLn } from './distributions.ts';

function checkP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`invalid p: ${p} (expected 0–1)`);
}
function checkRho(rho: number): void {
  if (!(rho >= 0 && rho <= 1)) throw new RangeError(`invalid rho: ${rho} (expected 0–1)`);
}

/** Majority accuracy from a pmf over the number of correct voters; a tie (even n) is a fair coin flip. */
function majorityFromPmf(n: number, pmf: (k: number) => number): number {
  let s = 0;
  for (let k = Math.floor(n / 2) + 1; k <= n; k++) s += pmf(k);
  if (n % 2 === 0) s += 0.5 * pmf(n / 2);
  return s;
}

/**
 * Condorcet jury theorem, exact: P(majority correct) for n independent voters each correct with
 * probability p, P = Σ_{k>n/2} C(n,k)p^k(1−p)^{n−k} + ½·P(tie) for even n.
 */
export function majorityAccuracy(n: number, p: number): number {
  checkInt(n, 'n', 1, 1e6);
  checkP(p);
  return majorityFromPmf(n, (k) => binomialPmf(k, n, p));
}

/** P(exactly n/2 of n independent voters correct); 0 for odd n. */
export function tieProbability(n: number, p: number): number {
  checkInt(n, 'n', 1, 1e6);
  checkP(p);
  return n % 2 === 0 ? binomialPmf(n / 2, n, p) : 0;
}

/**
 * Beta-binomial pmf of the number of correct voters. MODEL: on each decision a common "difficulty"
 * P ~ Beta(α, β) is drawn with mean p and α + β = (1 − ρ)/ρ; given P the n voters are independent
 * Bernoulli(P). Each voter is still correct with probability p, and any two voters' correctness
 * indicators have correlation ρ (intra-class correlation 1/(α+β+1)). ρ = 0 is the binomial, ρ = 1 makes
 * all voters agree.
 */
export function betaBinomialPmf(k: number, n: number, p: number, rho: number): number {
  if (k < 0 || k > n) return 0;
  if (rho === 0 || p === 0 || p === 1) return binomialPmf(k, n, p);
  if (rho === 1) return k === n ? p : k === 0 ? 1 - p : 0;
  const s = (1 - rho) / rho, a = p * s, b = (1 - p) * s;
  return Math.exp(combinationLn(n, k) + betaLn(k + a, n - k + b) - betaLn(a, b));
}

/** P(majority correct) for n exchangeable voters with accuracy p and pairwise correlation ρ (beta-binomial model above). */
export function majorityAccuracyCorrelated(n: number, p: number, rho: number): number {
  checkInt(n, 'n', 1, 1e6);
  checkP(p);
  checkRho(rho);
  return majorityFromPmf(n, (k) => betaBinomialPmf(k, n, p, rho));
}

/**
 * The n → ∞ limit under the beta-binomial model: the majority is right exactly when the common P > ½,
 * so accuracy → P(P > ½) = 1 − I_{½}(α, β) < 1 for ρ > 0. Correlation caps what adding voters can give.
 * For ρ = 0 the limit is 1 (p > ½), ½ (p = ½) or 0.
 */
export function condorcetLimit(p: number, rho: number): number {
  checkP(p);
  checkRho(rho);
  if (rho === 0) return p > 0.5 ? 1 : p === 0.5 ? 0.5 : 0;
  if (rho === 1 || p === 0 || p === 1) return p;
  const s = (1 - rho) / rho;
  return 1 - betaCdf(0.5, p * s, (1 - p) * s);
}

/** Majority accuracy for n = 1..nMax (index n − 1), for plotting the Condorcet curve. */
export function condorcetCurve(nMax: number, p: number, rho = 0): Float64Array {
  checkInt(nMax, 'nMax', 1, 10000);
  const out = new Float64Array(nMax);
  for (let n = 1; n <= nMax; n++) out[n - 1] = majorityAccuracyCorrelated(n, p, rho);
  return out;
}
