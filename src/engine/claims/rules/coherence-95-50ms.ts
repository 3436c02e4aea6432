/**
 * Rule for "95 % fidelity preservation across 50 ms trading windows" (claim coherence-95-50ms).
 *
 * Per preset: the claim holds iff the roadmap's 14-qubit state keeps F(hold) ≥ threshold.
 * Overall (the roadmap's context is superconducting hardware):
 *  - supported iff the 14-qubit state passes on at least one superconducting preset;
 *  - partly supported iff it does not, but some preset keeps the 14-qubit state or a single
 *    qubit (worst of |+⟩ and |1⟩) at ≥ threshold — the text names which part on which preset;
 *  - refuted otherwise.
 */
import { fmt, type RuleResult } from '../verdict';

export interface CoherencePresetFigures {
  readonly id: string;
  readonly platform: string;
  /** F(hold) of the roadmap's 14-qubit encoded state. */
  readonly f14: number;
  /** F(hold) of one qubit, the worse of |+⟩ and |1⟩. */
  readonly fSingle: number;
}

export interface CoherenceFigures {
  readonly presets: readonly CoherencePresetFigures[];
  readonly holdMs: number;
  /** Default 0.95 (the roadmap's figure). */
  readonly threshold?: number;
  /** Fidelity a noiseless simulator returns for a stored state (1 by construction), if measured. */
  readonly noiselessFidelity?: number;
}

export interface CoherenceRuleResult extends RuleResult {
  /** Preset ids whose 14-qubit state passes, and whose single qubit passes. */
  readonly pass14: readonly string[];
  readonly passSingle: readonly string[];
}

const SUPERCONDUCTING = 'superconducting';

function checkF(name: string, f: number): void {
  if (!(f >= 0 && f <= 1 + 1e-9)) throw new RangeError(`invalid ${name}: ${f} (expected a fidelity 0–1)`);
}

export function ruleCoherence9550ms(figures: CoherenceFigures): CoherenceRuleResult {
  const th = figures.threshold ?? 0.95;
  if (!(th > 0 && th < 1)) throw new RangeError(`invalid threshold: ${th} (expected 0 < threshold < 1)`);
  if (!(figures.holdMs >= 0) || !Number.isFinite(figures.holdMs)) throw new RangeError(`invalid holdMs: ${figures.holdMs} (expected a finite number ≥ 0)`);
  if (!figures.presets.length) throw new RangeError('invalid presets: [] (expected at least one preset)');
  for (const p of figures.presets) { checkF(`f14 of ${p.id}`, p.f14); checkF(`fSingle of ${p.id}`, p.fSingle); }

  const pass14 = figures.presets.filter((p) => p.f14 >= th).map((p) => p.id);
  const passSingle = figures.presets.filter((p) => p.fSingle >= th).map((p) => p.id);
  const sc = figures.presets.filter((p) => p.platform === SUPERCONDUCTING);
  const scPass = sc.filter((p) => p.f14 >= th);
  const list = figures.presets.map((p) => `${p.id} F14 = ${fmt(p.f14)}, F1 = ${fmt(p.fSingle)}`).join('; ');
  const head = `supported for a preset iff the roadmap's 14-qubit state keeps F(${fmt(figures.holdMs)} ms) ≥ ${th}; ` +
    'overall supported iff some superconducting preset (the roadmap\'s context) passes, partly supported iff only other platforms keep the 14-qubit state or a single qubit (worst of |+⟩, |1⟩) ≥ ' +
    `${th}, refuted otherwise. Measured: ${list}`;
  const tail = figures.noiselessFidelity === undefined ? ''
    : `. A noiseless simulator returns F = ${figures.noiselessFidelity.toFixed(6)} for any stored state, which tests nothing`;
  const names = (ids: readonly string[]): string => (ids.length ? ids.join(', ') : 'none');

  if (scPass.length > 0) {
    return { verdict: 'supported', rule: `${head}: passes on superconducting ${names(scPass.map((p) => p.id))}${tail}`, pass14, passSingle };
  }
  if (pass14.length > 0 || passSingle.length > 0) {
    const scText = sc.length ? `refuted on superconducting ${names(sc.map((p) => p.id))}` : 'no superconducting preset given';
    const part = pass14.length
      ? `the 14-qubit state holds on ${names(pass14)}`
      : 'no platform holds the 14-qubit state';
    const single = passSingle.length ? `a single qubit holds on ${names(passSingle)}` : 'no single qubit holds';
    return { verdict: 'partly supported', rule: `${head}: ${scText}; ${part}; ${single}${tail}`, pass14, passSingle };
  }
  return { verdict: 'refuted', rule: `${head}: no preset keeps even a single qubit ≥ ${th}${tail}`, pass14, passSingle };
}
