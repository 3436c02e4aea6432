/**
 * AssemblyScript source of the WebAssembly SIMD statevector kernels (compiled by
 * scripts/build-wasm.mjs with the `assemblyscript` npm package; NOT TypeScript, so tsconfig,
 * eslint and vitest leave this folder alone). They mirror src/engine/quantum/kernels.ts
 * operation for operation, with the same rounding order, on v128 = one complex amplitude.
 *
 * Memory (imported, one per state buffer, fixed size, never grown, so JS views never detach):
 *   [PARAM, +4 KiB)  matrix or diagonal of the next call (interleaved re/im doubles)
 *   [TGT, +64 B)     target qubits of the next call (i32)
 *   [PRE, +8 KiB)    a dense matrix as (R, I) vector pairs: R = (mr, mr), I = (−mi, mi)
 *   [SUB, +1 KiB)    the 2^k amplitudes x and swapped (im, re) of one group
 *   [OFFS, +64 B)    byte offsets of the 2^k sub-states (i32)
 *   [HIGH, +64 B)    high qubits of a blocked pass (i32), then [CHUNK, +64 B) their chunk offsets
 *   [TABLES, +3 KiB) byte tables of an affine gather (real-only layers, see realPass)
 *   [LOCAL, +256 KiB) one cache block (see BlockQueue in kernelPlan.ts)
 *   [PROG, +8 KiB)   a blocked pass's gates: 64-byte records (see runPass)
 *   [PROGP, +56 KiB) their matrices and diagonals
 *   [STATE, …)       the statevector: amplitude i at STATE + 16·i; a pair memory (allocAmpsPair) holds a
 *                    second buffer of the same size right after it (real-only states: 8 B per amplitude)
 * A complex product m·x is R·x + I·swap(x): lane 0 = mr·xr − mi·xi, lane 1 = mr·xi + mi·xr.
 * Pointers are byte offsets; `ctrl` is a bit mask of control qubits (all must be 1).
 */
const PARAM: usize = 1024;
const TGT: usize = 5120;
const PRE: usize = 8192;
const SUB: usize = 16384;
const OFFS: usize = 17408;
const HIGH: usize = 17536;
const CHUNK: usize = 17600;
const LOCAL: usize = 65536;
const PROG: usize = 327680;
const PROGP: usize = 335872;
const STATE: usize = 393216;

export function paramPtr(): usize { return PARAM; }
export function targetsPtr(): usize { return TGT; }
export function localPtr(): usize { return LOCAL; }
export function statePtr(): usize { return STATE; }
export function progPtr(): usize { return PROG; }
export function highPtr(): usize { return HIGH; }

@inline function swp(x: v128): v128 { return f64x2.shuffle(x, x, 1, 0); }
@inline function rvec(p: usize): v128 { return f64x2.splat(load<f64>(p)); }
@inline function ivec(p: usize): v128 { const mi = load<f64>(p, 8); return f64x2.replace_lane(f64x2.splat(mi), 0, -mi); }
@inline function lowBit(x: u32): u32 { return x & (~x + 1); }
/** J = (mi, −mi) of the complex entry at p: swap(J·x) = I·swap(x). */
@inline function jvec(p: usize): v128 { const mi = load<f64>(p, 8); return f64x2.replace_lane(f64x2.splat(mi), 1, -mi); }
@inline function mad(a: v128, x: v128, b: v128, y: v128): v128 { return f64x2.add(f64x2.mul(a, x), f64x2.mul(b, y)); }

/** 2×2 matrix at PARAM on target t, where every ctrl bit is 1. */
export function m1(a: usize, n: i32, t: i32, ctrl: u32): void { m1v(a, n, t, ctrl, ctrl, PARAM); }

/**
 * A 1-qubit gate on t whose 2×2 depends on the control bits `ctrl`: M0 (PARAM) where they are 0,
 * M1 (PARAM + 64) where they are 1 — a pending gate on t folded into a controlled gate (CRX, CP…):
 * two half passes, the work of one 2×2, instead of a 2×2 and then a controlled one.
 */
export function mux1(a: usize, n: i32, t: i32, ctrl: u32): void {
  m1v(a, n, t, ctrl, 0, PARAM);
  m1v(a, n, t, ctrl, ctrl, PARAM + 64);
}

