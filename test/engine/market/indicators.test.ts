import { describe, expect, it } from 'vitest';
import { adx, bollingerPercentB, ema, ewmVolatility, macd, rollingExtreme, rollingMeanStd, rollingSum, rsi } from '../../../src/engine/market/indicators';
import { logReturns, upLabels } from '../../../src/engine/market/returns';
import { expectClose } from '../../util/close';
import { randomWalkOhlcv } from './synthetic';

const f64 = (a: number[]) => Float64Array.from(a);

describe('hand-computed small examples', () => {
  it('ema seeded with the first value: span 3 on [1, 2, 3] is [1, 1.5, 2.25]', () => {
    expectClose(ema(f64([1, 2, 3]), 3), [1, 1.5, 2.25]);
    expectClose(ema(f64([NaN, 2, NaN, 4]), 3), [NaN, 2, 2, 3]);
  });
  it("Wilder RSI(3) on [1, 2, 3, 2, 3, 4] is [–, –, –, 66.67, 77.78, 85.19]", () => {
    expectClose(rsi(f64([1, 2, 3, 2, 3, 4]), 3), [NaN, NaN, NaN, 200 / 3, 100 - 100 / 4.5, 100 - 100 / 6.75]);
    expectClose(rsi(f64([5, 5, 5, 5]), 2), [NaN, NaN, 50, 50]);
    expectClose(rsi(f64([1, 2, 3, 4]), 2), [NaN, NaN, 100, 100]);
  });
  it('MACD(2, 3, 2) on [1, 2, 3]: line 11/36, signal 13/54, histogram 7/108 at the last bar', () => {
    const m = macd(f64([1, 2, 3]), 2, 3, 2);
    expectClose(m.line, [0, 1 / 6, 11 / 36]);
    expectClose(m.signal, [0, 1 / 9, 13 / 54]);
    expectClose(m.hist, [0, 1 / 18, 7 / 108]);
  });
  it('Bollinger %B(3, 2) on [1, 2, 3, 4]: (1 + 2σ)/(4σ) = 0.5 + 1/(4σ) with σ = √(2/3); 0.5 on a flat window', () => {
    const s = Math.sqrt(2 / 3);
    expectClose(bollingerPercentB(f64([1, 2, 3, 4]), 3, 2), [NaN, NaN, 0.5 + 1 / (4 * s), 0.5 + 1 / (4 * s)]);
    expectClose(bollingerPercentB(f64([2, 2, 2]), 3, 2), [NaN, NaN, 0.5]);
  });
  it('returns and labels: up[t] = close[t+1] > close[t], flat counts as 0, NaN at the end', () => {
    expectClose(logReturns(f64([1, Math.E, Math.E])), [NaN, 1, 0]);
    expectClose(upLabels(f64([1, 2, 2, 1, 3])), [1, 0, 0, 1, NaN]);
  });
});

// Straightforward reference implementations (windows recomputed from scratch at every bar).
function refMeanStd(x: Float64Array, n: number) {
  const mean = new Float64Array(x.length).fill(NaN), sd = new Float64Array(x.length).fill(NaN);
  for (let t = n - 1; t < x.length; t++) {
    let m = 0; for (let j = t - n + 1; j <= t; j++) m += x[j] / n;
    let v = 0; for (let j = t - n + 1; j <= t; j++) v += (x[j] - m) ** 2 / n;
    mean[t] = m; sd[t] = Math.sqrt(v);
  }
  return { mean, sd };
}

function refRsi(c: Float64Array, n: number): Float64Array {
  const gains: number[] = [], losses: number[] = [], out = new Float64Array(c.length).fill(NaN);
  for (let t = 1; t < c.length; t++) { gains.push(Math.max(c[t] - c[t - 1], 0)); losses.push(Math.max(c[t - 1] - c[t], 0)); }
  let ag = gains.slice(0, n).reduce((a, b) => a + b, 0) / n, al = losses.slice(0, n).reduce((a, b) => a + b, 0) / n;
  for (let t = n; t < c.length; t++) {
    if (t > n) { ag = (ag * (n - 1) + gains[t - 1]) / n; al = (al * (n - 1) + losses[t - 1]) / n; }
    out[t] = al === 0 ? (ag === 0 ? 50 : 100) : 100 - 100 / (1 + ag / al);
  }
  return out;
}

