import { parityCircuit, roadmapWithFallback, type Aggregator } from '../../../src/engine/ensemble/index';

/** Quantum aggregators cheap enough for the 14-member no-look-ahead property (the VQC has its own, on 5 members). */
export const EXTRA_AGGREGATORS: Aggregator[] = [parityCircuit, roadmapWithFallback];
