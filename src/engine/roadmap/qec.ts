/**
 * Surface-code overhead: how many physical qubits the roadmap's 14 logical qubits would need for error
 * correction to "mitigate decoherence" (roadmap, Risk mitigation §1), at a preset's physical error rate.
 *
 * Model (Fowler, Mariantoni, Martinis, Cleland, PRA 86, 032324 (2012); the form Google uses in Nature 638,
 * 920 (2025), eq. 1): logical error per cycle ε_d ≈ A·(p/p_th)^((d+1)/2) for odd distance d, with
 * 2d² − 1 physical qubits per logical qubit (d² data + d² − 1 measure qubits). A = 0.1 and p_th = 1 % are
 * the textbook values; both are inputs so a reader can try others.
 */

export interface SurfaceCodeModel {
  /** Threshold error rate p_th. */
  readonly threshold?: number;
  /** Prefactor A. */
  readonly prefactor?: number;
  /** Largest distance searched. */
  readonly maxDistance?: number;
}

export const SURFACE_CODE_THRESHOLD = 0.01;
export const SURFACE_CODE_PREFACTOR = 0.1;

/** Physical qubits of one distance-d surface-code logical qubit: d² data + d² − 1 measure qubits. */
export function surfaceCodeQubits(d: number): number {
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`invalid distance: ${d} (expected a positive integer)`);
  return 2 * d * d - 1;
}

/** ε_d ≈ A·(p/p_th)^((d+1)/2). */
export function logicalErrorPerCycle(p: number, d: number, model: SurfaceCodeModel = {}): number {
  const { threshold = SURFACE_CODE_THRESHOLD, prefactor = SURFACE_CODE_PREFACTOR } = model;
  if (!(p > 0 && p < 1)) throw new RangeError(`invalid physical error: ${p} (expected 0 < p < 1)`);
  return prefactor * Math.pow(p / threshold, (d + 1) / 2);
}

export interface DistanceResult {
  /** Smallest odd distance ≥ 3 reaching the target, or NaN when none does. */
  readonly distance: number;
  readonly feasible: boolean;
  readonly reason: string;
}

/** Smallest odd d ≥ 3 with ε_d ≤ target. Infeasible at or above threshold (ε grows with d). */
export function requiredDistance(p: number, targetPerCycle: number, model: SurfaceCodeModel = {}): DistanceResult {
  const { threshold = SURFACE_CODE_THRESHOLD, maxDistance = 201 } = model;
  if (!(targetPerCycle > 0 && targetPerCycle < 1)) throw new RangeError(`invalid target: ${targetPerCycle} (expected 0 < target < 1)`);
  if (p >= threshold) return { distance: Number.NaN, feasible: false, reason: `p = ${p} ≥ threshold ${threshold}: a larger code makes it worse` };
  for (let d = 3; d <= maxDistance; d += 2) {
    if (logicalErrorPerCycle(p, d, model) <= targetPerCycle) return { distance: d, feasible: true, reason: `ε_${d} ≤ ${targetPerCycle.toExponential(2)}` };
  }
  return { distance: Number.NaN, feasible: false, reason: `no distance ≤ ${maxDistance} reaches the target` };
}

/** Willow-style extrapolation from a measured ε at distance d0 and suppression factor Λ per Δd = 2. */
export function extrapolatedDistance(eps0: number, d0: number, lambda: number, targetPerCycle: number, maxDistance = 201): DistanceResult {
  if (!(lambda > 1)) return { distance: Number.NaN, feasible: false, reason: `Λ = ${lambda} ≤ 1: no suppression` };
  for (let d = Math.max(3, d0 % 2 ? 3 : 4); d <= maxDistance; d += 2) {
    if (eps0 * Math.pow(lambda, -(d - d0) / 2) <= targetPerCycle) return { distance: d, feasible: true, reason: `ε_${d0}·Λ^{-(d−${d0})/2} ≤ target` };
  }
  return { distance: Number.NaN, feasible: false, reason: `no distance ≤ ${maxDistance} reaches the target` };
}

export interface QecPlanInput {
  /** Physical error rate per operation (the two-qubit gate error, the dominant one). */
  readonly physicalError: number;
  readonly logicalQubits?: number;
  /** How long the logical state must survive, μs (the roadmap's 50 ms window). */
  readonly holdUs?: number;
  /** Duration of one error-correction cycle, μs. */
  readonly cycleUs: number;
  /** Allowed total logical failure probability over the hold (1 − 0.95 for the roadmap's 95 %). */
  readonly failureBudget?: number;
  readonly model?: SurfaceCodeModel;
}

export interface QecPlan {
  readonly cycles: number;
  readonly targetPerCycle: number;
  readonly distance: number;
  readonly feasible: boolean;
  readonly physicalPerLogical: number;
  readonly totalPhysical: number;
  readonly reason: string;
}

/**
 * Physical qubits for `logicalQubits` surface-code qubits to keep total failure ≤ budget over the hold:
 * per-cycle target = budget / (logical qubits × cycles) (union bound; ancillas for gates not counted, so this
 * is a lower bound).
 */
export function qecPlan(input: QecPlanInput): QecPlan {
  const { physicalError, logicalQubits = 14, holdUs = 50_000, cycleUs, failureBudget = 0.05, model } = input;
  if (!(cycleUs > 0)) throw new RangeError(`invalid cycleUs: ${cycleUs} (expected > 0)`);
  if (!(holdUs > 0)) throw new RangeError(`invalid holdUs: ${holdUs} (expected > 0)`);
  const cycles = Math.max(1, Math.ceil(holdUs / cycleUs));
  const targetPerCycle = failureBudget / (logicalQubits * cycles);
  const r = requiredDistance(physicalError, targetPerCycle, model);
  const perLogical = r.feasible ? surfaceCodeQubits(r.distance) : Number.POSITIVE_INFINITY;
  return { cycles, targetPerCycle, distance: r.distance, feasible: r.feasible, physicalPerLogical: perLogical, totalPhysical: perLogical * logicalQubits, reason: r.reason };
}
