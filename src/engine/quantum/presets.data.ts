/**
 * Hardware presets as plain data. Every number carries its source, the date the value refers to
 * (a calibration snapshot, a paper, a data sheet) and a `note` when it is an assumption, a sample
 * median, or a choice between quoted values. Where no primary source could be checked the source
 * field says so instead of pretending precision. Times: `…Ns` nanoseconds, `…Us` microseconds;
 * errors are probabilities per operation (1 − average fidelity).
 *
 * Sources were collected for issue 8 §5 (2026-12); CLAIMS-REFERENCE §1–2 has the older table.
 */

export interface Cited {
  readonly value: number;
  /** URL, paper or repository path the value was taken from. */
  readonly source: string;
  /** When the value was measured or published (ISO date or year-month). */
  readonly date?: string;
  /** Assumptions or choices made when the source gives a range, a sample or no value. */
  readonly note?: string;
}

export type Platform = 'superconducting' | 'trapped-ion' | 'neutral-atom';

export interface HardwarePreset {
  /** Stable id, never renamed. */
  readonly id: string;
  readonly title: string;
  readonly platform: Platform;
  /** Physical qubits on the device. */
  readonly qubits?: Cited;
  readonly t1Us: Cited;
  readonly t2Us: Cited;
  readonly gate1qNs?: Cited;
  readonly gate2qNs?: Cited;
  /** Native two-qubit gate name (cz, ecr, ms, rzz, …). */
  readonly gate2qName?: string;
  readonly readoutNs?: Cited;
  /** Time between shots (reset / repetition delay), μs. Absent: not published; latency is then a lower bound. */
  readonly repDelayUs?: Cited;
  /** Error per single-qubit gate. */
  readonly gate1qError?: Cited;
  /** Error per two-qubit gate. */
  readonly gate2qError?: Cited;
  /** Readout (or SPAM) error per qubit. */
  readonly readoutError?: Cited;
  readonly note?: string;
}

const IBM_KINGSTON = 'Qiskit/qiskit-ibm-runtime@73514f0 qiskit_ibm_runtime/fake_provider/backends/kingston/{props,conf}_kingston.json (medians, CLAIMS-REFERENCE §1)';
const IBM_BRISBANE = 'Qiskit/qiskit-ibm-runtime@73514f0 qiskit_ibm_runtime/fake_provider/backends/brisbane/{props,conf}_brisbane.json (medians, CLAIMS-REFERENCE §1)';
const IBM_PITTSBURGH = 'Qiskit/qiskit-ibm-runtime@998238a qiskit_ibm_runtime/fake_provider/backends/pittsburgh/props_pittsburgh.json (IBM calibration snapshot, last_update_date 2026-04-17)';
const WILLOW_PAPER = 'Google Quantum AI, "Quantum error correction below the surface code threshold", Nature 638, 920 (2025), arXiv 2408.13687';
const WILLOW_SPEC = "Google's Willow spec sheet (quantumai.google), figures as quoted at https://www.nextias.com/upsc/google-quantum-processor (secondary: the spec sheet itself could not be opened here)";
const IONQ_AZURE = 'https://learn.microsoft.com/azure/quantum/provider-ionq (IonQ provider page, Aria section)';
const IONQ_FORTE = 'AWS Braket device capabilities of arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1 (qubitCount 36); OLCF IonQ docs https://docs.olcf.ornl.gov/quantum/quantum_systems/ionq.html (#AQ 36)';
const HELIOS = 'Quantinuum, "Helios: a 98-qubit trapped-ion quantum computer", arXiv 2511.05465 (2025; Nature 2026)';
const HELIOS_DOCS = 'https://docs.quantinuum.com/systems/user_guide/hardware_user_guide/helios.html';
const EVERED = 'Evered et al., "High-fidelity parallel entangling gates on a neutral-atom quantum computer", Nature 622, 268 (2023), https://pmc.ncbi.nlm.nih.gov/articles/PMC10567572';
const ATOM = 'https://atom-computing.com/establishing-world-record-coherence-times-on-nuclear-spin-qubits-made-from-neutral-atoms/';
const BARNES = 'Barnes et al., arXiv 2108.04790';
const NOT_CHECKED = 'no primary source checked here';

