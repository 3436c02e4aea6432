/** The roadmap's stated stack and the hardware figures the readings use: closed forms. */
import { describe, it, expect } from 'vitest';
import { gpuAmplitudeUpdatesPerSecond, gpuGateFloorNs, hardwareDecision, hardwareDecisionNs, hardwareFigures, ROADMAP_STACK } from '../../../src/engine/claims/stack';
import { PRESET_LIST } from '../../../src/engine/quantum/presets.data';
import { expectClose } from '../../util/close';

describe('the roadmap stack (RTX 3080, lightning.kokkos, 16 wires)', () => {
  it('760 GB/s from 19 Gbit/s × 320-bit; 2.375e10 amplitude updates/s; 2.76 µs per gate at n = 16', () => {
    expect(ROADMAP_STACK.gpuBandwidthBytesPerSecond).toBe(760e9);
    expectClose(gpuAmplitudeUpdatesPerSecond(), 760e9 / 32, { rel: 1e-12 });
    expectClose(gpuGateFloorNs(16), (2 ** 16 * 32 * 1e9) / 760e9, { rel: 1e-12 });
    expectClose(gpuGateFloorNs(16), 2759.4, { abs: 0.1 });
  });
});

describe('hardware decision time = shots × (circuit + readout + reset)', () => {
  it('ibm_kingston: 1000 × (32 + 13·68 + 2280 + 250000 rep delay) ns = 253.196 ms', () => {
    const kingston = hardwareFigures(PRESET_LIST).find((h) => h.id === 'ibm_kingston')!;
    expect(kingston.resetNs).toBe(250e3);
    expect(hardwareDecisionNs(kingston, { layers1q: 1, layers2q: 13 }, 1000)).toBeCloseTo(253_196_000, 3);
  });
  it('is undefined without cited gate times, and a lower bound when readout or reset is not cited', () => {
    expect(hardwareDecision({ id: 'x', platform: 'neutral-atom', gate1qNs: 1 }, { layers1q: 1, layers2q: 1 }, 1)).toBeUndefined();
    expect(hardwareDecision({ id: 'x', platform: 'trapped-ion', gate1qNs: 1, gate2qNs: 2, readoutNs: 3 }, { layers1q: 2, layers2q: 1 }, 10))
      .toEqual({ ns: 70, lowerBound: true, missing: ['reset delay'] });
    expect(hardwareDecisionNs({ id: 'x', platform: 'trapped-ion', gate1qNs: 1, gate2qNs: 2, readoutNs: 3 }, { layers1q: 2, layers2q: 1 }, 10)).toBeUndefined();
    expect(hardwareDecisionNs({ id: 'x', platform: 'trapped-ion', gate1qNs: 1, gate2qNs: 2, readoutNs: 3, resetNs: 4 }, { layers1q: 2, layers2q: 1 }, 10)).toBe(110);
  });
});
