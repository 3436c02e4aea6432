/**
 * WebAssembly SIMD kernels (built from ./assembly/kernels.ts by scripts/build-wasm.mjs) and the
 * state buffers they work on.
 *
 * Memory: every state buffer of ≥ WASM_MIN_QUBITS qubits is allocated (allocAmps) as a view on
 * its OWN WebAssembly.Memory of fixed size, with its own instance of the (tiny, 4 KiB) module.
 * The memory never grows, so the Float64Array view never detaches, and all the TS code that
 * reads `amps` (probabilities, gathers, real-only layers…) works on it unchanged; a gate on such
 * a buffer runs in wasm on the state in place — no copy per gate or per circuit.
 *
 * Dispatch: runPlan (kernelPlan.ts) sends a gate to wasm when its buffer is a wasm state
 * (wasmStateOf). setWasmKernels(false) — or SEMA_KERNELS=ts in the environment of a Node
 * script — makes new buffers plain Float64Arrays, so everything runs the pure-TS kernels, which
 * stay the reference and the fallback (a runtime without WebAssembly SIMD gets them too).
 */
import { WASM_BASE64 } from './kernels.generated.ts';

/**
 * States smaller than this stay plain arrays: below it, mapping a fresh wasm memory (~0.1 ms)
 * costs more than the kernels save.
 */
export const WASM_MIN_QUBITS = 12;

/** Byte layout of every instance's memory (mirrors assembly/kernels.ts). */
const PARAM = 1024, TGT = 5120, HIGH = 17536, TABLES = 32768, LOCAL = 65536, PROG = 327680, PROGP = 335872, STATE = 393216;
/** Capacity of a pass program: gate records (64 B each) and parameter doubles. */
export const PASS_MAX_GATES = 128, PASS_MAX_PARAMS = (STATE - PROGP) / 8;
const PAGE = 65536;

interface KernelExports {
  m1(a: number, n: number, t: number, ctrl: number): void;
  mux1(a: number, n: number, t: number, ctrl: number): void;
  diag1(a: number, n: number, t: number, ctrl: number): void;
  x1(a: number, n: number, t: number, ctrl: number): void;
  swap2(a: number, n: number, q0: number, q1: number, ctrl: number): void;
  diagK(a: number, n: number, k: number, ctrl: number): void;
  mk(a: number, n: number, k: number, ctrl: number): void;
  runPass(a: number, n: number, c: number, kh: number, count: number): void;
  realPass(src: number, dst: number, n: number, c: number, kh: number, count: number, gather: number): void;
  realSweep(a: number, n: number, count: number): void;
  gatherExpand(src: number, dst: number, n: number): void;
  gatherComplex(src: number, dst: number, n: number): void;
}

/** One state buffer in wasm memory: the kernels, and views on its parameter and block areas. */
export interface WasmState {
  readonly k: KernelExports;
  /** Doubles at PARAM (matrices, diagonals). */
  readonly param: Float64Array;
  /** i32 target qubits at TGT. */
  readonly targets: Int32Array;
  /** The cache-block buffer (2^14 amplitudes) in the same memory, for BlockQueue. */
  readonly local: Float64Array;
  /** A blocked pass's gate records (16 i32 each: kind, k, ctrl, param bytes, param pointer, 4 targets). */
  readonly prog: Int32Array;
  /** Their parameters (byte address PROG_PARAMS_PTR + 8·index). */
  readonly progParams: Float64Array;
  /** High qubits of a pass (i32). */
  readonly high: Int32Array;
  /** Byte tables of an affine gather (fillAffineTables in kernelsLayer.ts), 3×256 i32. */
  readonly tables: Int32Array;
}

/** Byte address of progParams[0]. */
export const PROG_PARAMS_PTR = PROGP;

let compiled: WebAssembly.Module | null | undefined; // undefined: not tried yet; null: unavailable
let enabled = !(typeof process !== 'undefined' && process.env?.SEMA_KERNELS === 'ts');
const states = new WeakMap<ArrayBufferLike, WasmState>();

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function module(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    if (typeof WebAssembly !== 'object') return null; // no WebAssembly: the TS kernels run
    const bytes = base64Bytes(WASM_BASE64) as BufferSource;
    try {
      // Synchronous compile (a few KiB): allowed in workers and Node, where the engine runs.
      compiled = new WebAssembly.Module(bytes);
    } catch {
      // A browser's main thread refuses synchronous compiles above 4 KiB: compile in the background
      // and use it for buffers allocated after that (TS kernels meanwhile). A runtime without
      // WebAssembly SIMD rejects the module: TS kernels for good.
      pending = WebAssembly.compile(bytes).then((m) => { compiled = m; }, () => undefined);
    }
  }
  return compiled;
}

let pending: Promise<void> | null = null;

/** Resolves once the kernels are compiled (or known unavailable); true when wasm states will be used. */
export async function loadWasmKernels(): Promise<boolean> {
  module();
  if (pending !== null) await pending;
  return wasmKernelsActive();
}

/** Use the wasm kernels for buffers allocated from now on (true, default) or the pure-TS kernels (false). */
export function setWasmKernels(on: boolean): void { enabled = on; }

/** True when new state buffers will be wasm states (enabled and WebAssembly SIMD compiles here). */
export function wasmKernelsActive(): boolean { return enabled && module() !== null; }

/** A zeroed buffer of `len` doubles (an interleaved state, or a real-only one) — in wasm memory when that pays. */
export function allocAmps(len: number): Float64Array {
  return allocAmpsIn(len, 1)[0];
}

/**
 * Two zeroed buffers of `len` doubles in ONE wasm memory (when that pays; else two plain arrays):
 * a state and the scratch it is gathered into, so one wasm call can read one and write the other.
 */
export function allocAmpsPair(len: number): [Float64Array, Float64Array] {
  const [a, b] = allocAmpsIn(len, 2);
  return [a, b ?? new Float64Array(len)];
}

function allocAmpsIn(len: number, count: 1 | 2): Float64Array[] {
  if (!enabled || len < 2 << WASM_MIN_QUBITS) return [new Float64Array(len)];
  const mod = module();
  if (mod === null) return [new Float64Array(len)];
  const pages = Math.ceil((STATE + 8 * len * count) / PAGE);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(mod, { env: { memory } });
  const buf = memory.buffer;
  const st: WasmState = {
    k: instance.exports as unknown as KernelExports,
    param: new Float64Array(buf, PARAM, 512),
    targets: new Int32Array(buf, TGT, 16),
    local: new Float64Array(buf, LOCAL, 2 << 14),
    prog: new Int32Array(buf, PROG, 16 * PASS_MAX_GATES),
    progParams: new Float64Array(buf, PROGP, PASS_MAX_PARAMS),
    high: new Int32Array(buf, HIGH, 16),
    tables: new Int32Array(buf, TABLES, 3 * 256),
  };
  states.set(buf, st);
  const views = [new Float64Array(buf, STATE, len)];
  if (count === 2) views.push(new Float64Array(buf, STATE + 8 * len, len));
  return views;
}

/** The wasm state `a` is a view on (any subarray of it), or undefined for a plain array. */
export function wasmStateOf(a: Float64Array): WasmState | undefined {
  return states.get(a.buffer);
}
