/**
 * Layer kernels: many single-qubit gates (on distinct qubits) in few passes over memory.
 *
 * Bit view. The kernels see the amplitude buffer as doubles a[0 … 2^nBits). For a complex
 * interleaved state (see statevector.ts) qubit q is bit q + 1 of the double index and bit 0
 * selects re/im; for a real-only state (every amplitude real, stored one double each) qubit
 * q is bit q. A REAL 2×2 acts on re and im alike, so it is one real 2×2 on bit q + 1: the
 * same real loops serve real states and complex states with real gates (RY, H, X…), at a
 * quarter of the complex arithmetic. Complex matrices on complex states use complex loops.
 *
 * Cache tiling. A pass loads a tile of 2^TILE_BITS doubles (contiguous low bits [0, c) plus
 * a few high gate bits H), applies every gate of the pass to the tile while it sits in cache,
 * then moves on: a layer of n gates costs 1–3 passes over memory instead of n.
 */

/** Doubles per tile (2^15 = 256 KiB): fits the L2 cache of current desktop and server CPUs. */
export const TILE_BITS = 15;
/** Contiguous run (2^MIN_RUN_BITS doubles) kept at the bottom of a tile for high-bit gates. */
const MIN_RUN_BITS = 5;

/**
 * A batch of single-qubit gates: gate g acts on bit bits[g] (bit view above, distinct bits)
 * with the 2×2 mats[8g … 8g+8) (interleaved re/im, row-major); complex[g] = 0 marks a real
 * matrix (imaginary parts all zero), which takes the real loops.
 */
export interface GateBatch {
  bits: Int32Array;
  mats: Float64Array;
  complex: Uint8Array;
  /** 1 when the matrix is α·[[1, 1], [1, −1]] (H and its real multiples): butterflies, no multiplies. */
  hadamard: Uint8Array;
  count: number;
}

export function createGateBatch(capacity: number): GateBatch {
  return {
    bits: new Int32Array(capacity), mats: new Float64Array(8 * capacity), complex: new Uint8Array(capacity),
    hadamard: new Uint8Array(capacity), count: 0,
  };
}

/** Append a gate (matrix m, 8 scalars) on bit `bit`. */
export function pushGate(batch: GateBatch, bit: number, m: Float64Array): void {
  const g = batch.count++;
  batch.bits[g] = bit;
  const mats = batch.mats, o = 8 * g;
  for (let k = 0; k < 8; k++) mats[o + k] = m[k]; // (a subarray + set costs more than the copy at small n)
  batch.complex[g] = m[1] !== 0 || m[3] !== 0 || m[5] !== 0 || m[7] !== 0 ? 1 : 0;
  batch.hadamard[g] = batch.complex[g] === 0 && m[0] === m[2] && m[0] === m[4] && m[0] === -m[6] ? 1 : 0;
}

/** True when every entry of the interleaved matrix has a zero imaginary part. */
export function isRealMatrix(m: Float64Array): boolean {
  for (let i = 1; i < m.length; i += 2) if (m[i] !== 0) return false;
  return true;
}

/**
 * Apply every gate of `batch` to a[0 … 2^nBits). Complex gates need a complex view (their
 * bits ≥ 1); on a real-only state the caller passes real gates only.
 */
export function applyGateBatch(a: Float64Array, nBits: number, batch: GateBatch, gather?: Gather): void {
  const count = batch.count;
  if (gather !== undefined && (count === 0 || nBits <= TILE_BITS)) {
    gatherRun(gather, a, 0, 1 << nBits);
    gather = undefined;
  }
  if (count === 0) return;
  if (nBits <= TILE_BITS) {
    // The whole state is one tile.
    sweepGroup(a, 0, 1 << nBits, batch, pairUp(batch, Array.from({ length: count }, (_, g) => g)));
    return;
  }
  // Gates below TILE_BITS go in the first pass with c = one past the highest of them (at
  // least MIN_RUN_BITS); high gates fill the rest of that tile, then passes of
  // TILE_BITS − MIN_RUN_BITS high gates each.
  const order = Array.from({ length: count }, (_, g) => g).sort((x, y) => batch.bits[x] - batch.bits[y]);
  let k = 0, c = MIN_RUN_BITS;
  while (k < count && batch.bits[order[k]] < TILE_BITS) { c = Math.max(c, batch.bits[order[k]] + 1); k++; }
  const lowGates = order.slice(0, k);
  let high = order.slice(k);
  let first = true;
  while (first || high.length > 0) {
    const cc = first ? c : MIN_RUN_BITS;
    const take = Math.min(high.length, TILE_BITS - cc);
    tilePass(a, nBits, cc, first ? lowGates : [], high.slice(0, take), batch, first ? gather : undefined);
    high = high.slice(take);
    first = false;
  }
}

/**
 * A pending affine gather (see gatherAffineReal) fused into the first pass of a layer: each
 * tile is gathered from `src` and then transformed while it is in cache, which saves writing
 * and re-reading the permuted state. `tables` are filled by fillAffineTables for the basis
 * index map; `width` is 1 for a real-only layout, 2 for complex (pairs move together).
 */
