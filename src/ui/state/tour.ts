/**
 * The onboarding path: an ordered tour through the notebooks for a newcomer, with progress remembered
 * locally (which notebooks have been opened).
 */
const KEY = 'sema.tour.visited.v1';

export const TOUR: readonly { id: string; why: string }[] = [
  { id: 'luck-or-skill', why: 'What a hit rate means, and how many decisions it takes to tell skill from luck.' },
  { id: 'qubits-gates-measurement', why: 'What a qubit is: amplitudes, phase, gates, measurement, entanglement.' },
  { id: 'coherence-50ms', why: 'Why quantum states decay (T1, T2) and what 50 ms means for real hardware.' },
  { id: 'virtual-qubits', why: 'What circuit cutting can and cannot do, with its exponential cost.' },
  { id: 'timers-and-jitter', why: 'What clocks and schedulers a browser or a Python loop really gives you.' },
  { id: 'confidence-calibration', why: 'What a walk-forward test is, and what calibrated confidence looks like.' },
  { id: 'aggregators', why: 'Voting, stacking, online weights and the quantum circuit, compared fairly.' },
  { id: 'decision-latency', why: 'How long a decision takes, and why speed is not the bottleneck.' },
  { id: 'simulator-speed', why: 'How fast a simulated "quantum brain" is in this browser.' },
  { id: 'consciousness-index', why: 'Turning an undefined construct into a testable one.' },
  { id: 'claims-ledger', why: 'Every roadmap claim, its experiment, its figures and its verdict.' },
];

export function visited(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

export function markVisited(id: string): void {
  try {
    const v = visited();
    if (v.has(id)) return;
    v.add(id);
    localStorage.setItem(KEY, JSON.stringify([...v]));
  } catch {
    // storage full or disabled: the tour simply does not remember
  }
}

export function resetTour(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}
