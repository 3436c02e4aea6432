import type { Aggregator } from '../../../src/engine/ensemble/index';

/** Aggregators that need the quantum engine; filled in once it has landed. */
export const EXTRA_AGGREGATORS: Aggregator[] = [];