/** 2×2 matrix at mp on target t, where the ctrl bits equal val (val ⊆ ctrl). */
function m1v(a: usize, n: i32, t: i32, ctrl: u32, val: u32, mp: usize): void {
  const half: u32 = 1 << t, dim: u32 = 1 << n;
  const fm = ctrl | half, low = lowBit(fm), step = fm | (low - 1);
  const hb: usize = (half as usize) << 4, cb: usize = (val as usize) << 4, runB: usize = (low as usize) << 4;
  const r00 = rvec(mp), r01 = rvec(mp + 16), r10 = rvec(mp + 32), r11 = rvec(mp + 48);
  const real = load<f64>(mp, 8) == 0 && load<f64>(mp, 24) == 0 && load<f64>(mp, 40) == 0 && load<f64>(mp, 56) == 0;
  if (real) {
    if (fm == 1) {
      for (let p = a, e = a + ((dim as usize) << 4); p < e; p += 32) {
        const x = v128.load(p), y = v128.load(p, 16);
        v128.store(p, f64x2.add(f64x2.mul(r00, x), f64x2.mul(r01, y)));
        v128.store(p, f64x2.add(f64x2.mul(r10, x), f64x2.mul(r11, y)), 16);
      }
      return;
    }
    for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
      let p = a + ((first as usize) << 4) + cb;
      const e = p + runB;
      for (; p < e; p += 16) {
        const x = v128.load(p), y = v128.load(p + hb);
        v128.store(p, f64x2.add(f64x2.mul(r00, x), f64x2.mul(r01, y)));
        v128.store(p + hb, f64x2.add(f64x2.mul(r10, x), f64x2.mul(r11, y)));
      }
    }
    return;
  }
  // m·x as R·x + swap(J·x), J = (mi, −mi): the imaginary parts of a row summed before one swap
  // (two shuffles per pair instead of two per amplitude pair and a longer add chain).
  const j00 = jvec(mp), j01 = jvec(mp + 16), j10 = jvec(mp + 32), j11 = jvec(mp + 48);
  if (fm == 1) {
    // Target 0, no controls: adjacent pairs, one flat loop.
    for (let p = a, e = a + ((dim as usize) << 4); p < e; p += 32) {
      const x = v128.load(p), y = v128.load(p, 16);
      v128.store(p, f64x2.add(mad(r00, x, r01, y), swp(mad(j00, x, j01, y))));
      v128.store(p, f64x2.add(mad(r10, x, r11, y), swp(mad(j10, x, j11, y))), 16);
    }
    return;
  }
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    let p = a + ((first as usize) << 4) + cb;
    const e = p + runB;
    for (; p < e; p += 16) {
      const x = v128.load(p), y = v128.load(p + hb);
      v128.store(p, f64x2.add(mad(r00, x, r01, y), swp(mad(j00, x, j01, y))));
      v128.store(p + hb, f64x2.add(mad(r10, x, r11, y), swp(mad(j10, x, j11, y))));
    }
  }
}

/** Multiply the amplitudes in bytes [p, e) by the phase (r, i) (real phase: one multiply). */
@inline function phaseRun(p: usize, e: usize, r: v128, i: v128, real: bool): void {
  if (real) { for (; p < e; p += 16) v128.store(p, f64x2.mul(r, v128.load(p))); return; }
  for (; p < e; p += 16) { const x = v128.load(p); v128.store(p, f64x2.add(f64x2.mul(r, x), f64x2.mul(i, swp(x)))); }
}

/** diag(d0, d1) at PARAM (4 doubles) on target t where every ctrl bit is 1; d0 = 1 is skipped. */
export function diag1(a: usize, n: i32, t: i32, ctrl: u32): void {
  const half: u32 = 1 << t, dim: u32 = 1 << n;
  const fm = ctrl | half, low = lowBit(fm), step = fm | (low - 1);
  const hb: usize = (half as usize) << 4, cb: usize = (ctrl as usize) << 4, runB: usize = (low as usize) << 4;
  const d0r = load<f64>(PARAM), d0i = load<f64>(PARAM, 8), d1i = load<f64>(PARAM, 24);
  const skip0 = d0r == 1 && d0i == 0, real0 = d0i == 0, real1 = d1i == 0;
  const r0 = rvec(PARAM), i0 = ivec(PARAM), r1 = rvec(PARAM + 16), i1 = ivec(PARAM + 16);
  if (fm == 1 && !skip0) {
    // Target 0, no controls: adjacent pairs, one flat loop.
    for (let p = a, e = a + ((dim as usize) << 4); p < e; p += 32) {
      const x = v128.load(p), y = v128.load(p, 16);
      v128.store(p, f64x2.add(f64x2.mul(r0, x), f64x2.mul(i0, swp(x))));
      v128.store(p, f64x2.add(f64x2.mul(r1, y), f64x2.mul(i1, swp(y))), 16);
    }
    return;
  }
  if (fm == 1) {
    for (let p = a + 16, e = a + ((dim as usize) << 4); p < e; p += 32) {
      const y = v128.load(p);
      v128.store(p, real1 ? f64x2.mul(r1, y) : f64x2.add(f64x2.mul(r1, y), f64x2.mul(i1, swp(y))));
    }
    return;
  }
  if (skip0 && low == 1) {
    // Phase on the amplitudes with every fixed bit 1 (CZ, CP with qubit 0 among them): the low
    // cluster c of fixed bits 0…k makes them every z-th amplitude (z = c + 1) inside the runs of
    // the other fixed bits (fm2), a strided loop instead of a run of one per iteration.
    const c = fm & ~(fm + 1), z: usize = ((c + 1) as usize) << 4, fm2 = fm & ~c;
    const low2: u32 = fm2 == 0 ? dim : lowBit(fm2), step2 = fm2 | (low2 - 1), run2: usize = (low2 as usize) << 4;
    const mask2: u32 = fm2 == 0 ? 0 : fm2;
    for (let first: u32 = 0; first < dim; first = ((first | step2) + 1) & ~mask2) {
      const base = a + ((first as usize) << 4);
      const e = base + run2;
      if (real1) for (let p = base + ((((fm2 | c) as usize)) << 4); p < e + ((fm2 as usize) << 4); p += z) v128.store(p, f64x2.mul(r1, v128.load(p)));
      else for (let p = base + ((((fm2 | c) as usize)) << 4); p < e + ((fm2 as usize) << 4); p += z) { const y = v128.load(p); v128.store(p, f64x2.add(f64x2.mul(r1, y), f64x2.mul(i1, swp(y)))); }
      if (fm2 == 0) break;
    }
    return;
  }
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    const p = a + ((first as usize) << 4) + cb;
    if (skip0) { phaseRun(p + hb, p + hb + runB, r1, i1, real1); continue; }
    // Both halves in one loop (short runs: half the loop overhead).
    for (let q = p, e = p + runB; q < e; q += 16) {
      const x = v128.load(q), y = v128.load(q + hb);
      v128.store(q, f64x2.add(f64x2.mul(r0, x), f64x2.mul(i0, swp(x))));
      v128.store(q + hb, f64x2.add(f64x2.mul(r1, y), f64x2.mul(i1, swp(y))));
    }
  }
}

