import { checkBinary, checkInt, checkNonEmpty, checkProbabilities, checkSameLength, type NumArray } from './checks.ts';

export interface BrierDecomposition {
  brier: number;
  /** Reliability Σ_k n_k(f̄_k − ō_k)²/N (lower is better). */
  reliability: number;
  /** Resolution Σ_k n_k(ō_k − ō)²/N (higher is better). */
  resolution: number;
  /** Uncertainty ō(1 − ō). */
  uncertainty: number;
  /** Within-bin variance of forecasts (1/N)ΣΣ(f_i − f̄_k)² (Stephenson et al. 2008); 0 for distinct-value bins. */
  withinBinVariance: number;
  /** Within-bin covariance (2/N)ΣΣ(f_i − f̄_k)(o_i − ō_k) (Stephenson et al. 2008); 0 for distinct-value bins. */
  withinBinCovariance: number;
  /** brier − (REL − RES + UNC + WBV − WBC): floating-point rounding only. */
  residual: number;
  nBins: number;
}

/**
 * Murphy (1973) decomposition BS = REL − RES + UNC.
 * - `bins: 'distinct'` (default) groups by distinct forecast values: the identity is exact (WBV = WBC = 0).
 * - `bins: K` uses K equal-width bins on [0, 1] (last bin closed), with REL computed from the bin-mean
 *   forecast f̄_k; then BS = REL − RES + UNC + WBV − WBC exactly (Stephenson, Coelho & Jolliffe,
 *   Weather Forecast. 23:752, 2008), and both extra terms are reported.
 */
export function brierDecomposition(
  forecasts: NumArray, outcomes: NumArray, { bins = 'distinct' }: { bins?: 'distinct' | number } = {},
): BrierDecomposition {
  checkSameLength(forecasts, outcomes, 'forecasts', 'outcomes');
  checkNonEmpty(forecasts, 'forecasts');
  checkProbabilities(forecasts, 'forecasts');
  checkBinary(outcomes, 'outcomes');
  const n = forecasts.length;
  const binOf = new Int32Array(n);
  let nBins: number;
  if (bins === 'distinct') {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => forecasts[a] - forecasts[b]);
    nBins = 0;
    for (let r = 0; r < n; r++) {
      if (r > 0 && forecasts[order[r]] !== forecasts[order[r - 1]]) nBins++;
      binOf[order[r]] = nBins;
    }
    nBins++;
  } else {
    checkInt(bins, 'bins', 1, 1e6);
    nBins = bins;
    for (let i = 0; i < n; i++) binOf[i] = Math.min(bins - 1, Math.floor(forecasts[i] * bins));
  }
  const cnt = new Float64Array(nBins), sumF = new Float64Array(nBins), sumO = new Float64Array(nBins);
  let oBarSum = 0, bs = 0;
  for (let i = 0; i < n; i++) {
    const b = binOf[i];
    cnt[b]++; sumF[b] += forecasts[i]; sumO[b] += outcomes[i];
    oBarSum += outcomes[i];
    const d = forecasts[i] - outcomes[i];
    bs += d * d;
  }
  const oBar = oBarSum / n;
  let rel = 0, res = 0, wbv = 0, wbc = 0;
  for (let b = 0; b < nBins; b++) {
    if (cnt[b] === 0) continue;
    const fb = sumF[b] / cnt[b], ob = sumO[b] / cnt[b];
    rel += cnt[b] * (fb - ob) * (fb - ob);
    res += cnt[b] * (ob - oBar) * (ob - oBar);
  }
  if (bins !== 'distinct') {
    for (let i = 0; i < n; i++) {
      const b = binOf[i];
      const df = forecasts[i] - sumF[b] / cnt[b];
      wbv += df * df;
      wbc += 2 * df * (outcomes[i] - sumO[b] / cnt[b]);
    }
  }
  const brier = bs / n;
  const reliability = rel / n, resolution = res / n, uncertainty = oBar * (1 - oBar);
  const withinBinVariance = wbv / n, withinBinCovariance = wbc / n;
  return {
    brier, reliability, resolution, uncertainty, withinBinVariance, withinBinCovariance, nBins,
    residual: brier - (reliability - resolution + uncertainty + withinBinVariance - withinBinCovariance),
  };
}
