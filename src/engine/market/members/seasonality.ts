import { intParam, maskWarmup, type BoardMember } from './types';

const HOUR_MS = 3_600_000;
/** Hours in a week; 1970-01-01 was a Thursday, so slot 0 is Thursday 00:00 UTC (any fixed origin works). */
const SLOTS = 168;

/**
 * Hour-of-week seasonality fitted walk-forward: for bar t, the average of (up[s] − ½) over past bars s with the
 * same UTC hour-of-week whose label is already known (s + 1 ≤ t), shrunk toward 0 by shrinkageBars pseudo-counts.
 * Daily bars all sit at 00:00, so for them this is day-of-week seasonality.
 */
export const seasonality: BoardMember = {
  id: 'seasonality',
  title: 'Time-of-week seasonality',
  rationale: 'How often, in the past only, a bar opening at the same UTC hour of the week (day of week for daily bars) closed below the next one, shrunk toward no effect. Funding times, session opens and weekend liquidity create intraday and weekly patterns in crypto; most such patterns are small and unstable, which the shrinkage and the walk-forward fit keep honest.',
  params: { shrinkageBars: 50 },
  paramDocs: { shrinkageBars: 'pseudo-observations of "no effect" added to every slot' },
  signal(data, params) {
    const k = intParam(params, 'seasonality', 'shrinkageBars', 0, 1_000_000);
    const time = data.time, c = data.close, T = c.length;
    const sum = new Float64Array(SLOTS), count = new Float64Array(SLOTS), out = new Float64Array(T);
    const slotOf = (ms: number) => ((Math.floor(ms / HOUR_MS) % SLOTS) + SLOTS) % SLOTS;
    for (let t = 0; t < T; t++) {
      if (t >= 1) {
        // Label of bar t−1 (did close rise into bar t?) becomes known at bar t.
        const s = slotOf(time[t - 1]);
        sum[s] += (c[t] > c[t - 1] ? 1 : 0) - 0.5;
        count[s] += 1;
      }
      const s = slotOf(time[t]);
      out[t] = count[s] + k > 0 ? sum[s] / (count[s] + k) : 0;
    }
    return maskWarmup(out, 1);
  },
};