/**
 * Swap the amplitudes at byte offsets o0 and o1 (fixed-bit patterns, < 16·dim) of every group of the
 * fixed bits fm, where fm includes qubit 0: the low cluster c of fixed bits 0…k makes the groups
 * every z-th amplitude (z = c + 1) inside the runs of the other fixed bits (fm2), so one strided
 * loop per run replaces a run of one amplitude per iteration (CX/SWAP/X with qubit 0).
 */
@inline function swapStrided(a: usize, dim: u32, fm: u32, o0: usize, o1: usize): void {
  const c = fm & ~(fm + 1), z: usize = ((c + 1) as usize) << 4, fm2 = fm & ~c;
  const low2: u32 = fm2 == 0 ? dim : lowBit(fm2), step2 = fm2 | (low2 - 1);
  const count = low2 / (c + 1);
  for (let first: u32 = 0; first < dim; first = ((first | step2) + 1) & ~fm2) {
    let p = a + ((first as usize) << 4) + o0, q = a + ((first as usize) << 4) + o1;
    for (let j: u32 = 0; j < count; j++, p += z, q += z) { const x = v128.load(p); v128.store(p, v128.load(q)); v128.store(q, x); }
    if (fm2 == 0) break;
  }
}

/** X on target t where every ctrl bit is 1 (X, CX, CCX). */
export function x1(a: usize, n: i32, t: i32, ctrl: u32): void {
  const half: u32 = 1 << t, dim: u32 = 1 << n;
  const fm = ctrl | half, low = lowBit(fm), step = fm | (low - 1);
  const hb: usize = (half as usize) << 4, cb: usize = (ctrl as usize) << 4, runB: usize = (low as usize) << 4;
  if (low == 1) { swapStrided(a, dim, fm, cb, cb + hb); return; }
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    let p = a + ((first as usize) << 4) + cb;
    const e = p + runB;
    for (; p < e; p += 16) { const x = v128.load(p); v128.store(p, v128.load(p + hb)); v128.store(p + hb, x); }
  }
}

/** SWAP of qubits q0, q1 where every ctrl bit is 1. */
export function swap2(a: usize, n: i32, q0: i32, q1: i32, ctrl: u32): void {
  const b0: u32 = 1 << q0, b1: u32 = 1 << q1, dim: u32 = 1 << n;
  const fm = ctrl | b0 | b1, low = lowBit(fm), step = fm | (low - 1);
  const o0: usize = ((b0 | ctrl) as usize) << 4, o1: usize = ((b1 | ctrl) as usize) << 4, runB: usize = (low as usize) << 4;
  if (low == 1) { swapStrided(a, dim, fm, o0, o1); return; }
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    const base = a + ((first as usize) << 4);
    let p = base + o0, q = base + o1;
    const e = p + runB;
    for (; p < e; p += 16, q += 16) { const x = v128.load(p); v128.store(p, v128.load(q)); v128.store(q, x); }
  }
}

/** Sub-state byte offsets (OFFS) and the target mask of k targets at TGT. */
function subOffsets(k: i32): u32 {
  let tm: u32 = 0;
  for (let j = 0; j < k; j++) tm |= (1 as u32) << load<i32>(TGT + ((j as usize) << 2));
  const sub = 1 << k;
  for (let s = 0; s < sub; s++) {
    let o: u32 = 0;
    for (let j = 0; j < k; j++) if ((s >>> j) & 1) o |= (1 as u32) << load<i32>(TGT + ((j as usize) << 2));
    store<u32>(OFFS + ((s as usize) << 2), o << 4);
  }
  return tm;
}

/** Diagonal (2^k phases at PARAM, targets at TGT[0] = LSB) where every ctrl bit is 1. */
export function diagK(a: usize, n: i32, k: i32, ctrl: u32): void {
  const fm = ctrl | subOffsets(k), low = lowBit(fm), step = fm | (low - 1), dim: u32 = 1 << n;
  const runB: usize = (low as usize) << 4, cb: usize = (ctrl as usize) << 4;
  const sub = 1 << k;
  for (let s = 0; s < sub; s++) {
    const dp = PARAM + ((s as usize) << 4);
    const dr = load<f64>(dp), di = load<f64>(dp, 8);
    if (dr == 1 && di == 0) continue;
    const r = rvec(dp), i = ivec(dp), real = di == 0;
    const off = (load<u32>(OFFS + ((s as usize) << 2)) as usize) + cb;
    for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
      const p = a + ((first as usize) << 4) + off;
      phaseRun(p, p + runB, r, i, real);
    }
  }
}

