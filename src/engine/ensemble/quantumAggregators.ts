/** Aggregators that run on the quantum engine's statevector (filled in once src/engine/quantum lands). */
import type { Aggregator, BarRanges } from './types';

export interface QuantumAggregatorEntry {
  readonly aggregator: Aggregator;
  /** Whether the benchmark simulates it on every bar of the full series. */
  readonly benchEveryBar: boolean;
  readonly latencyTrain?: (train: BarRanges) => BarRanges;
  readonly latencyBatches?: number;
  readonly latencyBatchSize?: number;
}

export const QUANTUM_AGGREGATORS: readonly QuantumAggregatorEntry[] = [];
