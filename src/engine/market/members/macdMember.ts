import { macd } from '../indicators';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** MACD histogram divided by close (scale-free across price levels). */
export const macdMember: BoardMember = {
  id: 'macd',
  title: 'MACD histogram',
  rationale: 'The MACD histogram (fast EMA − slow EMA, minus its signal EMA) divided by price so it is comparable across years. It measures whether a trend is accelerating; crossings are a classical trend-following entry and may anticipate the next bar if short trends persist.',
  params: { fastBars: 12, slowBars: 26, signalBars: 9 },
  paramDocs: { fastBars: 'fast EMA span', slowBars: 'slow EMA span', signalBars: 'signal EMA span of the MACD line' },
  signal(data, params) {
    const f = intParam(params, 'macd', 'fastBars', 1, MAX_LOOKBACK_BARS);
    const s = intParam(params, 'macd', 'slowBars', 2, MAX_LOOKBACK_BARS);
    const g = intParam(params, 'macd', 'signalBars', 1, MAX_LOOKBACK_BARS);
    if (f >= s) throw new RangeError(`invalid macd.fastBars: ${f} (expected < slowBars ${s})`);
    const { hist } = macd(data.close, f, s, g);
    const out = new Float64Array(hist.length);
    for (let t = 0; t < out.length; t++) out[t] = hist[t] / data.close[t];
    return maskWarmup(out, s + g);
  },
};
