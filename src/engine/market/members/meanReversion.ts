import { rollingMeanStd } from '../indicators';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** Minus the z-score of log price against its windowBars rolling mean and SD. */
export const meanReversion: BoardMember = {
  id: 'mean_reversion',
  title: 'Mean reversion (z-score)',
  rationale: 'How far log price sits from its rolling mean in rolling standard deviations, sign flipped so that a stretched-down price scores positive. Short-horizon overreaction and liquidity provision predict partial reversal toward the recent mean.',
  params: { windowBars: 72 },
  paramDocs: { windowBars: 'rolling window of the mean and SD of log price' },
  signal(data, params) {
    const n = intParam(params, 'mean_reversion', 'windowBars', 2, MAX_LOOKBACK_BARS);
    const T = data.close.length, lc = new Float64Array(T);
    for (let t = 0; t < T; t++) lc[t] = Math.log(data.close[t]);
    const { mean, sd } = rollingMeanStd(lc, n);
    const out = new Float64Array(T);
    for (let t = 0; t < T; t++) out[t] = sd[t] > 0 ? -(lc[t] - mean[t]) / sd[t] : t >= n - 1 ? 0 : NaN;
    return maskWarmup(out, n - 1);
  },
};
