/**
 * Rule for "66 virtual qubits from 24 physical" (claim virtual-qubits-66-24).
 *
 * A circuit family counts as "runnable as N virtual qubits on W physical" iff the cheaper honest
 * route (circuit cutting, or qubit reuse when its live width fits W) needs a number of shots at
 * the target precision that, at the device shot rate, fits the time budget:
 * log10(seconds) ≤ log10(budget). Overall:
 *  - supported iff every family listed fits (a general capability);
 *  - partly supported iff some fit and some do not (the text names which);
 *  - refuted iff none fits.
 * If the register fits the device (N ≤ W) no virtual qubits are needed: supported trivially.
 */
import { fmt, type RuleResult } from '../verdict';

export interface CutFamilyFigures {
  readonly name: string;
  readonly cutGates: number;
  /** How it would run, e.g. 'cutting' or 'qubit reuse, width 5' (for the text only). */
  readonly route?: string;
  /** log10 of the shots needed at the target precision. */
  readonly log10Shots: number;
  /** log10 of the wall time (seconds) at the device shot rate. */
  readonly log10Seconds: number;
}

export interface VirtualQubitFigures {
  readonly totalQubits: number;
  readonly deviceWidth: number;
  readonly families: readonly CutFamilyFigures[];
  readonly budgetSeconds: number;
  /** Target standard error ε (for the text only). */
  readonly epsilon: number;
}

export interface VirtualQubitRuleResult extends RuleResult {
  readonly fit: readonly string[];
  readonly exceed: readonly string[];
}

/** Readable duration for rule text from log10(seconds). */
function dur(log10s: number): string {
  if (log10s < Math.log10(120)) return `${fmt(10 ** log10s, 3)} s`;
  if (log10s < Math.log10(7200)) return `${fmt(10 ** log10s / 60, 3)} min`;
  if (log10s < Math.log10(2 * 86400)) return `${fmt(10 ** log10s / 3600, 3)} h`;
  const years = log10s - Math.log10(365.25 * 86400);
  if (years < 0) return `${fmt(10 ** log10s / 86400, 3)} days`;
  return years < 6 ? `${fmt(10 ** years, 3)} years` : `10^${Math.round(years)} years`;
}

/** 10^x for rule text: plain below a million, then 10^x.x, then a rounded exponent. */
function pow10(x: number): string {
  if (x < 6) return fmt(10 ** x, 3);
  return `10^${x < 100 ? x.toFixed(1) : Math.round(x)}`;
}

export function ruleVirtualQubits6624(f: VirtualQubitFigures): VirtualQubitRuleResult {
  if (!Number.isInteger(f.totalQubits) || f.totalQubits < 1) throw new RangeError(`invalid totalQubits: ${f.totalQubits} (expected an integer ≥ 1)`);
  if (!Number.isInteger(f.deviceWidth) || f.deviceWidth < 1) throw new RangeError(`invalid deviceWidth: ${f.deviceWidth} (expected an integer ≥ 1)`);
  if (!(f.budgetSeconds > 0) || !Number.isFinite(f.budgetSeconds)) throw new RangeError(`invalid budgetSeconds: ${f.budgetSeconds} (expected > 0)`);
  if (!(f.epsilon > 0 && f.epsilon < 1)) throw new RangeError(`invalid epsilon: ${f.epsilon} (expected 0 < ε < 1)`);
  if (f.totalQubits <= f.deviceWidth) {
    return { verdict: 'supported', rule: `${f.totalQubits} qubits fit a ${f.deviceWidth}-qubit device directly: no virtual qubits needed`, fit: f.families.map((x) => x.name), exceed: [] };
  }
  if (!f.families.length) throw new RangeError('invalid families: [] (expected at least one circuit family)');
  for (const x of f.families) {
    if (Number.isNaN(x.log10Seconds)) throw new RangeError(`invalid log10Seconds of ${x.name}: NaN`);
  }
  const limit = Math.log10(f.budgetSeconds);
  const fit = f.families.filter((x) => x.log10Seconds <= limit).map((x) => x.name);
  const exceed = f.families.filter((x) => x.log10Seconds > limit).map((x) => x.name);
  const rows = f.families.map((x) => `${x.name}: ${x.route ? `${x.route}, ` : ''}${x.cutGates > 0 ? `${x.cutGates} cuts, ` : ''}${pow10(x.log10Shots)} shots, ${dur(x.log10Seconds)}`).join('; ');
  const head = `a circuit family runs as ${f.totalQubits} virtual qubits on ${f.deviceWidth} iff its shots at ε = ${f.epsilon} fit the budget of ${dur(limit)}; ` +
    `supported iff every family fits, partly supported iff some do, refuted iff none. Measured: ${rows}`;
  if (!exceed.length) return { verdict: 'supported', rule: `${head}: all fit`, fit, exceed };
  if (fit.length) return { verdict: 'partly supported', rule: `${head}: fits for ${fit.join(', ')}; out of budget for ${exceed.join(', ')}`, fit, exceed };
  return { verdict: 'refuted', rule: `${head}: none fits`, fit, exceed };
}
