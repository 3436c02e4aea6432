/**
 * The quantum brain on real hardware (issue 8 §3b). Our reconstruction of the roadmap's quantum brain — the
 * parity circuit RY(2·asin√pᵢ) on each of n qubits, CNOT chain 0→1→…→n−1, read the last qubit — run as it
 * would on a hardware preset: gate errors, readout error, T1 decay while a qubit waits, and a finite number of
 * shots, so its confidence is an estimate with shot noise.
 *
 * Why this is exact and cheap: the CNOT chain permutes basis states and the circuit is measured in Z, so the
 * Z-basis populations evolve as a classical Markov chain (no interference term ever reaches them). Errors act
 * on populations as follows (Pauli-twirled depolarizing channels with the preset's average gate infidelity r):
 *   - single-qubit depolarizing, λ = 3r/2: an X or Y flips the bit, probability 2λ/3 = r;
 *   - two-qubit depolarizing after CX(j, j+1), λ = 5r/4: the 8 of 15 Paulis with X or Y on the target flip
 *     the carried parity, probability 8λ/15 = 2r/3 (errors on the control no longer matter: it is done);
 *   - Z errors and pure dephasing never change Z populations;
 *   - amplitude damping while a qubit idles maps P(1) → P(1)·e^{−t/T1};
 *   - readout flips the last bit with the preset's readout error.
 * The carried parity s_j = b_0 ⊕ … ⊕ b_j is then an O(n) recursion; the density-matrix tests check it.
 */
import type { HardwarePreset } from '../quantum/presets.data';
import type { Rng } from '../random';
import type { BarRanges } from '../ensemble/types';
import { fitLogistic } from '../ensemble/logistic';
import { clipProb, logit, sigmoid } from '../ensemble/math';

export interface HardwareNoise {
  readonly gate1qError: number;
  readonly gate2qError: number;
  readonly readoutError: number;
  readonly t1Us: number;
  /** Durations (NaN when not published: idle decay and latency then unknown). */
  readonly gate1qNs: number;
  readonly gate2qNs: number;
  readonly readoutNs: number;
  readonly repDelayUs: number;
  /** Which values were missing from the preset and taken as 0 (optimistic for errors). */
  readonly missing: readonly string[];
}

export const NOISELESS: HardwareNoise = { gate1qError: 0, gate2qError: 0, readoutError: 0, t1Us: Infinity, gate1qNs: 0, gate2qNs: 0, readoutNs: 0, repDelayUs: 0, missing: [] };

/** The noise of a preset; a missing error counts as 0 and is listed in `missing`. */
export function hardwareNoise(p: HardwarePreset): HardwareNoise {
  const missing: string[] = [];
  const err = (v: { value: number } | undefined, name: string): number => { if (!v) { missing.push(name); return 0; } return v.value; };
  const dur = (v: { value: number } | undefined, name: string): number => { if (!v) { missing.push(name); return Number.NaN; } return v.value; };
  return {
    gate1qError: err(p.gate1qError, 'gate1qError'), gate2qError: err(p.gate2qError, 'gate2qError'), readoutError: err(p.readoutError, 'readoutError'),
    t1Us: p.t1Us.value,
    gate1qNs: dur(p.gate1qNs, 'gate1qNs'), gate2qNs: dur(p.gate2qNs, 'gate2qNs'), readoutNs: dur(p.readoutNs, 'readoutNs'),
    repDelayUs: p.repDelayUs ? p.repDelayUs.value : (missing.push('repDelayUs'), 0),
    missing,
  };
}

export type Schedule = 'alap' | 'asap';

const flip = (x: number, f: number): number => x * (1 - f) + (1 - x) * f;
const clip01 = (raw: number): number => (raw === raw ? Math.min(1, Math.max(0, raw)) : 0.5);

/**
 * P(read 1 on the last qubit) of the parity circuit under `noise`, exact for the error model above.
 * `alap` (default, the charitable schedule) rotates each qubit just before its CNOT, so no qubit idles;
 * `asap` rotates all at t = 0 and qubit i then waits (i − 1) two-qubit gate times.
 */
