/**
 * The real-statevector fast path of the variational circuit (vqcReal.ts) against the engine (the reference):
 * ⟨Z⟩ against `simulate`, the gradient against the engine's `adjointGradient`, and whole fits (training,
 * early stopping, predictions) against the 'engine' and 'local' gradients.
 */
import { describe, it, expect } from 'vitest';
import { simulate } from '../../../src/engine/quantum/statevector';
import { adjointGradient } from '../../../src/engine/quantum/gradients';
import { createRng } from '../../../src/engine/random';
import { createVqcAggregator, vqcCircuit, vqcParamRefs } from '../../../src/engine/ensemble/aggregators/vqc';
import { vqcRealWork, vqcRealZ, vqcRealZGradient } from '../../../src/engine/ensemble/aggregators/vqcReal';
import { syntheticBoard } from '../../../src/engine/ensemble/index';

const engineZ = (row: ArrayLike<number>, theta: Float64Array, layers: number): number =>
  1 - 2 * simulate(vqcCircuit(row, theta, layers)).state.probabilityOfOne(row.length - 1);

describe('variational circuit on a real statevector (fast path)', () => {
  it('⟨Z⟩ and its gradient equal the engine\'s simulate and adjointGradient for n = 1…7, L = 1…4', () => {
    const rng = createRng(12);
    for (let n = 1; n <= 8; n++) for (let layers = 1; layers <= 4; layers++) {
      // rows include the clamped edges and a missing value (NaN → 0.5)
      const row = Float64Array.from({ length: n }, (_, i) => (i === 0 && n > 3 ? NaN : i === 1 && n > 4 ? 1 : rng.next()));
      const theta = Float64Array.from({ length: n * layers }, () => 2 * rng.normal());
      const w = vqcRealWork(n), grad = new Float64Array(theta.length);
      const z = vqcRealZGradient(row, theta, layers, n - 1, w, grad);
      expect(Math.abs(z - engineZ(row, theta, layers))).toBeLessThan(1e-13);
      // the fused forward (ring gather and readout folded into the RY passes, n even ≥ 4) against the plain one
      expect(Math.abs(vqcRealZ(row, theta, layers, n - 1, w) - z)).toBeLessThan(1e-14);
      const ref = adjointGradient(vqcCircuit(row, theta, layers), 'I'.repeat(n - 1) + 'Z', vqcParamRefs(n, layers));
      // the engine's own adjoint pass carries ~1e-13 of uncompute rounding (see the closed form below)
      for (let j = 0; j < theta.length; j++) expect(Math.abs(grad[j] - ref.gradient[j]), `n ${n} L ${layers} θ${j}`).toBeLessThan(1e-12);
    }
  });

  it('one qubit: ⟨Z⟩ = cos(φ + Σθ) and every dZ/dθ = −sin(φ + Σθ) (closed form, to 1e-15)', () => {
    const row = Float64Array.of(0.37), theta = Float64Array.of(0.4, -1.3, 2.2);
    const w = vqcRealWork(1), grad = new Float64Array(3);
    const z = vqcRealZGradient(row, theta, 3, 0, w, grad);
    const total = 2 * Math.asin(Math.sqrt(0.37)) + 0.4 - 1.3 + 2.2;
    expect(Math.abs(z - Math.cos(total))).toBeLessThan(1e-15);
    for (const g of grad) expect(Math.abs(g + Math.sin(total))).toBeLessThan(1e-15);
  });

  it('the 14-qubit default circuit: value and gradient equal the engine to 1e-12 on random rows, buffers reused', () => {
    const rng = createRng(5);
    const n = 14, layers = 2, w = vqcRealWork(n);
    for (let k = 0; k < 4; k++) {
      const row = Float64Array.from({ length: n }, () => rng.next());
      const theta = Float64Array.from({ length: n * layers }, () => rng.normal());
      const grad = new Float64Array(theta.length);
      const z = vqcRealZGradient(row, theta, layers, n - 1, w, grad);
      const ref = adjointGradient(vqcCircuit(row, theta, layers), 'I'.repeat(n - 1) + 'Z', vqcParamRefs(n, layers));
      expect(Math.abs(z - ref.value)).toBeLessThan(1e-12);
      expect(Math.abs(vqcRealZ(row, theta, layers, n - 1, w) - ref.value)).toBeLessThan(1e-12);
      for (let j = 0; j < theta.length; j++) expect(Math.abs(grad[j] - ref.gradient[j])).toBeLessThan(1e-12);
    }
  });

  it('fits with the real, engine and local gradients end at the same model and predictions (early stopping on)', () => {
    const b = syntheticBoard({ nBars: 160, nMembers: 6, seed: 4, warmupBars: 0 });
    const opts = { layers: 2, maxTrainRows: 64, epochs: 6, minTrainRows: 8, l2: 1e-3, validationShare: 0.25, patience: 2 } as const;
    const fits = (['real', 'engine', 'local'] as const).map((gradient) => createVqcAggregator({ ...opts, gradient }).fit(b, [[0, 120]], { seed: 7 }));
    const [real, ...refs] = fits;
    const rng = createRng(8);
    for (const ref of refs) {
      const dr = real.diagnostics!(), df = ref.diagnostics!();
      for (const k of Object.keys(df)) expect(Math.abs(dr[k] - df[k]), k).toBeLessThan(1e-12);
      for (let j = 0; j < real.model!.theta.length; j++) expect(Math.abs(real.model!.theta[j] - ref.model!.theta[j])).toBeLessThan(1e-12);
      expect(Math.abs(real.model!.a - ref.model!.a)).toBeLessThan(1e-12);
      expect(Math.abs(real.model!.b - ref.model!.b)).toBeLessThan(1e-12);
      for (let k = 0; k < 20; k++) {
        const r = Float64Array.from({ length: 6 }, () => rng.next());
        expect(Math.abs(real.predict(r) - ref.predict(r))).toBeLessThan(1e-12);
      }
    }
  });
});
