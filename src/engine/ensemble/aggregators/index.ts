/** Registry of aggregators. Every entry is run on identical walk-forward splits. */
import type { Aggregator } from '../types';
import { majority } from './majority';
import { mean } from './meanProbability';
import { logOdds, logOddsPrior } from './logOdds';
import { stacking } from './stacking';
import { hedge, hedgeLog } from './hedge';
import { parityClosedForm } from './parityClosedForm';
import { constantHalf } from './constantHalf';

export { majority, majorityProbability } from './majority';
export { mean, meanProbability } from './meanProbability';
export { logOdds, logOddsPrior, baseRate } from './logOdds';
export { stacking, createStacking, type StackingOptions } from './stacking';
export { hedge, hedgeLog, createHedge, createHedgeAggregator, memberLoss, type Hedge, type HedgeOptions, type HedgeLoss } from './hedge';
export { parityClosedForm, parityProbability } from './parityClosedForm';
export { constantHalf } from './constantHalf';
export { createFallbackAggregator, isFailedOutput, type FallbackOptions } from './fallback';
export { parityCircuit, roadmapCircuit, roadmapCircuitProbability, roadmapCircuitProbabilityUnfused, encodeAngle } from './parityCircuit';
export {
  createBaseRate, baseRateForecaster, createCalibratedVote, calibratedVote, createBestMember, bestMember, reversalRule, voteMargin,
  BASELINE_AGGREGATORS, type BaseRateOptions, type CalibratedVoteOptions, type BestMemberOptions,
} from './baselines';
export { allQubitsReadout, createAllQubitsReadout, allQubitMarginals, type AllQubitsReadoutOptions } from './allQubitsReadout';
export { createVqcAggregator, vqcCircuit, vqcParamRefs, adjointZGradient, vqcExpectationZ, vqcLinkProbability, type VqcOptions, type VqcModel, type VqcPredictor, type VqcAggregator } from './vqc';

/** Classical aggregators (cheap; no statevector). */
export const CLASSICAL_AGGREGATORS: readonly Aggregator[] = [
  constantHalf, majority, mean, logOdds, logOddsPrior, stacking, hedge, hedgeLog, parityClosedForm,
];

export function aggregatorById(id: string, registry: readonly Aggregator[] = CLASSICAL_AGGREGATORS): Aggregator {
  const a = registry.find((x) => x.id === id);
  if (!a) throw new RangeError(`invalid aggregator id: ${id} (expected one of ${registry.map((x) => x.id).join(', ')})`);
  return a;
}
