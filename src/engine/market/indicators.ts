/**
 * Causal indicator kernels shared by the board members. Every output at bar t reads inputs at bars ≤ t only,
 * in one forward pass (O(T), or O(T·n) only where noted), so truncating the series never changes earlier values.
 * Conventions (stated because textbooks differ): EMA seeded with the first finite input (pandas adjust=False);
 * RSI and ADX use Wilder's smoothing seeded with a simple mean; Bollinger uses the population SD.
 */

/** EMA with α = 2/(span+1), seeded with the first finite value; NaN inputs after the seed carry the last value. */
export function ema(x: Float64Array, span: number, out = new Float64Array(x.length)): Float64Array {
  const a = 2 / (span + 1);
  let m = NaN;
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    if (v === v) m = m === m ? m + a * (v - m) : v;
    out[t] = m;
  }
  return out;
}

/** Rolling mean and population SD over the last n bars (sliding Welford, stable for price levels); NaN for t < n−1. */
export function rollingMeanStd(x: Float64Array, n: number, mean = new Float64Array(x.length), sd = new Float64Array(x.length)): { mean: Float64Array; sd: Float64Array } {
  let m = 0, m2 = 0, k = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    k++; const d = v - m; m += d / k; m2 += d * (v - m);
    if (t >= n) {
      const u = x[t - n];
      k--; const e = u - m; m -= e / k; m2 -= e * (u - m);
    }
    if (t >= n - 1) { mean[t] = m; sd[t] = Math.sqrt(m2 > 0 ? m2 / k : 0); } else { mean[t] = NaN; sd[t] = NaN; }
  }
  return { mean, sd };
}

/** Rolling sum over the last n bars (exact re-summation every n bars keeps drift bounded); NaN for t < n−1. */
export function rollingSum(x: Float64Array, n: number, out = new Float64Array(x.length)): Float64Array {
  let s = 0;
  for (let t = 0; t < x.length; t++) {
    s += x[t];
    if (t >= n) s -= x[t - n];
    if ((t + 1) % n === 0) { s = 0; for (let j = t - n + 1; j <= t; j++) s += x[j]; } // re-anchor: deterministic per t
    out[t] = t >= n - 1 ? s : NaN;
  }
  return out;
}

/** Max (or min) of x over bars [t−n+1, t] with a monotonic deque: O(T). NaN for t < n−1. */
export function rollingExtreme(x: Float64Array, n: number, kind: 'max' | 'min', out = new Float64Array(x.length)): Float64Array {
  const dq = new Int32Array(x.length);
  let head = 0, tail = 0;
  const better = kind === 'max' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  for (let t = 0; t < x.length; t++) {
    while (tail > head && better(x[t], x[dq[tail - 1]])) tail--;
    dq[tail++] = t;
    if (dq[head] <= t - n) head++;
    out[t] = t >= n - 1 ? x[dq[head]] : NaN;
  }
  return out;
}

/** Wilder's RSI over n bars: first averages are simple means of the first n changes. NaN for t < n. */
export function rsi(close: Float64Array, n = 14, out = new Float64Array(close.length)): Float64Array {
  let ag = 0, al = 0;
  for (let t = 0; t < close.length; t++) {
    if (t === 0) { out[t] = NaN; continue; }
    const d = close[t] - close[t - 1];
    const g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
    if (t <= n) {
      ag += g / n; al += l / n; // simple mean of changes 1..n
      if (t < n) { out[t] = NaN; continue; }
    } else {
      ag = (ag * (n - 1) + g) / n; al = (al * (n - 1) + l) / n;
    }
    out[t] = al === 0 ? (ag === 0 ? 50 : 100) : 100 - 100 / (1 + ag / al);
  }
  return out;
}

/** MACD line (EMA_fast − EMA_slow), its signal EMA and the histogram, all from EMAs seeded at bar 0. */
export function macd(close: Float64Array, fast = 12, slow = 26, signal = 9): { line: Float64Array; signal: Float64Array; hist: Float64Array } {
  const f = ema(close, fast), s = ema(close, slow);
  const line = new Float64Array(close.length);
  for (let t = 0; t < close.length; t++) line[t] = f[t] - s[t];
  const sig = ema(line, signal);
  const hist = new Float64Array(close.length);
  for (let t = 0; t < close.length; t++) hist[t] = line[t] - sig[t];
  return { line, signal: sig, hist };
}

/** Bollinger %B = (close − lower)/(upper − lower) with bands mean ± k·SD (population) over n bars; 0.5 on a flat window. */
export function bollingerPercentB(close: Float64Array, n = 20, k = 2, out = new Float64Array(close.length)): Float64Array {
  const { mean, sd } = rollingMeanStd(close, n);
  for (let t = 0; t < close.length; t++) {
    const w = 2 * k * sd[t];
    out[t] = t < n - 1 ? NaN : w > 0 ? (close[t] - (mean[t] - k * sd[t])) / w : 0.5;
  }
  return out;
}

/**
 * Wilder's ADX with +DI and −DI over n bars. TR, +DM, −DM start at bar 1; their Wilder sums are seeded with
 * the plain sum of bars 1..n; ADX is seeded with the mean of the first n DX values, so it exists from bar 2n−1.
 */
export function adx(high: Float64Array, low: Float64Array, close: Float64Array, n = 14): { adx: Float64Array; plusDi: Float64Array; minusDi: Float64Array } {
  const T = close.length;
  const out = new Float64Array(T), pdi = new Float64Array(T), mdi = new Float64Array(T);
  let sTr = 0, sP = 0, sM = 0, a = 0, dxSum = 0;
  for (let t = 0; t < T; t++) {
    out[t] = NaN; pdi[t] = NaN; mdi[t] = NaN;
    if (t === 0) continue;
    const up = high[t] - high[t - 1], dn = low[t - 1] - low[t];
    const p = up > dn && up > 0 ? up : 0, m = dn > up && dn > 0 ? dn : 0;
    const tr = Math.max(high[t] - low[t], Math.abs(high[t] - close[t - 1]), Math.abs(low[t] - close[t - 1]));
    if (t <= n) { sTr += tr; sP += p; sM += m; if (t < n) continue; } else {
      sTr = sTr - sTr / n + tr; sP = sP - sP / n + p; sM = sM - sM / n + m;
    }
    const pi = sTr > 0 ? (100 * sP) / sTr : 0, mi = sTr > 0 ? (100 * sM) / sTr : 0;
    pdi[t] = pi; mdi[t] = mi;
    const dx = pi + mi > 0 ? (100 * Math.abs(pi - mi)) / (pi + mi) : 0;
    if (t < 2 * n - 1) { dxSum += dx; continue; }
    if (t === 2 * n - 1) a = (dxSum + dx) / n; else a = (a * (n - 1) + dx) / n;
    out[t] = a;
  }
  return { adx: out, plusDi: pdi, minusDi: mdi };
}

/** EWMA volatility sqrt(EMA(r²)) of log returns (span bars), NaN until the first return. */
export function ewmVolatility(r: Float64Array, span: number, out = new Float64Array(r.length)): Float64Array {
  const a = 2 / (span + 1);
  let v = NaN;
  for (let t = 0; t < r.length; t++) {
    const x = r[t];
    if (x === x) v = v === v ? v + a * (x * x - v) : x * x;
    out[t] = Math.sqrt(v);
  }
  return out;
}
