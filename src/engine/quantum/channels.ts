/**
 * Single-qubit noise channels as data: id, title, teaching blurb, parameter table and a
 * `kraus(params)` that returns the Kraus operators {K_i} with Σ K_i†K_i = I. Each Kraus operator
 * is a 2×2 complex matrix, row-major, interleaved re/im (length 8), like the gate matrices.
 *
 * The density-matrix simulator, the trajectory unravelling, the UI palette and the registry-wide
 * tests all read `CHANNELS`; a new channel added here is covered by the CPTP tests automatically.
 * Zero-temperature physics throughout (no excited-state population at equilibrium).
 */
import type { Rng } from '../random.ts';

export interface ChannelParam {
  readonly name: string;
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly unit?: string;
}

export type ChannelParams = Readonly<Record<string, number>>;

export interface ChannelDef {
  /** Stable id, never renamed. */
  readonly id: string;
  readonly title: string;
  /** One teaching sentence shown next to the maths. */
  readonly blurb: string;
  readonly params: readonly ChannelParam[];
  /** Kraus operators for `params` (validated; throws RangeError naming the bad field). */
  kraus(params: ChannelParams): Float64Array[];
  /** A random valid parameter set (for property tests and demos); respects joint constraints. */
  sampleParams(rng: Rng): ChannelParams;
}

/** Default tolerance for Σ K†K = I checks. */
export const CPTP_TOLERANCE = 1e-10;

const m2 = (a: readonly number[]): Float64Array => Float64Array.from(a);
const I2 = (s: number): Float64Array => m2([s, 0, 0, 0, 0, 0, s, 0]);
const X2 = (s: number): Float64Array => m2([0, 0, s, 0, s, 0, 0, 0]);
const Y2 = (s: number): Float64Array => m2([0, 0, 0, -s, 0, s, 0, 0]);
const Z2 = (s: number): Float64Array => m2([s, 0, 0, 0, 0, 0, -s, 0]);

function param(params: ChannelParams, p: ChannelParam): number {
  const v = params[p.name] ?? p.default;
  if (typeof v !== 'number' || !(v >= p.min && v <= p.max)) {
    throw new RangeError(`invalid ${p.name}: ${v} (expected ${p.min}–${p.max})`);
  }
  return v;
}

function probParam(name: string, title: string, def = 0.1): ChannelParam {
  return { name, title, min: 0, max: 1, default: def };
}

/** Amplitude damping with decay probability γ: K0 = diag(1, √(1−γ)), K1 = √γ|0⟩⟨1|. */
export function amplitudeDampingKraus(gamma: number): Float64Array[] {
  return [m2([1, 0, 0, 0, 0, 0, Math.sqrt(1 - gamma), 0]), m2([0, 0, Math.sqrt(gamma), 0, 0, 0, 0, 0])];
}

/** Phase damping (Nielsen–Chuang) with λ: K0 = diag(1, √(1−λ)), K1 = diag(0, √λ); coherences × √(1−λ). */
export function phaseDampingKraus(lambda: number): Float64Array[] {
  return [m2([1, 0, 0, 0, 0, 0, Math.sqrt(1 - lambda), 0]), m2([0, 0, 0, 0, 0, 0, Math.sqrt(lambda), 0])];
}

/** Pauli channel ρ → (1−px−py−pz)ρ + px XρX + py YρY + pz ZρZ. */
export function pauliKraus(px: number, py: number, pz: number): Float64Array[] {
  const s = px + py + pz;
  if (!(s <= 1 + 1e-15)) throw new RangeError(`invalid px + py + pz: ${s} (expected ≤ 1)`);
  const ops = [I2(Math.sqrt(Math.max(0, 1 - s)))];
  if (px > 0) ops.push(X2(Math.sqrt(px)));
  if (py > 0) ops.push(Y2(Math.sqrt(py)));
  if (pz > 0) ops.push(Z2(Math.sqrt(pz)));
  return ops;
}

