import { describe, expect, it } from 'vitest';
import { surfaceCodeQubits, logicalErrorPerCycle, requiredDistance, qecPlan, extrapolatedDistance } from '../../../src/engine/roadmap/qec';
import { statevectorBytes, densityMatrixBytes, maxQubits, gateTimeFloorUs, GiB, MiB } from '../../../src/engine/roadmap/memory';
import { rhythmTable, windowEffect } from '../../../src/engine/roadmap/timescales';
import { simulateLateness, pidResidual, predictiveResidual, sampleStd } from '../../../src/engine/roadmap/jitterControl';
import {
  binomialUpperTail, confirmationPower, tradesNeeded, tradesAtThreshold, impliedSharpe, shareLoggedAsHalf, leanVsLastMove, volatilityRegimes, WEEK_MS,
} from '../../../src/engine/roadmap/trading';
import { createRng } from '../../../src/engine/random';
import { expectClose } from '../../util/close';

describe('surface-code overhead (qec)', () => {
  it('2d² − 1 physical qubits per logical qubit (Google: 101 at d = 7 with 4 leakage qubits aside: 97)', () => {
    expect(surfaceCodeQubits(3)).toBe(17);
    expect(surfaceCodeQubits(7)).toBe(97);
    expect(() => surfaceCodeQubits(0)).toThrow(/distance/);
  });
  it('ε_d = A (p/p_th)^((d+1)/2); one Λ = p_th/p per Δd = 2', () => {
    expectClose(logicalErrorPerCycle(1e-3, 3), 0.1 * 0.1 ** 2, { rel: 1e-12 });
    expectClose(logicalErrorPerCycle(1e-3, 5) / logicalErrorPerCycle(1e-3, 7), 10, { rel: 1e-12 });
  });
  it('smallest odd distance reaching the target; none at or above threshold', () => {
    // p = 1e-3: ε_d = 0.1·10^{-(d+1)/2}; target 1e-6 → (d+1)/2 ≥ 5 → d = 9.
    expect(requiredDistance(1e-3, 1.0000001e-6).distance).toBe(9);
    expect(requiredDistance(1e-3, 0.99e-6).distance).toBe(11);
    expect(requiredDistance(0.01, 1e-6).feasible).toBe(false);
    expect(requiredDistance(0.02, 1e-6).reason).toMatch(/threshold/);
  });
  it('a plan: per-cycle target = budget / (logical × cycles); 14 logical qubits never fit in 24 physical', () => {
    const plan = qecPlan({ physicalError: 1e-3, cycleUs: 1, holdUs: 1000, logicalQubits: 14, failureBudget: 0.05 });
    expect(plan.cycles).toBe(1000);
    expectClose(plan.targetPerCycle, 0.05 / 14000, { rel: 1e-12 });
    expect(plan.totalPhysical).toBe(14 * surfaceCodeQubits(plan.distance));
    expect(plan.totalPhysical).toBeGreaterThan(24);
    expect(qecPlan({ physicalError: 1e-9, cycleUs: 1, logicalQubits: 14 }).totalPhysical).toBe(14 * 17);
  });
  it('Willow-style extrapolation from ε_7 and Λ', () => {
    // ε_7 = 1.43e-3, Λ = 2.14: ε_9 = 6.68e-4 > 7e-4? no: 1.43e-3/2.14 = 6.68e-4 ≤ 7e-4 → d = 9.
    expect(extrapolatedDistance(1.43e-3, 7, 2.14, 7e-4).distance).toBe(9);
    expect(extrapolatedDistance(1.43e-3, 7, 1, 1e-9).feasible).toBe(false);
  });
});

describe('memory and bandwidth floors', () => {
  it('statevector 2^n·16 B, density matrix 4^n·16 B (CLAIMS-REFERENCE oracles)', () => {
    expect(statevectorBytes(16)).toBe(MiB);
    expect(statevectorBytes(24)).toBe(256 * MiB);
    expect(statevectorBytes(30)).toBe(16 * GiB);
    expect(statevectorBytes(66)).toBe(2 ** 70);
    expect(densityMatrixBytes(14)).toBe(4 * GiB);
    expect(densityMatrixBytes(16)).toBe(64 * GiB);
    expect(statevectorBytes(16, 'complex64')).toBe(MiB / 2);
  });
  it('largest register in 16 GiB: 30 qubits as a statevector, 15 as a density matrix', () => {
    expect(maxQubits(16 * GiB, 'statevector')).toBe(30);
    expect(maxQubits(16 * GiB, 'density')).toBe(15);
  });
  it('gate floor 2^(n+5) B / bandwidth', () => {
    expectClose(gateTimeFloorUs(16, 760e9), (2 ** 21 / 760e9) * 1e6, { rel: 1e-12 });
  });
});

describe('windows and rhythms', () => {
  it("the roadmap's rhythm periods are 1/f, and 4.4–5.7 decades below 1 MHz", () => {
    const rows = rhythmTable(3.6e6);
    expect(rows.map((r) => r.consistent)).toEqual([true, true, true, true]);
    expectClose(rows[0].decadesBelowMHz, Math.log10(1e6 / 40), { rel: 1e-12 });
    expectClose(rows[0].barsPerCycle, 25 / 3.6e6, { rel: 1e-12 });
  });
  it('a window changes decisions only where bars arrive closer than the window', () => {
    const times = [0, 3.6e6, 7.2e6, 7.2e6 + 20, 1.08e7];
    const closes = [100, 101, 100, 100.5, 101];
    expect(windowEffect(times, closes, 1).gapsShorterThanWindow).toBe(0);
    const w = windowEffect(times, closes, 50);
    expect(w.gapsShorterThanWindow).toBe(1);
    expect(w.shareChanged).toBe(0.25);
    expectClose(w.barsPerWindow, 50 / (3.6e6 - 20), { rel: 1e-12 }); // median gap
    expect(() => windowEffect([0, 1], [1, 2], 1)).toThrow(/series/);
  });
});

