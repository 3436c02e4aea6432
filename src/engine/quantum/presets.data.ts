/**
 * Hardware presets as plain data. Every number carries its public source, copied from
 * shared/design/CLAIMS-REFERENCE.md §1–2, and a `note` when it is an assumption or a choice
 * between quoted values. Times: `…Ns` nanoseconds, `…Us` microseconds.
 */

export interface Cited {
  readonly value: number;
  /** URL or repository path the value was taken from. */
  readonly source: string;
  /** Assumptions or choices made when the source gives a range or no value. */
  readonly note?: string;
}

export type Platform = 'superconducting' | 'trapped-ion' | 'neutral-atom';

export interface HardwarePreset {
  /** Stable id, never renamed. */
  readonly id: string;
  readonly title: string;
  readonly platform: Platform;
  readonly t1Us: Cited;
  readonly t2Us: Cited;
  readonly gate1qNs?: Cited;
  readonly gate2qNs?: Cited;
  /** Native two-qubit gate name (cz, ecr, ms, …). */
  readonly gate2qName?: string;
  readonly readoutNs?: Cited;
  readonly note?: string;
}

const IBM_KINGSTON = 'Qiskit/qiskit-ibm-runtime@73514f0 qiskit_ibm_runtime/fake_provider/backends/kingston/{props,conf}_kingston.json (medians, CLAIMS-REFERENCE §1)';
const IBM_BRISBANE = 'Qiskit/qiskit-ibm-runtime@73514f0 qiskit_ibm_runtime/fake_provider/backends/brisbane/{props,conf}_brisbane.json (medians, CLAIMS-REFERENCE §1)';
const WILLOW = "https://web-tau-bice-50.vercel.app/item/42369185 (quoting Google's Willow launch post, blog.google, Dec 2024)";
const IONQ = 'https://learn.microsoft.com/zh-cn/azure/quantum/provider-ionq';
const ATOM = 'https://atom-computing.com/establishing-world-record-coherence-times-on-nuclear-spin-qubits-made-from-neutral-atoms/';
const BARNES = 'Barnes et al., arXiv 2108.04790';

export const PRESET_LIST: readonly HardwarePreset[] = [
  {
    id: 'ibm_kingston',
    title: 'IBM Heron r2 (ibm_kingston, 156 q)',
    platform: 'superconducting',
    t1Us: { value: 283, source: IBM_KINGSTON },
    t2Us: { value: 144, source: IBM_KINGSTON },
    gate1qNs: { value: 32, source: IBM_KINGSTON, note: 'sx gate' },
    gate2qNs: { value: 68, source: IBM_KINGSTON },
    gate2qName: 'cz',
    readoutNs: { value: 2280, source: IBM_KINGSTON },
    note: 'Calibration snapshot of 2026-04; medians over qubits.',
  },
  {
    id: 'ibm_brisbane',
    title: 'IBM Eagle r3 (ibm_brisbane, 127 q)',
    platform: 'superconducting',
    t1Us: { value: 232, source: IBM_BRISBANE },
    t2Us: { value: 150, source: IBM_BRISBANE },
    gate1qNs: { value: 60, source: IBM_BRISBANE, note: 'sx gate' },
    gate2qNs: { value: 660, source: IBM_BRISBANE },
    gate2qName: 'ecr',
    readoutNs: { value: 1300, source: IBM_BRISBANE },
    note: 'Medians over qubits.',
  },
  {
    id: 'google_willow',
    title: 'Google Willow (105 q)',
    platform: 'superconducting',
    t1Us: { value: 100, source: WILLOW, note: 'Google quotes T1 "approaching 100 µs"; we take 100 μs (optimistic end).' },
    t2Us: {
      value: 100, source: WILLOW,
      note: 'Assumption: no T2 median is given in the cited source; we assume T2 ≈ T1 = 100 μs (allowed, T2 ≤ 2T1). Surface-code cycle 1.1 μs, d=7 logical lifetime 291 μs (arXiv 2408.13687).',
    },
    note: 'Gate durations not taken from a checked source, so left out.',
  },
  {
    id: 'ionq_aria',
    title: 'IonQ Aria (trapped ions)',
    platform: 'trapped-ion',
    t1Us: { value: 10e6, source: IONQ, note: 'Source gives T1 = 10–100 s; we take 10 s, the conservative end.' },
    t2Us: { value: 1e6, source: IONQ },
    gate1qNs: { value: 135e3, source: IONQ },
    gate2qNs: { value: 600e3, source: IONQ },
    gate2qName: 'ms',
  },
  {
    id: 'atom_computing',
    title: 'Atom Computing (neutral-atom nuclear-spin qubits)',
    platform: 'neutral-atom',
    t1Us: {
      value: 100e6, source: BARNES,
      note: 'Source says T1 ≫ 5 s without a value; we assume 100 s. T2 ≤ 2T1 needs T1 ≥ 20 s for T2 = 40 s; at ms hold times the choice barely matters (e^{−50 ms/100 s} ≈ 0.9995).',
    },
    t2Us: { value: 40e6, source: ATOM, note: 'T2echo = 40 ± 7 s (spin echo); Barnes et al. give T2* = 21 ± 7 s without echo.' },
    note: 'Gate durations not checked against a source (CLAIMS-REFERENCE marks them n/v), so left out.',
  },
];
