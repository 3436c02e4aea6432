import { ema, ewmVolatility } from '../indicators';
import { logReturns } from '../returns';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/**
 * Stand-in: the roadmap names "narrative_forecaster" without a definition. Ours reads the slow "story" of the
 * market: the slope of a long EMA of log price over slopeBars, divided by the volatility expected over that
 * span (σ·√slopeBars), i.e. a trend t-statistic.
 */
export const narrativeForecaster: BoardMember = {
  id: 'narrative_forecaster',
  title: 'Narrative forecaster (slow trend)',
  rationale: 'Stand-in, since the roadmap gives no definition: the slope of a long exponential moving average of log price, in units of the volatility expected over the slope window. A market\'s slow "story" (a sustained up- or down-trend) is what narratives describe; time-series momentum at long horizons is a documented, if weak and regime-dependent, effect.',
  params: { emaSpanBars: 168, slopeBars: 24, volSpanBars: 168 },
  paramDocs: {
    emaSpanBars: 'span of the slow EMA of log price',
    slopeBars: 'the EMA slope is measured over this many bars',
    volSpanBars: 'span of the EWMA volatility used to normalise the slope',
  },
  signal(data, params) {
    const span = intParam(params, 'narrative_forecaster', 'emaSpanBars', 2, MAX_LOOKBACK_BARS);
    const k = intParam(params, 'narrative_forecaster', 'slopeBars', 1, MAX_LOOKBACK_BARS);
    const vs = intParam(params, 'narrative_forecaster', 'volSpanBars', 2, MAX_LOOKBACK_BARS);
    const T = data.close.length;
    const lc = new Float64Array(T);
    for (let t = 0; t < T; t++) lc[t] = Math.log(data.close[t]);
    const e = ema(lc, span), vol = ewmVolatility(logReturns(data.close), vs);
    const out = new Float64Array(T);
    const rootK = Math.sqrt(k);
    for (let t = 0; t < T; t++) {
      const s = vol[t] * rootK;
      out[t] = t >= k && s > 0 ? (e[t] - e[t - k]) / s : NaN;
    }
    return maskWarmup(out, Math.max(span, k + 1));
  },
};
