/**
 * Walk-forward empirical-CDF transform (mid-rank): pct(t) = (#{s < t : x_s < x_t} + ½·#{s < t : x_s = x_t}) / #{s < t}
 * over the finite past values (expanding window), so a threshold of 0.7 means "above 70 % of everything
 * seen so far". Mid-ranks keep a point mass (e.g. many exact zeros) from jumping to the top percentile.
 * Causal by construction; NaN until `minHistory` finite past values exist, and where x_t is not finite.
 * O(T log T): ranks are compressed once, counts live in a Fenwick tree (the relabelling is monotone, so
 * it changes no comparison and leaks nothing from the future).
 */
export function walkForwardPercentile(x: ArrayLike<number>, minHistory = 1): Float64Array {
  if (!Number.isInteger(minHistory) || minHistory < 1) {
    throw new RangeError(`invalid minHistory: ${minHistory} (expected integer ≥ 1)`);
  }
  const T = x.length;
  const out = new Float64Array(T).fill(NaN);
  const finite: number[] = [];
  for (let t = 0; t < T; t++) if (Number.isFinite(x[t])) finite.push(x[t]);
  const sorted = Float64Array.from(finite).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
  const tree = new Float64Array(u + 1);
  let seen = 0;
  for (let t = 0; t < T; t++) {
    const v = x[t];
    if (!Number.isFinite(v)) continue;
    // 1-based rank of v among the distinct values.
    let lo = 0, hi = u - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < v) lo = mid + 1; else hi = mid; }
    const rank = lo + 1;
    if (seen >= minHistory) {
      let le = 0, lt = 0;
      for (let i = rank; i > 0; i -= i & -i) le += tree[i];
      for (let i = rank - 1; i > 0; i -= i & -i) lt += tree[i];
      out[t] = (lt + 0.5 * (le - lt)) / seen;
    }
    for (let i = rank; i <= u; i += i & -i) tree[i]++;
    seen++;
  }
  return out;
}

/** Fraction of finite values strictly above `threshold`. */
export function exceedanceFraction(x: ArrayLike<number>, threshold: number): number {
  let n = 0, above = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) continue;
    n++;
    if (x[i] > threshold) above++;
  }
  return n ? above / n : NaN;
}