export interface Gather {
  src: Float64Array;
  tables: Int32Array;
  width: 1 | 2;
}

/** dst[d] for doubles d in [start, start + len) from the gather source (len, start multiples of width). */
function gatherRun(g: Gather, dst: Float64Array, start: number, len: number): void {
  const t = g.tables, src = g.src;
  if (g.width === 1) {
    if ((start & 255) === 0 && (len & 255) === 0) {
      // Whole 256-blocks: the high bytes' part of the source index is fixed per block.
      for (let hi = start, e = start + len; hi < e; hi += 256) {
        const base = t[256 + ((hi >>> 8) & 255)] ^ t[512 + ((hi >>> 16) & 255)];
        for (let lo = 0; lo < 256; lo++) dst[hi + lo] = src[base ^ t[lo]];
      }
      return;
    }
    for (let i = start, e = start + len; i < e; i++) dst[i] = src[t[i & 255] ^ t[256 + ((i >>> 8) & 255)] ^ t[512 + ((i >>> 16) & 255)]];
    return;
  }
  for (let d = start, e = start + len; d < e; d += 2) {
    const i = d >>> 1;
    const s = 2 * (t[i & 255] ^ t[256 + ((i >>> 8) & 255)] ^ t[512 + ((i >>> 16) & 255)]);
    dst[d] = src[s];
    dst[d + 1] = src[s + 1];
  }
}

/** One pass: tiles of bits [0, c) ∪ {bits of highGates}; lowGates have bits < c. */
function tilePass(
  a: Float64Array, nBits: number, c: number, lowGates: readonly number[], highGates: readonly number[], batch: GateBatch, gather?: Gather,
): void {
  const k = highGates.length;
  const hBits = highGates.map((g) => batch.bits[g]);
  const run = 1 << c;
  const chunks = 1 << k;
  const offsets = new Int32Array(chunks);
  for (let s = 0; s < chunks; s++) {
    let o = 0;
    for (let j = 0; j < k; j++) if ((s >>> j) & 1) o |= 1 << hBits[j];
    offsets[s] = o;
  }
  const low = pairUp(batch, lowGates);
  // High gates two at a time (real pairs), by position j in highGates.
  const highOps: number[] = [];
  const realHigh = highGates.map((_, j) => j).filter((j) => !batch.complex[highGates[j]]);
  for (let j = 0; j + 1 < realHigh.length; j += 2) highOps.push(realHigh[j], realHigh[j + 1]);
  if (realHigh.length % 2 === 1) highOps.push(realHigh[realHigh.length - 1], -1);
  highGates.forEach((g, j) => { if (batch.complex[g]) highOps.push(j, -1); });
  const tiles = 1 << (nBits - c - k);
  for (let t = 0; t < tiles; t++) {
    // Spread t over the bits outside the tile (insert zeros at c-low bits and at each H bit).
    let base = t << c;
    for (let j = 0; j < k; j++) {
      const p = hBits[j];
      base = ((base >>> p) << (p + 1)) | (base & ((1 << p) - 1));
    }
    if (gather !== undefined) for (let s = 0; s < chunks; s++) gatherRun(gather, a, base + offsets[s], run);
    if (low.length > 0) for (let s = 0; s < chunks; s++) sweepGroup(a, base + offsets[s], run, batch, low);
    for (let u = 0; u < highOps.length; u += 2) {
      const ja = highOps[u], jb = highOps[u + 1];
      const ga = highGates[ja], ha = 1 << hBits[ja], ma = 1 << ja;
      if (jb < 0) {
        for (let s = 0; s < chunks; s++) {
          if (s & ma) continue;
          const i0 = base + offsets[s];
          if (batch.complex[ga]) pairRunComplex(a, i0, i0 + ha, run, batch.mats, 8 * ga);
          else pairRunReal(a, i0, i0 + ha, run, batch.mats, 8 * ga);
        }
        continue;
      }
      const gb = highGates[jb], hb = 1 << hBits[jb], mb = 1 << jb;
      for (let s = 0; s < chunks; s++) {
        if (s & (ma | mb)) continue;
        quadRunReal(a, base + offsets[s], ha, hb, run, batch.mats, 8 * ga, 8 * gb);
      }
    }
  }
}

/**
 * Group gates for sweeps: a flat list of triples (g1, g2, g3), −1 for unused slots. Real
 * gates go three per sweep, Hadamard-like ones together where possible; in each triple the
 * smallest remaining bit goes with the two largest, so the loops over the smallest bit's
 * contiguous runs stay long. Complex gates go alone.
 */
function pairUp(batch: GateBatch, items: readonly number[]): number[] {
  const byBit = (x: number, y: number): number => batch.bits[x] - batch.bits[y];
  const had = items.filter((x) => batch.hadamard[x]).sort(byBit);
  const hadTriples = had.length - (had.length % 3);
  const out: number[] = [];
  pushTriples(had.slice(0, hadTriples), out);
  pushTriples(items.filter((x) => !batch.complex[x] && !batch.hadamard[x]).concat(had.slice(hadTriples)).sort(byBit), out);
  for (const x of items) if (batch.complex[x]) out.push(x, -1, -1);
  return out;
}

