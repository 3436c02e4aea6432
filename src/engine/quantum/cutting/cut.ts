/**
 * Circuit cutting: partition a unitary circuit at wire cuts and CZ/CX gate cuts into independent
 * fragments, simulate each fragment on the statevector for every term of the cuts touching it,
 * and recombine ⟨Pauli observable⟩ exactly or from sampled shots.
 *
 * Fragments: every qubit wire is split into segments at its wire cuts; non-cut multi-qubit gates
 * join segments (union-find); a fragment is a connected set of segments and runs as its own
 * small circuit (one fragment qubit per segment). Because every term is a product of local
 * actions and the observable is a Pauli product, ⟨O⟩ = Σ_terms ∏coeff · ∏_fragments v_f(term),
 * where v_f = E[(±1 mid-circuit weights)·(±1 observable outcome)] ∈ [−1, 1].
 */
import type { Circuit } from '../circuit.ts';
import { validateCircuit } from '../circuit.ts';
import { Statevector, MAX_STATEVECTOR_QUBITS } from '../statevector.ts';
import { expectationPauliAmps } from '../pauli.ts';
import { createRng, uniformStream } from '../../random.ts';
import { WIRE_CUT, gateCutDecomposition, type CutDecomposition, type LocalAction } from './decompositions.ts';

export type CutSpec =
  /** Cut qubit `qubit`'s wire after op index `afterOp` (−1 = before the first op). */
  | { readonly kind: 'wire'; readonly qubit: number; readonly afterOp: number }
  /** Replace the CZ/CX at op index `opIndex` by its quasi-probability decomposition. */
  | { readonly kind: 'gate'; readonly opIndex: number };

/** Upper bound on term combinations enumerated exactly (8^6 or 6^7 ≈ 2.6e5). */
export const MAX_TERM_COMBINATIONS = 300_000;

type FragOp =
  | { readonly kind: 'gate'; readonly gate: string; readonly qubits: number[]; readonly params: readonly number[] }
  | { readonly kind: 'slot'; readonly cut: number; readonly side: 0 | 1; readonly qubit: number };

export interface Fragment {
  /** Original qubit of each fragment qubit (a qubit appears twice when a wire cut stays inside). */
  readonly originalQubits: readonly number[];
  readonly width: number;
  /** Cut indices whose terms this fragment depends on (sorted). */
  readonly cuts: readonly number[];
  readonly ops: readonly FragOp[];
  /** Observable restricted to this fragment (char i ↔ fragment qubit i). */
  readonly observable: string;
}

export interface CutPlan {
  readonly nQubits: number;
  readonly observable: string;
  readonly cuts: readonly CutSpec[];
  readonly decompositions: readonly CutDecomposition[];
  readonly fragments: readonly Fragment[];
  readonly nWireCuts: number;
  readonly nGateCuts: number;
  /** Joint term assignments = ∏ terms per cut (8 per wire cut, 6 per gate cut). */
  readonly subExperiments: number;
  /** Distinct fragment circuits to run = Σ_f ∏_{cuts touching f} terms. */
  readonly fragmentCircuits: number;
  /** ∏ γ (4 per wire cut, 3 per gate cut). */
  readonly gamma: number;
  /** Sampling overhead γ² = 16^w · 9^g. */
  readonly samplingOverhead: number;
}

