/** Named circuits used by tests, notebooks and the benchmark (one definition each). */
import type { Circuit, Op } from './circuit.ts';
import { buildCircuit, createCircuit, withOps } from './circuit.ts';

export function bellCircuit(): Circuit {
  return buildCircuit(2).h(0).cx(0, 1).build();
}

/** H on qubit 0, then a CX ladder: (|0…0⟩ + |1…1⟩)/√2. */
export function ghzCircuit(nQubits: number): Circuit {
  const b = buildCircuit(nQubits).h(0);
  for (let q = 0; q + 1 < nQubits; q++) b.cx(q, q + 1);
  return b.build();
}

/** Quantum Fourier transform with the final qubit reversal: |j⟩ → 2^{−n/2} Σ_k e^{2πijk/2ⁿ}|k⟩. */
export function qftCircuit(nQubits: number): Circuit {
  const b = buildCircuit(nQubits);
  for (let j = nQubits - 1; j >= 0; j--) {
    b.h(j);
    for (let k = j - 1; k >= 0; k--) b.cp(Math.PI / 2 ** (j - k), k, j);
  }
  for (let i = 0; i < Math.floor(nQubits / 2); i++) b.swap(i, nQubits - 1 - i);
  return b.build();
}

/**
 * The roadmap's aggregator: RY(2·asin√pᵢ) on qubit i, then CX(0,1)…CX(n−2,n−1). Qubit n−1
 * then holds the parity of independent Bernoulli(pᵢ) bits: P(1) = (1 − ∏(1 − 2pᵢ))/2.
 */
export function roadmapAggregatorCircuit(probabilities: readonly number[]): Circuit {
  const n = probabilities.length;
  const ops: Op[] = [];
  probabilities.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`invalid probabilities[${i}]: ${p} (expected 0–1)`);
    ops.push({ kind: 'gate', gate: 'ry', qubits: [i], params: [2 * Math.asin(Math.sqrt(p))] });
  });
  for (let q = 0; q + 1 < n; q++) ops.push({ kind: 'gate', gate: 'cx', qubits: [q, q + 1], params: [] });
  return withOps(createCircuit(n), ops);
}

/**
 * The benchmark circuit: `layers` layers; layer L applies RY(θ_{L,q}) (L even) or H (L odd)
 * to every qubit, then CX(q, q+1) for q = 0…n−2. θ_{L,q} = 0.1 + 0.05·(L·n + q), all
 * distinct, so the state is dense. bench/c/statevector.c runs the same circuit.
 */
export function layeredBenchmarkCircuit(nQubits: number, layers = 10): Circuit {
  const ops: Op[] = [];
  for (let L = 0; L < layers; L++) {
    for (let q = 0; q < nQubits; q++) {
      ops.push(L % 2 === 0
        ? { kind: 'gate', gate: 'ry', qubits: [q], params: [0.1 + 0.05 * (L * nQubits + q)] }
        : { kind: 'gate', gate: 'h', qubits: [q], params: [] });
    }
    for (let q = 0; q + 1 < nQubits; q++) ops.push({ kind: 'gate', gate: 'cx', qubits: [q, q + 1], params: [] });
  }
  return withOps(createCircuit(nQubits), ops);
}