/** Dense 4×4 on q0 (LSB of the matrix index), q1; no controls. Same sum order as apply2q. */
function dense2(a: usize, n: i32, q0: i32, q1: i32): void {
  const b0: u32 = 1 << q0, b1: u32 = 1 << q1, dim: u32 = 1 << n;
  const fm = b0 | b1, low = lowBit(fm), step = fm | (low - 1), runB: usize = (low as usize) << 4;
  const o1: usize = (b0 as usize) << 4, o2: usize = (b1 as usize) << 4, o3 = o1 + o2;
  const R0 = rvec(PARAM), I0 = ivec(PARAM), R1 = rvec(PARAM + 16), I1 = ivec(PARAM + 16);
  const R2 = rvec(PARAM + 32), I2 = ivec(PARAM + 32), R3 = rvec(PARAM + 48), I3 = ivec(PARAM + 48);
  const R4 = rvec(PARAM + 64), I4 = ivec(PARAM + 64), R5 = rvec(PARAM + 80), I5 = ivec(PARAM + 80);
  const R6 = rvec(PARAM + 96), I6 = ivec(PARAM + 96), R7 = rvec(PARAM + 112), I7 = ivec(PARAM + 112);
  const R8 = rvec(PARAM + 128), I8 = ivec(PARAM + 128), R9 = rvec(PARAM + 144), I9 = ivec(PARAM + 144);
  const RA = rvec(PARAM + 160), IA = ivec(PARAM + 160), RB = rvec(PARAM + 176), IB = ivec(PARAM + 176);
  const RC = rvec(PARAM + 192), IC = ivec(PARAM + 192), RD = rvec(PARAM + 208), ID = ivec(PARAM + 208);
  const RE = rvec(PARAM + 224), IE = ivec(PARAM + 224), RF = rvec(PARAM + 240), IF = ivec(PARAM + 240);
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    let p = a + ((first as usize) << 4);
    const e = p + runB;
    for (; p < e; p += 16) {
      const x0 = v128.load(p), x1 = v128.load(p + o1), x2 = v128.load(p + o2), x3 = v128.load(p + o3);
      const s0 = swp(x0), s1 = swp(x1), s2 = swp(x2), s3 = swp(x3);
      v128.store(p, f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(
        f64x2.mul(R0, x0), f64x2.mul(I0, s0)), f64x2.mul(R1, x1)), f64x2.mul(I1, s1)), f64x2.mul(R2, x2)), f64x2.mul(I2, s2)), f64x2.mul(R3, x3)), f64x2.mul(I3, s3)));
      v128.store(p + o1, f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(
        f64x2.mul(R4, x0), f64x2.mul(I4, s0)), f64x2.mul(R5, x1)), f64x2.mul(I5, s1)), f64x2.mul(R6, x2)), f64x2.mul(I6, s2)), f64x2.mul(R7, x3)), f64x2.mul(I7, s3)));
      v128.store(p + o2, f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(
        f64x2.mul(R8, x0), f64x2.mul(I8, s0)), f64x2.mul(R9, x1)), f64x2.mul(I9, s1)), f64x2.mul(RA, x2)), f64x2.mul(IA, s2)), f64x2.mul(RB, x3)), f64x2.mul(IB, s3)));
      v128.store(p + o3, f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(f64x2.add(
        f64x2.mul(RC, x0), f64x2.mul(IC, s0)), f64x2.mul(RD, x1)), f64x2.mul(ID, s1)), f64x2.mul(RE, x2)), f64x2.mul(IE, s2)), f64x2.mul(RF, x3)), f64x2.mul(IF, s3)));
    }
  }
}

/**
 * Dense 2^k×2^k matrix at PARAM (row-major) on the k targets at TGT (TGT[0] = LSB of its
 * index), k = 1…4, where every ctrl bit is 1. Per group: the 2^k amplitudes (and their
 * swaps) are loaded once into SUB, each row is one sum of 2^k complex products.
 */
export function mk(a: usize, n: i32, k: i32, ctrl: u32): void {
  if (k == 1) { m1(a, n, load<i32>(TGT), ctrl); return; }
  if (k == 2 && ctrl == 0) { dense2(a, n, load<i32>(TGT), load<i32>(TGT, 4)); return; }
  const fm = ctrl | subOffsets(k), low = lowBit(fm), step = fm | (low - 1), dim: u32 = 1 << n;
  const runB: usize = (low as usize) << 4, cb: usize = (ctrl as usize) << 4;
  const sub = 1 << k, entries = sub * sub;
  for (let e = 0; e < entries; e++) {
    const src = PARAM + ((e as usize) << 4), dst = PRE + ((e as usize) << 5);
    v128.store(dst, rvec(src));
    v128.store(dst + 16, ivec(src));
  }
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    let p = a + ((first as usize) << 4) + cb;
    const end = p + runB;
    for (; p < end; p += 16) {
      for (let s = 0; s < sub; s++) {
        const x = v128.load(p + (load<u32>(OFFS + ((s as usize) << 2)) as usize));
        const q = SUB + ((s as usize) << 5);
        v128.store(q, x);
        v128.store(q + 16, swp(x));
      }
      let row = PRE;
      for (let r = 0; r < sub; r++) {
        let acc = f64x2.splat(0);
        for (let c = 0; c < sub; c++) {
          const q = SUB + ((c as usize) << 5);
          acc = f64x2.add(acc, f64x2.add(f64x2.mul(v128.load(row), v128.load(q)), f64x2.mul(v128.load(row, 16), v128.load(q, 16))));
          row += 32;
        }
        v128.store(p + (load<u32>(OFFS + ((r as usize) << 2)) as usize), acc);
      }
    }
  }
}

