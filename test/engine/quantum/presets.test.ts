import { describe, expect, it } from 'vitest';
import { PRESET_LIST, getPreset, presetCoherence, presetNoiseModel } from '../../../src/engine/quantum/presets.ts';
import { simulateDensity } from '../../../src/engine/quantum/density.ts';
import { buildCircuit } from '../../../src/engine/quantum/circuit.ts';
import { expectClose } from '../../util/close.ts';

describe('hardware presets', () => {
  it('every preset value is cited (or marked as an assumption) and physical (T2 ≤ 2T1)', () => {
    expect(PRESET_LIST.length).toBeGreaterThanOrEqual(9);
    for (const p of PRESET_LIST) {
      for (const v of [p.qubits, p.t1Us, p.t2Us, p.gate1qNs, p.gate2qNs, p.readoutNs, p.repDelayUs, p.gate1qError, p.gate2qError, p.readoutError]) {
        if (!v) continue;
        expect(v.value).toBeGreaterThan(0);
        if (/no primary source/.test(v.source)) expect(v.note).toMatch(/Assumption/);
        else expect(v.source).toMatch(/https?:\/\/|arXiv|Qiskit\//);
      }
      for (const e of [p.gate1qError, p.gate2qError, p.readoutError]) if (e) expect(e.value).toBeLessThan(0.5);
      expect(() => presetCoherence(p)).not.toThrow();
    }
  });
  it('has the current device of each platform family, dated, with errors (issue 8 §5)', () => {
    for (const id of ['ibm_pittsburgh', 'google_willow', 'quantinuum_helios', 'ionq_forte', 'quera_harvard_rb']) {
      const p = getPreset(id);
      expect(p.gate2qError?.value).toBeGreaterThan(0);
      expect(p.gate2qError?.date ?? p.qubits?.date).toBeTruthy();
    }
    expect(new Set(PRESET_LIST.map((p) => p.platform))).toEqual(new Set(['superconducting', 'trapped-ion', 'neutral-atom']));
    // Willow: T2 is the paper's CPMG figure, not assumed equal to T1.
    const w = getPreset('google_willow');
    expect(w.t2Us.value).not.toBe(w.t1Us.value);
    expect(w.t2Us.note).not.toMatch(/[Aa]ssum.*T2 ≈ T1/);
    expect(w.t1Us.source).toMatch(/Nature 638/);
    // Stand-ins are labelled as such.
    expect(getPreset('ionq_forte').gate2qNs?.note).toMatch(/[Ss]tand-in/);
  });
  it('carries the roadmap-relevant numbers', () => {
    const k = getPreset('ibm_kingston');
    expect([k.gate1qNs?.value, k.gate2qNs?.value, k.readoutNs?.value, k.t1Us.value, k.t2Us.value]).toEqual([32, 68, 2280, 283, 144]);
    const b = getPreset('ibm_brisbane');
    expect([b.gate1qNs?.value, b.gate2qNs?.value, b.gate2qName, b.t1Us.value, b.t2Us.value]).toEqual([60, 660, 'ecr', 232, 150]);
    expect(getPreset('ionq_aria').t1Us.note).toMatch(/10 s/);
    expect(getPreset('atom_computing').t2Us.value).toBe(40e6);
    expect(() => getPreset('nope')).toThrow(/invalid preset: 'nope'/);
  });
  it('gate noise model idles each qubit for the gate duration', () => {
    const r = simulateDensity(buildCircuit(1).x(0).build(), { noise: presetNoiseModel('ibm_brisbane') }).state;
    expectClose(r.probabilityOfOne(0), Math.exp(-0.06 / 232), { abs: 1e-15 });
    expect(() => presetNoiseModel('google_willow')).toThrow(/no cited gate durations/);
  });
});
