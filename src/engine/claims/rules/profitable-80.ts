/**
 * Rule for "Accuracy: >80% profitable quantum decisions" (claim profitable-80).
 *
 * Trades come from a backtest with the roadmap's risk rules (confidence threshold, fees, slippage); a
 * trade is profitable when its net PnL after costs is > 0. With the 95 % Wilson interval [lower, upper]
 * of the profitable share:
 *  - supported iff lower ≥ target (0.8);
 *  - refuted iff upper < target;
 *  - not measurable here iff there are no trades (no decision ever clears the confidence threshold, so
 *    there is nothing to score) or the interval straddles the target (too few trades).
 * Fair baseline: in a bull market long trades win by drift alone. When the drift baseline (random entry
 * bars, same trade lengths, sides and costs) is given and itself reaches the target, a "supported" share
 * becomes partly supported: the decisions are as profitable as random timing, so the share shows drift,
 * not skill. The baseline is always printed.
 */
import { fmt, type RuleResult } from '../verdict';

export interface Profitable80Figures {
  readonly aggregator: string;
  readonly nTrades: number;
  readonly nProfitable: number;
  /** 95 % Wilson interval of nProfitable / nTrades (ignored without trades). */
  readonly lower: number;
  readonly upper: number;
  /** The confidence threshold the trades had to clear (for the text). */
  readonly confidenceThreshold: number;
  /** Round-trip cost assumptions, for the text. */
  readonly feeBps: number;
  readonly slippageBps: number;
  /** Default 0.8. */
  readonly target?: number;
  /** Share of profitable trades under random timing with the same lengths, sides and costs (NaN/omitted: not computed). */
  readonly randomTiming?: number;
}

export function ruleProfitable80(f: Profitable80Figures): RuleResult {
  const target = f.target ?? 0.8;
  if (!(target > 0 && target < 1)) throw new RangeError(`invalid target: ${target} (expected 0 < target < 1)`);
  if (!Number.isInteger(f.nTrades) || f.nTrades < 0) throw new RangeError(`invalid nTrades: ${f.nTrades} (expected an integer ≥ 0)`);
  if (!Number.isInteger(f.nProfitable) || f.nProfitable < 0 || f.nProfitable > f.nTrades) {
    throw new RangeError(`invalid nProfitable: ${f.nProfitable} (expected an integer 0–${f.nTrades})`);
  }
  const head = `supported iff the 95 % Wilson lower bound of the share of net-profitable trades is ≥ ${target}, refuted iff the upper bound is < ${target}, ` +
    `otherwise not measurable here. ${f.aggregator}, trading when confidence ≥ ${f.confidenceThreshold}, fees ${fmt(f.feeBps, 3)} bps + slippage ${fmt(f.slippageBps, 3)} bps per side`;
  if (f.nTrades === 0) {
    return { verdict: 'not measurable here', rule: `${head}: no trades: no decision ever reached the confidence threshold, so there are no decisions to score` };
  }
  if (!(f.lower >= 0 && f.lower <= f.upper && f.upper <= 1)) throw new RangeError(`invalid interval: ${f.lower}–${f.upper} (expected 0 ≤ lower ≤ upper ≤ 1)`);
  const rt = f.randomTiming;
  const drift = rt !== undefined && Number.isFinite(rt) ? `; random entry bars with the same trade lengths and costs would be profitable ${fmt(100 * rt, 3)} % of the time (drift baseline)` : '';
  const meas = `${head}: ${f.nProfitable} of ${f.nTrades} trades profitable (${fmt((100 * f.nProfitable) / f.nTrades, 3)} %, 95 % CI ${fmt(f.lower, 3)}–${fmt(f.upper, 3)})${drift}`;
  if (f.lower >= target && rt !== undefined && rt >= target) {
    return { verdict: 'partly supported', rule: `${meas}: the share clears ${target}, but so does random timing: it measures the market's drift, not the decisions` };
  }
  if (f.lower >= target) return { verdict: 'supported', rule: meas };
  if (f.upper < target) return { verdict: 'refuted', rule: meas };
  return { verdict: 'not measurable here', rule: `${meas}: too few trades to decide` };
}
