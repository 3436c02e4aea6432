/** Aggregators that run on the quantum engine's statevector, with their benchmark settings. */
import type { Aggregator, BarRanges } from './types';
import { parityCircuit } from './aggregators/parityCircuit';
import { createVqcAggregator } from './aggregators/vqc';
import { createFallbackAggregator } from './aggregators/fallback';

export interface QuantumAggregatorEntry {
  readonly aggregator: Aggregator;
  /** Whether the benchmark simulates it on every bar of the full series (the VQC is too slow for 64k bars). */
  readonly benchEveryBar: boolean;
  readonly latencyTrain?: (train: BarRanges) => BarRanges;
  readonly latencyBatches?: number;
  readonly latencyBatchSize?: number;
}

export const vqcDefault = createVqcAggregator();
/** The roadmap's deployment: the circuit, with the classical fallback when it "fails" (see fallback.ts). */
export const roadmapWithFallback = createFallbackAggregator(parityCircuit, { id: 'roadmap-circuit-fallback', title: 'Our reconstruction of the roadmap circuit, with its classical fallback' });

export const QUANTUM_AGGREGATORS: readonly QuantumAggregatorEntry[] = [
  { aggregator: parityCircuit, benchEveryBar: true },
  { aggregator: roadmapWithFallback, benchEveryBar: false },
  { aggregator: vqcDefault, benchEveryBar: false, latencyBatches: 30, latencyBatchSize: 10 },
];
