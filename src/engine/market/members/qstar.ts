import { ema, ewmVolatility } from '../indicators';
import { logReturns } from '../returns';
import { intParam, maskWarmup, realParam, MAX_LOOKBACK_BARS, type BoardMember } from './types';

/** Rewards are volatility-normalised returns clipped to ±REWARD_CLIP so one gap or crash cannot dominate Q. */
const REWARD_CLIP = 5;

/**
 * Stand-in: the roadmap names "qstar" without a definition. Ours is a small tabular Q-learner with two actions
 * (long, flat) over 8 states: sign of the last return, sign of the return before it, and whether close is above
 * its trendSpanBars EMA. The reward of "long" from bar s to s+1 is r[s+1]/σ[s] (clipped), of "flat" 0; both
 * actions are updated each bar (the counterfactual reward is observed), with target reward + γ·max Q(s').
 * The transition out of bar s is learned at bar s+1, so Q at bar t uses rewards up to bar t only.
 * Score = Q(state_t, long) − Q(state_t, flat).
 */
export const qstar: BoardMember = {
  id: 'qstar',
  title: 'Q* (online Q-learner)',
  rationale: 'Stand-in, since the roadmap gives no definition: a tabular Q-learner over 8 short-pattern states (last two return signs, price above or below a trend EMA) learning online whether being long has paid in each state. If short-horizon patterns carry any persistent edge, the learned advantage of long over flat in the current state points at the next bar.',
  params: { learningRate: 0.02, discount: 0.5, trendSpanBars: 24, volSpanBars: 168, warmupBars: 200 },
  paramDocs: {
    learningRate: 'Q-learning step size α (0–1)',
    discount: 'discount γ of future value (0 = a contextual bandit)',
    trendSpanBars: 'EMA span for the above/below-trend state bit',
    volSpanBars: 'EWMA span of the volatility that normalises rewards',
    warmupBars: 'bars of learning before the score is reported',
  },
  signal(data, params) {
    const alpha = realParam(params, 'qstar', 'learningRate', 1e-6, 1);
    const gamma = realParam(params, 'qstar', 'discount', 0, 0.99);
    const span = intParam(params, 'qstar', 'trendSpanBars', 2, MAX_LOOKBACK_BARS);
    const vs = intParam(params, 'qstar', 'volSpanBars', 2, MAX_LOOKBACK_BARS);
    const warm = intParam(params, 'qstar', 'warmupBars', 2, 1_000_000);
    const c = data.close, T = c.length;
    const r = logReturns(c), trend = ema(c, span), vol = ewmVolatility(r, vs);
    const qLong = new Float64Array(8), qFlat = new Float64Array(8);
    const out = new Float64Array(T);
    const stateAt = (t: number) => (r[t] > 0 ? 1 : 0) | (r[t - 1] > 0 ? 2 : 0) | (c[t] > trend[t] ? 4 : 0);
    let prev = -1;
    for (let t = 2; t < T; t++) {
      const s = stateAt(t);
      if (prev >= 0 && vol[t - 1] > 0) {
        // Learn the transition (t−1 → t): its reward r[t] is known now.
        let reward = r[t] / vol[t - 1];
        reward = reward > REWARD_CLIP ? REWARD_CLIP : reward < -REWARD_CLIP ? -REWARD_CLIP : reward;
        const next = Math.max(qLong[s], qFlat[s]);
        qLong[prev] += alpha * (reward + gamma * next - qLong[prev]);
        qFlat[prev] += alpha * (gamma * next - qFlat[prev]);
      }
      out[t] = qLong[s] - qFlat[s];
      prev = s;
    }
    return maskWarmup(out, warm);
  },
};
