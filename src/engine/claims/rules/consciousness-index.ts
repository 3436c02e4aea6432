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
 *      refuted otherwise (no detectable predictive content at this sample size);
 *  - the 47.3 events/s: an upcrossing needs two samples, so at most ½ event per bar, i.e.
 *    1/(2·barSeconds) per second. Refuted iff the claimed rate exceeds that ceiling; otherwise supported
 *    iff the measured rate reaches the claimed one, refuted if it does not.
 */
import { fmt, type RuleResult } from '../verdict';

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
    `partly supported iff one survives only Benjamini–Hochberg at q = ${f.q}, refuted iff none survives, ` +
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
  return { verdict: 'refuted', rule: `${head}; no cell survives either; the strongest cell is ${show(best)}` };
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