describe('jitter control', () => {
  it('no controller beats white noise: PID and prediction leave ≥ σ', () => {
    const l = simulateLateness({ n: 4000, sigmaUs: 10 }, createRng(1));
    const open = sampleStd(l);
    expect(open).toBeGreaterThan(9.5);
    expect(sampleStd(pidResidual(l, { kp: 0.5, ki: 0.05, kd: 0 }))).toBeGreaterThanOrEqual(open * 0.98);
    expect(sampleStd(predictiveResidual(l, { order: 2 }))).toBeGreaterThan(open * 0.97);
  });
  it('an integral term removes a constant offset; prediction removes an AR(1) component down to its innovations', () => {
    const offset = simulateLateness({ n: 2000, offsetUs: 100, sigmaUs: 1 }, createRng(2));
    const e = pidResidual(offset, { kp: 0, ki: 0.2, kd: 0 });
    let tail = 0;
    for (let t = 1000; t < 2000; t++) tail += e[t];
    expect(Math.abs(tail / 1000)).toBeLessThan(0.5);
    const ar = simulateLateness({ n: 4000, phi: 0.9, sigmaUs: 10 }, createRng(3));
    expectClose(sampleStd(ar), 10 / Math.sqrt(1 - 0.81), { rel: 0.15 });
    expectClose(sampleStd(predictiveResidual(ar, { order: 1 })), 10, { rel: 0.06 });
  });
});

describe('trading sanity checks', () => {
  it('binomial tail and exact test power', () => {
    expectClose(binomialUpperTail(2, 2, 0.5), 0.25, { abs: 1e-15 });
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    // n = 15 at p0 = 0.5: P(X ≥ 12) = 0.0176 ≤ 0.05 and P(X ≥ 11) = 0.059 > 0.05.
    expect(confirmationPower(15, 0.5, 0.8).criticalWins).toBe(12);
    expect(confirmationPower(15, 0.5, 0.8).power).toBeCloseTo(binomialUpperTail(12, 15, 0.8), 12);
  });
  it('trades needed to confirm > 0.8: a few hundred when the truth is 0.85 (normal approximation ≈ 368)', () => {
    const n = tradesNeeded(0.8, 0.85);
    expect(n).toBeGreaterThan(250);
    expect(n).toBeLessThan(450);
    expect(tradesNeeded(0.8, 0.95)).toBeLessThan(60);
    expect(tradesNeeded(0.8, 0.8)).toBeNaN();
  });
  it('trades at the threshold, per week', () => {
    const times = Array.from({ length: 169 }, (_, i) => i * 3.6e6);
    const p = times.map((_, i) => (i % 10 === 0 ? 0.9 : i % 10 === 1 ? 0.1 : 0.6));
    const r = tradesAtThreshold(p, times, 0.8);
    expect(r.trades).toBe(34);
    expectClose(r.weeks, (168 * 3.6e6) / WEEK_MS, { rel: 1e-12 });
    expect(r.perWeek).toBeCloseTo(34, 10);
  });
  it('implied Sharpe: for normal returns E|r|/σ = √(2/π)', () => {
    const rng = createRng(4);
    const r = Array.from({ length: 200000 }, () => 0.01 * rng.normal());
    const s = impliedSharpe(r, 0.8, 8760);
    const g = 0.6 * Math.sqrt(2 / Math.PI);
    expectClose(s.sharpePerTrade, g / Math.sqrt(1 - g * g), { rel: 0.01 });
    expectClose(s.sharpeAnnual, s.sharpePerTrade * Math.sqrt(8760), { rel: 1e-12 });
    expect(impliedSharpe(r, 0.5, 8760).sharpePerTrade).toBeCloseTo(0, 10);
  });
  it('0.50 in a two-decimal log; lean vs last move; volatility regimes from trailing volatility', () => {
    expect(shareLoggedAsHalf([0.5, 0.504, 0.506, 0.49, Number.NaN])).toBe(0.5);
    const closes = [100, 101, 100, 101, 100, 101, 100];
    const contrarian = closes.map((_, t) => (t === 0 ? 0.5 : closes[t] > closes[t - 1] ? 0.4 : 0.6));
    expect(leanVsLastMove(contrarian, closes).correlation).toBeCloseTo(-1, 12);
    const rng = createRng(5);
    const c = [100];
    for (let t = 1; t < 600; t++) c.push(c[t - 1] * Math.exp((t < 300 ? 0.001 : 0.02) * rng.normal()));
    const reg = volatilityRegimes(c, 50);
    expect(reg[10]).toBe(-1);
    expect(reg[200]).toBeLessThan(2);
    expect(reg[550]).toBe(2);
    // The trailing volatility is causal: a label changes only through the (whole-sample) cut points.
    expect(volatilityRegimes(c.slice(0, 400), 50).slice(50, 400).every((v) => v >= 0)).toBe(true);
  });
});
