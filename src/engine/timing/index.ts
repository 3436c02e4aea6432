export { probeClockResolution, type ClockProbeOptions, type ClockResolution } from './probeClockResolution';
export { measureTickLateness, type Scheduler, type TickOptions, type TickLateness } from './measureTickLateness';
export { summarizeLateness, percentileNearestRank, slopeVsIndex, type LatenessSummary } from './summarizeLateness';
export { resolutionLimited, MIN_TICKS_FOR_P99 } from './resolution';
