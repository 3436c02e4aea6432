import { fmt, type RuleResult } from '../verdict';

export interface QuantumOp100nsFigures {
  /** Measured time per gate application on a 16-qubit state (the roadmap's 16 wires), in ns. */
  nsPerGateN16: number;
  /** The roadmap's target, 'quantum_operation_latency': 100e-9. */
  claimNs?: number;
}

/**
 * "'quantum_operation_latency': 100e-9  # 100ns". Supported iff one gate applied to a 16-qubit state takes
 * ≤ 100 ns (measured over batches long enough that the clock's resolution does not matter), refuted
 * otherwise.
 */
export function ruleQuantumOp100ns({ nsPerGateN16, claimNs = 100 }: QuantumOp100nsFigures): RuleResult {
  if (!(Number.isFinite(nsPerGateN16) && nsPerGateN16 > 0)) {
    return { verdict: 'not measurable here', rule: `no time per gate was measured at n = 16 (got ${nsPerGateN16}), so there is nothing to compare with ${claimNs} ns` };
  }
  const head = `supported iff one gate on a 16-qubit state takes ≤ ${claimNs} ns; measured ${fmt(nsPerGateN16)} ns per gate`;
  if (nsPerGateN16 <= claimNs) return { verdict: 'supported', rule: `${head} ≤ ${claimNs} ns` };
  return { verdict: 'refuted', rule: `${head}, ${fmt(nsPerGateN16 / claimNs, 3)}× the target` };
}