/** One gate of a pass on the m-qubit buffer at a: record r = [kind, k, ctrl, paramBytes, paramPtr, targets×4]. */
@inline function runRecord(a: usize, m: i32, r: usize): void {
  const kind = load<i32>(r), k = load<i32>(r, 4), ctrl = load<u32>(r, 8);
  memory.copy(PARAM, load<u32>(r, 16) as usize, load<u32>(r, 12) as usize);
  const t0 = load<i32>(r, 20);
  switch (kind) {
    case 0: x1(a, m, t0, ctrl); break;
    case 1: swap2(a, m, t0, load<i32>(r, 24), ctrl); break;
    case 2: diag1(a, m, t0, ctrl); break;
    case 3: m1(a, m, t0, ctrl); break;
    case 6: mux1(a, m, t0, ctrl); break;
    default:
      memory.copy(TGT, r + 20, 16);
      if (kind == 4) diagK(a, m, k, ctrl); else mk(a, m, k, ctrl);
  }
}

/**
 * A cache-blocked pass (BlockQueue.run in kernelPlan.ts, in wasm): the state of n qubits at a is
 * cut into blocks spanning bits [0, c) plus the kh high qubits at HIGH; each block is copied into
 * LOCAL (contiguous, m = c + kh qubits; with kh = 0 it is used in place), the `count` gates at
 * PROG (qubits already renumbered to the block) run on it in order, and it is copied back.
 */
export function runPass(a: usize, n: i32, c: i32, kh: i32, count: i32): void {
  const m = c + kh, chunks = 1 << kh, runB: usize = (16 as usize) << c;
  for (let s = 0; s < chunks; s++) {
    let o: u32 = 0;
    for (let j = 0; j < kh; j++) if ((s >>> j) & 1) o |= (1 as u32) << load<i32>(HIGH + ((j as usize) << 2));
    store<u32>(CHUNK + ((s as usize) << 2), o << 4);
  }
  const blocks: u32 = 1 << (n - m);
  for (let t: u32 = 0; t < blocks; t++) {
    // Spread t over the bits outside the block (above c, skipping the high bits).
    let base: u32 = t << c;
    for (let j = 0; j < kh; j++) {
      const p = load<i32>(HIGH + ((j as usize) << 2));
      base = ((base >>> p) << (p + 1)) | (base & ((1 << p) - 1));
    }
    const ba = a + ((base as usize) << 4);
    if (kh == 0) {
      for (let g = 0; g < count; g++) runRecord(ba, m, PROG + ((g as usize) << 6));
      continue;
    }
    for (let s = 0; s < chunks; s++) memory.copy(LOCAL + (s as usize) * runB, ba + (load<u32>(CHUNK + ((s as usize) << 2)) as usize), runB);
    for (let g = 0; g < count; g++) runRecord(LOCAL, m, PROG + ((g as usize) << 6));
    for (let s = 0; s < chunks; s++) memory.copy(ba + (load<u32>(CHUNK + ((s as usize) << 2)) as usize), LOCAL + (s as usize) * runB, runB);
  }
}

// ---------- Real-only layers (kernelsLayer.ts applyGateBatch, width 1, in wasm) ----------
//
// A real-only state holds one f64 per amplitude (amplitude i at byte 8·i), and every gate is a
// real 2×2. One v128 holds TWO consecutive amplitudes, so a gate on bit p ≥ 1 pairs whole
// vectors, and a gate on bit 0 acts inside each vector: v' = D·v + O·swap(v) with D = (m00, m11),
// O = (m01, m10) (for a Hadamard-like gate: v·(1, −1) + swap(v), scaled by γ at the end).
// Records at PROG (32 B each): kind, p, q, r (local bits, p < q < r), then byte pointers of the
// matrices (m00, m01, m10, m11 as 4 f64) for p, q, r. kind 1: one gate on p; 2: gates on p and q;
// 3: gates on p, q and r; 4: three Hadamard-like gates on p, q, r with γ = the f64 at the A pointer.
// The gather tables (fillAffineTables in kernelsLayer.ts, 3×256 i32) live at TABLES.
const TABLES: usize = 32768;

@inline function sp(p: usize): v128 { return f64x2.splat(load<f64>(p)); }
/** (m00, m11) and (m01, m10) of the matrix at p: the in-vector form of a gate on bit 0. */
@inline function dg(p: usize): v128 { return f64x2.replace_lane(f64x2.splat(load<f64>(p)), 1, load<f64>(p, 24)); }
@inline function od(p: usize): v128 { return f64x2.replace_lane(f64x2.splat(load<f64>(p, 8)), 1, load<f64>(p, 16)); }
@inline function inv(d: v128, o: v128, x: v128): v128 { return mad(d, x, o, swp(x)); }