/**
 * Why T2 ≤ 2·T1: the coherence rate is 1/T2 = 1/(2T1) + 1/Tφ, and the pure-dephasing rate 1/Tφ
 * cannot be negative. A larger T2 would make the channel non-physical (not completely positive).
 */
export function checkT1T2(t1Us: number, t2Us: number): void {
  if (!(t1Us > 0)) throw new RangeError(`invalid t1Us: ${t1Us} (expected > 0, may be Infinity)`);
  if (!(t2Us > 0)) throw new RangeError(`invalid t2Us: ${t2Us} (expected > 0, may be Infinity)`);
  if (t2Us > 2 * t1Us * (1 + 1e-12)) {
    throw new RangeError(
      `invalid t2Us: ${t2Us} (expected ≤ 2·t1Us = ${2 * t1Us}; 1/T2 = 1/(2T1) + 1/Tφ needs a pure-dephasing time Tφ ≥ 0, ` +
        `so T2 > 2T1 is not a physical channel)`,
    );
  }
}

/**
 * Thermal relaxation with Qiskit Aer's semantics (zero temperature) over `timeUs`.
 * - T2 ≤ T1: mixed reset + unitary form: p_reset = 1 − e^{−t/T1}, p_Z = (1 − p_reset)(1 − e^{−t/T2 + t/T1})/2,
 *   Kraus {√(1−p_reset−p_Z) I, √p_Z Z, √p_reset |0⟩⟨0|, √p_reset |0⟩⟨1|}.
 * - T1 < T2 ≤ 2T1: general Kraus, amplitude damping γ = 1 − e^{−t/T1} followed by pure dephasing
 *   λ = 1 − e^{−2t/Tφ} with 1/Tφ = 1/T2 − 1/(2T1).
 * Both give ρ11 → ρ11 e^{−t/T1} and ρ01 → ρ01 e^{−t/T2} exactly.
 */
export function thermalRelaxationKraus(t1Us: number, t2Us: number, timeUs: number): Float64Array[] {
  checkT1T2(t1Us, t2Us);
  if (!(timeUs >= 0) || !Number.isFinite(timeUs)) throw new RangeError(`invalid timeUs: ${timeUs} (expected a finite number ≥ 0)`);
  const e1 = Math.exp(-timeUs / t1Us);
  if (t2Us <= t1Us) {
    const pReset = 1 - e1;
    // e^{−t/T2 + t/T1} = e2/e1 computed as one exponent so it stays accurate when e1 underflows.
    const pZ = (1 - pReset) * (1 - Math.exp(-timeUs / t2Us + timeUs / t1Us)) / 2;
    const pId = Math.max(0, 1 - pReset - pZ);
    const ops = [I2(Math.sqrt(pId))];
    if (pZ > 0) ops.push(Z2(Math.sqrt(pZ)));
    if (pReset > 0) {
      const r = Math.sqrt(pReset);
      ops.push(m2([r, 0, 0, 0, 0, 0, 0, 0]), m2([0, 0, r, 0, 0, 0, 0, 0]));
    }
    return ops;
  }
  const gamma = 1 - e1;
  const invTphi = 1 / t2Us - 1 / (2 * t1Us);
  const lambda = 1 - Math.exp(-2 * timeUs * Math.max(0, invTphi));
  const out: Float64Array[] = [];
  for (const p of phaseDampingKraus(lambda)) {
    for (const a of amplitudeDampingKraus(gamma)) {
      const k = mul2(p, a);
      if (k.some((v) => v !== 0)) out.push(k);
    }
  }
  return out;
}

/** 2×2 complex product a·b. */
export function mul2(a: Float64Array, b: Float64Array): Float64Array {
  const o = new Float64Array(8);
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
    let re = 0, im = 0;
    for (let k = 0; k < 2; k++) {
      const ar = a[2 * (2 * i + k)], ai = a[2 * (2 * i + k) + 1];
      const br = b[2 * (2 * k + j)], bi = b[2 * (2 * k + j) + 1];
      re += ar * br - ai * bi;
      im += ar * bi + ai * br;
    }
    o[2 * (2 * i + j)] = re;
    o[2 * (2 * i + j) + 1] = im;
  }
  return o;
}