function pushTriples(sorted: readonly number[], out: number[]): void {
  let lo = 0, hi = sorted.length - 1;
  for (; hi - lo >= 2; lo++, hi -= 2) out.push(sorted[lo], sorted[hi - 1], sorted[hi]);
  if (hi - lo === 1) out.push(sorted[lo], sorted[hi], -1);
  else if (hi === lo) out.push(sorted[lo], -1, -1);
}

/** The gate groups of pairUp (batch indices, bits < log2 len) on a[start … start + len). */
function sweepGroup(a: Float64Array, start: number, len: number, batch: GateBatch, ops: readonly number[]): void {
  const bits = batch.bits, m = batch.mats, had = batch.hadamard;
  for (let u = 0; u < ops.length; u += 3) {
    const ga = ops[u], gb = ops[u + 1], gc = ops[u + 2];
    if (gb < 0) sweepLow(a, start, len, batch, ga);
    else if (gc < 0) sweepLow2Real(a, start, len, bits[ga], bits[gb], m, 8 * ga, 8 * gb);
    else if (had[ga] && had[gb] && had[gc]) sweepLow3Hadamard(a, start, len, bits[ga], bits[gb], bits[gc], m[8 * ga] * m[8 * gb] * m[8 * gc]);
    else sweepLow3Real(a, start, len, bits[ga], bits[gb], bits[gc], m, 8 * ga, 8 * gb, 8 * gc);
  }
}

/**
 * Three Hadamard-like gates α·[[1, 1], [1, −1]] on bits p < q < r in one sweep: sum/difference
 * butterflies on eight amplitudes, then one multiply by γ = α_p·α_q·α_r each (a third of the
 * arithmetic of sweepLow3Real; equal to it up to rounding).
 */
function sweepLow3Hadamard(a: Float64Array, start: number, len: number, p: number, q: number, r: number, g: number): void {
  const hp = 1 << p, hq = 1 << q, hr = 1 << r, end = start + len;
  const inner = hp === 1 ? 2 : 1, runLen = hp === 1 ? hq : hp, outerStep = hp === 1 ? hq : 2 * hp;
  for (let b = start; b < end; b += 2 * hr) {
    for (let c = b, ce = b + hr; c < ce; c += 2 * hq) {
      for (let d = c, de = c + hq; d < de; d += outerStep) {
        for (let i = d, e = d + runLen; i < e; i += inner) {
          const i1 = i + hp, i2 = i + hq, i3 = i1 + hq;
          const x0 = a[i], x1 = a[i1], x2 = a[i2], x3 = a[i3];
          const x4 = a[i + hr], x5 = a[i1 + hr], x6 = a[i2 + hr], x7 = a[i3 + hr];
          const y0 = x0 + x1, y1 = x0 - x1, y2 = x2 + x3, y3 = x2 - x3;
          const y4 = x4 + x5, y5 = x4 - x5, y6 = x6 + x7, y7 = x6 - x7;
          const z0 = y0 + y2, z2 = y0 - y2, z1 = y1 + y3, z3 = y1 - y3;
          const z4 = y4 + y6, z6 = y4 - y6, z5 = y5 + y7, z7 = y5 - y7;
          a[i] = g * (z0 + z4); a[i + hr] = g * (z0 - z4);
          a[i1] = g * (z1 + z5); a[i1 + hr] = g * (z1 - z5);
          a[i2] = g * (z2 + z6); a[i2 + hr] = g * (z2 - z6);
          a[i3] = g * (z3 + z7); a[i3 + hr] = g * (z3 - z7);
        }
      }
    }
  }
}

/**
 * Three real gates in one sweep: bits p < q < r, eight amplitudes loaded once, transformed by
 * the gates on p, q, r in turn in registers, stored once (same arithmetic as three sweeps).
 */
