import { ewmVolatility } from '../indicators';
import { logReturns } from '../returns';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** ln(σ_short / σ_long) of EWMA volatilities: > 0 in a high-volatility regime. */
export const volatilityRegime: BoardMember = {
  id: 'volatility_regime',
  title: 'Volatility regime',
  rationale: 'The log ratio of short-span to long-span EWMA volatility: positive when the market is more turbulent than usual. Volatility clusters and is negatively correlated with returns (the leverage effect), so a high-volatility regime may tilt the odds of the next bar, though direction is weakly predictable at best.',
  params: { shortSpanBars: 24, longSpanBars: 168 },
  paramDocs: { shortSpanBars: 'EWMA span of the short volatility', longSpanBars: 'EWMA span of the long volatility' },
  signal(data, params) {
    const a = intParam(params, 'volatility_regime', 'shortSpanBars', 2, MAX_LOOKBACK_BARS);
    const b = intParam(params, 'volatility_regime', 'longSpanBars', 2, MAX_LOOKBACK_BARS);
    const r = logReturns(data.close), s = ewmVolatility(r, a), l = ewmVolatility(r, b);
    const out = new Float64Array(r.length);
    for (let t = 0; t < r.length; t++) out[t] = s[t] > 0 && l[t] > 0 ? Math.log(s[t] / l[t]) : NaN;
    return maskWarmup(out, Math.max(a, b));
  },
};
