import { describe, expect, it } from 'vitest';
import { buildCircuit } from '../../../src/engine/quantum/circuit.ts';
import { simulateDensity, DensityMatrix, type NoiseModel } from '../../../src/engine/quantum/density.ts';
import { simulateTrajectories, applyKrausJump } from '../../../src/engine/quantum/trajectories.ts';
import { CHANNELS } from '../../../src/engine/quantum/channels.ts';
import { simulate, Statevector } from '../../../src/engine/quantum/statevector.ts';
import { presetNoiseModel } from '../../../src/engine/quantum/presets.ts';
import { createRng } from '../../../src/engine/random.ts';

describe('trajectories vs density matrix (noisy circuits)', () => {
  const c = buildCircuit(4).h(0).cx(0, 1).ry(0.7, 2).cx(1, 2).cx(2, 3).rx(0.4, 3).build();
  const noise: NoiseModel = {
    after1q: [{ id: 'depolarizing', params: { p: 0.05 } }],
    after2q: [{ id: 'amplitude_damping', params: { gamma: 0.08 } }, { id: 'phase_flip', params: { p: 0.03 } }],
  };
  it('⟨Pauli⟩ from trajectories agrees with the density matrix within 4 SE', () => {
    const rho = simulateDensity(c, { noise }).state;
    for (const obs of ['ZZII', 'IZZZ', 'XXII']) {
      const est = simulateTrajectories(c, { noise, observable: obs, nTrajectories: 600, seed: obs });
      expect(Math.abs(est.mean - rho.expectationPauli(obs))).toBeLessThan(4 * est.stdError + 1e-12);
    }
  });
  it('fidelity with the ideal state agrees, also with a preset gate-noise model', () => {
    const ideal = simulate(c).state;
    const model = presetNoiseModel('ibm_brisbane');
    const rho = simulateDensity(c, { noise: model }).state;
    const est = simulateTrajectories(c, { noise: model, target: ideal, nTrajectories: 300, seed: 5 });
    expect(Math.abs(est.mean - rho.fidelityWithPure(ideal))).toBeLessThan(4 * est.stdError + 1e-9);
  });
  it('every registry channel: jump statistics reproduce the channel on one qubit (mean of |ψ⟩⟨ψ| ≈ ρ′)', () => {
    for (const ch of Object.values(CHANNELS)) {
      const params = ch.sampleParams(createRng(ch.id));
      const ops = ch.kraus(params);
      const psi = Statevector.zero(1).applyGate('u', [0], [1.1, 0.3, -0.4]);
      const exact = DensityMatrix.fromStatevector(psi).applyKraus(ops, [0]);
      const rng = createRng(1);
      const acc = new Float64Array(8);
      const N = 4000;
      for (let k = 0; k < N; k++) {
        const s = psi.clone();
        applyKrausJump(s, 0, ops, rng);
        const r = DensityMatrix.fromStatevector(s).data;
        for (let i = 0; i < 8; i++) acc[i] += r[i] / N;
      }
      for (let i = 0; i < 8; i++) expect(Math.abs(acc[i] - exact.data[i])).toBeLessThan(0.04);
    }
  });
});
