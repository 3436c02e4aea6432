import { rollingSum } from '../indicators';
import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** Σ sign(close change)·volume / Σ volume over windowBars: the OBV slope as a share of volume, in [−1, 1]. */
export const volumePressure: BoardMember = {
  id: 'volume_pressure',
  title: 'Volume pressure (OBV slope)',
  rationale: 'The change of on-balance volume over windowBars bars as a share of the volume traded: +1 when all volume came on up-bars, −1 when all came on down-bars. Volume confirming a move is the classical sign of informed buying or selling that may not be fully priced yet. Zero volume gives 0 (no information).',
  params: { windowBars: 24 },
  paramDocs: { windowBars: 'bars summed' },
  signal(data, params) {
    const n = intParam(params, 'volume_pressure', 'windowBars', 1, MAX_LOOKBACK_BARS);
    const c = data.close, v = data.volume, T = c.length;
    const signed = new Float64Array(T);
    for (let t = 1; t < T; t++) signed[t] = c[t] > c[t - 1] ? v[t] : c[t] < c[t - 1] ? -v[t] : 0;
    const num = rollingSum(signed, n), den = rollingSum(v, n), out = new Float64Array(T);
    for (let t = 0; t < T; t++) out[t] = den[t] > 0 ? num[t] / den[t] : t >= n - 1 ? 0 : NaN;
    return maskWarmup(out, n);
  },
};
