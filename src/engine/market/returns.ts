/** Per-bar log returns and the next-bar direction label every board member is scored against. */

/** r[t] = ln(close[t] / close[t−1]); r[0] = NaN. Across a data gap r spans more than one interval. */
export function logReturns(close: Float64Array): Float64Array {
  const n = close.length;
  const r = new Float64Array(n);
  if (n > 0) r[0] = NaN;
  for (let t = 1; t < n; t++) r[t] = Math.log(close[t] / close[t - 1]);
  return r;
}

/**
 * up[t] = 1 if close[t+1] > close[t] else 0 (a flat bar counts as not up); NaN at the last bar.
 * CAUSALITY: the label at bar t is only known once bar t+1 has closed. A walk-forward fit that produces a
 * forecast at bar t may therefore use the pairs (x[s], up[s]) with s + 1 ≤ t only — never s = t.
 */
export function upLabels(close: Float64Array): Float64Array {
  const n = close.length;
  const up = new Float64Array(n);
  for (let t = 0; t + 1 < n; t++) up[t] = close[t + 1] > close[t] ? 1 : 0;
  if (n > 0) up[n - 1] = NaN;
  return up;
}