/** Partition `circuit` at `cuts` for the Pauli `observable` (char i ↔ qubit i). */
export function planCuts(circuit: Circuit, cuts: readonly CutSpec[], observable: string): CutPlan {
  const c = validateCircuit(circuit);
  const n = c.nQubits;
  if (typeof observable !== 'string' || observable.length !== n || !/^[IXYZ]+$/i.test(observable)) {
    throw new RangeError(`invalid observable: '${observable}' (expected ${n} characters from I, X, Y, Z)`);
  }
  for (const op of c.ops) {
    if (op.kind === 'measure' || op.kind === 'reset') throw new RangeError(`invalid circuit for cutting: contains '${op.kind}' (expected gates only; the observable is measured at the end)`);
  }
  const decomps: CutDecomposition[] = [];
  const wireAt = new Map<number, number[]>(); // afterOp → cut indices
  const gateCutAt = new Map<number, number>(); // opIndex → cut index
  cuts.forEach((cut, k) => {
    if (cut.kind === 'wire') {
      if (!Number.isInteger(cut.qubit) || cut.qubit < 0 || cut.qubit >= n) throw new RangeError(`invalid cut ${k} qubit: ${cut.qubit} (expected 0–${n - 1})`);
      if (!Number.isInteger(cut.afterOp) || cut.afterOp < -1 || cut.afterOp >= c.ops.length) throw new RangeError(`invalid cut ${k} afterOp: ${cut.afterOp} (expected −1–${c.ops.length - 1})`);
      decomps.push(WIRE_CUT);
      wireAt.set(cut.afterOp, [...(wireAt.get(cut.afterOp) ?? []), k]);
    } else if (cut.kind === 'gate') {
      const op = c.ops[cut.opIndex];
      if (!op || op.kind !== 'gate') throw new RangeError(`invalid cut ${k} opIndex: ${cut.opIndex} (expected the index of a cz or cx gate)`);
      if (gateCutAt.has(cut.opIndex)) throw new RangeError(`invalid cut ${k}: op ${cut.opIndex} is already cut`);
      decomps.push(gateCutDecomposition(op.gate));
      gateCutAt.set(cut.opIndex, k);
    } else throw new TypeError(`invalid cut ${k}: ${JSON.stringify(cut)} (expected kind 'wire' or 'gate')`);
  });
  for (const [after, ks] of wireAt) {
    const qs = ks.map((k) => (cuts[k] as { qubit: number }).qubit);
    if (new Set(qs).size !== qs.length) throw new RangeError(`invalid cuts: two wire cuts on the same qubit after op ${after}`);
  }

  // Pass 1: segments and union-find.
  const parent: number[] = [];
  const segQubit: number[] = [];
  const newSeg = (q: number): number => { parent.push(parent.length); segQubit.push(q); return parent.length - 1; };
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  const union = (a: number, b: number): void => { const ra = find(a), rb = find(b); if (ra !== rb) parent[ra] = rb; };
  const seg = Array.from({ length: n }, (_, q) => newSeg(q));
  type Ev = { kind: 'gate'; op: number; segs: number[] } | { kind: 'slot'; cut: number; side: 0 | 1; seg: number };
  const events: Ev[] = [];
  const doWireCuts = (after: number): void => {
    for (const k of wireAt.get(after) ?? []) {
      const q = (cuts[k] as { qubit: number }).qubit;
      const up = seg[q], down = newSeg(q);
      events.push({ kind: 'slot', cut: k, side: 0, seg: up }, { kind: 'slot', cut: k, side: 1, seg: down });
      seg[q] = down;
    }
  };
  doWireCuts(-1);
  c.ops.forEach((op, i) => {
    if (op.kind === 'gate') {
      const segs = op.qubits.map((q) => seg[q]);
      const k = gateCutAt.get(i);
      if (k !== undefined) {
        events.push({ kind: 'slot', cut: k, side: 0, seg: segs[0] }, { kind: 'slot', cut: k, side: 1, seg: segs[1] });
      } else {
        for (let j = 1; j < segs.length; j++) union(segs[0], segs[j]);
        events.push({ kind: 'gate', op: i, segs });
      }
    }
    doWireCuts(i);
  });

  // Pass 2: fragments.
  const rootToFrag = new Map<number, number>();
  const fragSegs: number[][] = [];
  for (let s = 0; s < parent.length; s++) {
    const r = find(s);
    if (!rootToFrag.has(r)) { rootToFrag.set(r, fragSegs.length); fragSegs.push([]); }
    fragSegs[rootToFrag.get(r) as number].push(s);
  }
  const local = new Int32Array(parent.length);
  fragSegs.forEach((ss) => ss.forEach((s, i) => { local[s] = i; }));
  const fragOf = (s: number): number => rootToFrag.get(find(s)) as number;
  const ops: FragOp[][] = fragSegs.map(() => []);
  const fcuts: Set<number>[] = fragSegs.map(() => new Set());
  for (const e of events) {
    if (e.kind === 'gate') {
      const op = c.ops[e.op] as { gate: string; params: readonly number[] };
      ops[fragOf(e.segs[0])].push({ kind: 'gate', gate: op.gate, qubits: e.segs.map((s) => local[s]), params: op.params });
    } else {
      const f = fragOf(e.seg);
      ops[f].push({ kind: 'slot', cut: e.cut, side: e.side, qubit: local[e.seg] });
      fcuts[f].add(e.cut);
    }
  }
  const fragments: Fragment[] = fragSegs.map((ss, f) => {
    const obs = ss.map(() => 'I');
    for (let q = 0; q < n; q++) if (fragOf(seg[q]) === f) obs[local[seg[q]]] = observable[q].toUpperCase();
    if (ss.length > MAX_STATEVECTOR_QUBITS) throw new RangeError(`invalid cuts: fragment ${f} has ${ss.length} qubits (expected ≤ ${MAX_STATEVECTOR_QUBITS}; add cuts)`);
    return { originalQubits: ss.map((s) => segQubit[s]), width: ss.length, cuts: [...fcuts[f]].sort((a, b) => a - b), ops: ops[f], observable: obs.join('') };
  });
  const subExperiments = decomps.reduce((p, d) => p * d.terms.length, 1);
  const fragmentCircuits = fragments.reduce((s, fr) => s + fr.cuts.reduce((p, k) => p * decomps[k].terms.length, 1), 0);
  const gamma = decomps.reduce((p, d) => p * d.gamma, 1);
  return {
    nQubits: n, observable, cuts, decompositions: decomps, fragments,
    nWireCuts: cuts.filter((x) => x.kind === 'wire').length, nGateCuts: cuts.filter((x) => x.kind === 'gate').length,
    subExperiments, fragmentCircuits, gamma, samplingOverhead: gamma * gamma,
  };
}