/** max |(Σ K†K − I)_ij| for d×d Kraus operators. */
export function cptpDeviation(ops: readonly Float64Array[]): number {
  if (ops.length === 0) return Infinity;
  const d = Math.round(Math.sqrt(ops[0].length / 2));
  let worst = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    let re = 0, im = 0;
    for (const k of ops) {
      for (let r = 0; r < d; r++) {
        // (K†K)_ij = Σ_r conj(K_ri) K_rj
        const ar = k[2 * (r * d + i)], ai = -k[2 * (r * d + i) + 1];
        const br = k[2 * (r * d + j)], bi = k[2 * (r * d + j) + 1];
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
    }
    const dev = Math.hypot(re - (i === j ? 1 : 0), im);
    if (dev > worst) worst = dev;
  }
  return worst;
}

export class KrausError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'KrausError';
  }
}

/**
 * Validate a general Kraus channel on k qubits (each operator 2^k×2^k, interleaved) and return
 * copies. Throws KrausError when the operators are not all the same square size or when
 * Σ K†K differs from I by more than `tol` (the channel would not preserve trace).
 */
export function validateKraus(ops: readonly Float64Array[], tol = CPTP_TOLERANCE): Float64Array[] {
  if (!Array.isArray(ops) || ops.length === 0) throw new KrausError('invalid Kraus operators: empty list (expected at least one 2^k×2^k matrix)');
  const len = ops[0].length;
  const d = Math.round(Math.sqrt(len / 2));
  if (2 * d * d !== len || (d & (d - 1)) !== 0 || d < 2) {
    throw new KrausError(`invalid Kraus operator length: ${len} (expected 2·4^k for a k-qubit operator, interleaved re/im)`);
  }
  for (let i = 0; i < ops.length; i++) {
    if (!(ops[i] instanceof Float64Array) || ops[i].length !== len) {
      throw new KrausError(`invalid Kraus operator ${i}: length ${ops[i]?.length} (expected ${len}, all operators the same size)`);
    }
    for (const v of ops[i]) if (!Number.isFinite(v)) throw new KrausError(`invalid Kraus operator ${i}: non-finite entry ${v}`);
  }
  const dev = cptpDeviation(ops);
  if (!(dev <= tol)) {
    throw new KrausError(
      `invalid Kraus operators: max |Σ K†K − I| = ${dev.toExponential(2)} (expected ≤ ${tol}; a channel must preserve trace, ` +
        `rescale the operators or add the missing one)`,
    );
  }
  return ops.map((k) => Float64Array.from(k));
}

const P = (name: string, title: string, def = 0.1) => probParam(name, title, def);

const amplitudeDamping: ChannelDef = {
  id: 'amplitude_damping',
  title: 'Amplitude damping',
  blurb: 'Energy relaxation |1⟩ → |0⟩ with probability γ; what T1 does over a time t with γ = 1 − e^{−t/T1}.',
  params: [P('gamma', 'decay probability γ')],
  kraus(p) { return amplitudeDampingKraus(param(p, this.params[0])); },
  sampleParams(rng) { return { gamma: rng.next() }; },
};

const phaseDamping: ChannelDef = {
  id: 'phase_damping',
  title: 'Phase damping',
  blurb: 'Loses phase information without energy loss: populations stay, coherences shrink by √(1−λ).',
  params: [P('lambda', 'damping λ')],
  kraus(p) { return phaseDampingKraus(param(p, this.params[0])); },
  sampleParams(rng) { return { lambda: rng.next() }; },
};

const depolarizing: ChannelDef = {
  id: 'depolarizing',
  title: 'Depolarizing',
  blurb: 'With probability p the qubit is replaced by the maximally mixed state I/2 (Qiskit convention).',
  params: [P('p', 'depolarizing probability p')],
  kraus(params) {
    const p = param(params, this.params[0]);
    return [I2(Math.sqrt(1 - (3 * p) / 4)), X2(Math.sqrt(p / 4)), Y2(Math.sqrt(p / 4)), Z2(Math.sqrt(p / 4))];
  },
  sampleParams(rng) { return { p: rng.next() }; },
};

