/**
 * What the roadmap states about its own stack, and the hardware families a claim is also judged on.
 * Readings of a claim use these so that "as the roadmap states its stack" and "on real hardware" mean the
 * same thing in every notebook.
 */
import type { HardwarePreset, Platform } from '../quantum/presets.data';

/**
 * The roadmap's stack (PRODUCTION_DEPLOYMENT_ROADMAP.md, "Infrastructure requirements" and Task 1.1):
 * `qml.device('lightning.kokkos', wires=16)` on "GPU with CUDA support (recommended: RTX 3080+)".
 */
export const ROADMAP_STACK = {
  simulator: 'PennyLane lightning.kokkos',
  wires: 16,
  gpu: 'NVIDIA RTX 3080',
  /**
   * 760 GB/s = 19 Gbit/s per pin × 320-bit bus / 8 (NVIDIA RTX 3080 specifications: 10 GB GDDR6X, 320-bit,
   * 19 Gbps; https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3080-3080ti/).
   */
  gpuBandwidthBytesPerSecond: (19e9 * 320) / 8,
  /** complex128, lightning's default precision. */
  bytesPerAmplitude: 16,
} as const;

/** A statevector gate is memory-bound: every amplitude is read and written once (2 × 16 B). */
export function gpuAmplitudeUpdatesPerSecond(): number {
  return ROADMAP_STACK.gpuBandwidthBytesPerSecond / (2 * ROADMAP_STACK.bytesPerAmplitude);
}

/** Memory-bandwidth floor of one gate on an n-qubit state on the roadmap's GPU, ns (before launch overhead). */
export function gpuGateFloorNs(nQubits: number): number {
  return (2 ** nQubits * 2 * ROADMAP_STACK.bytesPerAmplitude * 1e9) / ROADMAP_STACK.gpuBandwidthBytesPerSecond;
}

export const READING_STATED = 'stated-simulator';
export const READING_STATED_LABEL = `as the roadmap states its stack: a classical simulator (${ROADMAP_STACK.simulator}, ${ROADMAP_STACK.wires} wires, on a GPU/CPU)`;

export const PLATFORMS: readonly Platform[] = ['superconducting', 'trapped-ion', 'neutral-atom'];
export const hardwareReadingId = (p: Platform): string => `hardware-${p}`;
export const hardwareReadingLabel = (p: Platform): string => `on real quantum hardware: ${p.replace('-', ' ')} (the best preset of the family)`;

/** The preset numbers a hardware reading needs, flattened (ns / µs as named). */
export interface HardwareFigures {
  readonly id: string;
  readonly platform: Platform;
  readonly gate1qNs?: number;
  readonly gate2qNs?: number;
  readonly readoutNs?: number;
  /** Reset / repetition delay between shots, ns (absent: not cited, counted as 0, a lower bound). */
  readonly resetNs?: number;
}

/** Flatten the presets for the hardware readings; a preset's `repDelayUs` (between shots) becomes `resetNs`. */
export function hardwareFigures(presets: readonly HardwarePreset[]): HardwareFigures[] {
  return presets.map((p) => {
    const rep = p.repDelayUs?.value;
    return {
      id: p.id, platform: p.platform,
      gate1qNs: p.gate1qNs?.value, gate2qNs: p.gate2qNs?.value, readoutNs: p.readoutNs?.value,
      resetNs: rep === undefined ? undefined : rep * 1000,
    };
  });
}

/** The layers of one circuit run: 1q layers and 2q layers executed one after another. */
export interface CircuitLayers {
  readonly layers1q: number;
  readonly layers2q: number;
}

/**
 * Wall time of one decision on hardware: shots × (circuit + readout + reset), ns, before cloud queueing,
 * compilation and transfer. Undefined without cited gate durations. A missing readout or reset time counts as
 * 0, so the figure is then a lower bound (`lowerBound`), which can refute a latency target but not meet one.
 */
export function hardwareDecision(h: HardwareFigures, c: CircuitLayers, shots: number): { ns: number; lowerBound: boolean; missing: string[] } | undefined {
  if (h.gate1qNs === undefined || h.gate2qNs === undefined) return undefined;
  const missing = [...(h.readoutNs === undefined ? ['readout'] : []), ...(h.resetNs === undefined ? ['reset delay'] : [])];
  const ns = shots * (c.layers1q * h.gate1qNs + c.layers2q * h.gate2qNs + (h.readoutNs ?? 0) + (h.resetNs ?? 0));
  return { ns, lowerBound: missing.length > 0, missing };
}

/** hardwareDecision(…).ns when every term is cited, else undefined. */
export function hardwareDecisionNs(h: HardwareFigures, c: CircuitLayers, shots: number): number | undefined {
  const d = hardwareDecision(h, c, shots);
  return d && !d.lowerBound ? d.ns : undefined;
}
