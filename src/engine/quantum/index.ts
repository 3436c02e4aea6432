/** Public API of the quantum statevector engine (see each module for conventions). */
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
export { QasmError, formatAngle, parseQasm, toQasm } from './qasm.ts';
export { bellCircuit, ghzCircuit, layeredBenchmarkCircuit, qftCircuit, roadmapAggregatorCircuit } from './standardCircuits.ts';
export { measureGateThroughput, type ThroughputOptions, type ThroughputResult } from './throughput.ts';
export { circuitView, columnPrefix, formatAngleLabel, layoutCircuit, renderCircuitSvg, stepThroughColumns } from './diagram/index.ts';
export { loadWasmKernels, setWasmKernels, wasmKernelsActive, WASM_MIN_QUBITS } from './wasm/wasmKernels.ts';