export function noisyParityProbability(row: ArrayLike<number>, noise: HardwareNoise, schedule: Schedule = 'alap'): number {
  const n = row.length;
  if (n < 1) throw new RangeError('invalid row: empty (expected one probability per member)');
  const r1 = noise.gate1qError, f2 = (2 * noise.gate2qError) / 3;
  const idleDecay = (i: number): number => {
    if (schedule === 'alap' || i < 2 || !(noise.gate2qNs > 0) || !Number.isFinite(noise.t1Us)) return 1;
    return Math.exp(-((i - 1) * noise.gate2qNs) / 1000 / noise.t1Us);
  };
  let s = flip(clip01(row[0]), r1);
  for (let i = 1; i < n; i++) {
    const b = flip(clip01(row[i]), r1) * idleDecay(i);
    s = s * (1 - b) + (1 - s) * b;
    s = flip(s, f2);
  }
  return flip(s, noise.readoutError);
}

/** Probability that one shot of the n-member circuit has no gate or readout error (ALAP, no idle decay). */
export function circuitSuccessProbability(n: number, noise: HardwareNoise): number {
  return Math.pow(1 - noise.gate1qError, n) * Math.pow(1 - noise.gate2qError, n - 1) * (1 - noise.readoutError);
}

/** Circuit duration of the n-member parity circuit: one RY layer, then the CNOT chain (sequential), ns. */
export function circuitDurationNs(n: number, noise: HardwareNoise): number {
  return noise.gate1qNs + (n - 1) * noise.gate2qNs;
}

/** Wall time of one shot: circuit + readout + reset/repetition delay, μs (NaN when a duration is unpublished). */
export function shotTimeUs(n: number, noise: HardwareNoise): number {
  return (circuitDurationNs(n, noise) + noise.readoutNs) / 1000 + noise.repDelayUs;
}

/** Latency of one decision: shots × shot time, ms. */
export function decisionLatencyMs(n: number, noise: HardwareNoise, shots: number): number {
  return (shots * shotTimeUs(n, noise)) / 1000;
}

/** The fraction of `shots` Bernoulli(p) draws that come up 1 (exact, one uniform per shot). */
export function sampleShots(p: number, shots: number, rng: Rng): number {
  if (!(Number.isInteger(shots) && shots >= 1 && shots <= 1_000_000)) throw new RangeError(`invalid shots: ${shots} (expected an integer 1–1000000)`);
  let k = 0;
  for (let s = 0; s < shots; s++) if (rng.next() < p) k++;
  return k / shots;
}

export interface HardwareRunResult {
  /** Exact noisy probability per bar (the infinite-shot limit on this hardware). */
  readonly pNoisy: Float64Array;
  /** Shot estimate per bar (what the device would report). */
  readonly pShots: Float64Array;
  readonly latencyMs: number;
  readonly circuitSuccess: number;
}

/** Run the parity circuit on every bar (rows: bar-major member probabilities) as a preset would. */
export function runParityOnHardware(rows: readonly ArrayLike<number>[], noise: HardwareNoise, shots: number, rng: Rng, schedule: Schedule = 'alap'): HardwareRunResult {
  const pNoisy = new Float64Array(rows.length), pShots = new Float64Array(rows.length);
  for (let t = 0; t < rows.length; t++) {
    pNoisy[t] = noisyParityProbability(rows[t], noise, schedule);
    pShots[t] = sampleShots(pNoisy[t], shots, rng);
  }
  const n = rows.length ? rows[0].length : 0;
  return { pNoisy, pShots, latencyMs: decisionLatencyMs(n, noise, shots), circuitSuccess: circuitSuccessProbability(n, noise) };
}

/**
 * Exact marginal P(read 1) of every qubit under `noise` (ALAP). Qubit j holds the prefix parity s_j; a
 * two-qubit error after CX(j, j+1) also flips qubit j's own recorded bit with probability 2r₂/3 (the 8 of 15
 * Paulis with X or Y on the control); then the readout error. For the "read every qubit" candidate.
 */
export function noisyAllQubitMarginals(row: ArrayLike<number>, noise: HardwareNoise): Float64Array {
  const n = row.length;
  const out = new Float64Array(n);
  const r1 = noise.gate1qError, f2 = (2 * noise.gate2qError) / 3;
  let s = flip(clip01(row[0]), r1);
  for (let j = 0; j < n; j++) {
    if (j > 0) {
      const b = flip(clip01(row[j]), r1);
      s = flip(s * (1 - b) + (1 - s) * b, f2);
    }
    out[j] = flip(j < n - 1 ? flip(s, f2) : s, noise.readoutError);
  }
  return out;
}

/**
 * `shots` runs of the circuit with every qubit read out, sampled shot by shot (errors drawn jointly, so the
 * bits of one shot are correlated as on the device); returns the fraction of shots reading 1 on each qubit.
 */