export const PRESET_LIST: readonly HardwarePreset[] = [
  {
    id: 'ibm_kingston',
    title: 'IBM Heron r2 (ibm_kingston, 156 q)',
    platform: 'superconducting',
    qubits: { value: 156, source: IBM_KINGSTON, date: '2026-04' },
    t1Us: { value: 283, source: IBM_KINGSTON, date: '2026-04' },
    t2Us: { value: 144, source: IBM_KINGSTON, date: '2026-04' },
    gate1qNs: { value: 32, source: IBM_KINGSTON, date: '2026-04', note: 'sx gate' },
    gate2qNs: { value: 68, source: IBM_KINGSTON, date: '2026-04' },
    gate2qName: 'cz',
    readoutNs: { value: 2280, source: IBM_KINGSTON, date: '2026-04' },
    repDelayUs: { value: 250, source: IBM_KINGSTON, date: '2026-04', note: 'default_rep_delay of the backend configuration' },
    note: 'Calibration snapshot of 2026-04; medians over qubits.',
  },
  {
    id: 'ibm_pittsburgh',
    title: 'IBM Heron r3 (ibm_pittsburgh, 156 q)',
    platform: 'superconducting',
    qubits: { value: 156, source: IBM_PITTSBURGH, date: '2026-04-17' },
    t1Us: { value: 269, source: IBM_PITTSBURGH, date: '2026-04-16', note: 'Median over qubits 0–26 of the snapshot (a sample of 27 of 156 qubits; the file is 650 kB and was read in parts).' },
    t2Us: { value: 298, source: IBM_PITTSBURGH, date: '2026-04-16', note: 'Median over qubits 0–26 (sample of 27 of 156). Measured, not assumed: T2 > T1 on this device (T2 ≤ 2T1 holds).' },
    gate1qNs: { value: 32, source: IBM_PITTSBURGH, date: '2026-04-16', note: 'gate_length of every single-qubit gate in the snapshot' },
    gate2qNs: { value: 88, source: IBM_PITTSBURGH, date: '2026-04-16', note: 'gate_length of every cz read' },
    gate2qName: 'cz',
    readoutNs: { value: 2584, source: IBM_PITTSBURGH, date: '2026-04-17' },
    repDelayUs: { value: 250, source: IBM_KINGSTON, note: "Assumption: Heron r2's default_rep_delay (ibm_kingston); pittsburgh's configuration was not checked." },
    gate1qError: { value: 2.2e-4, source: IBM_PITTSBURGH, date: '2026-04-16', note: 'Median gate_error over qubits 0–58 (59 of 156).' },
    gate2qError: { value: 1.33e-3, source: IBM_PITTSBURGH, date: '2026-04-16', note: 'Median cz gate_error over 30 couplings read (including two marked unusable, error 1); a sample, not all couplings.' },
    readoutError: { value: 5.0e-3, source: IBM_PITTSBURGH, date: '2026-04-17', note: 'Median readout_error over qubits 0–26.' },
    note: 'Heron r3 as IBM lists ibm_pittsburgh; the revision field of its configuration was not checked here. Medians over the sampled qubits/couplings stated per value.',
  },
  {
    id: 'ibm_brisbane',
    title: 'IBM Eagle r3 (ibm_brisbane, 127 q)',
    platform: 'superconducting',
    qubits: { value: 127, source: IBM_BRISBANE },
    t1Us: { value: 232, source: IBM_BRISBANE },
    t2Us: { value: 150, source: IBM_BRISBANE },
    gate1qNs: { value: 60, source: IBM_BRISBANE, note: 'sx gate' },
    gate2qNs: { value: 660, source: IBM_BRISBANE },
    gate2qName: 'ecr',
    readoutNs: { value: 1300, source: IBM_BRISBANE },
    note: 'Medians over qubits. A previous-generation device, kept for comparison.',
  },
  {
    id: 'google_willow',
    title: 'Google Willow (105 q)',
    platform: 'superconducting',
    qubits: { value: 105, source: WILLOW_PAPER, date: '2024-08' },
    t1Us: { value: 68, source: WILLOW_PAPER, date: '2024-08', note: 'Mean T1 = 68 μs (±13 μs spread) of the 105-qubit processor as reported in the paper; its supplementary information itself could not be opened here (only mirrors of the main text), so re-check before quoting. Google\'s launch post says T1 is "approaching 100 µs".' },
    t2Us: { value: 89, source: WILLOW_PAPER, date: '2024-08', note: 'Mean T2,CPMG = 89 μs (dynamical-decoupling echo) as reported in the paper; not assumed equal to T1. Same caveat on the supplementary information. Surface-code cycle 1.1 μs; d = 7 logical lifetime 291 μs.' },
    gate1qError: { value: 3.5e-4, source: WILLOW_SPEC, date: '2024-12', note: 'Mean simultaneous single-qubit gate error 0.035 %.' },
    gate2qError: { value: 3.3e-3, source: WILLOW_SPEC, date: '2024-12', note: 'Mean simultaneous CZ error 0.33 %.' },
    gate2qName: 'cz',
    note: 'Gate and readout durations: not taken from a checked source, so left out (latency on Willow is then not computed).',
  },
  {
    id: 'quantinuum_helios',
    title: 'Quantinuum Helios (98 q, 137Ba+ ions)',
    platform: 'trapped-ion',
    qubits: { value: 98, source: HELIOS, date: '2025-11' },
    t1Us: { value: 10e6, source: NOT_CHECKED, note: 'Assumption: hyperfine clock qubits do not decay on these timescales; no T1 is given in the sources read. We take 10 s, as for IonQ\'s 171Yb+ hyperfine qubits.' },
    t2Us: { value: 1e6, source: NOT_CHECKED, note: 'Assumption: no T2 for Helios in the sources read (the paper reports memory error per operation instead). We take 1 s, the order IonQ states for its hyperfine qubits; Helios may be better or worse.' },
    gate2qName: 'rzz',
    gate1qError: { value: 2.5e-5, source: HELIOS, date: '2025-11', note: 'Average single-qubit gate infidelity 2.5(1)×10⁻⁵ over all operational zones.' },
    gate2qError: { value: 7.9e-4, source: HELIOS, date: '2025-11', note: 'Average RZZ(π/2) infidelity 7.9(2)×10⁻⁴ over all zones.' },
    readoutError: { value: 3.3e-4, source: HELIOS, date: '2025-11', note: 'State preparation and measurement (SPAM) infidelity 3.3(5)×10⁻⁴.' },
    note: `Gate and transport durations are not published as single figures (ion transport dominates run time; ${HELIOS_DOCS}), so left out: latency on Helios is not computed.`,
  },
  {
    id: 'ionq_forte',
    title: 'IonQ Forte (36 q, 171Yb+ ions)',
    platform: 'trapped-ion',
    qubits: { value: 36, source: IONQ_FORTE, date: '2025' },
    t1Us: { value: 10e6, source: IONQ_AZURE, note: "Stand-in: IonQ publishes Forte's timings only in its cloud console/API (weekly). We use IonQ's published Aria figures (T1 = 10–100 s; we take 10 s), the same 171Yb+ qubit." },
    t2Us: { value: 1e6, source: IONQ_AZURE, note: 'Stand-in from the Aria figures (T2 = 1 s); not confirmed for Forte.' },
    gate1qNs: { value: 135e3, source: IONQ_AZURE, note: 'Stand-in from the Aria figures; not confirmed for Forte.' },
    gate2qNs: { value: 600e3, source: IONQ_AZURE, note: 'Stand-in from the Aria figures; not confirmed for Forte.' },
    gate2qName: 'ms',
    gate1qError: { value: 5e-4, source: IONQ_AZURE, note: 'Stand-in from Aria: 99.95 % single-qubit fidelity (SPAM corrected); Forte is reported better.' },
    gate2qError: { value: 4e-3, source: IONQ_AZURE, note: 'Stand-in from Aria: 99.6 % two-qubit fidelity; not confirmed for Forte.' },
    readoutError: { value: 3.9e-3, source: IONQ_AZURE, note: 'Stand-in from Aria: SPAM 99.61 %.' },
    note: 'Only the qubit count is confirmed for Forte; every other value is the Aria figure from IonQ\'s provider page, labelled as a stand-in. Readout and reset durations not published there: latency is a lower bound.',
  },
  {
    id: 'ionq_aria',
    title: 'IonQ Aria (25 q, trapped ions)',
    platform: 'trapped-ion',
    qubits: { value: 25, source: IONQ_AZURE },
    t1Us: { value: 10e6, source: IONQ_AZURE, note: 'Source gives T1 = 10–100 s; we take 10 s, the conservative end.' },
    t2Us: { value: 1e6, source: IONQ_AZURE },
    gate1qNs: { value: 135e3, source: IONQ_AZURE },
    gate2qNs: { value: 600e3, source: IONQ_AZURE },
    gate2qName: 'ms',
    gate1qError: { value: 5e-4, source: IONQ_AZURE, note: '99.95 % (SPAM corrected)' },
    gate2qError: { value: 4e-3, source: IONQ_AZURE, note: '99.6 % (not SPAM corrected)' },
    readoutError: { value: 3.9e-3, source: IONQ_AZURE, note: 'SPAM 99.61 %' },
  },
  {
    id: 'quera_harvard_rb',
    title: 'Harvard/QuEra Rb-87 gate-based atom array (Evered et al. 2023)',
    platform: 'neutral-atom',
    t1Us: { value: 10e6, source: NOT_CHECKED, note: 'Assumption: hyperfine ground-state qubits in tweezers; no T1 in the source read (trap lifetime and Raman scattering limit it to seconds). We take 10 s.' },
    t2Us: { value: 1e6, source: NOT_CHECKED, note: 'Assumption: 1 s with dynamical decoupling, the order reported for this platform; not confirmed in a source read here. Without decoupling T2* is milliseconds.' },
    gate2qName: 'cz',
    gate2qError: { value: 5e-3, source: EVERED, date: '2023-10', note: '99.5 % CZ fidelity, up to 60 atoms in parallel.' },
    note: 'Gate, imaging (readout) and rearrangement durations not checked against a source (CLAIMS-REFERENCE marks them n/v), so left out; single-qubit and readout errors likewise.',
  },
  {
    id: 'atom_computing',
    title: 'Atom Computing (neutral-atom nuclear-spin qubits)',
    platform: 'neutral-atom',
    t1Us: {
      value: 100e6, source: BARNES, date: '2021-08',
      note: 'Source says T1 ≫ 5 s without a value; we assume 100 s. T2 ≤ 2T1 needs T1 ≥ 20 s for T2 = 40 s; at ms hold times the choice barely matters (e^{−50 ms/100 s} ≈ 0.9995).',
    },
    t2Us: { value: 40e6, source: ATOM, date: '2022', note: 'T2echo = 40 ± 7 s (spin echo); Barnes et al. give T2* = 21 ± 7 s without echo.' },
    note: 'Gate durations not checked against a source (CLAIMS-REFERENCE marks them n/v), so left out.',
  },
];