function sweepLow3Real(
  a: Float64Array, start: number, len: number, p: number, q: number, r: number, m: Float64Array, oA: number, oB: number, oC: number,
): void {
  const a00 = m[oA], a01 = m[oA + 2], a10 = m[oA + 4], a11 = m[oA + 6];
  const b00 = m[oB], b01 = m[oB + 2], b10 = m[oB + 4], b11 = m[oB + 6];
  const c00 = m[oC], c01 = m[oC + 2], c10 = m[oC + 4], c11 = m[oC + 6];
  const hp = 1 << p, hq = 1 << q, hr = 1 << r, end = start + len;
  // With p = 0 the innermost run is one pair: step through it by 2 instead.
  const inner = hp === 1 ? 2 : 1, runLen = hp === 1 ? hq : hp, outerStep = hp === 1 ? hq : 2 * hp;
  for (let b = start; b < end; b += 2 * hr) {
    for (let c = b, ce = b + hr; c < ce; c += 2 * hq) {
      for (let d = c, de = c + hq; d < de; d += outerStep) {
        for (let i = d, e = d + runLen; i < e; i += inner) {
          const i1 = i + hp, i2 = i + hq, i3 = i1 + hq;
          const x0 = a[i], x1 = a[i1], x2 = a[i2], x3 = a[i3];
          const x4 = a[i + hr], x5 = a[i1 + hr], x6 = a[i2 + hr], x7 = a[i3 + hr];
          // bit p: pairs (0,1) (2,3) (4,5) (6,7)
          const y0 = a00 * x0 + a01 * x1, y1 = a10 * x0 + a11 * x1, y2 = a00 * x2 + a01 * x3, y3 = a10 * x2 + a11 * x3;
          const y4 = a00 * x4 + a01 * x5, y5 = a10 * x4 + a11 * x5, y6 = a00 * x6 + a01 * x7, y7 = a10 * x6 + a11 * x7;
          // bit q: pairs (0,2) (1,3) (4,6) (5,7)
          const z0 = b00 * y0 + b01 * y2, z2 = b10 * y0 + b11 * y2, z1 = b00 * y1 + b01 * y3, z3 = b10 * y1 + b11 * y3;
          const z4 = b00 * y4 + b01 * y6, z6 = b10 * y4 + b11 * y6, z5 = b00 * y5 + b01 * y7, z7 = b10 * y5 + b11 * y7;
          // bit r: pairs (0,4) (1,5) (2,6) (3,7)
          a[i] = c00 * z0 + c01 * z4; a[i + hr] = c10 * z0 + c11 * z4;
          a[i1] = c00 * z1 + c01 * z5; a[i1 + hr] = c10 * z1 + c11 * z5;
          a[i2] = c00 * z2 + c01 * z6; a[i2 + hr] = c10 * z2 + c11 * z6;
          a[i3] = c00 * z3 + c01 * z7; a[i3 + hr] = c10 * z3 + c11 * z7;
        }
      }
    }
  }
}

/**
 * Two real gates in one sweep of a[start … start + len): gate A (matrix at m[oA]) on bit p,
 * gate B on bit q > p. Each group of four amplitudes (bits p, q = 00, 01, 10, 11) is loaded
 * once, transformed by A then B in registers, and stored once: the same arithmetic as two
 * sweeps, half the loads and stores.
 */
function sweepLow2Real(a: Float64Array, start: number, len: number, p: number, q: number, m: Float64Array, oA: number, oB: number): void {
  const a00 = m[oA], a01 = m[oA + 2], a10 = m[oA + 4], a11 = m[oA + 6];
  const b00 = m[oB], b01 = m[oB + 2], b10 = m[oB + 4], b11 = m[oB + 6];
  const hp = 1 << p, hq = 1 << q, end = start + len;
  if (hp === 1) {
    for (let b = start; b < end; b += 2 * hq) {
      for (let i = b, e = b + hq; i < e; i += 2) {
        const j = i + hq;
        const x0 = a[i], x1 = a[i + 1], x2 = a[j], x3 = a[j + 1];
        const y0 = a00 * x0 + a01 * x1, y1 = a10 * x0 + a11 * x1, y2 = a00 * x2 + a01 * x3, y3 = a10 * x2 + a11 * x3;
        a[i] = b00 * y0 + b01 * y2; a[j] = b10 * y0 + b11 * y2;
        a[i + 1] = b00 * y1 + b01 * y3; a[j + 1] = b10 * y1 + b11 * y3;
      }
    }
    return;
  }
  for (let b = start; b < end; b += 2 * hq) {
    for (let c = b, ce = b + hq; c < ce; c += 2 * hp) {
      for (let i = c, e = c + hp; i < e; i++) {
        const i1 = i + hp, i2 = i + hq, i3 = i1 + hq;
        const x0 = a[i], x1 = a[i1], x2 = a[i2], x3 = a[i3];
        const y0 = a00 * x0 + a01 * x1, y1 = a10 * x0 + a11 * x1, y2 = a00 * x2 + a01 * x3, y3 = a10 * x2 + a11 * x3;
        a[i] = b00 * y0 + b01 * y2; a[i2] = b10 * y0 + b11 * y2;
        a[i1] = b00 * y1 + b01 * y3; a[i3] = b10 * y1 + b11 * y3;
      }
    }
  }
}

/** Two real gates on high bits: runs of `len` starting at i0, i0 + ha, i0 + hb, i0 + ha + hb. */
function quadRunReal(a: Float64Array, i0: number, ha: number, hb: number, len: number, m: Float64Array, oA: number, oB: number): void {
  const a00 = m[oA], a01 = m[oA + 2], a10 = m[oA + 4], a11 = m[oA + 6];
  const b00 = m[oB], b01 = m[oB + 2], b10 = m[oB + 4], b11 = m[oB + 6];
  for (let i = i0, e = i0 + len; i < e; i++) {
    const i1 = i + ha, i2 = i + hb, i3 = i1 + hb;
    const x0 = a[i], x1 = a[i1], x2 = a[i2], x3 = a[i3];
    const y0 = a00 * x0 + a01 * x1, y1 = a10 * x0 + a11 * x1, y2 = a00 * x2 + a01 * x3, y3 = a10 * x2 + a11 * x3;
    a[i] = b00 * y0 + b01 * y2; a[i2] = b10 * y0 + b11 * y2;
    a[i1] = b00 * y1 + b01 * y3; a[i3] = b10 * y1 + b11 * y3;
  }
}

