/**
 * In-place statevector kernels. `a` is the interleaved re/im amplitude buffer (length 2·2ⁿ,
 * qubit 0 = least significant bit of the basis index). No kernel allocates inside its loop;
 * matrices are unpacked into scalars once (STYLE.md §6.6).
 *
 * A controlled kernel takes `ctrlMask`: it touches only basis states whose control bits are
 * all 1, so a CX visits a quarter of the pairs a plain X would.
 */

/**
 * Index enumeration for kernels with fixed bits (targets and controls): the indices with every
 * fixed bit clear come in contiguous runs of 2^(lowest fixed bit), and the next run starts at
 * ((i | step) + 1) & ~fixedMask, where step = fixedMask | (run − 1): the +1 carries over the
 * fixed bits. Three integer operations per run instead of re-spreading a counter, so gates
 * whose lowest fixed bit is 0 (runs of one amplitude) stay as fast as a plain sweep.
 */
function fixedMaskOf(bits: readonly number[]): number {
  let m = 0;
  for (const b of bits) m |= 1 << b;
  return m;
}

function maskBits(mask: number): number[] {
  const out: number[] = [];
  for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) out.push(b);
  return out;
}

/** 2×2 matrix m (8 scalars, interleaved, row-major) on `target`, conditioned on `ctrlMask`. */
export function apply1q(a: Float64Array, nQubits: number, target: number, m: Float64Array, ctrlMask = 0): void {
  const m00r = m[0], m00i = m[1], m01r = m[2], m01i = m[3];
  const m10r = m[4], m10i = m[5], m11r = m[6], m11i = m[7];
  const half = 1 << target;
  const dim = 1 << nQubits;
  const isReal = m00i === 0 && m01i === 0 && m10i === 0 && m11i === 0;
  if (ctrlMask === 0) {
    // Real matrices (RY, H, X-like) take half the multiplications.
    if (isReal) {
      if (target === 0) {
        for (let i = 0; i < 2 * dim; i += 4) {
          const xr = a[i], xi = a[i + 1], yr = a[i + 2], yi = a[i + 3];
          a[i] = m00r * xr + m01r * yr; a[i + 1] = m00r * xi + m01r * yi;
          a[i + 2] = m10r * xr + m11r * yr; a[i + 3] = m10r * xi + m11r * yi;
        }
        return;
      }
      const h2 = 2 * half;
      for (let base = 0; base < 2 * dim; base += 2 * h2) {
        const end = base + h2;
        for (let i = base; i < end; i += 2) {
          const j = i + h2;
          const xr = a[i], xi = a[i + 1], yr = a[j], yi = a[j + 1];
          a[i] = m00r * xr + m01r * yr; a[i + 1] = m00r * xi + m01r * yi;
          a[j] = m10r * xr + m11r * yr; a[j + 1] = m10r * xi + m11r * yi;
        }
      }
      return;
    }
    if (target === 0) {
      // Adjacent pairs: one flat loop (a block loop would run one iteration per block).
      for (let i = 0; i < 2 * dim; i += 4) {
        const xr = a[i], xi = a[i + 1], yr = a[i + 2], yi = a[i + 3];
        a[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
        a[i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
        a[i + 2] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
        a[i + 3] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
      }
      return;
    }
    const h2 = 2 * half;
    for (let base = 0; base < 2 * dim; base += 2 * h2) {
      const end = base + h2;
      for (let i = base; i < end; i += 2) {
        const j = i + h2;
        const xr = a[i], xi = a[i + 1], yr = a[j], yi = a[j + 1];
        a[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
        a[i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
        a[j] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
        a[j + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
      }
    }
    return;
  }
  // Runs of amplitudes with the target 0 and every control 1 (see fixedMaskOf).
  const fm = ctrlMask | half, run = 2 << (31 - Math.clz32(fm & -fm)), step = fm | ((run >>> 1) - 1), h2 = 2 * half;
  for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    for (let i = 2 * (first | ctrlMask), e = i + run; i < e; i += 2) {
      const j = i + h2;
      const xr = a[i], xi = a[i + 1], yr = a[j], yi = a[j + 1];
      a[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
      a[i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
      a[j] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
      a[j + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
    }
  }
}

/**
 * diag(d0, d1) on `target` (d = 4 scalars), conditioned on `ctrlMask`. d0 = 1 is skipped.
 * Every case sweeps contiguous runs (the |0⟩ and |1⟩ halves of each block), so a diagonal
 * gate costs at most what H on the same qubit does and usually less (1 complex multiply per
 * amplitude, half the memory when d0 = 1).
 */
export function applyDiag1q(a: Float64Array, nQubits: number, target: number, d: Float64Array, ctrlMask = 0): void {
  const d0r = d[0], d0i = d[1], d1r = d[2], d1i = d[3];
  const skip0 = d0r === 1 && d0i === 0;
  const half = 1 << target, h2 = 2 * half;
  const dim = 1 << nQubits, len = 2 * dim;
  if (ctrlMask === 0) {
    if (target === 0) {
      if (skip0) { for (let j = 2; j < len; j += 4) { const yr = a[j], yi = a[j + 1]; a[j] = d1r * yr - d1i * yi; a[j + 1] = d1r * yi + d1i * yr; } return; }
      for (let i = 0; i < len; i += 4) {
        const xr = a[i], xi = a[i + 1], yr = a[i + 2], yi = a[i + 3];
        a[i] = d0r * xr - d0i * xi; a[i + 1] = d0r * xi + d0i * xr;
        a[i + 2] = d1r * yr - d1i * yi; a[i + 3] = d1r * yi + d1i * yr;
      }
      return;
    }
    if (h2 < 64) {
      // Short halves (target 1…4): inline loops; a call per half would dominate.
      for (let base = 0; base < len; base += 2 * h2) {
        for (let i = base, e = base + h2; i < e; i += 2) { const xr = a[i], xi = a[i + 1]; a[i] = d0r * xr - d0i * xi; a[i + 1] = d0r * xi + d0i * xr; }
        for (let j = base + h2, e = base + 2 * h2; j < e; j += 2) { const yr = a[j], yi = a[j + 1]; a[j] = d1r * yr - d1i * yi; a[j + 1] = d1r * yi + d1i * yr; }
      }
      return;
    }
    for (let base = 0; base < len; base += 2 * h2) {
      if (!skip0) phaseRun(a, base, base + h2, d0r, d0i);
      phaseRun(a, base + h2, base + 2 * h2, d1r, d1i);
    }
    return;
  }
  // Runs with the target 0 and every control 1; their |1⟩ partners are h2 doubles further.
  const fm = ctrlMask | half, run = 2 << (31 - Math.clz32(fm & -fm)), step = fm | ((run >>> 1) - 1);
  if (run === 2) {
    // Lowest fixed bit 0: single amplitudes, no inner loop.
    for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
      const i = 2 * (first | ctrlMask), j = i + h2;
      if (!skip0) { const xr = a[i], xi = a[i + 1]; a[i] = d0r * xr - d0i * xi; a[i + 1] = d0r * xi + d0i * xr; }
      const yr = a[j], yi = a[j + 1];
      a[j] = d1r * yr - d1i * yi; a[j + 1] = d1r * yi + d1i * yr;
    }
    return;
  }
  for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    const i0 = 2 * (first | ctrlMask);
    if (run < 64) {
      if (!skip0) for (let i = i0, e = i0 + run; i < e; i += 2) { const xr = a[i], xi = a[i + 1]; a[i] = d0r * xr - d0i * xi; a[i + 1] = d0r * xi + d0i * xr; }
      for (let j = i0 + h2, e = j + run; j < e; j += 2) { const yr = a[j], yi = a[j + 1]; a[j] = d1r * yr - d1i * yi; a[j + 1] = d1r * yi + d1i * yr; }
      continue;
    }
    if (!skip0) phaseRun(a, i0, i0 + run, d0r, d0i);
    phaseRun(a, i0 + h2, i0 + h2 + run, d1r, d1i);
  }
}

/** Multiply the complex amplitudes in doubles [from, to) by (pr + i·pi). */
function phaseRun(a: Float64Array, from: number, to: number, pr: number, pi: number): void {
  if (pi === 0) {
    for (let i = from; i < to; i++) a[i] *= pr; // real phase (Z, CZ): one multiply per double
    return;
  }
  for (let i = from; i < to; i += 2) {
    const xr = a[i], xi = a[i + 1];
    a[i] = pr * xr - pi * xi;
    a[i + 1] = pr * xi + pi * xr;
  }
}

/**
 * Diagonal on several `targets` (d has 2·2^t scalars indexed with targets[0] as LSB),
 * conditioned on `ctrlMask`.
 */
export function applyDiagK(a: Float64Array, nQubits: number, targets: readonly number[], d: Float64Array, ctrlMask = 0): void {
  const offsets = targetOffsets(targets);
  const sub = 1 << targets.length, dim = 1 << nQubits;
  // Runs with every target 0 and every control 1 (see fixedMaskOf); one phase per sub-state s.
  const fm = ctrlMask | fixedMaskOf(targets), run = 2 << (31 - Math.clz32(fm & -fm)), step = fm | ((run >>> 1) - 1);
  for (let s = 0; s < sub; s++) {
    const dr = d[2 * s], di = d[2 * s + 1];
    if (dr === 1 && di === 0) continue;
    const off = 2 * (offsets[s] | ctrlMask);
    for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
      const i = 2 * first + off;
      if (run === 2) { const xr = a[i], xi = a[i + 1]; a[i] = dr * xr - di * xi; a[i + 1] = dr * xi + di * xr; } else phaseRun(a, i, i + run, dr, di);
    }
  }
}

/** Offsets of the 2^t sub-basis states: offsets[s] sets targets[j] when bit j of s is set. */
function targetOffsets(targets: readonly number[]): Int32Array {
  const sub = 1 << targets.length;
  const offsets = new Int32Array(sub);
  for (let s = 0; s < sub; s++) {
    let o = 0;
    for (let j = 0; j < targets.length; j++) if ((s >>> j) & 1) o |= 1 << targets[j];
    offsets[s] = o;
  }
  return offsets;
}

/**
 * Swap the amplitudes at index offsets o0 and o1 (fixed-bit patterns) of every group of the fixed
 * bits fm, where fm includes qubit 0: the low cluster c of fixed bits 0…k puts the groups every
 * z-th amplitude (z = c + 1) inside the runs of the other fixed bits (fm2), so one strided loop per
 * run replaces a run of one amplitude per iteration (X/CX/SWAP with qubit 0; as in the wasm kernels).
 */
function swapStrided(a: Float64Array, dim: number, fm: number, o0: number, o1: number): void {
  const c = fm & ~(fm + 1), z = 2 * (c + 1), fm2 = fm & ~c;
  const low2 = fm2 === 0 ? dim : fm2 & -fm2, step2 = fm2 | (low2 - 1), count = low2 / (c + 1);
  for (let first = 0; first < dim; first = ((first | step2) + 1) & ~fm2) {
    for (let j = 0, i = 2 * (first + o0), k = 2 * (first + o1); j < count; j++, i += z, k += z) {
      const xr = a[i], xi = a[i + 1];
      a[i] = a[k]; a[i + 1] = a[k + 1];
      a[k] = xr; a[k + 1] = xi;
    }
    if (fm2 === 0) break;
  }
}

/**
 * A 1-qubit gate on `target` whose 2×2 depends on one control bit: m[0…8) where it is 0, m[8…16)
 * where it is 1 (a pending gate folded into a controlled gate: one pass, the work of one 2×2).
 */
export function applyMux1q(a: Float64Array, nQubits: number, target: number, ctrlMask: number, m: Float64Array): void {
  const half = 1 << target, dim = 1 << nQubits;
  for (let base = 0; base < dim; base += 2 * half) {
    for (let k = base, e = base + half; k < e; k++) {
      const o = k & ctrlMask ? 8 : 0, i = 2 * k, j = 2 * (k + half);
      const xr = a[i], xi = a[i + 1], yr = a[j], yi = a[j + 1];
      a[i] = m[o] * xr - m[o + 1] * xi + m[o + 2] * yr - m[o + 3] * yi;
      a[i + 1] = m[o] * xi + m[o + 1] * xr + m[o + 2] * yi + m[o + 3] * yr;
      a[j] = m[o + 4] * xr - m[o + 5] * xi + m[o + 6] * yr - m[o + 7] * yi;
      a[j + 1] = m[o + 4] * xi + m[o + 5] * xr + m[o + 6] * yi + m[o + 7] * yr;
    }
  }
}

/** X on `target` conditioned on `ctrlMask` (X, CX, CCX): a pure swap of amplitude pairs. */
export function applyX(a: Float64Array, nQubits: number, target: number, ctrlMask = 0): void {
  const half = 1 << target;
  const dim = 1 << nQubits;
  if (((ctrlMask | half) & 1) !== 0) { swapStrided(a, dim, ctrlMask | half, ctrlMask, ctrlMask | half); return; }
  if (ctrlMask === 0) {
    const h2 = 2 * half;
    for (let base = 0; base < 2 * dim; base += 2 * h2) {
      const end = base + h2;
      for (let i = base; i < end; i += 2) {
        const j = i + h2;
        const xr = a[i], xi = a[i + 1];
        a[i] = a[j]; a[i + 1] = a[j + 1];
        a[j] = xr; a[j + 1] = xi;
      }
    }
    return;
  }
  const ctrlBits = maskBits(ctrlMask);
  if (ctrlBits.length === 1) {
    // CX: loop over blocks where the control is 1 and the target is 0, contiguous runs in between.
    const c = ctrlBits[0];
    const lo = Math.min(c, target), hi = Math.max(c, target);
    const loStep = 1 << lo, hiStep = 1 << hi;
    const t2 = 2 * half;
    for (let outer = 0; outer < dim; outer += 2 * hiStep) {
      for (let mid = outer; mid < outer + hiStep; mid += 2 * loStep) {
        const start = 2 * (mid | ctrlMask), end = start + 2 * loStep;
        for (let i = start; i < end; i += 2) {
          const j = i + t2;
          const xr = a[i], xi = a[i + 1];
          a[i] = a[j]; a[i + 1] = a[j + 1];
          a[j] = xr; a[j + 1] = xi;
        }
      }
    }
    return;
  }
  const fm = ctrlMask | half, run = 2 << (31 - Math.clz32(fm & -fm)), step = fm | ((run >>> 1) - 1), h2 = 2 * half;
  for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    for (let i = 2 * (first | ctrlMask), e = i + run; i < e; i += 2) {
      const j = i + h2;
      const xr = a[i], xi = a[i + 1];
      a[i] = a[j]; a[i + 1] = a[j + 1];
      a[j] = xr; a[j + 1] = xi;
    }
  }
}

/** SWAP of qubits q0 and q1 conditioned on `ctrlMask` (SWAP, CSWAP): swaps |01⟩ and |10⟩ amplitudes. */
export function applySwap(a: Float64Array, nQubits: number, q0: number, q1: number, ctrlMask = 0): void {
  const b0 = 1 << q0, b1 = 1 << q1, dim = 1 << nQubits;
  const fm = ctrlMask | b0 | b1, run = 2 << (31 - Math.clz32(fm & -fm)), step = fm | ((run >>> 1) - 1);
  if (fm & 1) { swapStrided(a, dim, fm, b0 | ctrlMask, b1 | ctrlMask); return; }
  const o0 = 2 * (b0 | ctrlMask), o1 = 2 * (b1 | ctrlMask);
  for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    for (let i = 2 * first + o0, j = 2 * first + o1, e = i + run; i < e; i += 2, j += 2) {
      const xr = a[i], xi = a[i + 1];
      a[i] = a[j]; a[i + 1] = a[j + 1];
      a[j] = xr; a[j + 1] = xi;
    }
  }
}

/**
 * A dense 2^t×2^t matrix on `targets` (targets[0] = LSB of the matrix index), conditioned on
 * `ctrlMask`. `scratch` must hold at least 2·2^t doubles (allocated once by the caller).
 */
export function applyMatrixK(
  a: Float64Array, nQubits: number, targets: readonly number[], m: Float64Array, ctrlMask = 0,
  scratch: Float64Array = new Float64Array(2 << targets.length),
): void {
  const t = targets.length;
  if (t === 2 && ctrlMask === 0) { apply2q(a, nQubits, targets[0], targets[1], m); return; }
  const sub = 1 << t, dim = 1 << nQubits;
  const offsets = targetOffsets(targets);
  const fm = ctrlMask | fixedMaskOf(targets), run = 1 << (31 - Math.clz32(fm & -fm)), step = fm | (run - 1);
  for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    for (let base = first | ctrlMask, end = base + run; base < end; base++) {
      for (let s = 0; s < sub; s++) {
        const i = 2 * (base | offsets[s]);
        scratch[2 * s] = a[i]; scratch[2 * s + 1] = a[i + 1];
      }
      for (let r = 0; r < sub; r++) {
        let re = 0, im = 0;
        const row = 2 * r * sub;
        for (let c = 0; c < sub; c++) {
          const mr = m[row + 2 * c], mi = m[row + 2 * c + 1];
          const xr = scratch[2 * c], xi = scratch[2 * c + 1];
          re += mr * xr - mi * xi;
          im += mr * xi + mi * xr;
        }
        const i = 2 * (base | offsets[r]);
        a[i] = re; a[i + 1] = im;
      }
    }
  }
}

/**
 * Gather-permute for an affine map over GF(2) on basis indices: out[i] = in[src(i)] where
 * src(i) = c ⊕ (⊕ over set bits b of i of cols[b]). Used to fuse a run of X/CX/SWAP gates into
 * one pass. Byte tables make src(i) three lookups (n ≤ 24).
 */
export function applyAffinePermutation(
  src: Float64Array, dst: Float64Array, nQubits: number, cols: Int32Array, c: number,
  tables: Int32Array = new Int32Array(3 * 256),
): void {
  for (let chunk = 0; chunk < 3; chunk++) {
    for (let v = 0; v < 256; v++) {
      let x = 0;
      for (let b = 0; b < 8; b++) {
        const bit = chunk * 8 + b;
        if ((v >>> b) & 1 && bit < nQubits) x ^= cols[bit];
      }
      tables[chunk * 256 + v] = x;
    }
  }
  const dim = 1 << nQubits;
  const lowCount = Math.min(dim, 256);
  for (let hi = 0; hi < dim; hi += 256) {
    const baseSrc = c ^ tables[256 + ((hi >>> 8) & 255)] ^ tables[512 + ((hi >>> 16) & 255)];
    for (let lo = 0; lo < lowCount; lo++) {
      const s = 2 * (baseSrc ^ tables[lo]);
      const d = 2 * (hi | lo);
      dst[d] = src[s];
      dst[d + 1] = src[s + 1];
    }
  }
}

/**
 * A dense 4×4 complex matrix on qubits (q0, q1), q0 = least significant bit of its index, fully
 * unrolled: the four amplitudes of each group are loaded once, 16 complex multiply-adds, stored
 * once. Used for two-qubit gates without a control structure (RXX, fused blocks; see
 * kernelPlan.ts) in place of the generic applyMatrixK loop.
 */
export function apply2q(a: Float64Array, nQubits: number, q0: number, q1: number, m: Float64Array): void {
  const m0r = m[0], m0i = m[1], m1r = m[2], m1i = m[3], m2r = m[4], m2i = m[5], m3r = m[6], m3i = m[7];
  const m4r = m[8], m4i = m[9], m5r = m[10], m5i = m[11], m6r = m[12], m6i = m[13], m7r = m[14], m7i = m[15];
  const m8r = m[16], m8i = m[17], m9r = m[18], m9i = m[19], mAr = m[20], mAi = m[21], mBr = m[22], mBi = m[23];
  const mCr = m[24], mCi = m[25], mDr = m[26], mDi = m[27], mEr = m[28], mEi = m[29], mFr = m[30], mFi = m[31];
  const b0 = 1 << q0, b1 = 1 << q1, dim = 1 << nQubits, o1 = 2 * b0, o2 = 2 * b1, o3 = o1 + o2;
  const fm = b0 | b1, run = 2 << (31 - Math.clz32(fm & -fm)), step = fm | ((run >>> 1) - 1);
  for (let first = 0; first < dim; first = ((first | step) + 1) & ~fm) {
    for (let i = 2 * first, e = i + run; i < e; i += 2) {
      const i1 = i + o1, i2 = i + o2, i3 = i + o3;
      const x0r = a[i], x0i = a[i + 1], x1r = a[i1], x1i = a[i1 + 1], x2r = a[i2], x2i = a[i2 + 1], x3r = a[i3], x3i = a[i3 + 1];
      a[i] = m0r * x0r - m0i * x0i + m1r * x1r - m1i * x1i + m2r * x2r - m2i * x2i + m3r * x3r - m3i * x3i;
      a[i + 1] = m0r * x0i + m0i * x0r + m1r * x1i + m1i * x1r + m2r * x2i + m2i * x2r + m3r * x3i + m3i * x3r;
      a[i1] = m4r * x0r - m4i * x0i + m5r * x1r - m5i * x1i + m6r * x2r - m6i * x2i + m7r * x3r - m7i * x3i;
      a[i1 + 1] = m4r * x0i + m4i * x0r + m5r * x1i + m5i * x1r + m6r * x2i + m6i * x2r + m7r * x3i + m7i * x3r;
      a[i2] = m8r * x0r - m8i * x0i + m9r * x1r - m9i * x1i + mAr * x2r - mAi * x2i + mBr * x3r - mBi * x3i;
      a[i2 + 1] = m8r * x0i + m8i * x0r + m9r * x1i + m9i * x1r + mAr * x2i + mAi * x2r + mBr * x3i + mBi * x3r;
      a[i3] = mCr * x0r - mCi * x0i + mDr * x1r - mDi * x1i + mEr * x2r - mEi * x2i + mFr * x3r - mFi * x3i;
      a[i3 + 1] = mCr * x0i + mCi * x0r + mDr * x1i + mDi * x1r + mEr * x2i + mEi * x2r + mFr * x3i + mFi * x3r;
    }
  }
}
