/**
 * Rules for a user's own strategy (notebook your-strategy). Not roadmap claims — the roadmap's own "> 80 %
 * profitable" is judged through judge('profitable-80') — but the same kind of pure rule over measured figures,
 * kept here with the other rules so every verdict literal lives in one place.
 */
import { fmt, type RuleResult } from '../verdict';

export interface StrategyEdgeFigures {
  trades: number;
  days: number;
  /** Autocorrelation-aware (Newey–West) one-sided p-value of mean daily return > 0, and its 95 % bounds. */
  hacP: number;
  hacLower95: number;
  hacUpper95: number;
  /** Stationary block bootstrap one-sided p-value of the same. */
  bootstrapP: number;
  /** Entry-time permutation p-value against random entries on the market (null: no candles for the trades). */
  permutationP: number | null;
  /** Deflated Sharpe ratio (probability the true Sharpe exceeds the best of nTrials lucky ones). */
  dsr: number;
  nTrials: number;
  /** Smallest mean daily return the HAC test would detect at 5 % with 80 % power (2.49 standard errors). */
  smallestDetectableDaily: number;
  meanDaily: number;
}

export function ruleStrategyEdge(f: StrategyEdgeFigures): RuleResult {
  const beatsZero = f.hacP < 0.05 && f.bootstrapP < 0.05;
  const beatsRandom = f.permutationP !== null && f.permutationP < 0.05;
  const survivesTrials = f.dsr > 0.95;
  const rule = `supported iff the mean daily return is above 0 at 5 % by both autocorrelation-aware tests (HAC p = ${fmt(f.hacP, 3)}, block bootstrap p = ${fmt(f.bootstrapP, 3)}), ` +
    `the entries beat random entries on the market at 5 % (permutation p = ${f.permutationP === null ? 'not run: no candles for these trades' : fmt(f.permutationP, 3)}) ` +
    `and the deflated Sharpe ratio over ${f.nTrials} trial${f.nTrials === 1 ? '' : 's'} exceeds 0.95 (DSR = ${fmt(f.dsr, 3)}); ` +
    `partly supported iff profitable beyond noise but not all of the rest; refuted iff the HAC 95 % interval of the mean daily return lies below 0 (${fmt(f.hacLower95, 3)} … ${fmt(f.hacUpper95, 3)}) ` +
    `or random entries do better with p > 0.95; otherwise not measurable: no detectable edge (smallest detectable mean daily return ≈ ${fmt(f.smallestDetectableDaily, 3)}, observed ${fmt(f.meanDaily, 3)}, over ${f.days} days and ${f.trades} trades)`;
  if (beatsZero && beatsRandom && survivesTrials) return { verdict: 'supported', rule };
  if (f.hacUpper95 < 0 || (f.permutationP !== null && f.permutationP > 0.95)) return { verdict: 'refuted', rule };
  if (beatsZero) return { verdict: 'partly supported', rule };
  return { verdict: 'not measurable here', rule };
}

export interface HitRateTargetFigures {
  wins: number;
  trades: number;
  target: number;
  lower: number;
  upper: number;
  moreTrades: number;
}

export function ruleHitRateTarget(f: HitRateTargetFigures): RuleResult {
  const rule = `supported iff the 95 % Wilson lower bound of the share of profitable trades exceeds ${fmt(f.target)}, refuted iff its upper bound is below it; ` +
    `here ${f.wins} of ${f.trades} trades were profitable (${fmt(f.lower, 3)} … ${fmt(f.upper, 3)})` +
    (f.lower > f.target || f.upper < f.target ? '' : Number.isFinite(f.moreTrades) ? `; about ${f.moreTrades} more trades at the same rate would decide it` : '; at exactly the target rate no number of trades decides it');
  if (f.lower > f.target) return { verdict: 'supported', rule };
  if (f.upper < f.target) return { verdict: 'refuted', rule };
  return { verdict: 'not measurable here', rule };
}

export interface LookAheadFigures {
  comparedBars: number;
  members: readonly { name: string; changedBars: number }[];
}

/** Causality of a user's member outputs: two exports, the second without the last candles, must agree on shared bars. */
export function ruleNoLookAhead(f: LookAheadFigures): RuleResult {
  const leaky = f.members.filter((m) => m.changedBars > 0);
  const rule = `supported iff no member's value changes on any of the ${f.comparedBars} shared bars when later candles are removed (tolerance 1e-9 relative); ` +
    (leaky.length ? `here ${leaky.map((m) => `${m.name} changed on ${m.changedBars} bars`).join(', ')}` : 'here none changed');
  return { verdict: leaky.length ? 'refuted' : 'supported', rule };
}