export function sampleAllQubits(row: ArrayLike<number>, noise: HardwareNoise, shots: number, rng: Rng, out = new Float64Array(row.length)): Float64Array {
  const n = row.length;
  if (!(Number.isInteger(shots) && shots >= 1 && shots <= 1_000_000)) throw new RangeError(`invalid shots: ${shots} (expected an integer 1–1000000)`);
  const r1 = noise.gate1qError, l2 = (5 * noise.gate2qError) / 4, ro = noise.readoutError;
  out.fill(0);
  for (let shot = 0; shot < shots; shot++) {
    let s = (rng.next() < clip01(row[0]) ? 1 : 0) ^ (rng.next() < r1 ? 1 : 0);
    for (let j = 0; j < n; j++) {
      let control = 0;
      if (j < n - 1) {
        let b = (rng.next() < clip01(row[j + 1]) ? 1 : 0) ^ (rng.next() < r1 ? 1 : 0);
        // Two-qubit depolarizing after CX(j, j+1): identity w.p. 1 − λ, else one of the 15 other Paulis.
        if (rng.next() < l2) {
          const k = 1 + rng.int(15), a = k >> 2, t = k & 3; // control Pauli a, target Pauli t (0 I, 1 X, 2 Y, 3 Z)
          if (a === 1 || a === 2) control = 1;
          if (t === 1 || t === 2) b ^= 1;
        }
        out[j] += s ^ control ^ (rng.next() < ro ? 1 : 0);
        s ^= b;
      } else {
        out[j] += s ^ (rng.next() < ro ? 1 : 0);
      }
    }
  }
  for (let j = 0; j < n; j++) out[j] /= shots;
  return out;
}

/**
 * Each qubit's count drawn as an independent binomial (normal approximation, clipped to 0…S): the marginal
 * of every feature is right, the per-shot correlation between qubits is dropped. O(n) per bar, for long runs;
 * `sampleAllQubits` is the exact, per-shot sampler.
 */
export function sampleAllQubitsIndependent(marginals: ArrayLike<number>, shots: number, rng: Rng, out = new Float64Array(marginals.length)): Float64Array {
  for (let j = 0; j < marginals.length; j++) {
    const p = marginals[j];
    const k = Math.round(shots * p + Math.sqrt(shots * p * (1 - p)) * rng.normal());
    out[j] = Math.min(shots, Math.max(0, k)) / shots;
  }
  return out;
}

export interface ReadoutSplit {
  readonly train: BarRanges;
  readonly testStart: number;
  readonly testEnd: number;
}

/**
 * The all-qubits candidate's classical readout, fitted walk-forward on whatever features the device reports:
 * per split, ridge logistic regression of the label on [1, logit(feature_j)] over the training bars, applied
 * to the test bars (the same model as ensemble's all-qubits-readout). Bars without features, or splits with
 * fewer than `minTrainRows` rows, give NaN.
 */
export function walkForwardLogisticReadout(
  features: readonly (Float64Array | null)[], up: ArrayLike<number>, splits: readonly ReadoutSplit[], { l2 = 1, minTrainRows = 100 }: { l2?: number; minTrainRows?: number } = {},
): Float64Array {
  const out = new Float64Array(features.length).fill(Number.NaN);
  const n = features.find((f) => f)?.length ?? 0, d = n + 1;
  for (const split of splits) {
    let capacity = 0;
    for (const [a, b] of split.train) capacity += Math.max(0, b - a);
    const x = new Float64Array(capacity * d), y = new Float64Array(capacity);
    let rows = 0;
    for (const [a, b] of split.train) for (let t = Math.max(0, a); t < b && t < features.length; t++) {
      const f = features[t], label = up[t];
      if (!f || !(label === 0 || label === 1)) continue;
      x[rows * d] = 1;
      for (let j = 0; j < n; j++) x[rows * d + 1 + j] = logit(clipProb(f[j]));
      y[rows++] = label;
    }
    if (rows < minTrainRows) continue;
    const beta = fitLogistic(x, y, rows, d, { l2 }).beta;
    for (let t = split.testStart; t < split.testEnd && t < features.length; t++) {
      const f = features[t];
      if (!f) continue;
      let z = beta[0];
      for (let j = 0; j < n; j++) z += beta[1 + j] * logit(clipProb(f[j]));
      out[t] = sigmoid(z);
    }
  }
  return out;
}

