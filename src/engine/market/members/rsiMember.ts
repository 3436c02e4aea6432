import { rsi } from '../indicators';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** (50 − RSI)/50: +1 fully oversold, −1 fully overbought. */
export const rsiMember: BoardMember = {
  id: 'rsi',
  title: 'RSI (Wilder)',
  rationale: "Wilder's relative strength index over periodBars, read contrarian as (50 − RSI)/50 so oversold scores positive. Oversold/overbought readings are the classic bet that an extended run of gains or losses is due to pause; the mapping may learn the opposite sign if the data say so.",
  params: { periodBars: 14 },
  paramDocs: { periodBars: "Wilder smoothing period" },
  signal(data, params) {
    const n = intParam(params, 'rsi', 'periodBars', 2, MAX_LOOKBACK_BARS);
    const v = rsi(data.close, n), out = new Float64Array(v.length);
    for (let t = 0; t < v.length; t++) out[t] = (50 - v[t]) / 50;
    return maskWarmup(out, n);
  },
};