/** Zero the amplitudes with qubit ≠ outcome (no renormalisation: branches carry their probability). */
function projectUnnormalised(st: Statevector, qubit: number, outcome: 0 | 1): void {
  const a = st.amps, bit = 1 << qubit, dim = 1 << st.nQubits;
  for (let i = 0; i < dim; i++) if (((i & bit) !== 0) !== (outcome === 1)) { a[2 * i] = 0; a[2 * i + 1] = 0; }
}

/**
 * v_f for one term assignment: simulate the fragment, branching at each weighted measurement
 * (+ for outcome 0, − for 1), and sum weight · ⟨ψ_branch|O|ψ_branch⟩ over unnormalised branches.
 */
export function fragmentValue(plan: CutPlan, f: number, termOf: (cut: number) => number): number {
  const fr = plan.fragments[f];
  const run = (st: Statevector, from: number, weight: number): number => {
    for (let i = from; i < fr.ops.length; i++) {
      const op = fr.ops[i];
      if (op.kind === 'gate') { st.applyGate(op.gate, op.qubits, op.params); continue; }
      const term = plan.decompositions[op.cut].terms[termOf(op.cut)];
      const actions: readonly LocalAction[] = op.side === 0 ? term.side0 : term.side1;
      for (let a = 0; a < actions.length; a++) {
        const act = actions[a];
        if (act.kind === 'gate') { st.applyGate(act.gate, [op.qubit]); continue; }
        // weighted Z measurement: branch, then finish the remaining actions of this slot and the ops
        const rest = actions.slice(a + 1);
        let total = 0;
        for (const outcome of [0, 1] as const) {
          const b = outcome === 0 ? st.clone() : st;
          projectUnnormalised(b, op.qubit, outcome);
          if (b.norm() === 0) continue;
          for (const r of rest) {
            if (r.kind !== 'gate') throw new Error('internal: two measurements in one cut action');
            b.applyGate(r.gate, [op.qubit]);
          }
          total += run(b, i + 1, outcome === 0 ? weight : -weight);
        }
        return total;
      }
    }
    return weight * expectationPauliAmps(st.amps, st.nQubits, fr.observable);
  };
  return run(Statevector.zero(fr.width), 0, 1);
}