const bitFlip: ChannelDef = {
  id: 'bit_flip',
  title: 'Bit flip',
  blurb: 'Applies X with probability p: the classical error, |0⟩ ↔ |1⟩.',
  params: [P('p', 'flip probability p')],
  kraus(params) { const p = param(params, this.params[0]); return [I2(Math.sqrt(1 - p)), X2(Math.sqrt(p))]; },
  sampleParams(rng) { return { p: rng.next() }; },
};

const phaseFlip: ChannelDef = {
  id: 'phase_flip',
  title: 'Phase flip',
  blurb: 'Applies Z with probability p: |+⟩ ↔ |−⟩, invisible in the computational basis.',
  params: [P('p', 'flip probability p')],
  kraus(params) { const p = param(params, this.params[0]); return [I2(Math.sqrt(1 - p)), Z2(Math.sqrt(p))]; },
  sampleParams(rng) { return { p: rng.next() }; },
};

const pauli: ChannelDef = {
  id: 'pauli',
  title: 'Pauli channel',
  blurb: 'Applies X, Y or Z with probabilities px, py, pz (sum ≤ 1); the model behind randomized compiling.',
  params: [P('px', 'X probability px', 0.05), P('py', 'Y probability py', 0.05), P('pz', 'Z probability pz', 0.05)],
  kraus(params) {
    const [px, py, pz] = this.params.map((d) => param(params, d));
    return pauliKraus(px, py, pz);
  },
  sampleParams(rng) {
    // uniform on the simplex corner {px, py, pz ≥ 0, sum ≤ 1}
    const u = [rng.next(), rng.next(), rng.next()].map((v) => -Math.log(1 - v));
    const e = -Math.log(1 - rng.next());
    const s = u[0] + u[1] + u[2] + e;
    return { px: u[0] / s, py: u[1] / s, pz: u[2] / s };
  },
};

const thermalRelaxation: ChannelDef = {
  id: 'thermal_relaxation',
  title: 'Thermal relaxation (T1, T2)',
  blurb: 'Idle decoherence over a time t: populations decay as e^{−t/T1}, coherences as e^{−t/T2} (Qiskit Aer semantics, T2 ≤ 2T1).',
  params: [
    { name: 't1Us', title: 'T1', min: 1e-9, max: Infinity, default: 100, unit: 'μs' },
    { name: 't2Us', title: 'T2', min: 1e-9, max: Infinity, default: 100, unit: 'μs' },
    { name: 'timeUs', title: 'duration t', min: 0, max: 1e15, default: 1, unit: 'μs' },
  ],
  kraus(params) {
    const [t1, t2, t] = this.params.map((d) => param(params, d));
    return thermalRelaxationKraus(t1, t2, t);
  },
  sampleParams(rng) {
    const t1Us = 1 + 500 * rng.next();
    const t2Us = Math.max(1e-3, 2 * t1Us * rng.next());
    return { t1Us, t2Us, timeUs: 300 * rng.next() };
  },
};

/** The channel registry (ids are stable). */
export const CHANNELS: Readonly<Record<string, ChannelDef>> = Object.freeze(
  Object.fromEntries([amplitudeDamping, phaseDamping, depolarizing, bitFlip, phaseFlip, pauli, thermalRelaxation].map((c) => [c.id, c])),
);

export function getChannel(id: string): ChannelDef {
  const c = CHANNELS[id];
  if (!c) throw new RangeError(`invalid channel: '${id}' (expected one of ${Object.keys(CHANNELS).join(', ')})`);
  return c;
}

/** A channel instance: registry id + params, or explicit (validated) Kraus operators. */
export type ChannelSpec =
  | { readonly id: string; readonly params?: ChannelParams }
  | { readonly kraus: readonly Float64Array[] };

/** Resolve a spec to its Kraus operators (validated). */
export function channelKraus(spec: ChannelSpec): Float64Array[] {
  if ('kraus' in spec) return validateKraus(spec.kraus);
  return getChannel(spec.id).kraus(spec.params ?? {});
}
