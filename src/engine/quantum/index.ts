/**
 * The one public API of src/engine/quantum (see each module for conventions): the statevector core (gates,
 * circuits, simulation, gradients, QASM, diagrams) and the noise half (channels, density matrices, trajectories,
 * fidelity metrics, decoherence, hardware presets, circuit cutting). Notebook cells see it as `quantum`.
 */
// Statevector core
export { adjointMatrix, identityMatrix, isUnitary, kron, matMul, matrixDim, maxAbsDiff } from './complex.ts';
export {
  GATES, GATE_ALIASES, controlledMatrix, gateMatrix, gateMatrixDerivative, getGate, resolveGateId,
  type GateDef, type GateKind,
} from './gates.ts';
export {
  CircuitBuilder, MAX_CIRCUIT_QUBITS, MAX_CLBITS, buildCircuit, countParams, createCircuit, gateOps, isValidatedCircuit,
  validateCircuit, validateOp, withOp, withOps, type Circuit, type GateOp, type Op,
} from './circuit.ts';
export {
  MAX_STATEVECTOR_QUBITS, ParametricCircuit, SimulationWorkspace, Statevector, checkStatevectorQubits, formatBytes, simulate,
  type SimulateOptions, type SimulateResult,
} from './statevector.ts';
export { planMatrix, runPlan, type KernelPlan } from './kernelPlan.ts';
export {
  expectationPauliAmps, expectationPauliSumAmps, parsePauliSum, pauliMasks, toPauliSum,
  type PauliMasks, type PauliSum, type PauliTerm,
} from './pauli.ts';
export { adjointGradient, allParamRefs, expectationValue, type GradientResult, type ParamRef } from './gradients.ts';
export { QasmError, formatAngle, parseQasm, qasmErrorFrame, toQasm } from './qasm.ts';
export { bellCircuit, ghzCircuit, layeredBenchmarkCircuit, qftCircuit, roadmapAggregatorCircuit } from './standardCircuits.ts';
export { measureGateThroughput, type ThroughputOptions, type ThroughputResult } from './throughput.ts';
export { circuitView, columnPrefix, formatAngleLabel, layoutCircuit, renderCircuitSvg, stepThroughColumns } from './diagram/index.ts';

// Noise, density matrices, hardware presets, circuit cutting
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

// WebAssembly SIMD kernels (wasm/wasmKernels.ts): on by default; setWasmKernels(false) forces the TS kernels
export { loadWasmKernels, setWasmKernels, wasmKernelsActive, WASM_MIN_QUBITS } from './wasm/wasmKernels.ts';
