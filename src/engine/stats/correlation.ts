import { checkInt, type NumArray } from './checks.ts';

export interface CorrelationMatrix {
  /** Number of columns (members). */
  n: number;
  /** n×n row-major Pearson correlations; NaN where a pair has < 2 common finite rows or (numerically) zero variance. */
  r: Float64Array;
  /** n×n row-major count of rows where both columns are finite. */
  counts: Int32Array;
}

/**
 * Pearson correlation matrix of member columns, pairwise-complete: each pair uses the rows where both
 * values are finite (NaN/±∞ mark missing, e.g. a member's warm-up). Two-pass per pair for accuracy.
 */
export function correlationMatrix(columns: readonly NumArray[]): CorrelationMatrix {
  const n = columns.length;
  checkInt(n, 'columns.length', 1, 4096);
  const T = columns[0].length;
  for (let j = 1; j < n; j++) {
    if (columns[j].length !== T) throw new RangeError(`invalid columns[${j}].length: ${columns[j].length} (expected ${T})`);
  }
  const r = new Float64Array(n * n), counts = new Int32Array(n * n);
  // A column with no missing value has the same mean and sum of squared deviations in every pair it is in:
  // computed once (the same sums, in the same order, as the pair loop below), so a pair of such columns
  // only needs its cross products.
  const complete = new Uint8Array(n), mean = new Float64Array(n), ss = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const x = columns[a];
    let ok = T >= 2, m = 0;
    for (let t = 0; t < T && ok; t++) { const u = x[t]; if (Number.isFinite(u)) m += u; else ok = false; }
    if (!ok) continue;
    m /= T;
    let q = 0;
    for (let t = 0; t < T; t++) { const du = x[t] - m; q += du * du; }
    complete[a] = 1; mean[a] = m; ss[a] = q;
  }
  // Variance at rounding level of the mean (a constant column) counts as zero.
  const flat = (sq: number, mu: number, c: number): boolean => !(sq > 1e-14 * c * mu * mu) || sq === 0;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      const x = columns[a], y = columns[b];
      if (complete[a] && complete[b]) {
        const mx = mean[a], my = mean[b];
        let sxy = 0;
        if (a === b) sxy = ss[a];
        else for (let t = 0; t < T; t++) sxy += (x[t] - mx) * (y[t] - my);
        let rho = NaN;
        if (!flat(ss[a], mx, T) && !flat(ss[b], my, T)) rho = a === b ? 1 : Math.max(-1, Math.min(1, sxy / Math.sqrt(ss[a] * ss[b])));
        r[a * n + b] = r[b * n + a] = rho;
        counts[a * n + b] = counts[b * n + a] = T;
        continue;
      }
      let c = 0, mx = 0, my = 0;
      for (let t = 0; t < T; t++) {
        const u = x[t], v = y[t];
        if (Number.isFinite(u) && Number.isFinite(v)) { c++; mx += u; my += v; }
      }
      let rho = NaN;
      if (c >= 2) {
        mx /= c; my /= c;
        let sxy = 0, sxx = 0, syy = 0;
        for (let t = 0; t < T; t++) {
          const u = x[t], v = y[t];
          if (Number.isFinite(u) && Number.isFinite(v)) {
            const du = u - mx, dv = v - my;
            sxy += du * dv; sxx += du * du; syy += dv * dv;
          }
        }
        if (!flat(sxx, mx, c) && !flat(syy, my, c)) rho = a === b ? 1 : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
      }
      r[a * n + b] = r[b * n + a] = rho;
      counts[a * n + b] = counts[b * n + a] = c;
    }
  }
  return { n, r, counts };
}
