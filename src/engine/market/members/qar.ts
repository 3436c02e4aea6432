import { intParam, maskWarmup, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/**
 * Stand-in: the roadmap names "qar" but never defines it. Ours is a Quantitative Agreement Ratio:
 * the share of look-back horizons 1, 2, 4, …, maxHorizonBars whose log return to bar t is positive,
 * centred to [−1, 1] (−1: every horizon down, +1: every horizon up).
 */
export const qar: BoardMember = {
  id: 'qar',
  title: 'QAR (quantitative agreement ratio)',
  rationale: 'Stand-in, since the roadmap gives no definition: the fraction of dyadic look-back horizons (1, 2, 4, … bars) over which price rose, centred to [−1, 1]. Agreement across time scales is a classical trend-persistence reading; if trends persist, broad agreement should tilt the next bar the same way.',
  params: { maxHorizonBars: 64 },
  paramDocs: { maxHorizonBars: 'longest horizon; horizons are the powers of two up to it' },
  signal(data, params) {
    const maxH = intParam(params, 'qar', 'maxHorizonBars', 1, MAX_LOOKBACK_BARS);
    const c = data.close, T = c.length, out = new Float64Array(T);
    let nH = 0;
    for (let h = 1; h <= maxH; h *= 2) nH++;
    for (let t = 0; t < T; t++) {
      let pos = 0;
      for (let h = 1; h <= maxH && h <= t; h *= 2) if (c[t] > c[t - h]) pos++;
      out[t] = (2 * pos) / nH - 1;
    }
    let longest = 1; while (longest * 2 <= maxH) longest *= 2;
    return maskWarmup(out, longest);
  },
};
