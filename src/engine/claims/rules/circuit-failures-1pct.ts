/**
 * Rules for "Stability: <1% quantum circuit failures … Classical fallback working when needed"
 * (claim circuit-failures-1pct). The roadmap does not define a failure, and two readings give different
 * answers, so both are figures with their own rule:
 *  - crash rate: the circuit's output is unusable (NaN, outside [0, 1], or the call threw). A simulator
 *    rarely fails this way; hardware jobs can.
 *  - fallback rate: the trigger of the roadmap's own classical fallback as implemented in the ensemble
 *    engine: an invalid output or a confidence max(P, 1 − P) outside the claimed 0.6–0.95 band.
 * Each rate with its 95 % Wilson interval [lower, upper]: supported iff upper < maxShare (1 %), refuted iff
 * lower > maxShare, otherwise not measurable here (too few calls).
 * Headline (ruleCircuitFailures1pct): supported iff both readings are supported; refuted iff both are
 * refuted; partly supported iff one is supported and the other refuted (typically: it never crashes, but
 * the fallback decides); otherwise not measurable here.
 */
import { fmt, type RuleResult, type Verdict } from '../verdict';
import { wilsonInterval } from '../../stats/wilson';

export interface CircuitFailureFigures {
  readonly calls: number;
  /** Calls on which the fallback fired (invalid output or confidence outside the band). */
  readonly failures: number;
  /** 95 % Wilson interval of failures / calls. */
  readonly lower: number;
  readonly upper: number;
  /** Crashes: outputs that were NaN, outside [0, 1] or thrown (a subset of failures). */
  readonly invalidOutputs: number;
  readonly bandLo?: number;
  readonly bandHi?: number;
  /** Default 0.01. */
  readonly maxShare?: number;
}

function checkCounts(f: CircuitFailureFigures): void {
  if (!Number.isInteger(f.calls) || f.calls < 0) throw new RangeError(`invalid calls: ${f.calls} (expected an integer ≥ 0)`);
  if (!Number.isInteger(f.failures) || f.failures < 0 || f.failures > f.calls) throw new RangeError(`invalid failures: ${f.failures} (expected an integer 0–${f.calls})`);
  if (!Number.isInteger(f.invalidOutputs) || f.invalidOutputs < 0 || f.invalidOutputs > f.failures) {
    throw new RangeError(`invalid invalidOutputs: ${f.invalidOutputs} (expected an integer 0–${f.failures})`);
  }
  const maxShare = f.maxShare ?? 0.01;
  if (!(maxShare > 0 && maxShare < 1)) throw new RangeError(`invalid maxShare: ${maxShare} (expected 0 < maxShare < 1)`);
}

function rateRule(what: string, count: number, calls: number, lower: number, upper: number, maxShare: number): RuleResult {
  const lim = `${fmt(100 * maxShare, 3)} %`;
  const head = `${what}: supported iff the 95 % Wilson upper bound is < ${lim}, refuted iff the lower bound is > ${lim}, otherwise not measurable here`;
  if (calls === 0) return { verdict: 'not measurable here', rule: `${head}: the circuit was never called` };
  if (!(lower >= 0 && lower <= upper && upper <= 1)) throw new RangeError(`invalid interval: ${lower}–${upper} (expected 0 ≤ lower ≤ upper ≤ 1)`);
  const meas = `${head}. Measured: ${count} of ${calls} calls (${fmt((100 * count) / calls, 4)} %, 95 % CI ${fmt(100 * lower, 4)}–${fmt(100 * upper, 4)} %)`;
  if (upper < maxShare) return { verdict: 'supported', rule: meas };
  if (lower > maxShare) return { verdict: 'refuted', rule: meas };
  return { verdict: 'not measurable here', rule: `${meas}: too few calls to decide` };
}

/** Crash reading: unusable outputs only. */
export function ruleCircuitCrashes(f: CircuitFailureFigures): RuleResult {
  checkCounts(f);
  const ci = wilsonInterval(f.invalidOutputs, f.calls, 0.95);
  return rateRule('crash rate (output not a number, outside [0, 1] or thrown)', f.invalidOutputs, f.calls, ci.lower, ci.upper, f.maxShare ?? 0.01);
}

/** Fallback reading: what triggers the roadmap's classical fallback. */
export function ruleCircuitFallbacks(f: CircuitFailureFigures): RuleResult {
  checkCounts(f);
  const lo = f.bandLo ?? 0.6, hi = f.bandHi ?? 0.95;
  return rateRule(`fallback rate (an invalid output or a confidence outside ${lo}–${hi}, the trigger of the roadmap's classical fallback)`, f.failures, f.calls, f.lower, f.upper, f.maxShare ?? 0.01);
}

export function ruleCircuitFailures1pct(f: CircuitFailureFigures): RuleResult {
  const crash = ruleCircuitCrashes(f), fallback = ruleCircuitFallbacks(f);
  const both = `The roadmap does not define a failure; two readings, each with its own rule. (1) ${crash.rule} → ${crash.verdict}. (2) ${fallback.rule} → ${fallback.verdict}`;
  const pair = [crash.verdict, fallback.verdict];
  let verdict: Verdict = 'not measurable here';
  let why = 'at least one reading cannot be decided with these calls';
  if (pair.every((v) => v === 'supported')) { verdict = 'supported'; why = 'it neither crashes nor needs its fallback'; }
  else if (pair.every((v) => v === 'refuted')) { verdict = 'refuted'; why = 'it crashes and falls back too often'; }
  else if (pair.includes('supported') && pair.includes('refuted')) {
    verdict = 'partly supported';
    why = crash.verdict === 'supported'
      ? 'the simulated circuit never breaks, but its output is rarely or never confident enough to use, so the classical fallback decides instead'
      : 'its outputs are confident enough, but it crashes too often';
  }
  return { verdict, rule: `${both}. Headline: ${why}` };
}
