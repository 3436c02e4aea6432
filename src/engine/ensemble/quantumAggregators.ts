/** Aggregators that run on the quantum engine's statevector, with their benchmark settings. */
import type { Aggregator, BarRanges } from './types';
import { parityCircuit } from './aggregators/parityCircuit';
import { createVqcAggregator } from './aggregators/vqc';
import { createFallbackAggregator } from './aggregators/fallback';
import { allQubitsReadout } from './aggregators/allQubitsReadout';

export interface QuantumAggregatorEntry {
  readonly aggregator: Aggregator;
  /** Whether the benchmark simulates it on every bar of the full series (the VQC is too slow for 64k bars). */
  readonly benchEveryBar: boolean;
  readonly latencyTrain?: (train: BarRanges) => BarRanges;
  readonly latencyBatches?: number;
  readonly latencyBatchSize?: number;
}

/**
 * The charitable variational candidate: regularised (L2) and early-stopped on the newest quarter of each
 * training window, trained for up to 8 epochs on the window's newest 64 rows.
 */
export const vqcDefault = createVqcAggregator({ epochs: 8, l2: 1e-3, validationShare: 0.25, patience: 2 });
/** The roadmap's deployment: the circuit, with the classical fallback when it "fails" (see fallback.ts). */
export const roadmapWithFallback = createFallbackAggregator(parityCircuit, { id: 'roadmap-circuit-fallback', title: 'Our reconstruction of the roadmap circuit, with its classical fallback' });

export const QUANTUM_AGGREGATORS: readonly QuantumAggregatorEntry[] = [
  { aggregator: parityCircuit, benchEveryBar: true },
  { aggregator: roadmapWithFallback, benchEveryBar: false },
  { aggregator: vqcDefault, benchEveryBar: false, latencyBatches: 30, latencyBatchSize: 10 },
  { aggregator: allQubitsReadout, benchEveryBar: false },
];
