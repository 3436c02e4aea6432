/**
 * Rolling normalised spectral entropy of a series over a trailing window of W samples, via a sliding
 * DFT (O(W) per sample) that is recomputed exactly every W samples so rounding cannot accumulate.
 *
 * OUR CHOICE for the roadmap's undefined "freq_factor": freq(t) = 1 − H(t), where H is the Shannon
 * entropy of the periodogram over the non-DC bins k = 1..⌊W/2⌋, normalised by ln⌊W/2⌋. H = 1 for white
 * noise (flat spectrum), H → 0 when one frequency carries all the power. DC is excluded, so the level of
 * the series does not matter; scaling does not matter either. A window with zero non-DC power gets 0.
 * Windows containing a non-finite value give NaN.
 */
export function rollingSpectralFreqFactor(x: ArrayLike<number>, window: number, out?: Float64Array): Float64Array {
  const T = x.length, W = window;
  if (!Number.isInteger(W) || W < 4) throw new RangeError(`invalid window: ${W} (expected integer ≥ 4)`);
  const res = out ?? new Float64Array(T);
  res.fill(NaN);
  if (T < W) return res;
  const K = Math.floor(W / 2);
  const cosT = new Float64Array(W), sinT = new Float64Array(W);
  for (let m = 0; m < W; m++) { cosT[m] = Math.cos((2 * Math.PI * m) / W); sinT[m] = Math.sin((2 * Math.PI * m) / W); }
  const re = new Float64Array(K + 1), im = new Float64Array(K + 1), pw = new Float64Array(K + 1);
  const lnK = Math.log(K);
  const val = (i: number): number => (Number.isFinite(x[i]) ? x[i] : 0);
  let lastBad = -1;
  for (let i = 0; i < W - 1; i++) if (!Number.isFinite(x[i])) lastBad = i;
  for (let t = W - 1; t < T; t++) {
    if (!Number.isFinite(x[t])) lastBad = t;
    const start = t - W + 1;
    if ((t - (W - 1)) % W === 0) {
      // Exact DFT X_k = Σ_m x[start+m]·e^{−2πikm/W}.
      for (let k = 1; k <= K; k++) {
        let sr = 0, si = 0;
        for (let m = 0, km = 0; m < W; m++, km = (km + k) % W) {
          const v = val(start + m);
          sr += v * cosT[km];
          si -= v * sinT[km];
        }
        re[k] = sr; im[k] = si;
      }
    } else {
      // Sliding update X_k(t) = (X_k(t−1) − x_{t−W} + x_t)·e^{+2πik/W}.
      const delta = val(t) - val(t - W);
      for (let k = 1; k <= K; k++) {
        const ar = re[k] + delta, ai = im[k];
        const c = cosT[k], s = sinT[k];
        re[k] = ar * c - ai * s;
        im[k] = ar * s + ai * c;
      }
    }
    if (lastBad >= start) continue;
    let total = 0;
    for (let k = 1; k <= K; k++) { pw[k] = re[k] * re[k] + im[k] * im[k]; total += pw[k]; }
    // Power below rounding level of the window's energy counts as none (constant windows).
    let energy = 0;
    for (let m = 0; m < W; m++) energy += x[start + m] * x[start + m];
    if (!(total > 1e-20 * W * Math.max(energy, 1e-300)) || K < 2) { res[t] = 0; continue; }
    let h = 0;
    for (let k = 1; k <= K; k++) {
      const p = pw[k] / total;
      if (p > 0) h -= p * Math.log(p);
    }
    res[t] = Math.max(0, Math.min(1, 1 - h / lnK));
  }
  return res;
}
