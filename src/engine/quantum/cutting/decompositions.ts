/**
 * Quasi-probability decompositions of the two cut types, as data.
 *
 * A term is a pair of LOCAL actions (side 0, side 1) with a real coefficient; the cut object
 * equals Σ coeff · (action0 ⊗ action1) as a linear map. Local actions are 1-qubit gates and
 * "weighted Z measurements" (measure Z, multiply the shot by +1 for outcome 0 and −1 for 1).
 * γ = Σ|coeff|; sampling overhead γ² per cut.
 *
 * Wire cut (Peng, Harrow, Ozols, Wu, PRL 125, 150504 (2020)): the identity channel is
 * ρ = ½ Σ_{σ∈{I,X,Y,Z}} Tr(σρ) σ, and each σ is written with its eigenstates, giving 8
 * measure-and-prepare terms with coefficients ±½: γ = 4, overhead 16. Side 0 is the upstream
 * wire (measured), side 1 the downstream wire (a fresh qubit prepared in an eigenstate).
 *
 * CZ cut (Mitarai & Fujii, NJP 23, 023021 (2021)): CZ ∝ (S⊗S)·e^{iπ/4 Z⊗Z}, and for A = Z⊗Z,
 * U(θ)ρU(θ)† = cos²θ ρ + sin²θ AρA + cosθ sinθ · i[A, ρ] with
 * i[Z⊗Z, ρ] = (M_Z ⊗ i[Z, ·]) + (i[Z, ·] ⊗ M_Z), M_Z(ρ) = P0ρP0 − P1ρP1 and
 * i[Z, ·] = R₊ − R₋ (R± conjugation by e^{±iπ/4 Z}). At θ = π/4, absorbing S⊗S:
 *   CZ = ½[S⊗S] + ½[S†⊗S†] + ½[M_Z⊗I] − ½[M_Z⊗Z] + ½[I⊗M_Z] − ½[Z⊗M_Z]:  6 terms, γ = 3, overhead 9.
 * CX(c, t) = (I⊗H)·CZ·(I⊗H) on the target, so its terms are the CZ terms wrapped in H on side 1.
 */

export type LocalAction =
  | { readonly kind: 'gate'; readonly gate: string }
  | { readonly kind: 'measureZ' };

export interface CutTerm {
  readonly coeff: number;
  readonly side0: readonly LocalAction[];
  readonly side1: readonly LocalAction[];
  /** Short human label, e.g. 'meas X → prep |−⟩'. */
  readonly label: string;
}

export interface CutDecomposition {
  readonly id: 'wire' | 'cz' | 'cx';
  readonly terms: readonly CutTerm[];
  /** Σ|coeff|. */
  readonly gamma: number;
}

const g = (gate: string): LocalAction => ({ kind: 'gate', gate });
const MZ: LocalAction = { kind: 'measureZ' };

const MEASURE: Record<'I' | 'X' | 'Y' | 'Z', LocalAction[]> = { I: [], X: [g('h'), MZ], Y: [g('sdg'), g('h'), MZ], Z: [MZ] };
const PREP: Record<string, LocalAction[]> = {
  '0': [], '1': [g('x')], '+': [g('h')], '−': [g('x'), g('h')], '+i': [g('h'), g('s')], '−i': [g('x'), g('h'), g('s')],
};

function wireTerm(basis: 'I' | 'X' | 'Y' | 'Z', prep: string, coeff: number): CutTerm {
  return { coeff, side0: MEASURE[basis], side1: PREP[prep], label: `meas ${basis} → prep |${prep}⟩` };
}

function gamma(terms: readonly CutTerm[]): number {
  return terms.reduce((s, t) => s + Math.abs(t.coeff), 0);
}

const WIRE_TERMS: CutTerm[] = [
  wireTerm('I', '0', 0.5), wireTerm('I', '1', 0.5),
  wireTerm('X', '+', 0.5), wireTerm('X', '−', -0.5),
  wireTerm('Y', '+i', 0.5), wireTerm('Y', '−i', -0.5),
  wireTerm('Z', '0', 0.5), wireTerm('Z', '1', -0.5),
];

const CZ_TERMS: CutTerm[] = [
  { coeff: 0.5, side0: [g('s')], side1: [g('s')], label: 'S ⊗ S' },
  { coeff: 0.5, side0: [g('sdg')], side1: [g('sdg')], label: 'S† ⊗ S†' },
  { coeff: 0.5, side0: [MZ], side1: [], label: 'M_Z ⊗ I' },
  { coeff: -0.5, side0: [MZ], side1: [g('z')], label: 'M_Z ⊗ Z' },
  { coeff: 0.5, side0: [], side1: [MZ], label: 'I ⊗ M_Z' },
  { coeff: -0.5, side0: [g('z')], side1: [MZ], label: 'Z ⊗ M_Z' },
];

const CX_TERMS: CutTerm[] = CZ_TERMS.map((t) => ({ ...t, side1: [g('h'), ...t.side1, g('h')], label: `${t.label} (H-conjugated target)` }));

export const WIRE_CUT: CutDecomposition = { id: 'wire', terms: WIRE_TERMS, gamma: gamma(WIRE_TERMS) };
export const CZ_CUT: CutDecomposition = { id: 'cz', terms: CZ_TERMS, gamma: gamma(CZ_TERMS) };
export const CX_CUT: CutDecomposition = { id: 'cx', terms: CX_TERMS, gamma: gamma(CX_TERMS) };

/** Decomposition for a cuttable two-qubit gate id. */
export function gateCutDecomposition(gate: string): CutDecomposition {
  if (gate === 'cz') return CZ_CUT;
  if (gate === 'cx') return CX_CUT;
  throw new RangeError(`invalid gate cut: '${gate}' (expected cz or cx)`);
}
