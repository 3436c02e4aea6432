/** Roadmap claims and the pure rules that turn measured figures into verdicts (one file per claim in rules/). */
export { ROADMAP_CLAIMS, claimById, type RoadmapClaim } from './registry';
export { VERDICT_ORDER, fmt, type Verdict, type RuleResult } from './verdict';
// Rule exports: one line per claim rule file, appended by whoever writes the rule.
export { ruleCoherence9550ms, type CoherenceFigures, type CoherencePresetFigures, type CoherenceRuleResult } from './rules/coherence-95-50ms';
export { ruleVirtualQubits6624, type VirtualQubitFigures, type CutFamilyFigures, type VirtualQubitRuleResult } from './rules/virtual-qubits-66-24';
export { ruleBuffer10ns } from './rules/buffer-10ns';
export { ruleConsciousnessIndex, CLAIMED_EVENTS_PER_SECOND, type ConsciousnessFigures, type ConsciousnessCellFigures, type ConsciousnessRuleResult } from './rules/consciousness-index';
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