/** One real gate (matrix at A) on bit p of the 2^m doubles at a. */
function real1(a: usize, m: i32, p: i32, A: usize): void {
  const end = a + ((8 as usize) << m);
  if (p == 0) {
    const d = dg(A), o = od(A);
    for (let i = a; i < end; i += 32) {
      v128.store(i, inv(d, o, v128.load(i)));
      v128.store(i, inv(d, o, v128.load(i, 16)), 16);
    }
    return;
  }
  const a00 = sp(A), a01 = sp(A + 8), a10 = sp(A + 16), a11 = sp(A + 24);
  const hp: usize = (8 as usize) << p;
  for (let b = a; b < end; b += 2 * hp) {
    for (let i = b, e = b + hp; i < e; i += 16) {
      const x = v128.load(i), y = v128.load(i + hp);
      v128.store(i, mad(a00, x, a01, y));
      v128.store(i + hp, mad(a10, x, a11, y));
    }
  }
}

/** Two real gates (A on bit p, then B on bit q > p) in one sweep. */
function real2(a: usize, m: i32, p: i32, q: i32, A: usize, B: usize): void {
  const end = a + ((8 as usize) << m), hq: usize = (8 as usize) << q;
  const b00 = sp(B), b01 = sp(B + 8), b10 = sp(B + 16), b11 = sp(B + 24);
  if (p == 0) {
    const d = dg(A), o = od(A);
    for (let b = a; b < end; b += 2 * hq) {
      for (let i = b, e = b + hq; i < e; i += 16) {
        const x = inv(d, o, v128.load(i)), y = inv(d, o, v128.load(i + hq));
        v128.store(i, mad(b00, x, b01, y));
        v128.store(i + hq, mad(b10, x, b11, y));
      }
    }
    return;
  }
  const a00 = sp(A), a01 = sp(A + 8), a10 = sp(A + 16), a11 = sp(A + 24);
  const hp: usize = (8 as usize) << p;
  for (let b = a; b < end; b += 2 * hq) {
    for (let c = b, ce = b + hq; c < ce; c += 2 * hp) {
      for (let i = c, e = c + hp; i < e; i += 16) {
        const x0 = v128.load(i), x1 = v128.load(i + hp), x2 = v128.load(i + hq), x3 = v128.load(i + hp + hq);
        const y0 = mad(a00, x0, a01, x1), y1 = mad(a10, x0, a11, x1), y2 = mad(a00, x2, a01, x3), y3 = mad(a10, x2, a11, x3);
        v128.store(i, mad(b00, y0, b01, y2)); v128.store(i + hq, mad(b10, y0, b11, y2));
        v128.store(i + hp, mad(b00, y1, b01, y3)); v128.store(i + hp + hq, mad(b10, y1, b11, y3));
      }
    }
  }
}

/** Three real gates (A on p, B on q, C on r; p < q < r) in one sweep: 8 vectors loaded and stored once. */
function real3(a: usize, m: i32, p: i32, q: i32, r: i32, A: usize, B: usize, C: usize): void {
  const end = a + ((8 as usize) << m), hq: usize = (8 as usize) << q, hr: usize = (8 as usize) << r;
  const b00 = sp(B), b01 = sp(B + 8), b10 = sp(B + 16), b11 = sp(B + 24);
  const c00 = sp(C), c01 = sp(C + 8), c10 = sp(C + 16), c11 = sp(C + 24);
  if (p == 0) {
    const d = dg(A), o = od(A);
    for (let b = a; b < end; b += 2 * hr) {
      for (let c = b, ce = b + hr; c < ce; c += 2 * hq) {
        for (let i = c, e = c + hq; i < e; i += 16) {
          const y0 = inv(d, o, v128.load(i)), y2 = inv(d, o, v128.load(i + hq));
          const y4 = inv(d, o, v128.load(i + hr)), y6 = inv(d, o, v128.load(i + hq + hr));
          const z0 = mad(b00, y0, b01, y2), z2 = mad(b10, y0, b11, y2), z4 = mad(b00, y4, b01, y6), z6 = mad(b10, y4, b11, y6);
          v128.store(i, mad(c00, z0, c01, z4)); v128.store(i + hr, mad(c10, z0, c11, z4));
          v128.store(i + hq, mad(c00, z2, c01, z6)); v128.store(i + hq + hr, mad(c10, z2, c11, z6));
        }
      }
    }
    return;
  }
  const a00 = sp(A), a01 = sp(A + 8), a10 = sp(A + 16), a11 = sp(A + 24);
  const hp: usize = (8 as usize) << p;
  for (let b = a; b < end; b += 2 * hr) {
    for (let c = b, ce = b + hr; c < ce; c += 2 * hq) {
      for (let d = c, de = c + hq; d < de; d += 2 * hp) {
        for (let i = d, e = d + hp; i < e; i += 16) {
          const i1 = i + hp, i2 = i + hq, i3 = i1 + hq;
          const x0 = v128.load(i), x1 = v128.load(i1), x2 = v128.load(i2), x3 = v128.load(i3);
          const x4 = v128.load(i + hr), x5 = v128.load(i1 + hr), x6 = v128.load(i2 + hr), x7 = v128.load(i3 + hr);
          const y0 = mad(a00, x0, a01, x1), y1 = mad(a10, x0, a11, x1), y2 = mad(a00, x2, a01, x3), y3 = mad(a10, x2, a11, x3);
          const y4 = mad(a00, x4, a01, x5), y5 = mad(a10, x4, a11, x5), y6 = mad(a00, x6, a01, x7), y7 = mad(a10, x6, a11, x7);
          const z0 = mad(b00, y0, b01, y2), z2 = mad(b10, y0, b11, y2), z1 = mad(b00, y1, b01, y3), z3 = mad(b10, y1, b11, y3);
          const z4 = mad(b00, y4, b01, y6), z6 = mad(b10, y4, b11, y6), z5 = mad(b00, y5, b01, y7), z7 = mad(b10, y5, b11, y7);
          v128.store(i, mad(c00, z0, c01, z4)); v128.store(i + hr, mad(c10, z0, c11, z4));
          v128.store(i1, mad(c00, z1, c01, z5)); v128.store(i1 + hr, mad(c10, z1, c11, z5));
          v128.store(i2, mad(c00, z2, c01, z6)); v128.store(i2 + hr, mad(c10, z2, c11, z6));
          v128.store(i3, mad(c00, z3, c01, z7)); v128.store(i3 + hr, mad(c10, z3, c11, z7));
        }
      }
    }
  }
}

