import { ewmVolatility } from '../indicators';
import { logReturns } from '../returns';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

const CLIP = 10;
const clip = (x: number) => (x > CLIP ? CLIP : x < -CLIP ? -CLIP : x);

/**
 * Stand-in: the roadmap names "antifragility" without a definition. Ours measures convexity to volatility
 * shocks: over the last windowBars completed pairs (s, s+1) it regresses the next return y = r[s+1]/σ[s] on the
 * shock size x = |r[s]|/σ[s−1] (both in units of the volatility known before them). A positive slope β means
 * the market has tended to rise after shocks (it "gains from disorder"). Score_t = β_t · (x_t − mean x):
 * the historical response times the size of the current shock.
 */
export const antifragility: BoardMember = {
  id: 'antifragility',
  title: 'Antifragility (convexity to shocks)',
  rationale: 'Stand-in, since the roadmap gives no definition: a rolling regression of the next bar\'s return on the size of the current volatility shock, both scaled by the volatility known beforehand, times the size of today\'s shock. Markets that have tended to rebound after shocks (or to keep falling) may repeat that response, so a large shock now tilts the next bar accordingly.',
  params: { windowBars: 500, volSpanBars: 48 },
  paramDocs: {
    windowBars: 'number of past (shock, next return) pairs in the rolling regression',
    volSpanBars: 'EWMA span of the volatility used to scale shocks and returns',
  },
  signal(data, params) {
    const W = intParam(params, 'antifragility', 'windowBars', 10, MAX_LOOKBACK_BARS);
    const vs = intParam(params, 'antifragility', 'volSpanBars', 2, MAX_LOOKBACK_BARS);
    const c = data.close, T = c.length;
    const r = logReturns(c), vol = ewmVolatility(r, vs);
    // Pair s: x[s] = |r[s]|/σ[s−1], y[s] = r[s+1]/σ[s]; completed at bar s+1. NaN when undefined.
    const x = new Float64Array(T), y = new Float64Array(T);
    for (let s = 0; s < T; s++) {
      x[s] = s >= 2 && vol[s - 1] > 0 ? clip(Math.abs(r[s]) / vol[s - 1]) : NaN;
      y[s] = s >= 1 && s + 1 < T && vol[s] > 0 ? clip(r[s + 1] / vol[s]) : NaN;
    }
    const out = new Float64Array(T);
    let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    const add = (s: number, sign: number) => {
      const a = x[s], b = y[s];
      if (a === a && b === b) { n += sign; sx += sign * a; sy += sign * b; sxx += sign * a * a; sxy += sign * a * b; }
    };
    for (let t = 0; t < T; t++) {
      if (t >= 1) add(t - 1, 1); // pair t−1 completes at bar t
      if (t - 1 - W >= 0) add(t - 1 - W, -1);
      const mx = sx / n, vx = sxx / n - mx * mx, cxy = sxy / n - mx * (sy / n);
      out[t] = n >= W / 2 && vx > 1e-12 && x[t] === x[t] ? (cxy / vx) * (x[t] - mx) : NaN;
    }
    return maskWarmup(out, 2);
  },
};