/** Textbook ADX (Wilder, New Concepts in Technical Trading Systems, 1978) written from arrays. */
function refAdx(h: Float64Array, l: Float64Array, c: Float64Array, n: number): Float64Array {
  const T = c.length, tr: number[] = [], pdm: number[] = [], mdm: number[] = [];
  for (let t = 1; t < T; t++) {
    tr.push(Math.max(h[t] - l[t], Math.abs(h[t] - c[t - 1]), Math.abs(l[t] - c[t - 1])));
    const up = h[t] - h[t - 1], dn = l[t - 1] - l[t];
    pdm.push(up > dn && up > 0 ? up : 0); mdm.push(dn > up && dn > 0 ? dn : 0);
  }
  const wilderSum = (x: number[]) => { const o: number[] = []; let s = x.slice(0, n).reduce((a, b) => a + b, 0); o[n - 1] = s; for (let i = n; i < x.length; i++) { s = s - s / n + x[i]; o[i] = s; } return o; };
  const str = wilderSum(tr), sp = wilderSum(pdm), sm = wilderSum(mdm);
  const dx: number[] = [];
  for (let i = n - 1; i < tr.length; i++) { const p = 100 * sp[i] / str[i], m = 100 * sm[i] / str[i]; dx.push(100 * Math.abs(p - m) / (p + m)); }
  const out = new Float64Array(T).fill(NaN);
  let a = dx.slice(0, n).reduce((x, y) => x + y, 0) / n;
  out[2 * n - 1] = a;
  for (let i = n; i < dx.length; i++) { a = (a * (n - 1) + dx[i]) / n; out[i + n] = a; }
  return out;
}

describe('kernels agree with straightforward reference implementations on a random walk', () => {
  const d = randomWalkOhlcv(800, 'indicators');
  const price = d.close.map((x) => x * 600); // ≈ 60 000, like BTC, to exercise cancellation in the sliding SD
  it('rolling mean/SD (sliding Welford) vs recompute', () => {
    const a = rollingMeanStd(price, 20), b = refMeanStd(price, 20);
    expectClose(a.mean, b.mean, { rel: 1e-10 });
    expectClose(a.sd, b.sd, { rel: 1e-7, abs: 1e-9 });
  });
  it('rolling sum, max and min vs recompute', () => {
    const s = rollingSum(d.volume, 7), hi = rollingExtreme(d.high, 9, 'max'), lo = rollingExtreme(d.low, 9, 'min');
    for (let t = 0; t < 800; t++) {
      if (t < 6) expect(s[t]).toBeNaN(); else expectClose(s[t], d.volume.slice(t - 6, t + 1).reduce((a, b) => a + b, 0), { rel: 1e-12 });
      if (t >= 8) { expect(hi[t]).toBe(Math.max(...d.high.slice(t - 8, t + 1))); expect(lo[t]).toBe(Math.min(...d.low.slice(t - 8, t + 1))); }
    }
  });
  it('RSI(14) vs an array-based Wilder RSI', () => expectClose(rsi(d.close, 14), refRsi(d.close, 14)));
  it('ADX(14) vs a textbook array implementation', () => expectClose(adx(d.high, d.low, d.close, 14).adx, refAdx(d.high, d.low, d.close, 14), { rel: 1e-9 }));
  it('EWMA volatility of constant |r| is |r|', () => {
    const r = new Float64Array(50).fill(0.02); r[0] = NaN;
    expectClose(ewmVolatility(r, 10).subarray(1), new Float64Array(49).fill(0.02));
  });
  it('MACD equals the difference of the two EMAs', () => {
    const m = macd(d.close), f = ema(d.close, 12), s = ema(d.close, 26);
    expectClose(m.line, f.map((x, i) => x - s[i]));
  });
});