/** Three Hadamard-like gates on p < q < r: sum/difference butterflies, one multiply by γ at the end. */
function had3(a: usize, m: i32, p: i32, q: i32, r: i32, gamma: f64): void {
  const end = a + ((8 as usize) << m), hq: usize = (8 as usize) << q, hr: usize = (8 as usize) << r;
  const g = f64x2.splat(gamma);
  if (p == 0) {
    const pm = f64x2(1, -1);
    for (let b = a; b < end; b += 2 * hr) {
      for (let c = b, ce = b + hr; c < ce; c += 2 * hq) {
        for (let i = c, e = c + hq; i < e; i += 16) {
          const x0 = v128.load(i), x2 = v128.load(i + hq), x4 = v128.load(i + hr), x6 = v128.load(i + hq + hr);
          const y0 = f64x2.add(f64x2.mul(x0, pm), swp(x0)), y2 = f64x2.add(f64x2.mul(x2, pm), swp(x2));
          const y4 = f64x2.add(f64x2.mul(x4, pm), swp(x4)), y6 = f64x2.add(f64x2.mul(x6, pm), swp(x6));
          const z0 = f64x2.add(y0, y2), z2 = f64x2.sub(y0, y2), z4 = f64x2.add(y4, y6), z6 = f64x2.sub(y4, y6);
          v128.store(i, f64x2.mul(g, f64x2.add(z0, z4))); v128.store(i + hr, f64x2.mul(g, f64x2.sub(z0, z4)));
          v128.store(i + hq, f64x2.mul(g, f64x2.add(z2, z6))); v128.store(i + hq + hr, f64x2.mul(g, f64x2.sub(z2, z6)));
        }
      }
    }
    return;
  }
  const hp: usize = (8 as usize) << p;
  for (let b = a; b < end; b += 2 * hr) {
    for (let c = b, ce = b + hr; c < ce; c += 2 * hq) {
      for (let d = c, de = c + hq; d < de; d += 2 * hp) {
        for (let i = d, e = d + hp; i < e; i += 16) {
          const i1 = i + hp, i2 = i + hq, i3 = i1 + hq;
          const x0 = v128.load(i), x1 = v128.load(i1), x2 = v128.load(i2), x3 = v128.load(i3);
          const x4 = v128.load(i + hr), x5 = v128.load(i1 + hr), x6 = v128.load(i2 + hr), x7 = v128.load(i3 + hr);
          const y0 = f64x2.add(x0, x1), y1 = f64x2.sub(x0, x1), y2 = f64x2.add(x2, x3), y3 = f64x2.sub(x2, x3);
          const y4 = f64x2.add(x4, x5), y5 = f64x2.sub(x4, x5), y6 = f64x2.add(x6, x7), y7 = f64x2.sub(x6, x7);
          const z0 = f64x2.add(y0, y2), z2 = f64x2.sub(y0, y2), z1 = f64x2.add(y1, y3), z3 = f64x2.sub(y1, y3);
          const z4 = f64x2.add(y4, y6), z6 = f64x2.sub(y4, y6), z5 = f64x2.add(y5, y7), z7 = f64x2.sub(y5, y7);
          v128.store(i, f64x2.mul(g, f64x2.add(z0, z4))); v128.store(i + hr, f64x2.mul(g, f64x2.sub(z0, z4)));
          v128.store(i1, f64x2.mul(g, f64x2.add(z1, z5))); v128.store(i1 + hr, f64x2.mul(g, f64x2.sub(z1, z5)));
          v128.store(i2, f64x2.mul(g, f64x2.add(z2, z6))); v128.store(i2 + hr, f64x2.mul(g, f64x2.sub(z2, z6)));
          v128.store(i3, f64x2.mul(g, f64x2.add(z3, z7))); v128.store(i3 + hr, f64x2.mul(g, f64x2.sub(z3, z7)));
        }
      }
    }
  }
}

/** The `count` real-layer records at PROG on the 2^m doubles at a. */
function realOps(a: usize, m: i32, count: i32): void {
  for (let g = 0; g < count; g++) {
    const r = PROG + ((g as usize) << 5);
    const kind = load<i32>(r), p = load<i32>(r, 4), q = load<i32>(r, 8), s = load<i32>(r, 12);
    const A = load<u32>(r, 16) as usize, B = load<u32>(r, 20) as usize, C = load<u32>(r, 24) as usize;
    if (kind == 1) real1(a, m, p, A);
    else if (kind == 2) real2(a, m, p, q, A, B);
    else if (kind == 3) real3(a, m, p, q, s, A, B, C);
    else had3(a, m, p, q, s, load<f64>(A));
  }
}

