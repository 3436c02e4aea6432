/**
 * Rule for "Stability: <1% quantum circuit failures … Classical fallback working when needed"
 * (claim circuit-failures-1pct).
 *
 * The roadmap does not define a failure; we use the trigger of its own fallback as implemented in the
 * ensemble engine: the output is invalid (NaN, outside [0, 1], thrown) or its confidence max(P, 1 − P) is
 * outside the claimed 0.6–0.95 band. With the 95 % Wilson interval [lower, upper] of the failure share:
 *  - supported iff upper < maxShare (1 %);
 *  - refuted iff lower > maxShare;
 *  - not measurable here otherwise (too few calls).
 * Numerically invalid outputs are reported separately: a simulator does not "fail" that way.
 */
import { fmt, type RuleResult } from '../verdict';

export interface CircuitFailureFigures {
  readonly calls: number;
  readonly failures: number;
  /** 95 % Wilson interval of failures / calls. */
  readonly lower: number;
  readonly upper: number;
  /** Outputs that were NaN, outside [0, 1] or thrown (subset of failures). */
  readonly invalidOutputs: number;
  readonly bandLo?: number;
  readonly bandHi?: number;
  /** Default 0.01. */
  readonly maxShare?: number;
}

export function ruleCircuitFailures1pct(f: CircuitFailureFigures): RuleResult {
  const maxShare = f.maxShare ?? 0.01, lo = f.bandLo ?? 0.6, hi = f.bandHi ?? 0.95;
  if (!Number.isInteger(f.calls) || f.calls < 0) throw new RangeError(`invalid calls: ${f.calls} (expected an integer ≥ 0)`);
  if (!Number.isInteger(f.failures) || f.failures < 0 || f.failures > f.calls) throw new RangeError(`invalid failures: ${f.failures} (expected an integer 0–${f.calls})`);
  if (!Number.isInteger(f.invalidOutputs) || f.invalidOutputs < 0 || f.invalidOutputs > f.failures) {
    throw new RangeError(`invalid invalidOutputs: ${f.invalidOutputs} (expected an integer 0–${f.failures})`);
  }
  if (!(maxShare > 0 && maxShare < 1)) throw new RangeError(`invalid maxShare: ${maxShare} (expected 0 < maxShare < 1)`);
  const head = `a failure is what triggers the roadmap's classical fallback: an invalid output or a confidence outside ${lo}–${hi}; ` +
    `supported iff the 95 % Wilson upper bound of the failure share is < ${fmt(100 * maxShare, 3)} %, refuted iff the lower bound is > ${fmt(100 * maxShare, 3)} %, otherwise not measurable here`;
  if (f.calls === 0) return { verdict: 'not measurable here', rule: `${head}: the circuit was never called` };
  if (!(f.lower >= 0 && f.lower <= f.upper && f.upper <= 1)) throw new RangeError(`invalid interval: ${f.lower}–${f.upper} (expected 0 ≤ lower ≤ upper ≤ 1)`);
  const meas = `${head}. Measured: ${f.failures} of ${f.calls} calls (${fmt((100 * f.failures) / f.calls, 4)} %, 95 % CI ${fmt(100 * f.lower, 4)}–${fmt(100 * f.upper, 4)} %); ` +
    `numerically invalid outputs: ${f.invalidOutputs}`;
  if (f.upper < maxShare) return { verdict: 'supported', rule: meas };
  if (f.lower > maxShare) {
    return { verdict: 'refuted', rule: `${meas}. The simulated circuit never breaks, but its output is rarely or never confident enough to use, so the fallback decides instead` };
  }
  return { verdict: 'not measurable here', rule: `${meas}: too few calls to decide` };
}
