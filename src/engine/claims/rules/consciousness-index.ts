/**
 * Rule for "consciousness_index = phi * freq_factor * complexity; > 0.7 = insight; 47.3 events/s"
 * (claim consciousness-index). Three parts, one verdict each:
 *  - the literal claim is always 'untestable as stated': the roadmap defines none of phi, freq_factor or
 *    complexity, so neither the index nor its threshold 0.7 has a meaning to test (the text says what is
 *    undefined and how scale-dependent the raw 0.7 is, with the measured shares substituted);
 *  - OUR operationalisation (event study of threshold upcrossings against forward log returns,
 *    circular-shift permutation p-values, Holm over thresholds × horizons):
 *      not measurable here iff the largest event count over the cells is below `minEvents`;
 *      supported iff at least one threshold × horizon cell survives Holm at α;
 *      partly supported iff none survives Holm but at least one survives Benjamini–Hochberg at q;
 *      no detectable effect otherwise, stating the smallest effect the test could have detected (a null
 *      result at this sample size does not refute the index; it bounds how large its effect can be);
 *  - the 47.3 events/s also at the roadmap's own 1 ms cycle (ruleEventRateAtCycle);
 *  - the 47.3 events/s: an upcrossing needs two samples, so at most ½ event per bar, i.e.
 *    1/(2·barSeconds) per second. Refuted iff the claimed rate exceeds that ceiling; otherwise supported
 *    iff the measured rate reaches the claimed one, refuted if it does not.
 */
import { fmt, type RuleResult } from '../verdict';
import { normalInv } from '../../stats/distributions';

/** The roadmap's "47.3 consciousness events/second measured in testing". */
export const CLAIMED_EVENTS_PER_SECOND = 47.3;

export interface ConsciousnessCellFigures {
  readonly threshold: number;
  readonly horizon: number;
  readonly nEvents: number;
  /** Mean forward log return after events minus over all bars. */
  readonly difference: number;
  readonly pValue: number;
  readonly holmAdjusted: number;
  readonly holmReject: boolean;
  readonly bhAdjusted: number;
  readonly bhReject: boolean;
  /**
   * Smallest difference (log return) this cell could detect: (z_{1−α/2} + z_{power}) × SE of the event mean
   * (see detectableDifference). Optional: without it a null result names no detectable size.
   */
  readonly detectable?: number;
}

/**
 * Smallest detectable difference of a mean over n events: (z_{1−α/2} + z_{power}) · sd/√n, with sd the
 * standard deviation of the h-bar forward return. A normal approximation (events treated as independent,
 * so optimistic when they cluster); good enough to say what size of effect a null result rules out.
 */
export function detectableDifference(sdForward: number, nEvents: number, alpha = 0.05, power = 0.8): number {
  if (!(nEvents > 0) || !(sdForward >= 0)) return NaN;
  return (normalInv(1 - alpha / 2) + normalInv(power)) * sdForward / Math.sqrt(nEvents);
}

export interface ConsciousnessFigures {
  /** Event-study cells (thresholds × horizons) of OUR operationalisation. */
  readonly cells: readonly ConsciousnessCellFigures[];
  /** Holm's family-wise level and BH's false-discovery level used for the cells. */
  readonly alpha: number;
  readonly q: number;
  /** Fewest events for a test to mean anything (default 10). */
  readonly minEvents?: number;
  /** Seconds of market time per sample (bar). */
  readonly barSeconds: number;
  /** Largest measured upcrossing rate over the thresholds, events per second of market time. */
  readonly measuredEventsPerSecond: number;
  /** Share of bars whose raw index exceeds the roadmap's 0.7 and a low threshold 0.1, per window tried (for the text). */
  readonly rawShares: readonly { readonly window: number; readonly above07: number; readonly above01: number }[];
  readonly claimedEventsPerSecond?: number;
}

export interface ConsciousnessRuleResult extends RuleResult {
  /** Sub-verdict for our operationalisation's predictive content. */
  readonly operationalisation: RuleResult;
  /** Sub-verdict for the 47.3 events/s. */
  readonly eventRate: RuleResult;
}

const pct = (x: number): string => `${fmt(100 * x, 3)} %`;

function ruleOperationalisation(f: ConsciousnessFigures): RuleResult {
  const minEvents = f.minEvents ?? 10;
  if (!f.cells.length) throw new RangeError('invalid cells: [] (expected at least one threshold × horizon cell)');
  const maxEvents = Math.max(...f.cells.map((c) => c.nEvents));
  const head = `supported iff a threshold × horizon cell survives Holm at α = ${f.alpha} (${f.cells.length} cells), ` +
    `partly supported iff one survives only Benjamini–Hochberg at q = ${f.q}, no detectable effect iff none survives (with the smallest detectable effect stated), ` +
    `not measurable with fewer than ${minEvents} events`;
  if (maxEvents < minEvents) {
    return { verdict: 'not measurable here', rule: `${head}; here at most ${maxEvents} upcrossings per cell: too few events to test` };
  }
  const best = f.cells.reduce((a, b) => (b.holmAdjusted < a.holmAdjusted || (b.holmAdjusted === a.holmAdjusted && b.pValue < a.pValue) ? b : a));
  const show = (c: ConsciousnessCellFigures): string =>
    `threshold ${c.threshold}, h = ${c.horizon} (${c.nEvents} events, Δ = ${fmt(1e4 * c.difference, 3)} bp, p = ${fmt(c.pValue, 3)}, Holm ${fmt(c.holmAdjusted, 3)}, BH ${fmt(c.bhAdjusted, 3)})`;
  const holm = f.cells.filter((c) => c.holmReject);
  if (holm.length) return { verdict: 'supported', rule: `${head}; survives Holm: ${holm.map(show).join('; ')}` };
  const bh = f.cells.filter((c) => c.bhReject);
  if (bh.length) return { verdict: 'partly supported', rule: `${head}; no cell survives Holm, ${bh.length} survive BH only: ${bh.map(show).join('; ')}` };
  const withMde = f.cells.filter((c) => c.detectable !== undefined && Number.isFinite(c.detectable));
  const mde = withMde.length ? Math.min(...withMde.map((c) => c.detectable!)) : NaN;
  const size = Number.isFinite(mde)
    ? `; smallest detectable effect = ${fmt(1e4 * mde, 3)} bp per event (80 % power, two-sided ${f.alpha}, best-powered cell): effects smaller than that cannot be excluded`
    : '; no detectable effect size was given';
  return { verdict: 'no detectable effect', rule: `${head}; no cell survives either; the strongest cell is ${show(best)}${size}` };
}

