/**
 * Memory and bandwidth floors of a classical statevector / density-matrix simulator: what "16GB+ RAM for
 * quantum state storage" and "GPU with CUDA (RTX 3080+)" buy at the roadmap's sizes (14 members, 16 wires,
 * 24 physical, 66 virtual qubits).
 */

/** Bytes per complex amplitude: complex128 (lightning's default) or complex64. */
export type Precision = 'complex128' | 'complex64';
const BYTES: Record<Precision, number> = { complex128: 16, complex64: 8 };

function checkN(n: number): void {
  if (!(Number.isInteger(n) && n >= 0 && n <= 1000)) throw new RangeError(`invalid qubit count: ${n} (expected an integer 0–1000)`);
}

/** 2^n amplitudes × bytes per amplitude. */
export function statevectorBytes(n: number, precision: Precision = 'complex128'): number {
  checkN(n);
  return Math.pow(2, n) * BYTES[precision];
}

/** 4^n entries × bytes per entry. */
export function densityMatrixBytes(n: number, precision: Precision = 'complex128'): number {
  checkN(n);
  return Math.pow(4, n) * BYTES[precision];
}

/** Largest n whose state fits in `bytes`. */
export function maxQubits(bytes: number, kind: 'statevector' | 'density', precision: Precision = 'complex128'): number {
  if (!(bytes > 0)) throw new RangeError(`invalid bytes: ${bytes} (expected > 0)`);
  const perN = kind === 'statevector' ? 1 : 2;
  return Math.floor(Math.log2(bytes / BYTES[precision]) / perN + 1e-12);
}

/**
 * Memory-bound floor of one single-qubit gate on an n-qubit statevector: every amplitude is read and
 * written once, 2·2^n·bytes (= 2^(n+5) B at complex128), divided by the memory bandwidth (bytes/s). μs.
 */
export function gateTimeFloorUs(n: number, bandwidthBytesPerS: number, precision: Precision = 'complex128'): number {
  if (!(bandwidthBytesPerS > 0)) throw new RangeError(`invalid bandwidth: ${bandwidthBytesPerS} (expected > 0)`);
  return (2 * statevectorBytes(n, precision) / bandwidthBytesPerS) * 1e6;
}

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

/** The roadmap's GPU. NVIDIA's published figures; not re-checked against nvidia.com in this session. */
export const RTX_3080 = {
  name: 'NVIDIA GeForce RTX 3080 (10 GB)',
  memoryBytes: 10e9,
  bandwidthBytesPerS: 760e9,
  source: 'NVIDIA GeForce RTX 3080 specifications: 10 GB GDDR6X, 320-bit, 19 Gbps = 760 GB/s (derived from bus width × data rate; n/v in this session)',
} as const;
