/**
 * Public API of the noise / density-matrix / presets / cutting half of src/engine/quantum.
 * (Kept separate from index.ts, which the statevector core owns; the lead merges them.)
 */
export {
  CHANNELS, CPTP_TOLERANCE, KrausError, getChannel, channelKraus, validateKraus, cptpDeviation, checkT1T2,
  amplitudeDampingKraus, phaseDampingKraus, pauliKraus, thermalRelaxationKraus,
} from './channels.ts';
export type { ChannelDef, ChannelParam, ChannelParams, ChannelSpec } from './channels.ts';
export {
  DensityMatrix, MAX_DENSITY_QUBITS, MAX_DENSITY_QUBITS_OVERRIDE, checkDensityQubits, simulateDensity,
  superoperator1q, applySuperop1q, applyUnitary2q, applyKrausK,
} from './density.ts';
export type { Coherence, DensityOptions, DensitySimulateOptions, NoiseModel } from './density.ts';
export {
  MAX_TRAJECTORY_QUBITS, applyKrausJump, idleTrajectory, estimateHoldFidelity, simulateTrajectories,
} from './trajectories.ts';
export type { Estimate, TrajectoryOptions, CircuitTrajectoryOptions } from './trajectories.ts';
export {
  fidelityPure, fidelityPureMixed, fidelityMixed, purity, traceDistance, vonNeumannEntropy,
  hermitianEigenvalues, hermitianFunction, jacobiEigenSymmetric, MAX_EIGEN_DIM,
} from './metrics.ts';
export {
  fidelityOneQubit, fidelityPlus, fidelityOne, averageFidelity, productFidelity, ghzFidelity, ghzDephasingFidelity,
  maximallyMixedFidelity, encodedStateFidelity, encodedStateOverlapWithZero, holdFidelity, trivialBaseline,
  requiredT2Us, fidelityOverTime, DEFAULT_ROADMAP_PROBABILITY,
} from './decoherence.ts';
export type { HoldState, HoldSpec, RequiredT2, FidelityOverTimeInput, FidelityOverTimeResult } from './decoherence.ts';
export { PRESETS, PRESET_LIST, getPreset, presetCoherence, presetNoiseModel } from './presets.ts';
export type { Cited, HardwarePreset, Platform, CoherenceTimes } from './presets.ts';
export { WIRE_CUT, CZ_CUT, CX_CUT, gateCutDecomposition } from './cutting/decompositions.ts';
export type { CutDecomposition, CutTerm, LocalAction } from './cutting/decompositions.ts';
export {
  planCuts, fragmentValue, subExperimentValues, reconstructExact, reconstructFromShots, measureCutSpread, MAX_TERM_COMBINATIONS,
} from './cutting/cut.ts';
export type { CutSpec, CutPlan, Fragment, ShotMode, ShotOptions, ShotEstimate, SpreadResult } from './cutting/cut.ts';
export { blockCutCircuit, blockCircuitAngleCount, type BlockBoundary, type BlockCutCircuit } from './cutting/blockCircuit.ts';
export {
  cuttingCost, countCutGates, crossPairs, choose2, greedyPartition, gateGamma, formatPow10, formatDurationLog10, qubitReuseWidth,
} from './cutting/calculator.ts';
export type { CalculatorInput, CalculatorResult, Topology, CircuitFamily, CutGate } from './cutting/calculator.ts';
