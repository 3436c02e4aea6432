/**
 * The WebAssembly SIMD kernels in the browser, as a user would meet them: code typed into a notebook
 * cell runs in the notebook's Web Worker, where a 16-qubit random circuit runs on the wasm kernels
 * (loaded from the production bundle) and matches the pure-TS kernels to rounding.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, replaceEditorText, figure, BASE } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Seeded (Park–Miller) random 150-gate circuit on 16 qubits; wasm first, then the same circuit with TS forced.
const CHECK = `const wasmCheck = (() => {
  const n = 16, ids = ['u3', 'h', 't', 'rz', 'ry', 'cz', 'crz', 'cp', 'cx', 'swap'];
  let s = 12345;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const ops = [];
  for (let k = 0; k < 150; k++) {
    const id = ids[Math.floor(r() * ids.length)], g = quantum.GATES[id];
    const a = Math.floor(r() * n);
    let b = Math.floor(r() * (n - 1));
    if (b >= a) b++;
    ops.push({ kind: 'gate', gate: id, qubits: g.arity === 1 ? [a] : [a, b], params: g.params.map(() => r() * 6) });
  }
  const circ = quantum.withOps(quantum.createCircuit(n), ops);
  const active = quantum.wasmKernelsActive();
  const kernels = quantum.measureGateThroughput(n, { gates: 30, reps: 1, seed: 'e2e' }, () => performance.now()).kernels;
  const w = quantum.simulate(circ).state.amps;
  quantum.setWasmKernels(false);
  const t = quantum.simulate(circ).state.amps;
  quantum.setWasmKernels(true);
  let diff = 0;
  for (let i = 0; i < w.length; i++) diff = Math.max(diff, Math.abs(w[i] - t[i]));
  return { active, kernels, diff };
})();
const wasmActive = wasmCheck.active;
const wasmKernelsUsed = wasmCheck.kernels;
const wasmVsTsMaxDiff = wasmCheck.diff;`;

describe('wasm kernels in the browser', () => {
  it('a notebook cell (Web Worker) runs a 16-qubit circuit on the wasm kernels, equal to the TS kernels', { timeout: 180_000 }, async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/qubits-gates-measurement`);
    await waitForCells(page);
    const id = (await page.locator('section.cell-code[data-cell]').last().getAttribute('data-cell'))!;
    // One line: Monaco's auto-indent on typed newlines would reshape a multi-line program.
    await replaceEditorText(page, id, CHECK.replace(/\n\s*/g, ' '));
    await page.locator(`[data-cell="${id}"]`).getByTestId('run').click();
    await page.waitForFunction(() => document.querySelector('.kv[data-name="wasmVsTsMaxDiff"] dd') !== null, undefined, { timeout: 120_000 });
    expect(await figure(page, 'wasmActive')).toBe('true');
    expect(await figure(page, 'wasmKernelsUsed')).toBe('wasm');
    const diff = Number(await figure(page, 'wasmVsTsMaxDiff'));
    expect(diff).toBeGreaterThanOrEqual(0);
    expect(diff).toBeLessThan(1e-10);
    await context.close();
  });
});