/**
 * The trained variational circuit (ensemble/aggregators/vqc.ts) on hardware. Its RY layers between CNOT rings
 * make interference reach the Z populations, so the exact population recursion above does not apply, and a
 * 14-qubit density matrix (4¹⁴ entries) is out of reach. We use the standard digital error model instead
 * (the white-noise approximation behind cross-entropy benchmarking): each gate error — a non-identity Pauli
 * with probability 3r₁/2 (single-qubit) or 5r₂/4 (two-qubit), the same depolarizing channels as above — is
 * taken to scramble the readout, so ⟨Z⟩ shrinks by the probability that no gate errs:
 *   ⟨Z⟩_noisy ≈ f·⟨Z⟩,  f = (1 − 3r₁/2)^{n(1+L)} · (1 − 5r₂/4)^{#CX},
 * then readout error and shots exactly as for the parity circuit. Its fixed point is ⟨Z⟩ = 0, i.e. P(1) = ½
 * and P(up) = σ(b), the link's intercept. The density-matrix test checks the approximation on 4 qubits.
 */
export function vqcCnotCount(nQubits: number, layers: number): number {
  return layers * (nQubits > 2 ? nQubits : nQubits - 1);
}

/** f: the factor by which gate errors shrink the VQC's readout ⟨Z⟩ (white-noise approximation above). */
export function vqcGateShrink(nQubits: number, layers: number, noise: HardwareNoise): number {
  return Math.pow(1 - (3 * noise.gate1qError) / 2, nQubits * (1 + layers)) * Math.pow(1 - (5 * noise.gate2qError) / 4, vqcCnotCount(nQubits, layers));
}

/** P(read 1) on the VQC's readout qubit on hardware, from its noiseless ⟨Z⟩. */
export function noisyVqcProbabilityOfOne(zNoiseless: number, nQubits: number, layers: number, noise: HardwareNoise): number {
  const z = Math.min(1, Math.max(-1, zNoiseless)) * vqcGateShrink(nQubits, layers, noise);
  return flip((1 - z) / 2, noise.readoutError);
}

/** VQC circuit duration, ns: the encoding RY layer, then per layer an RY layer and the CNOT ring (sequential). */
export function vqcCircuitDurationNs(nQubits: number, layers: number, noise: HardwareNoise): number {
  return (1 + layers) * noise.gate1qNs + vqcCnotCount(nQubits, layers) * noise.gate2qNs;
}

/** VQC latency per decision: shots × (circuit + readout + reset/repetition delay), ms. */
export function vqcDecisionLatencyMs(nQubits: number, layers: number, noise: HardwareNoise, shots: number): number {
  return (shots * ((vqcCircuitDurationNs(nQubits, layers, noise) + noise.readoutNs) / 1000 + noise.repDelayUs)) / 1000;
}

export interface VqcHardwareRunResult {
  /** Exact-model P(read 1) per bar (the infinite-shot limit). */
  readonly p1Noisy: Float64Array;
  /** Shot estimate of P(read 1) per bar. */
  readonly p1Shots: Float64Array;
  /** P(up) after the fitted link applied to the reported ⟨Z⟩ = 1 − 2·p̂₁ (what a deployment would trade on). */
  readonly pUp: Float64Array;
  readonly shrink: number;
  readonly latencyMs: number;
}

/**
 * Run the fitted VQC on every bar as a preset would: `z[t]` is the noiseless ⟨Z⟩ of bar t, `link(z)` the
 * fitted link of the split that bar belongs to (the link was fitted on noiseless ⟨Z⟩, as the aggregator does).
 */
export function runVqcOnHardware(
  z: ArrayLike<number>, link: (z: number, t: number) => number, nQubits: number, layers: number, noise: HardwareNoise, shots: number, rng: Rng,
): VqcHardwareRunResult {
  const n = z.length;
  const p1Noisy = new Float64Array(n), p1Shots = new Float64Array(n), pUp = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    p1Noisy[t] = noisyVqcProbabilityOfOne(z[t], nQubits, layers, noise);
    p1Shots[t] = sampleShots(p1Noisy[t], shots, rng);
    pUp[t] = link(1 - 2 * p1Shots[t], t);
  }
  return { p1Noisy, p1Shots, pUp, shrink: vqcGateShrink(nQubits, layers, noise), latencyMs: vqcDecisionLatencyMs(nQubits, layers, noise, shots) };
}
