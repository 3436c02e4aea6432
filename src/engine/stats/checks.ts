/** Shared argument checks for src/engine/stats. Messages name the field and the allowed range. */

export type NumArray = ArrayLike<number>;

export function checkSameLength(a: NumArray, b: NumArray, nameA: string, nameB: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`invalid ${nameB}.length: ${b.length} (expected ${nameA}.length = ${a.length})`);
  }
}

export function checkNonEmpty(a: NumArray, name: string): void {
  if (a.length === 0) throw new RangeError(`invalid ${name}.length: 0 (expected ≥ 1)`);
}

/** Every element a probability in [0, 1]. */
export function checkProbabilities(f: NumArray, name: string): void {
  for (let i = 0; i < f.length; i++) {
    const v = f[i];
    if (!(v >= 0 && v <= 1)) throw new RangeError(`invalid ${name}[${i}]: ${v} (expected 0–1)`);
  }
}

/** Every element exactly 0 or 1. */
export function checkBinary(o: NumArray, name: string): void {
  for (let i = 0; i < o.length; i++) {
    const v = o[i];
    if (v !== 0 && v !== 1) throw new RangeError(`invalid ${name}[${i}]: ${v} (expected 0 or 1)`);
  }
}

export function checkInt(v: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`invalid ${name}: ${v} (expected integer ${min}–${max === Number.MAX_SAFE_INTEGER ? '∞' : max})`);
  }
}

export function checkOpenUnit(v: number, name: string): void {
  if (!(v > 0 && v < 1)) throw new RangeError(`invalid ${name}: ${v} (expected 0 < ${name} < 1)`);
}

export function checkFinite(a: NumArray, name: string): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new RangeError(`invalid ${name}[${i}]: ${a[i]} (expected a finite number)`);
  }
}
