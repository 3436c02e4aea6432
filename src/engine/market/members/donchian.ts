import { rollingExtreme } from '../indicators';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/**
 * Position of close in the channel of the PREVIOUS windowBars highs and lows (bar t excluded), scaled so the
 * channel spans [−1, 1]: above 1 is an upside breakout, below −1 a downside one.
 */
export const donchian: BoardMember = {
  id: 'donchian',
  title: 'Donchian breakout',
  rationale: 'Where close sits in the channel spanned by the highest high and lowest low of the previous windowBars bars, scaled to [−1, 1] with breakouts beyond. Channel breakouts are the rule of the classic turtle trend-followers; a new high may mark the start of a move that continues into the next bar.',
  params: { windowBars: 20 },
  paramDocs: { windowBars: 'bars in the channel (the current bar is not part of it)' },
  signal(data, params) {
    const n = intParam(params, 'donchian', 'windowBars', 1, MAX_LOOKBACK_BARS);
    const hi = rollingExtreme(data.high, n, 'max'), lo = rollingExtreme(data.low, n, 'min');
    const c = data.close, T = c.length, out = new Float64Array(T);
    for (let t = 1; t < T; t++) {
      const u = hi[t - 1], l = lo[t - 1], w = u - l;
      out[t] = w > 0 ? (2 * c[t] - u - l) / w : NaN;
    }
    return maskWarmup(out, n);
  },
};