/** Value tables per fragment: table[f][mixed-radix index over fragment.cuts]. */
function fragmentTables(plan: CutPlan): Float64Array[] {
  return plan.fragments.map((fr, f) => {
    const radices = fr.cuts.map((k) => plan.decompositions[k].terms.length);
    const size = radices.reduce((p, r) => p * r, 1);
    const table = new Float64Array(size);
    const assign = new Map<number, number>();
    for (let idx = 0; idx < size; idx++) {
      let x = idx;
      fr.cuts.forEach((k, j) => { assign.set(k, x % radices[j]); x = Math.floor(x / radices[j]); });
      table[idx] = fragmentValue(plan, f, (k) => assign.get(k) as number);
    }
    return table;
  });
}

/** Iterate all joint term assignments: callback gets the assignment array and ∏ coefficients. */
function forEachCombination(plan: CutPlan, cb: (terms: Int32Array, coeff: number) => void): void {
  if (plan.subExperiments > MAX_TERM_COMBINATIONS) {
    throw new RangeError(`invalid cuts: ${plan.subExperiments} term combinations (expected ≤ ${MAX_TERM_COMBINATIONS}; use fewer cuts)`);
  }
  const k = plan.decompositions.length;
  const terms = new Int32Array(k);
  for (let idx = 0; idx < plan.subExperiments; idx++) {
    let x = idx, coeff = 1;
    for (let j = 0; j < k; j++) {
      const nt = plan.decompositions[j].terms.length;
      terms[j] = x % nt; x = Math.floor(x / nt);
      coeff *= plan.decompositions[j].terms[terms[j]].coeff;
    }
    cb(terms, coeff);
  }
}

function tableIndex(plan: CutPlan, f: number, terms: Int32Array): number {
  let idx = 0, mul = 1;
  for (const k of plan.fragments[f].cuts) { idx += terms[k] * mul; mul *= plan.decompositions[k].terms.length; }
  return idx;
}

/** Per-sub-experiment exact values ∏_f v_f and coefficients. */
export function subExperimentValues(plan: CutPlan): { values: Float64Array; coeffs: Float64Array } {
  const tables = fragmentTables(plan);
  const values = new Float64Array(plan.subExperiments), coeffs = new Float64Array(plan.subExperiments);
  let i = 0;
  forEachCombination(plan, (terms, coeff) => {
    let v = 1;
    for (let f = 0; f < plan.fragments.length; f++) v *= tables[f][tableIndex(plan, f, terms)];
    values[i] = v; coeffs[i] = coeff; i++;
  });
  return { values, coeffs };
}

/** Exact reconstruction of ⟨O⟩ from the fragments (all terms, no sampling). */
export function reconstructExact(plan: CutPlan): number {
  const { values, coeffs } = subExperimentValues(plan);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += coeffs[i] * values[i];
  return s;
}

export type ShotMode =
  /** N shots for every sub-experiment (joint term assignment); total shots N·subExperiments. */
  | 'perSubExperiment'
  /** N shots in total, each on a term drawn with probability |coeff|/γ (quasi-probability sampling). */
  | 'qpd';

export interface ShotOptions {
  readonly shots: number;
  readonly seed?: number | string;
  readonly mode?: ShotMode;
}

export interface ShotEstimate {
  readonly estimate: number;
  readonly totalShots: number;
}

function checkShots(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 1e8) throw new RangeError(`invalid shots: ${n} (expected 1–1e8)`);
}

/**
 * Shot-based reconstruction. Each shot of a sub-experiment is ±1 with mean ∏_f v_f: the fragments
 * are independent, so each fragment's shot is drawn as ±1 with P(+1) = (1 + v_f)/2, exactly the
 * distribution of running it on hardware and multiplying the mid-circuit and final ±1 outcomes.
 */