/** Gate g (bit < log2 len) on the contiguous segment a[start … start + len). */
function sweepLow(a: Float64Array, start: number, len: number, batch: GateBatch, g: number): void {
  const h = 1 << batch.bits[g], end = start + len, m = batch.mats, o = 8 * g;
  if (batch.complex[g]) {
    if (h === 2) { pairsComplexQ0(a, start, end, m, o); return; }
    // Short blocks (h = 4, 8…) inline; a call per block would dominate low qubits.
    if (h < 32) { blocksComplex(a, start, end, h, m, o); return; }
    for (let b = start; b < end; b += 2 * h) pairRunComplex(a, b, b + h, h, m, o);
    return;
  }
  const m00 = m[o], m01 = m[o + 2], m10 = m[o + 4], m11 = m[o + 6];
  if (h === 1) {
    for (let i = start; i < end; i += 2) {
      const x = a[i], y = a[i + 1];
      a[i] = m00 * x + m01 * y;
      a[i + 1] = m10 * x + m11 * y;
    }
    return;
  }
  if (h === 2) {
    for (let i = start; i < end; i += 4) {
      const x0 = a[i], x1 = a[i + 1], y0 = a[i + 2], y1 = a[i + 3];
      a[i] = m00 * x0 + m01 * y0; a[i + 1] = m00 * x1 + m01 * y1;
      a[i + 2] = m10 * x0 + m11 * y0; a[i + 3] = m10 * x1 + m11 * y1;
    }
    return;
  }
  for (let b = start; b < end; b += 2 * h) {
    for (let i = b, j = b + h, e = b + h; i < e; i++, j++) {
      const x = a[i], y = a[j];
      a[i] = m00 * x + m01 * y;
      a[j] = m10 * x + m11 * y;
    }
  }
}

/** Real 2×2 (m[o], m[o+2] / m[o+4], m[o+6]) on pairs (i0 + r, i1 + r), r < len. */
function pairRunReal(a: Float64Array, i0: number, i1: number, len: number, m: Float64Array, o: number): void {
  const m00 = m[o], m01 = m[o + 2], m10 = m[o + 4], m11 = m[o + 6];
  for (let i = i0, j = i1, e = i0 + len; i < e; i++, j++) {
    const x = a[i], y = a[j];
    a[i] = m00 * x + m01 * y;
    a[j] = m10 * x + m11 * y;
  }
}