/** Source index of output index i under the gather tables. */
@inline function gsrc(i: u32): u32 {
  return load<u32>(TABLES + (((i & 255) as usize) << 2)) ^ load<u32>(TABLES + 1024 + ((((i >>> 8) & 255) as usize) << 2))
    ^ load<u32>(TABLES + 2048 + (((i >>> 16) as usize) << 2));
}

/** out[r] = src[f(start + r)] for r < len doubles (f from the gather tables). */
function gatherRunReal(src: usize, out: usize, start: u32, len: u32): void {
  if ((start & 255) == 0 && (len & 255) == 0) {
    for (let hi = start, e = start + len; hi < e; hi += 256) {
      const base = load<u32>(TABLES + 1024 + ((((hi >>> 8) & 255) as usize) << 2)) ^ load<u32>(TABLES + 2048 + (((hi >>> 16) as usize) << 2));
      const o = out + (((hi - start) as usize) << 3);
      for (let lo: usize = 0; lo < 256; lo += 2) {
        const s0 = base ^ load<u32>(TABLES + (lo << 2)), s1 = base ^ load<u32>(TABLES + (lo << 2), 4);
        v128.store(o + (lo << 3), f64x2.replace_lane(f64x2.splat(load<f64>(src + ((s0 as usize) << 3))), 1, load<f64>(src + ((s1 as usize) << 3))));
      }
    }
    return;
  }
  for (let r: u32 = 0; r < len; r++) store<f64>(out + ((r as usize) << 3), load<f64>(src + ((gsrc(start + r) as usize) << 3)));
}

/**
 * One tiled pass of real gates over the real-only state of n qubits: tiles span bits [0, c) plus
 * the kh high bits at HIGH. With kh = 0 a tile is contiguous and is transformed in place in dst
 * (after gathering it from src when `gather`, or copying it when src ≠ dst); otherwise its 2^kh
 * runs are gathered or copied into LOCAL (local bit c + j = high bit j), transformed there and
 * copied out to dst. The records at PROG use local bits.
 */
export function realPass(src: usize, dst: usize, n: i32, c: i32, kh: i32, count: i32, gather: i32): void {
  const m = c + kh, chunks = 1 << kh, run: u32 = 1 << c, runB: usize = (8 as usize) << c;
  for (let s = 0; s < chunks; s++) {
    let o: u32 = 0;
    for (let j = 0; j < kh; j++) if ((s >>> j) & 1) o |= (1 as u32) << load<i32>(HIGH + ((j as usize) << 2));
    store<u32>(CHUNK + ((s as usize) << 2), o);
  }
  const tiles: u32 = 1 << (n - m);
  for (let t: u32 = 0; t < tiles; t++) {
    let base: u32 = t << c;
    for (let j = 0; j < kh; j++) {
      const p = load<i32>(HIGH + ((j as usize) << 2));
      base = ((base >>> p) << (p + 1)) | (base & ((1 << p) - 1));
    }
    if (kh == 0) {
      const d = dst + ((base as usize) << 3);
      if (gather) gatherRunReal(src, d, base, run);
      else if (src != dst) memory.copy(d, src + ((base as usize) << 3), runB);
      realOps(d, m, count);
      continue;
    }
    for (let s = 0; s < chunks; s++) {
      const at = base | load<u32>(CHUNK + ((s as usize) << 2)), l = LOCAL + (s as usize) * runB;
      if (gather) gatherRunReal(src, l, at, run); else memory.copy(l, src + ((at as usize) << 3), runB);
    }
    realOps(LOCAL, m, count);
    for (let s = 0; s < chunks; s++) {
      memory.copy(dst + (((base | load<u32>(CHUNK + ((s as usize) << 2))) as usize) << 3), LOCAL + (s as usize) * runB, runB);
    }
  }
}

/** The real-layer records at PROG applied to the whole 2^n-double real state at a, in place (one sweep per record). */
export function realSweep(a: usize, n: i32, count: i32): void { realOps(a, n, count); }

/** Complex interleaved dst (imaginary parts 0) from the real-only src gathered through the tables. */
export function gatherExpand(src: usize, dst: usize, n: i32): void {
  const dim: u32 = 1 << n, z = f64x2.splat(0);
  for (let i: u32 = 0; i < dim; i++) {
    v128.store(dst + ((i as usize) << 4), f64x2.replace_lane(z, 0, load<f64>(src + ((gsrc(i) as usize) << 3))));
  }
}

/** Complex dst[i] = src[f(i)] for every amplitude of n qubits (f from the gather tables; 16 B per amplitude). */
export function gatherComplex(src: usize, dst: usize, n: i32): void {
  const dim: u32 = 1 << n;
  if (n < 8) {
    for (let i: u32 = 0; i < dim; i++) v128.store(dst + ((i as usize) << 4), v128.load(src + ((gsrc(i) as usize) << 4)));
    return;
  }
  for (let hi: u32 = 0; hi < dim; hi += 256) {
    const base = load<u32>(TABLES + 1024 + ((((hi >>> 8) & 255) as usize) << 2)) ^ load<u32>(TABLES + 2048 + (((hi >>> 16) as usize) << 2));
    const o = dst + ((hi as usize) << 4);
    for (let lo: usize = 0; lo < 256; lo++) {
      v128.store(o + (lo << 4), v128.load(src + (((base ^ load<u32>(TABLES + (lo << 2))) as usize) << 4)));
    }
  }
}