export function reconstructFromShots(plan: CutPlan, options: ShotOptions, cached?: ReturnType<typeof subExperimentValues>): ShotEstimate {
  checkShots(options.shots);
  // The uniforms of createRng(seed).next(), drawn in chunks (uniformStream: same stream, no call per number).
  const stream = uniformStream(options.seed ?? 0), CHUNK = 4096, u01 = new Float64Array(CHUNK);
  let used = CHUNK;
  const { values, coeffs } = cached ?? subExperimentValues(plan);
  const mode = options.mode ?? 'perSubExperiment';
  if (mode === 'perSubExperiment') {
    let est = 0;
    for (let i = 0; i < values.length; i++) {
      const p = (1 + values[i]) / 2;
      let plus = 0;
      for (let s = 0; s < options.shots;) {
        if (used === CHUNK) { stream.fill(u01); used = 0; }
        const end = Math.min(CHUNK, used + (options.shots - s));
        s += end - used;
        for (; used < end; used++) if (u01[used] < p) plus++;
      }
      est += coeffs[i] * ((2 * plus) / options.shots - 1);
    }
    return { estimate: est, totalShots: options.shots * values.length };
  }
  // QPD: draw a sub-experiment with probability |c|/γ, record sign(c)·γ·(±1 shot).
  const cdf = new Float64Array(values.length);
  let acc = 0;
  for (let i = 0; i < values.length; i++) { acc += Math.abs(coeffs[i]); cdf[i] = acc; }
  const last = values.length - 1;
  // The drawn term is the first i with cdf[i] > u (the last if none). A guide table (Chen & Asau) starts the
  // search near it and two short scans finish it, so the term is exactly the binary search's (tested).
  const G = 4 * values.length, guide = new Int32Array(G);
  for (let g = 0, i = 0; g < G; g++) {
    const edge = (g / G) * acc;
    while (i < last && !(cdf[i] > edge)) i++;
    guide[g] = i;
  }
  let sum = 0;
  for (let s = 0; s < options.shots; s++) {
    if (used + 2 > CHUNK) { // two uniforms per shot; CHUNK is even, so a pair never straddles two fills
      stream.fill(u01); used = 0;
    }
    const u = u01[used++] * acc;
    let lo = guide[acc > 0 ? Math.min(G - 1, Math.floor((u / acc) * G)) : 0];
    while (lo > 0 && cdf[lo - 1] > u) lo--;
    while (lo < last && !(cdf[lo] > u)) lo++;
    const shot = u01[used++] < (1 + values[lo]) / 2 ? 1 : -1;
    sum += Math.sign(coeffs[lo]) * shot;
  }
  return { estimate: (acc * sum) / options.shots, totalShots: options.shots };
}

export interface SpreadResult {
  readonly exact: number;
  readonly mean: number;
  /** Sample standard deviation of the estimator over repetitions. */
  readonly empiricalStd: number;
  /** γ^k/√(total shots per repetition): the worst-case (⟨O⟩ ≈ 0 per term) standard deviation. */
  readonly predictedStd: number;
  readonly totalShots: number;
  readonly repetitions: number;
}

/** Repeat the shot-based estimator with independent seeds and measure its spread. */
export function measureCutSpread(plan: CutPlan, options: ShotOptions & { readonly repetitions: number }): SpreadResult {
  if (!Number.isInteger(options.repetitions) || options.repetitions < 2 || options.repetitions > 1e5) {
    throw new RangeError(`invalid repetitions: ${options.repetitions} (expected 2–100000)`);
  }
  const cached = subExperimentValues(plan);
  let exact = 0;
  for (let i = 0; i < cached.values.length; i++) exact += cached.coeffs[i] * cached.values[i];
  const root = createRng(options.seed ?? 0);
  let mean = 0, m2 = 0, total = 0;
  for (let r = 0; r < options.repetitions; r++) {
    const e = reconstructFromShots(plan, { ...options, seed: root.fork(r).nextUint32() }, cached);
    total = e.totalShots;
    const d = e.estimate - mean;
    mean += d / (r + 1);
    m2 += d * (e.estimate - mean);
  }
  return {
    exact, mean, empiricalStd: Math.sqrt(m2 / (options.repetitions - 1)), predictedStd: plan.gamma / Math.sqrt(total),
    totalShots: total, repetitions: options.repetitions,
  };
}