/** Complex 2×2 on complex qubit 0 (bit 1 of the double index): the pairs are adjacent. */
function pairsComplexQ0(a: Float64Array, start: number, end: number, m: Float64Array, o: number): void {
  const m00r = m[o], m00i = m[o + 1], m01r = m[o + 2], m01i = m[o + 3];
  const m10r = m[o + 4], m10i = m[o + 5], m11r = m[o + 6], m11i = m[o + 7];
  for (let i = start; i < end; i += 4) {
    const xr = a[i], xi = a[i + 1], yr = a[i + 2], yi = a[i + 3];
    a[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
    a[i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
    a[i + 2] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
    a[i + 3] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
  }
}

/** Complex 2×2 on bit log2(h) of a[start … end) (h ≥ 4 doubles), blocks inline. */
function blocksComplex(a: Float64Array, start: number, end: number, h: number, m: Float64Array, o: number): void {
  const m00r = m[o], m00i = m[o + 1], m01r = m[o + 2], m01i = m[o + 3];
  const m10r = m[o + 4], m10i = m[o + 5], m11r = m[o + 6], m11i = m[o + 7];
  for (let b = start; b < end; b += 2 * h) {
    for (let i = b, e = b + h; i < e; i += 2) {
      const j = i + h;
      const xr = a[i], xi = a[i + 1], yr = a[j], yi = a[j + 1];
      a[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
      a[i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
      a[j] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
      a[j + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
    }
  }
}

/** Complex 2×2 on complex pairs at (i0 + r, i1 + r), r < len stepping by 2 doubles. */
function pairRunComplex(a: Float64Array, i0: number, i1: number, len: number, m: Float64Array, o: number): void {
  const m00r = m[o], m00i = m[o + 1], m01r = m[o + 2], m01i = m[o + 3];
  const m10r = m[o + 4], m10i = m[o + 5], m11r = m[o + 6], m11i = m[o + 7];
  for (let i = i0, j = i1, e = i0 + len; i < e; i += 2, j += 2) {
    const xr = a[i], xi = a[i + 1], yr = a[j], yi = a[j + 1];
    a[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
    a[i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
    a[j] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
    a[j + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
  }
}

/**
 * ⊗ of single-qubit states into a real-only buffer: vecs[4q], vecs[4q+2] are the (real)
 * amplitudes of |0⟩, |1⟩ on qubit q (imaginary slots ignored), qubit 0 least significant.
 */
export function productStateReal(vecs: Float64Array, nQubits: number, a: Float64Array): void {
  a[0] = 1;
  let size = 1;
  for (let q = 0; q < nQubits; q++) {
    const v0 = vecs[4 * q], v1 = vecs[4 * q + 2];
    // Upper half first so the lower half can be overwritten in place.
    for (let i = 0; i < size; i++) {
      const x = a[i];
      a[i + size] = x * v1;
      a[i] = x * v0;
    }
    size *= 2;
  }
}

/**
 * Gather-permute a real-only state for an affine map over GF(2) on basis indices (see
 * applyAffinePermutation in kernels.ts): dst[i] = src[c ⊕ ⊕_{b ∈ i} cols[b]]. With
 * `expand`, dst is written as a complex interleaved state (imaginary parts 0).
 */
export function gatherAffineReal(
  src: Float64Array, dst: Float64Array, nQubits: number, cols: Int32Array, c: number, expand: boolean,
  tables: Int32Array = new Int32Array(3 * 256),
): void {
  fillAffineTables(tables, nQubits, cols);
  const dim = 1 << nQubits;
  const lowCount = Math.min(dim, 256);
  for (let hi = 0; hi < dim; hi += 256) {
    const baseSrc = c ^ tables[256 + ((hi >>> 8) & 255)] ^ tables[512 + ((hi >>> 16) & 255)];
    if (expand) {
      for (let lo = 0, d = 2 * hi; lo < lowCount; lo++, d += 2) {
        dst[d] = src[baseSrc ^ tables[lo]];
        dst[d + 1] = 0;
      }
    } else {
      for (let lo = 0; lo < lowCount; lo++) dst[hi | lo] = src[baseSrc ^ tables[lo]];
    }
  }
}

/**
 * The product state ⊗ vecs[q] (4 scalars per qubit, as in productStateReal) followed by the
 * affine gather of gatherAffineReal, in one pass without materialising the product: the
 * product factorises over index bytes, P[x] = P₀[x & 255]·P₁[(x >> 8) & 255]·P₂[x >> 16], so
 * each output is three small-table lookups. `real`: the vecs are real and dst gets a
 * real-only state, or (with `expand`) a complex one with zero imaginary parts; otherwise dst
 * gets a complex state from complex vecs. `ptab` holds 6·256 doubles.
 */
export function gatherProduct(
  vecs: Float64Array, nQubits: number, cols: Int32Array, c: number, dst: Float64Array, real: boolean, expand: boolean,
  tables: Int32Array = new Int32Array(3 * 256), ptab: Float64Array = new Float64Array(6 * 256),
): void {
  fillAffineTables(tables, nQubits, cols);
  for (let chunk = 0; chunk < 3; chunk++) {
    // Doubling over the byte's 8 qubits; qubits ≥ nQubits are |0⟩ (those bits are never set).
    const o = 2 * 256 * chunk;
    ptab[o] = 1; ptab[o + 1] = 0;
    for (let b = 0, size = 1; b < 8; b++, size *= 2) {
      const q = 8 * chunk + b;
      const v0r = q < nQubits ? vecs[4 * q] : 1, v0i = q < nQubits ? vecs[4 * q + 1] : 0;
      const v1r = q < nQubits ? vecs[4 * q + 2] : 0, v1i = q < nQubits ? vecs[4 * q + 3] : 0;
      for (let i = 0; i < size; i++) {
        const xr = ptab[o + 2 * i], xi = ptab[o + 2 * i + 1], j = o + 2 * (i + size);
        ptab[j] = xr * v1r - xi * v1i; ptab[j + 1] = xr * v1i + xi * v1r;
        ptab[o + 2 * i] = xr * v0r - xi * v0i; ptab[o + 2 * i + 1] = xr * v0i + xi * v0r;
      }
    }
  }
  const dim = 1 << nQubits;
  const lowCount = Math.min(dim, 256);
  for (let hi = 0; hi < dim; hi += 256) {
    const baseSrc = c ^ tables[256 + ((hi >>> 8) & 255)] ^ tables[512 + ((hi >>> 16) & 255)];
    if (real && !expand) {
      for (let lo = 0; lo < lowCount; lo++) {
        const x = baseSrc ^ tables[lo];
        dst[hi | lo] = ptab[2 * (x & 255)] * ptab[512 + 2 * ((x >>> 8) & 255)] * ptab[1024 + 2 * (x >>> 16)];
      }
    } else if (real) {
      for (let lo = 0, d = 2 * hi; lo < lowCount; lo++, d += 2) {
        const x = baseSrc ^ tables[lo];
        dst[d] = ptab[2 * (x & 255)] * ptab[512 + 2 * ((x >>> 8) & 255)] * ptab[1024 + 2 * (x >>> 16)];
        dst[d + 1] = 0;
      }
    } else {
      for (let lo = 0, d = 2 * hi; lo < lowCount; lo++, d += 2) {
        const x = baseSrc ^ tables[lo];
        const i0 = 2 * (x & 255), i1 = 512 + 2 * ((x >>> 8) & 255), i2 = 1024 + 2 * (x >>> 16);
        const ar = ptab[i0], ai = ptab[i0 + 1], br = ptab[i1], bi = ptab[i1 + 1], cr = ptab[i2], ci = ptab[i2 + 1];
        const abr = ar * br - ai * bi, abi = ar * bi + ai * br;
        dst[d] = abr * cr - abi * ci;
        dst[d + 1] = abr * ci + abi * cr;
      }
    }
  }
}

/**
 * Chain maps: the gather source of output index i has bit k = i_k ⊕ (i_{k−1} if bit k of
 * `links` is set). A CX ladder
 * CX(0,1)…CX(n−2,n−1) maps b to its prefix XOR, whose inverse is exactly this with every
 * link set. Returns the links mask, or −1 when `cols` (as in gatherAffineReal) is not a chain.
 */
export function chainLinks(cols: Int32Array, nQubits: number): number {
  let links = 0;
  for (let b = 0; b < nQubits; b++) {
    const x = cols[b];
    if (x === 1 << b) continue;
    if (b + 1 < nQubits && x === ((1 << b) | (1 << (b + 1)))) links |= 1 << (b + 1);
    else return -1;
  }
  return links;
}

/**
 * ⊗ vecs (as productStateReal) permuted by a chain map (chainLinks) in one doubling sweep:
 * adding output bit k multiplies by v_k[i_k ⊕ i_{k−1}], constant on each half of the
 * current block, so the cost is that of a plain product state. Real vecs write a real-only
 * state, or with `expand` a complex one (the last level writes interleaved, descending so
 * nothing is overwritten before it is read); complex vecs write a complex state.
 */
export function chainProduct(vecs: Float64Array, nQubits: number, links: number, dst: Float64Array, real: boolean, expand: boolean): void {
  const st = real ? 1 : 2; // doubles per amplitude while building
  dst[0] = 1;
  if (!real) dst[1] = 0;
  for (let k = 0, size = 1; k < nQubits; k++, size *= 2) {
    const o = 4 * k;
    const linked = k > 0 && (links >>> k) & 1;
    const last = k === nQubits - 1 && real && expand;
    // Halves of [0, size): the previous bit i_{k−1} is 0 on [0, size/2), 1 on [size/2, size).
    const split = linked ? size >>> 1 : size;
    // Upper half first: the expanding last level writes above the range it still has to read.
    for (let half = 1; half >= 0; half--) {
      const from = half === 0 ? 0 : split, to = half === 0 ? split : size;
      if (from === to) continue;
      const flip = half === 1 && linked ? 2 : 0; // swaps the roles of v_k[0] and v_k[1]
      const a0r = vecs[o + flip], a0i = vecs[o + flip + 1], a1r = vecs[o + (2 - flip)], a1i = vecs[o + (2 - flip) + 1];
      if (last) {
        for (let i = to - 1; i >= from; i--) {
          const x = dst[i];
          dst[2 * (i + size)] = x * a1r; dst[2 * (i + size) + 1] = 0;
          dst[2 * i] = x * a0r; dst[2 * i + 1] = 0;
        }
      } else if (real) {
        for (let i = from; i < to; i++) {
          const x = dst[i];
          dst[i + size] = x * a1r;
          dst[i] = x * a0r;
        }
      } else {
        for (let i = st * from, j = st * (from + size), e = st * to; i < e; i += 2, j += 2) {
          const xr = dst[i], xi = dst[i + 1];
          dst[j] = xr * a1r - xi * a1i; dst[j + 1] = xr * a1i + xi * a1r;
          dst[i] = xr * a0r - xi * a0i; dst[i + 1] = xr * a0i + xi * a0r;
        }
      }
    }
  }
}

/**
 * chainProduct in one pass over the output: the low s = ⌈n/2⌉ qubits and the high n − s
 * qubits are built as small tables (the high one twice, for both values of bit s − 1 when
 * the chain links bit s to it), then out[(hi << s) | lo] = T_hi[lo_{s−1}][hi] · T_lo[lo].
 * Same arguments and result as chainProduct, without its intermediate levels.
 */
export function chainProductSplit(vecs: Float64Array, nQubits: number, links: number, dst: Float64Array, real: boolean, expand: boolean): void {
  const s = (nQubits + 1) >> 1, h = nQubits - s;
  const loN = 1 << s, hiN = 1 << h, w = real ? 1 : 2;
  const tLo = new Float64Array(w * loN), t0 = new Float64Array(w * hiN), t1 = new Float64Array(w * hiN);
  chainProduct(vecs.subarray(0, 4 * s), s, links & (loN - 1), tLo, real, false);
  const hiVecs = vecs.slice(4 * s, 4 * nQubits);
  const hiLinks = (links >>> s) & ~1;
  chainProduct(hiVecs, h, hiLinks, t0, real, false);
  const linked = h > 0 && (links >>> s) & 1;
  if (linked) {
    // Bit s − 1 = 1 swaps the roles of qubit s's |0⟩ and |1⟩ amplitudes.
    for (let j = 0; j < 2; j++) { const x = hiVecs[j]; hiVecs[j] = hiVecs[j + 2]; hiVecs[j + 2] = x; }
    chainProduct(hiVecs, h, hiLinks, t1, real, false);
  } else {
    t1.set(t0);
  }
  if (real) outerProductReal(dst, tLo, t0, t1, loN, hiN, expand ? 2 : 1);
  else outerProductComplex(dst, tLo, t0, t1, loN, hiN);
}

/**
 * dst[hi·loN + lo] = tHi[hi] · tLo[lo], tHi = t0 for the lower half of lo and t1 for the upper
 * half; `stride` 2 writes complex interleaved with zero imaginary parts. (Separate small
 * functions keep V8's register allocation tight for each variant.)
 */
function outerProductReal(dst: Float64Array, tLo: Float64Array, t0: Float64Array, t1: Float64Array, loN: number, hiN: number, stride: number): void {
  if (stride === 2) { outerProductExpanded(dst, tLo, t0, t1, loN, hiN); return; }
  const half = loN >>> 1;
  if (half >= 4) {
    // Unrolled by 4 (half is a power of two ≥ 4): fewer loop branches per store.
    for (let hi = 0, d = 0; hi < hiN; hi++) {
      const h0 = t0[hi], h1 = t1[hi];
      for (let lo = 0; lo < half; lo += 4, d += 4) {
        dst[d] = h0 * tLo[lo]; dst[d + 1] = h0 * tLo[lo + 1]; dst[d + 2] = h0 * tLo[lo + 2]; dst[d + 3] = h0 * tLo[lo + 3];
      }
      for (let lo = half; lo < loN; lo += 4, d += 4) {
        dst[d] = h1 * tLo[lo]; dst[d + 1] = h1 * tLo[lo + 1]; dst[d + 2] = h1 * tLo[lo + 2]; dst[d + 3] = h1 * tLo[lo + 3];
      }
    }
    return;
  }
  let d = 0;
  for (let hi = 0; hi < hiN; hi++) {
    const h0 = t0[hi], h1 = t1[hi];
    for (let lo = 0; lo < half; lo++) dst[d++] = h0 * tLo[lo];
    for (let lo = half; lo < loN; lo++) dst[d++] = h1 * tLo[lo];
  }
}

function outerProductExpanded(dst: Float64Array, tLo: Float64Array, t0: Float64Array, t1: Float64Array, loN: number, hiN: number): void {
  const half = loN >>> 1;
  let d = 0;
  for (let hi = 0; hi < hiN; hi++) {
    const h0 = t0[hi], h1 = t1[hi];
    for (let lo = 0; lo < half; lo++) { dst[d] = h0 * tLo[lo]; dst[d + 1] = 0; d += 2; }
    for (let lo = half; lo < loN; lo++) { dst[d] = h1 * tLo[lo]; dst[d + 1] = 0; d += 2; }
  }
}

function outerProductComplex(dst: Float64Array, tLo: Float64Array, t0: Float64Array, t1: Float64Array, loN: number, hiN: number): void {
  const half = loN >>> 1;
  let d = 0;
  for (let hi = 0; hi < hiN; hi++) {
    for (let c = 0; c < 2; c++) {
      const t = c === 0 ? t0 : t1, hr = t[2 * hi], hm = t[2 * hi + 1];
      for (let lo = c * half, end = lo + half; lo < end; lo++) {
        const xr = tLo[2 * lo], xi = tLo[2 * lo + 1];
        dst[d] = hr * xr - hm * xi;
        dst[d + 1] = hr * xi + hm * xr;
        d += 2;
      }
    }
  }
}

/** Byte tables: tables[256·chunk + v] = ⊕ cols[8·chunk + b] over set bits b of v (n ≤ 24). */
export function fillAffineTables(tables: Int32Array, nQubits: number, cols: Int32Array): void {
  for (let chunk = 0; chunk < 3; chunk++) {
    const o = 256 * chunk;
    tables[o] = 0;
    if (8 * chunk >= nQubits) continue; // index bytes above nQubits are always 0
    // Each entry extends the one without its lowest set bit by that bit's column.
    for (let v = 1; v < 256; v++) {
      const low = v & -v, bit = 8 * chunk + 31 - Math.clz32(low);
      tables[o + v] = tables[o + (v ^ low)] ^ (bit < nQubits ? cols[bit] : 0);
    }
  }
}

/** Real-only state (a[0 … 2ⁿ)) to complex interleaved in place; a holds 2·2ⁿ doubles. */
export function expandRealInPlace(a: Float64Array, nQubits: number): void {
  // Descending: a[i] is read before any write reaches index i (writes go to 2i, 2i + 1 ≥ i).
  for (let i = (1 << nQubits) - 1; i >= 0; i--) {
    a[2 * i + 1] = 0;
    a[2 * i] = a[i];
  }
}
