export { probeClockResolution, type ClockProbeOptions, type ClockResolution } from './probeClockResolution';
export { measureTickLateness, type Scheduler, type TickOptions, type TickLateness } from './measureTickLateness';
export { summarizeLateness, percentileNearestRank, slopeVsIndex, absLatenessQuantiles, type LatenessSummary, type AbsLatenessPoint } from './summarizeLateness';
export { resolutionLimited, MIN_TICKS_FOR_P99 } from './resolution';
export { formatSeconds, formatDurationUs, formatDurationNs, formatSci, UNIT_SPACE } from './formatDuration';
export { quantileInterval, timeBatchesAdaptive, type QuantileInterval, type AdaptiveBatchOptions, type AdaptiveBatchResult } from './adaptiveBatches';
