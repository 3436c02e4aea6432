import { describe, expect, it } from 'vitest';
import { PRESET_LIST, getPreset, presetCoherence, presetNoiseModel } from '../../../src/engine/quantum/presets.ts';
import { simulateDensity } from '../../../src/engine/quantum/density.ts';
import { buildCircuit } from '../../../src/engine/quantum/circuit.ts';
import { expectClose } from '../../util/close.ts';

describe('hardware presets', () => {
  it('every preset value is cited and physical (T2 ≤ 2T1)', () => {
    expect(PRESET_LIST.length).toBeGreaterThanOrEqual(5);
    for (const p of PRESET_LIST) {
      for (const v of [p.t1Us, p.t2Us, p.gate1qNs, p.gate2qNs, p.readoutNs]) {
        if (!v) continue;
        expect(v.value).toBeGreaterThan(0);
        expect(v.source).toMatch(/https?:\/\/|arXiv|Qiskit\//);
      }
      expect(() => presetCoherence(p)).not.toThrow();
    }
  });
  it('carries the roadmap-relevant numbers', () => {
    const k = getPreset('ibm_kingston');
    expect([k.gate1qNs?.value, k.gate2qNs?.value, k.readoutNs?.value, k.t1Us.value, k.t2Us.value]).toEqual([32, 68, 2280, 283, 144]);
    const b = getPreset('ibm_brisbane');
    expect([b.gate1qNs?.value, b.gate2qNs?.value, b.gate2qName, b.t1Us.value, b.t2Us.value]).toEqual([60, 660, 'ecr', 232, 150]);
    expect(getPreset('ionq_aria').t1Us.note).toMatch(/10 s/);
    expect(getPreset('google_willow').t2Us.note).toMatch(/[Aa]ssum/);
    expect(getPreset('atom_computing').t2Us.value).toBe(40e6);
    expect(() => getPreset('nope')).toThrow(/invalid preset: 'nope'/);
  });
  it('gate noise model idles each qubit for the gate duration', () => {
    const r = simulateDensity(buildCircuit(1).x(0).build(), { noise: presetNoiseModel('ibm_brisbane') }).state;
    expectClose(r.probabilityOfOne(0), Math.exp(-0.06 / 232), { abs: 1e-15 });
    expect(() => presetNoiseModel('google_willow')).toThrow(/no cited gate durations/);
  });
});
