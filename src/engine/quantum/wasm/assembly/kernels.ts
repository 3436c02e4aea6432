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
 *   [LOCAL, +256 KiB) one cache block (see BlockQueue in kernelPlan.ts)
 *   [PROG, +8 KiB)   a blocked pass's gates: 64-byte records (see runPass)
 *   [PROGP, +56 KiB) their matrices and diagonals
 *   [STATE, …)       the statevector: amplitude i at STATE + 16·i
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

/** 2×2 matrix at PARAM on target t, where every ctrl bit is 1. */
export function m1(a: usize, n: i32, t: i32, ctrl: u32): void {
  const half: u32 = 1 << t, dim: u32 = 1 << n;
  const fm = ctrl | half, low = lowBit(fm), step = fm | (low - 1);
  const hb: usize = (half as usize) << 4, cb: usize = (ctrl as usize) << 4, runB: usize = (low as usize) << 4;
  const r00 = rvec(PARAM), r01 = rvec(PARAM + 16), r10 = rvec(PARAM + 32), r11 = rvec(PARAM + 48);
  const real = load<f64>(PARAM, 8) == 0 && load<f64>(PARAM, 24) == 0 && load<f64>(PARAM, 40) == 0 && load<f64>(PARAM, 56) == 0;
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
  const i00 = ivec(PARAM), i01 = ivec(PARAM + 16), i10 = ivec(PARAM + 32), i11 = ivec(PARAM + 48);
  if (fm == 1) {
    // Target 0, no controls: adjacent pairs, one flat loop.
    for (let p = a, e = a + ((dim as usize) << 4); p < e; p += 32) {
      const x = v128.load(p), y = v128.load(p, 16);
      const xs = swp(x), ys = swp(y);
      v128.store(p, f64x2.add(f64x2.add(f64x2.add(f64x2.mul(r00, x), f64x2.mul(i00, xs)), f64x2.mul(r01, y)), f64x2.mul(i01, ys)));
      v128.store(p, f64x2.add(f64x2.add(f64x2.add(f64x2.mul(r10, x), f64x2.mul(i10, xs)), f64x2.mul(r11, y)), f64x2.mul(i11, ys)), 16);
    }
    return;
  }
  for (let first: u32 = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    let p = a + ((first as usize) << 4) + cb;
    const e = p + runB;
    for (; p < e; p += 16) {
      const x = v128.load(p), y = v128.load(p + hb);
      const xs = swp(x), ys = swp(y);
      v128.store(p, f64x2.add(f64x2.add(f64x2.add(f64x2.mul(r00, x), f64x2.mul(i00, xs)), f64x2.mul(r01, y)), f64x2.mul(i01, ys)));
      v128.store(p + hb, f64x2.add(f64x2.add(f64x2.add(f64x2.mul(r10, x), f64x2.mul(i10, xs)), f64x2.mul(r11, y)), f64x2.mul(i11, ys)));
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

/** X on target t where every ctrl bit is 1 (X, CX, CCX). */
export function x1(a: usize, n: i32, t: i32, ctrl: u32): void {
  const half: u32 = 1 << t, dim: u32 = 1 << n;
  const fm = ctrl | half, low = lowBit(fm), step = fm | (low - 1);
  const hb: usize = (half as usize) << 4, cb: usize = (ctrl as usize) << 4, runB: usize = (low as usize) << 4;
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
