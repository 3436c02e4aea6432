/**
 * Roadmap claims: the registry (one record per claim, with its readings and rules), judge(), the one
 * Verdict type, and the stack/hardware helpers the readings use. Rules live in rules/, one file per claim.
 */
export { CLAIMS, ROADMAP_CLAIMS, claimById, ledgerNotebooks, QUANTUM_CANDIDATES, type RoadmapClaim, type QuantumCandidatesFigures } from './registry';
export { judge, claimRecord } from './judge';
export { defineClaim, type ClaimRecord, type Reading, type FigureSpec, type BoundaryCase, type Headline, type Judgement, type JudgedReading, type JudgedFigure } from './types';
export { VERDICTS, VERDICT_ORDER, FAVOURABILITY, isVerdict, fmt, type Verdict, type RuleResult } from './verdict';
export {
  ROADMAP_STACK, PLATFORMS, READING_STATED, READING_STATED_LABEL, gpuAmplitudeUpdatesPerSecond, gpuGateFloorNs, hardwareFigures, hardwareDecisionNs,
  hardwareReadingId, hardwareReadingLabel, type HardwareFigures, type CircuitLayers,
} from './stack';
// Rule exports (for notebooks that show a rule's parts, and for tests).
export { ruleCoherence9550ms, type CoherenceFigures, type CoherencePresetFigures, type CoherenceRuleResult } from './rules/coherence-95-50ms';
export { ruleVirtualQubits6624, type VirtualQubitFigures, type CutFamilyFigures, type VirtualQubitRuleResult } from './rules/virtual-qubits-66-24';
export { ruleBuffer10ns } from './rules/buffer-10ns';
export { ruleConsciousnessIndex, ruleEventRateAtCycle, detectableDifference, CLAIMED_EVENTS_PER_SECOND, type ConsciousnessFigures, type ConsciousnessCellFigures, type ConsciousnessRuleResult } from './rules/consciousness-index';
export { ruleDecision1ms, type Decision1msFigures, type LatencyEntry, type Decision1msRuleResult } from './rules/decision-1ms';
export { ruleThroughput1000, type Throughput1000Figures, type ThroughputEntry, type Throughput1000RuleResult } from './rules/throughput-1000';
export { ruleGhzOperation, type GhzOperationFigures } from './rules/ghz-operation';
export { ruleQuantumOp100ns, type QuantumOp100nsFigures } from './rules/quantum-op-100ns';
export { ruleTimingBridge24Decades, decadesSpan, type Timescale, type TimingBridgeFigures, type TimingBridgeResult } from './rules/timing-bridge-24-decades';
export { ruleRealConfidence, type RealConfidenceFigures, type RealConfidenceResult } from './rules/real-confidence';
export { ruleMembers14Active, type MembersActiveFigures } from './rules/members-14-active';
export { ruleQuantumVsVoting, type QuantumVsVotingFigures, type GainFigures } from './rules/quantum-vs-voting';
export { ruleProfitable80, type Profitable80Figures } from './rules/profitable-80';
export { ruleCircuitFailures1pct, ruleCircuitCrashes, ruleCircuitFallbacks, type CircuitFailureFigures } from './rules/circuit-failures-1pct';
export { ruleStagedSizing, type StagedSizingFigures } from './rules/staged-sizing';
export { ruleJitterBelow, ruleSyncJitterEventLoop, ruleSyncJitterRealTimeThread, bestJitterScheduler, type JitterFigures, type SyncJitterFigures, type SchedulerJitter } from './rules/sync-jitter-10us';
export { ruleCycles, ruleWindowsBestScheduler, ruleWindowsTimer, bestCycleScheduler, type CycleFigures, type Windows1msFigures, type SchedulerCycles } from './rules/windows-1ms';
export { ruleHitRateAbove, type HitRateFigures } from './rules/hit-rate';
export { ruleStrategyEdge, ruleHitRateTarget, ruleNoLookAhead, type StrategyEdgeFigures, type HitRateTargetFigures, type LookAheadFigures } from './rules/strategy-edge';
