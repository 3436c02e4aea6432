import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHANNELS, cptpDeviation, thermalRelaxationKraus, validateKraus, KrausError, amplitudeDampingKraus, phaseDampingKraus,
} from '../../../src/engine/quantum/channels.ts';
import { DensityMatrix } from '../../../src/engine/quantum/density.ts';
import { hermitianEigenvalues } from '../../../src/engine/quantum/metrics.ts';
import { Statevector } from '../../../src/engine/quantum/statevector.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

/** A random pure state on n qubits from the seeded rng. */
function randomState(n: number, seed: number): Statevector {
  const rng = createRng(seed);
  const a = new Float64Array(2 << n);
  let s = 0;
  for (let i = 0; i < a.length; i++) { a[i] = rng.normal(); s += a[i] * a[i]; }
  for (let i = 0; i < a.length; i++) a[i] /= Math.sqrt(s);
  return Statevector.fromAmplitudes(a);
}

function randomMixed(n: number, seed: number): DensityMatrix {
  // mixture of three random pure states
  const rho = DensityMatrix.fromStatevector(randomState(n, seed));
  const w = [0.5, 0.3, 0.2];
  const out = new Float64Array(rho.data.length);
  for (let k = 0; k < 3; k++) {
    const r = DensityMatrix.fromStatevector(randomState(n, seed * 7 + k));
    for (let i = 0; i < out.length; i++) out[i] += w[k] * r.data[i];
  }
  return DensityMatrix.fromData(out);
}

function expectPhysical(rho: DensityMatrix): void {
  const d = rho.dim;
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) {
    const [ar, ai] = rho.get(r, c), [br, bi] = rho.get(c, r);
    expectClose(ar, br, { abs: 1e-12 });
    expectClose(ai, -bi, { abs: 1e-12 });
  }
  expectClose(rho.trace(), 1, { abs: 1e-12 });
  const ev = hermitianEigenvalues(rho.data);
  expect(ev[0]).toBeGreaterThan(-1e-10);
}

describe('channel registry (every channel, random valid params)', () => {
  for (const ch of Object.values(CHANNELS)) {
    it(`${ch.id} is CPTP and keeps ρ Hermitian, PSD, trace 1`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
          const params = ch.sampleParams(createRng(seed));
          const ops = ch.kraus(params);
          expect(cptpDeviation(ops)).toBeLessThan(1e-12);
          const rho = randomMixed(3, seed);
          rho.applyChannel({ id: ch.id, params }, [seed % 3]);
          expectPhysical(rho);
        }),
        { seed: 42, numRuns: 25 },
      );
    });
    it(`${ch.id} has id, title, blurb and parameter table`, () => {
      expect(ch.title.length).toBeGreaterThan(3);
      expect(ch.blurb.length).toBeGreaterThan(20);
      for (const p of ch.params) expect(p.min).toBeLessThanOrEqual(p.default);
    });
  }
  it('rejects out-of-range parameters naming the field', () => {
    expect(() => CHANNELS.amplitude_damping.kraus({ gamma: 1.5 })).toThrow(/invalid gamma: 1.5 \(expected 0–1\)/);
    expect(() => CHANNELS.pauli.kraus({ px: 0.5, py: 0.4, pz: 0.3 })).toThrow(/px \+ py \+ pz/);
  });
});

describe('thermal relaxation (Aer semantics)', () => {
  const cases: [number, number, number][] = [[100, 50, 30], [100, 100, 70], [100, 150, 40], [100, 200, 90], [283, 144, 50_000], [1e7, 1e6, 5e4]];
  for (const [t1, t2, t] of cases) {
    it(`T1=${t1}, T2=${t2}, t=${t}: ρ11·e^{−t/T1} and ρ01·e^{−t/T2} exactly`, () => {
      const psi = randomState(1, t1 + t2 + t);
      const rho = DensityMatrix.fromStatevector(psi);
      const [r01r, r01i] = rho.get(0, 1);
      const [r11] = rho.get(1, 1);
      rho.applyKraus(thermalRelaxationKraus(t1, t2, t), [0]);
      expectClose(rho.get(1, 1)[0], r11 * Math.exp(-t / t1), { abs: 1e-15, rel: 1e-12 });
      expectClose(rho.get(0, 1)[0], r01r * Math.exp(-t / t2), { abs: 1e-15, rel: 1e-12 });
      expectClose(rho.get(0, 1)[1], r01i * Math.exp(-t / t2), { abs: 1e-15, rel: 1e-12 });
    });
  }
  it('refuses T2 > 2·T1 and explains why', () => {
    expect(() => thermalRelaxationKraus(100, 201, 1)).toThrow(/invalid t2Us: 201 \(expected ≤ 2·t1Us = 200; 1\/T2 = 1\/\(2T1\) \+ 1\/Tφ/);
  });
  it('reset form (T2 ≤ T1) and general form agree at the T2 = T1 boundary', () => {
    const a = DensityMatrix.fromStatevector(randomState(1, 3));
    const b = a.clone();
    a.applyKraus(thermalRelaxationKraus(100, 100, 37), [0]);
    b.applyKraus(thermalRelaxationKraus(100, 100 * (1 + 1e-13), 37), [0]);
    expectClose(a.data, b.data, { abs: 1e-12 });
  });
  it('T2 = 2T1 is pure amplitude damping', () => {
    const ops = thermalRelaxationKraus(100, 200, 30);
    const a = DensityMatrix.fromStatevector(randomState(1, 9)), b = a.clone();
    a.applyKraus(ops, [0]);
    b.applyKraus(amplitudeDampingKraus(1 - Math.exp(-0.3)), [0]);
    expectClose(a.data, b.data, { abs: 1e-14 });
  });
});

describe('general Kraus', () => {
  it('accepts a valid channel (phase damping ∘ amplitude damping products)', () => {
    const ops = [];
    for (const p of phaseDampingKraus(0.3)) for (const a of amplitudeDampingKraus(0.2)) {
      const k = new Float64Array(8);
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let m = 0; m < 2; m++) k[2 * (2 * i + j)] += p[2 * (2 * i + m)] * a[2 * (2 * m + j)];
      ops.push(k);
    }
    expect(validateKraus(ops)).toHaveLength(4);
  });
  it('refuses a non-trace-preserving set with a clear message', () => {
    const bad = [Float64Array.of(1, 0, 0, 0, 0, 0, 0.9, 0)];
    expect(() => validateKraus(bad)).toThrow(KrausError);
    expect(() => validateKraus(bad)).toThrow(/max \|Σ K†K − I\| = 1.90e-1 \(expected ≤ 1e-10; a channel must preserve trace/);
  });
  it('refuses mismatched sizes', () => {
    expect(() => validateKraus([new Float64Array(8), new Float64Array(32)])).toThrow(/operator 1/);
  });
});
