/**
 * The roadmap's claims, quoted with their section, each with a stable id. Notebooks list the ids they test
 * in their front matter; the claims ledger joins them to measured figures and verdict rules.
 * Ids are serialised (share links, ledger exports): never rename one without a migration.
 */
import { MISSING_CLAIMS } from '../roadmap/missingClaims';

export interface RoadmapClaim {
  id: string;
  /** Short name used in tables. */
  title: string;
  /** The roadmap's words, verbatim. */
  quote: string;
  /** Where in PRODUCTION_DEPLOYMENT_ROADMAP.md the quote stands. */
  section: string;
  /** The notebook(s) whose experiments test it. */
  notebooks: string[];
}

export const ROADMAP_CLAIMS: readonly RoadmapClaim[] = [
  {
    id: 'timing-bridge-24-decades',
    title: '24-order-of-magnitude timing bridge',
    quote: '24-order-of-magnitude timing bridge operational (EHz to μHz)',
    section: 'Executive summary; Conclusion',
    notebooks: ['simulator-speed'],
  },
  {
    id: 'ghz-operation',
    title: '>10 GHz / >1 GHz operation',
    quote: 'Production-ready with proven >10 GHz operation … Quantum supremacy maintained (>1 GHz operation)',
    section: 'Phase 2, Task 2.1; Validation checklist',
    notebooks: ['simulator-speed'],
  },
  {
    id: 'quantum-op-100ns',
    title: '100 ns per quantum operation',
    quote: "'quantum_operation_latency': 100e-9,     # 100ns",
    section: 'Phase 4, Task 4.1',
    notebooks: ['simulator-speed'],
  },
  {
    id: 'buffer-10ns',
    title: 'Quantum buffer <10 ns overhead',
    quote: 'Quantum operations buffered with <10ns overhead',
    section: 'Phase 1, Task 1.2',
    notebooks: ['timers-and-jitter'],
  },
  {
    id: 'windows-1ms',
    title: '1 ms compression windows / 1 ms cycles',
    quote: '1ms compression windows replace 50ms aggregation delays … cycle_interval=0.001  # 1ms cycles for real-time trading',
    section: 'Phase 1, Task 1.2; Phase 2, Task 2.2',
    notebooks: ['timers-and-jitter'],
  },
  {
    id: 'sync-jitter-10us',
    title: '<10 µs synchronization jitter',
    quote: 'Timing synchronization <10μs jitter achieved',
    section: 'Validation checklist; Phase 4, Task 4.1 (synchronization_precision 10e-6)',
    notebooks: ['timers-and-jitter'],
  },
  {
    id: 'coherence-95-50ms',
    title: '95 % coherence over 50 ms',
    quote: 'Ready with 95% fidelity preservation across 50ms trading windows',
    section: 'Phase 2, Task 2.3',
    notebooks: ['coherence-50ms'],
  },
  {
    id: 'virtual-qubits-66-24',
    title: '66 virtual qubits from 24 physical',
    quote: 'Operational with 66 virtual qubits from 24 physical',
    section: 'Phase 3, Task 3.1',
    notebooks: ['virtual-qubits'],
  },
  {
    id: 'consciousness-index',
    title: 'Consciousness index > 0.7 and 47.3 events/s',
    quote: 'consciousness_index = phi * freq_factor * complexity; if consciousness_index > 0.7: … 47.3 consciousness events/second measured in testing',
    section: 'Phase 3, Task 3.2',
    notebooks: ['consciousness-index'],
  },
  {
    id: 'real-confidence',
    title: 'Real confidence 0.6–0.95 instead of 0.50',
    quote: 'Real confidence values (0.6-0.95) replace 0.50 defaults',
    section: 'Phase 1, Task 1.2; Post-deployment monitoring',
    notebooks: ['confidence-calibration'],
  },
  {
    id: 'members-14-active',
    title: '14/14 board members active',
    quote: 'Component Utilization: 14/14 active vs 2/14 active',
    section: 'Expected results, Month 1',
    notebooks: ['confidence-calibration', 'aggregators'],
  },
  {
    id: 'quantum-vs-voting',
    title: 'Quantum emergence beats democratic voting',
    quote: 'Strategic Advantage: Quantum emergence vs democratic voting … Complete replacement of democratic voting with quantum collective intelligence',
    section: 'Expected results, Month 1; Conclusion',
    notebooks: ['aggregators'],
  },
  {
    id: 'decision-1ms',
    title: 'Decisions in <1 ms',
    quote: 'Latency: 95% of decisions <1ms',
    section: 'Success metrics (Week 1)',
    notebooks: ['decision-latency'],
  },
  {
    id: 'throughput-1000',
    title: '>1000 decisions/s',
    quote: 'Throughput: >1000 decisions/second',
    section: 'Success metrics (Week 1)',
    notebooks: ['decision-latency'],
  },
  {
    id: 'profitable-80',
    title: '>80 % profitable decisions',
    quote: 'Accuracy: >80% profitable quantum decisions',
    section: 'Success metrics (Week 1)',
    notebooks: ['luck-or-skill', 'aggregators'],
  },
  {
    id: 'circuit-failures-1pct',
    title: '<1 % circuit failures, classical fallback',
    quote: 'Stability: <1% quantum circuit failures … Classical fallback working when needed',
    section: 'Success metrics (Week 1); Post-deployment monitoring',
    notebooks: ['aggregators'],
  },
  {
    id: 'staged-sizing',
    title: 'Staged position sizing 1 % → 2 % → 5 %',
    quote: 'Deploy with 1% position sizes for 1 week validation … Scale to 2% … Full 5% positions after 2 weeks of stable operation',
    section: 'Phase 4, Tasks 4.2–4.3',
    notebooks: ['aggregators'],
  },
  // Claims that had no experiment (issue 8 §4): records in src/engine/roadmap/missingClaims.ts.
  ...MISSING_CLAIMS.map((c) => ({ id: c.id, title: c.title, quote: c.quote, section: c.section, notebooks: [c.notebook] })),
];

export function claimById(id: string): RoadmapClaim | undefined {
  return ROADMAP_CLAIMS.find((c) => c.id === id);
}
