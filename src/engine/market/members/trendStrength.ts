import { adx } from '../indicators';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** ADX/100 signed by the dominant directional index: strong up-trend → +, strong down-trend → −. */
export const trendStrength: BoardMember = {
  id: 'trend_strength',
  title: 'Trend strength (ADX)',
  rationale: "Wilder's average directional index (how strongly price is trending, 0–100) divided by 100 and signed by whether +DI or −DI dominates. ADX alone has no direction; signed, it bets that a strong established trend continues for another bar.",
  params: { periodBars: 14 },
  paramDocs: { periodBars: 'Wilder smoothing period' },
  signal(data, params) {
    const n = intParam(params, 'trend_strength', 'periodBars', 2, MAX_LOOKBACK_BARS);
    const a = adx(data.high, data.low, data.close, n), out = new Float64Array(data.close.length);
    for (let t = 0; t < out.length; t++) {
      const d = a.plusDi[t] - a.minusDi[t];
      out[t] = (a.adx[t] / 100) * (d > 0 ? 1 : d < 0 ? -1 : 0);
    }
    return maskWarmup(out, 2 * n - 1);
  },
};