function ruleEventRate(f: ConsciousnessFigures): RuleResult {
  const claimed = f.claimedEventsPerSecond ?? CLAIMED_EVENTS_PER_SECOND;
  const ceiling = 1 / (2 * f.barSeconds);
  const head = `an upcrossing needs two samples, so with ${fmt(f.barSeconds)} s bars the rate is at most 1/(2 × ${fmt(f.barSeconds)} s) = ${fmt(ceiling)} events/s; ` +
    `refuted iff ${claimed}/s exceeds that ceiling, else supported iff the measured rate reaches ${claimed}/s`;
  if (claimed > ceiling) {
    return { verdict: 'refuted', rule: `${head}; ${claimed}/s is ${fmt(claimed / ceiling, 5)}× the ceiling (it needs ≥ ${fmt(2 * claimed)} samples/s); measured ${fmt(f.measuredEventsPerSecond)} events/s` };
  }
  if (f.measuredEventsPerSecond >= claimed) return { verdict: 'supported', rule: `${head}; measured ${fmt(f.measuredEventsPerSecond)} events/s` };
  return { verdict: 'refuted', rule: `${head}; measured only ${fmt(f.measuredEventsPerSecond)} events/s` };
}

/**
 * The 47.3 events/s at the roadmap's own 1 ms cycle: 1000 index samples per second allow up to 500
 * upcrossings per second, so the count is possible; but new market data arrive once per bar, so at most
 * 1/(2·barSeconds) events per second can reflect new information and the rest are recomputations on
 * unchanged data. Partly supported iff the claimed rate fits under the cycle ceiling (a count that can be
 * produced, not one that means anything), refuted iff it exceeds even that.
 */
export function ruleEventRateAtCycle(f: ConsciousnessFigures, cycleSeconds = 0.001): RuleResult {
  const claimed = f.claimedEventsPerSecond ?? CLAIMED_EVENTS_PER_SECOND;
  const cycleCeiling = 1 / (2 * cycleSeconds);
  const informative = 1 / (2 * f.barSeconds);
  const head = `at the roadmap's ${fmt(cycleSeconds * 1000)} ms cycle the index has ${fmt(1 / cycleSeconds)} samples/s, so at most ${fmt(cycleCeiling)} upcrossings/s; ` +
    `partly supported iff ${claimed}/s fits under that (a count that can be produced), refuted otherwise. With ${fmt(f.barSeconds)} s bars at most ${fmt(informative)} events/s can follow new data`;
  if (claimed > cycleCeiling) return { verdict: 'refuted', rule: `${head}: ${claimed}/s exceeds even the cycle ceiling` };
  return {
    verdict: 'partly supported',
    rule: `${head}: ${claimed}/s fits, but at least ${fmt(100 * Math.max(0, 1 - informative / claimed), 6)} % of such events would be recomputations on unchanged data`,
  };
}

/** The three readings' rules are exported separately for the registry. */
export { ruleOperationalisation, ruleEventRate };

export function ruleConsciousnessIndex(f: ConsciousnessFigures): ConsciousnessRuleResult {
  if (!(f.barSeconds > 0) || !Number.isFinite(f.barSeconds)) throw new RangeError(`invalid barSeconds: ${f.barSeconds} (expected > 0)`);
  if (!(f.alpha > 0 && f.alpha < 1)) throw new RangeError(`invalid alpha: ${f.alpha} (expected 0 < α < 1)`);
  if (!(f.q > 0 && f.q < 1)) throw new RangeError(`invalid q: ${f.q} (expected 0 < q < 1)`);
  if (!(f.measuredEventsPerSecond >= 0)) throw new RangeError(`invalid measuredEventsPerSecond: ${f.measuredEventsPerSecond} (expected ≥ 0)`);
  const operationalisation = ruleOperationalisation(f);
  const eventRate = ruleEventRate(f);
  const shares07 = f.rawShares.map((s) => `${pct(s.above07)} at W = ${s.window}`).join(', ');
  const shares01 = f.rawShares.map((s) => `${pct(s.above01)} at W = ${s.window}`).join(', ');
  const rule = 'untestable as stated: the roadmap defines neither phi (which system, which partition, which estimator), freq_factor nor complexity, ' +
    'so "> 0.7" has no meaning until someone chooses them' +
    (f.rawShares.length ? `; under our choices the share of bars with a raw index above 0.7 is ${shares07}, and above 0.1 it is ${shares01}: how often a fixed raw threshold is passed depends on the window, not on the market` : '') +
    `. Our operationalisation: ${operationalisation.verdict}. The 47.3 events/s: ${eventRate.verdict}`;
  return { verdict: 'untestable as stated', rule, operationalisation, eventRate };
}
