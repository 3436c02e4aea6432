import { ewmVolatility } from '../indicators';
import { logReturns } from '../returns';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** Log return over lookbackBars divided by the volatility expected over that span (σ·√n). */
export const momentum: BoardMember = {
  id: 'momentum',
  title: 'Momentum',
  rationale: 'The log return over the last lookbackBars bars in units of the volatility expected over that span. Time-series momentum (recent winners keep winning for a while) is among the best-documented return anomalies, though at hourly horizons in crypto it is weak and can flip to reversal.',
  params: { lookbackBars: 24, volSpanBars: 168 },
  paramDocs: { lookbackBars: 'return horizon', volSpanBars: 'EWMA span of the normalising volatility' },
  signal(data, params) {
    const n = intParam(params, 'momentum', 'lookbackBars', 1, MAX_LOOKBACK_BARS);
    const vs = intParam(params, 'momentum', 'volSpanBars', 2, MAX_LOOKBACK_BARS);
    const c = data.close, T = c.length, vol = ewmVolatility(logReturns(c), vs), out = new Float64Array(T);
    const rootN = Math.sqrt(n);
    for (let t = n; t < T; t++) out[t] = vol[t] > 0 ? Math.log(c[t] / c[t - n]) / (vol[t] * rootN) : NaN;
    return maskWarmup(out, n + 1);
  },
};
