/**
 * Real-only layers on the WebAssembly SIMD kernels: the wasm twin of applyGateBatch
 * (kernelsLayer.ts) for a real-only state (one double per amplitude, real gates only), and of
 * the final gather that expands such a state to complex. The state and its gather scratch live
 * in ONE wasm memory (allocAmpsPair), so a pass reads one and writes the other in a single call.
 *
 * Plan of a layer of n-qubit real gates (bit view of kernelsLayer.ts, bit q = qubit q):
 * - gates on bits below TILE (2^TILE doubles = the 256 KiB block buffer, LOCAL) go in one pass
 *   of contiguous tiles, transformed in place in the destination (gathered into it first when a
 *   CX/SWAP run's gather is pending);
 * - up to 3 gates on higher bits: one sweep over the whole state in place;
 * - more: passes whose tiles are 2^(TILE − k) runs × the 2^k combinations of k ≤ 7 high bits,
 *   copied into LOCAL, transformed there and copied back.
 * Within a tile, gates go three per sweep (8 vectors of 2 amplitudes loaded once; Hadamard-like
 * gates as butterflies), bits in ascending order, so bit 0 (inside a vector) rides with bits 1, 2.
 */
import type { GateBatch } from './kernelsLayer.ts';
import type { WasmState } from './wasm/wasmKernels.ts';

/** log2 of the doubles in the wasm block buffer (LOCAL, 256 KiB). */
const TILE = 15;
/** Most high bits per LOCAL pass (runs of ≥ 2^8 doubles keep the gather's fast path). */
const MAX_HIGH = 7;
/** Record kinds of assembly/kernels.ts realOps. */
const ONE = 1, TWO = 2, THREE = 3, HAD3 = 4;
/** Byte address of progParams[0] (PROGP in assembly/kernels.ts). */
const PROGP = 335872;

/**
 * Apply every gate of `batch` (real 2×2s on bits < n, distinct) to the real-only state: read
 * from `src` (through the gather tables `tables` when given, else as is) and write to `dst`
 * (may equal src when no gather). src and dst are views on w's memory.
 */
export function applyRealBatchWasm(
  w: WasmState, src: Float64Array, dst: Float64Array, n: number, batch: GateBatch, tables: Int32Array | null,
  /** Smaller tiles and fewer high bits per pass, for tests (defaults: the block buffer, 7). */
  tile = TILE, maxHigh = MAX_HIGH,
): void {
  const gather = tables !== null;
  if (gather) w.tables.set(tables);
  const order = Array.from({ length: batch.count }, (_, g) => g).sort((x, y) => batch.bits[x] - batch.bits[y]);
  const sp = src.byteOffset, dp = dst.byteOffset;
  if (n <= tile) {
    realPass(w, sp, dp, n, n, [], order, batch, gather);
    return;
  }
  const low = order.filter((g) => batch.bits[g] < tile);
  let high = order.filter((g) => batch.bits[g] >= tile);
  let from = sp;
  if (low.length > 0 || gather || sp !== dp) {
    realPass(w, sp, dp, n, tile, [], low, batch, gather);
    from = dp;
  }
  if (high.length === 0) return;
  if (high.length <= 3) {
    // One sweep over the whole state in place (no block copies).
    const count = writeRecords(w, high.map((g) => batch.bits[g]), high, batch);
    w.k.realSweep(dp, n, count);
    return;
  }
  while (high.length > 0) {
    const take = high.slice(0, maxHigh);
    high = high.slice(take.length);
    realPass(w, from, dp, n, tile - take.length, take.map((g) => batch.bits[g]), take, batch, false);
    from = dp;
  }
}

/**
 * One realPass call: tiles of bits [0, c) plus the bits `highBits`; `gates` are the batch
 * indices to apply (bits < c, or in highBits, renumbered to the tile's local bits).
 */
function realPass(
  w: WasmState, sp: number, dp: number, n: number, c: number, highBits: readonly number[], gates: readonly number[], batch: GateBatch, gather: boolean,
): void {
  for (let j = 0; j < highBits.length; j++) w.high[j] = highBits[j];
  const local = gates.map((g) => {
    const b = batch.bits[g], j = highBits.indexOf(b);
    return j >= 0 ? c + j : b;
  });
  const count = writeRecords(w, local, gates, batch);
  w.k.realPass(sp, dp, n, c, highBits.length, count, gather ? 1 : 0);
}

/**
 * Records for realOps (assembly/kernels.ts): Hadamard-like gates three at a time, then the rest
 * in ascending local bit three at a time, leftovers one or two per record. Returns the count.
 */
function writeRecords(w: WasmState, localBits: readonly number[], gates: readonly number[], batch: GateBatch): number {
  const prog = w.prog, par = w.progParams;
  let rec = 0, np = 0;
  const matrix = (g: number): number => {
    const m = batch.mats, o = 8 * g;
    par[np] = m[o]; par[np + 1] = m[o + 2]; par[np + 2] = m[o + 4]; par[np + 3] = m[o + 6];
    np += 4;
    return PROGP + 8 * (np - 4);
  };
  const items = localBits.map((bit, k) => ({ bit, g: gates[k] })).sort((x, y) => x.bit - y.bit);
  const had = items.filter((x) => batch.hadamard[x.g]);
  const hadUsed = had.length - (had.length % 3);
  for (let k = 0; k < hadUsed; k += 3) {
    const a = had[k], b = had[k + 1], c = had[k + 2];
    par[np] = batch.mats[8 * a.g] * batch.mats[8 * b.g] * batch.mats[8 * c.g];
    np += 4; // keep matrices 32-byte aligned
    const o = 8 * rec++;
    prog[o] = HAD3; prog[o + 1] = a.bit; prog[o + 2] = b.bit; prog[o + 3] = c.bit; prog[o + 4] = PROGP + 8 * (np - 4);
  }
  const rest = items.filter((x) => !batch.hadamard[x.g]).concat(had.slice(hadUsed)).sort((x, y) => x.bit - y.bit);
  for (let k = 0; k < rest.length; k += 3) {
    const o = 8 * rec++, left = Math.min(3, rest.length - k);
    prog[o] = left === 3 ? THREE : left === 2 ? TWO : ONE;
    for (let j = 0; j < left; j++) {
      prog[o + 1 + j] = rest[k + j].bit;
      prog[o + 4 + j] = matrix(rest[k + j].g);
    }
  }
  return rec;
}
