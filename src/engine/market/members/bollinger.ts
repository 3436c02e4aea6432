import { bollingerPercentB } from '../indicators';
import { intParam, maskWarmup, realParam, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** Bollinger %B − 0.5: 0 at the middle band, ±0.5 at the bands, beyond them outside. */
export const bollinger: BoardMember = {
  id: 'bollinger',
  title: 'Bollinger %B',
  rationale: 'Where close sits between Bollinger bands (rolling mean ± widthSd population SDs over windowBars), centred so the middle band is 0. Touching a band is read either as stretched (reversion) or as a breakout (continuation); the mapping learns which from the past. It is close kin to the z-score member, on price rather than log price and a shorter window.',
  params: { windowBars: 20, widthSd: 2 },
  paramDocs: { windowBars: 'rolling window', widthSd: 'band half-width in SDs' },
  signal(data, params) {
    const n = intParam(params, 'bollinger', 'windowBars', 2, MAX_LOOKBACK_BARS);
    const k = realParam(params, 'bollinger', 'widthSd', 0.1, 10);
    const b = bollingerPercentB(data.close, n, k), out = new Float64Array(b.length);
    for (let t = 0; t < b.length; t++) out[t] = b[t] - 0.5;
    return maskWarmup(out, n - 1);
  },
};
