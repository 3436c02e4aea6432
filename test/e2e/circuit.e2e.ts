/**
 * The circuit editor and diagram views, as a user drives them: place, parametrise, move, delete and undo
 * by mouse and by keyboard; QASM text ↔ diagram both ways; the share link restores the circuit; the step
 * slider; axe-core on the editor.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, openPage, waitForCells, BASE } from './browser';
import { seriousViolations } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const NB = `${BASE}#/nb/qubits-gates-measurement`;
const qasm = (page: Page) => page.locator('[data-testid="qasm-text"]').inputValue();
const canvas = (page: Page) => page.locator('[data-testid="editor-canvas"]');
const slot = (page: Page, q: number, col: number) => canvas(page).locator(`rect.slot[data-q="${q}"][data-col="${col}"]`);
/** Ops drawn in the editor. */
const opCount = (page: Page) => canvas(page).locator('g.op').count();
/** The downstream diagram (drawn from the circuit the worker simulated) says how many operations it has. */
async function downstreamOps(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelector('[data-testid="circuit-view"] figcaption')?.textContent?.includes(`${k} operations`), n, { timeout: 30_000 });
}

describe('circuit editor', () => {
  it('places, parametrises, moves, deletes and undoes with the mouse; the worker re-runs the circuit', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(NB);
    await waitForCells(page);
    expect(await opCount(page)).toBe(3);

    // Place X on q1 after the S gate.
    await page.locator('[data-tool="x"]').click();
    await expect.poll(() => page.locator('[data-testid="tool-blurb"]').textContent()).toContain('quantum NOT');
    await slot(page, 1, 3).click();
    expect(await qasm(page)).toContain('x q[1];');
    await downstreamOps(page, 4);

    // Place RY on q0, then select it (tool put away) and set θ = π/4.
    await page.locator('[data-tool="ry"]').click();
    await slot(page, 0, 4).click();
    await page.keyboard.press('Escape');
    await canvas(page).locator('g[data-gate="ry"]').click();
    await page.locator('[data-testid="param-theta"]').fill('pi/4');
    await page.locator('[data-testid="apply-params"]').click();
    expect(await qasm(page)).toContain('ry(pi/4) q[0];');
    await expect.poll(() => canvas(page).locator('g[data-gate="ry"] text').first().textContent()).toBe('RY(π/4)');

    // Drag it onto wire q1.
    const from = await canvas(page).locator('g[data-gate="ry"] rect').first().boundingBox();
    const to = await slot(page, 1, 4).boundingBox();
    if (!from || !to) throw new Error('no boxes');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(await qasm(page)).toContain('ry(pi/4) q[1];');

    // Delete it, undo, redo.
    await canvas(page).locator('g[data-gate="ry"]').click();
    await page.locator('[data-testid="delete"]').click();
    expect(await qasm(page)).not.toContain('ry(');
    await page.locator('[data-testid="undo"]').click();
    expect(await qasm(page)).toContain('ry(pi/4) q[1];');
    await page.locator('[data-testid="redo"]').click();
    expect(await qasm(page)).not.toContain('ry(');
    await downstreamOps(page, 4);
    assertClean();
    await context.close();
  });

  it('does the same from the keyboard alone, including a two-qubit gate picked wire by wire', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(NB);
    await waitForCells(page);
    // Choose H with the keyboard: focus its palette button and press Enter (focus moves to the diagram).
    await page.locator('[data-tool="h"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('editor-canvas');
    // Cursor starts at q0, column 1: go to q1, column 4 (the free slot) and place.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await qasm(page)).toMatch(/s q\[1\];[^\n]*\nh q\[1\];/);

    // CNOT: control q1, target q0, picked with Enter on each wire.
    await page.locator('[data-tool="cx"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter'); // q1 (control)
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter'); // q0 (target)
    expect(await qasm(page)).toContain('cx q[1],q[0];');
    expect(await opCount(page)).toBe(5);

    // Put the tool away, select the H by moving onto it, move it up with Shift+↑, delete it, undo.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="editor-status"]').textContent()).toContain('Selected H');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await qasm(page)).toContain('h q[0];\ncx q[1],q[0];');
    await page.keyboard.press('Delete');
    expect(await opCount(page)).toBe(4);
    await page.keyboard.press('Control+z');
    expect(await opCount(page)).toBe(5);
    await page.keyboard.press('Control+y');
    expect(await opCount(page)).toBe(4);
    assertClean();
    await context.close();
  });

  it('QASM text ↔ diagram: an invalid edit keeps the diagram and shows line and column; a valid one redraws; the share link restores it', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(NB);
    await waitForCells(page);
    const text = page.locator('[data-testid="qasm-text"]');
    await text.fill('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\nh q[0];\ncx q[0],q[7];\n');
    await expect.poll(() => page.locator('[data-testid="qasm-error"]').textContent()).toMatch(/Line 5, column \d+:/);
    expect(await opCount(page)).toBe(3); // the last valid diagram (the Bell + S circuit)
    const ghz = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\nh q[0];\ncx q[0],q[1];\ncx q[1],q[2];\n';
    await text.fill(ghz);
    await expect.poll(() => page.locator('[data-testid="qasm-error"]').count()).toBe(0);
    expect(await canvas(page).locator('g[data-gate="cx"]').count()).toBe(2);
    await downstreamOps(page, 3);
    // Diagram → text and back: an edit in the diagram rewrites the text, which parses to the drawn circuit.
    await page.locator('[data-tool="t"]').click();
    await slot(page, 2, 3).click();
    expect(await qasm(page)).toContain('t q[2];');

    // The share link (the page URL) carries the circuit.
    await expect.poll(() => page.url()).toContain('/nb/qubits-gates-measurement/');
    const link = page.url();
    const expected = await qasm(page);
    await context.close();
    const again = await openPage(browser);
    await again.page.goto(link);
    await waitForCells(again.page);
    expect(await qasm(again.page)).toBe(expected);
    expect(await canvas(again.page).locator('g.op').count()).toBe(4);
    await downstreamOps(again.page, 4);
    assertClean();
    again.assertClean();
    await again.context.close();
  });

  it('the step slider and arrow keys show the state after each column, and the page passes axe-core', async () => {
    const { page, context, assertClean } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(NB);
    await waitForCells(page);
    const view = page.locator('[data-testid="circuit-view"]').first();
    await expect.poll(() => view.locator('[data-testid="state-panel"]').getAttribute('data-applied')).toBe('3');
    await view.locator('.circuit-scroll').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => view.locator('[data-testid="step-output"]').textContent()).toBe('after column 1 of 3');
    // After H alone: |00⟩ and |01⟩ (q0 is the rightmost bit), no entanglement yet.
    expect(await view.locator('[data-testid="state-panel"] tr[data-ket]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ket')))).toEqual(['|00⟩', '|01⟩']);
    await page.keyboard.press('Home');
    await expect.poll(() => view.locator('[data-testid="step-output"]').textContent()).toContain('initial state');
    expect(await seriousViolations(page)).toEqual([]);
    assertClean();
    await context.close();
  });

  it('drag from the palette places a gate; the diagram downloads as SVG and PNG and is in the offline report with its QASM twin', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(NB);
    await waitForCells(page);
    await page.locator('[data-tool="z"]').dragTo(slot(page, 0, 3), { targetPosition: { x: 5, y: 20 } });
    expect(await qasm(page)).toContain('z q[0];');
    await downstreamOps(page, 4);
    await waitForCells(page);

    const download = async (button: Locator) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
      return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
    };
    const view = page.locator('[data-testid="circuit-view"]').first();
    const svg = await download(view.getByTestId('export-svg'));
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/<svg[^>]*class="circuit-svg"/);
    expect(svg.bytes.toString('utf8')).toContain('data-gate="z"');
    const png = await download(view.getByTestId('export-png'));
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    await page.getByTestId('export-menu').click();
    const report = (await download(page.getByTestId('export-report'))).bytes.toString('utf8');
    expect(report).not.toMatch(/<script/i);
    expect(report).toMatch(/<svg[^>]*class="circuit-svg"/);
    expect(report).toContain('data-gate="z"');
    expect(report).toContain('z q[0];'); // the QASM listing, the diagram's text twin
    assertClean();
    await context.close();
  });

  it('virtual-qubits: cuts chosen by clicking a wire and a gate are drawn, shaded by fragment and planned', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/virtual-qubits`);
    await waitForCells(page, 120_000);
    const pick = page.locator('[data-testid="circuit-view"]').nth(1);
    expect(await pick.locator('.wire-cut').count()).toBe(0);
    // Left edge of the slot: the wire itself, between two gates.
    await pick.locator('rect.slot[data-q="3"][data-col="5"]').click({ position: { x: 4, y: 20 } });
    await expect.poll(() => page.locator('input[data-input="myCuts"]').inputValue()).toBe('[{"kind":"wire","qubit":3,"afterOp":18}]');
    await expect.poll(() => pick.locator('.wire-cut').count(), { timeout: 30_000 }).toBe(1);
    await pick.locator('g[data-gate="cx"]').nth(2).click();
    await expect.poll(() => pick.locator('g.op[data-op="18"] line[stroke-dasharray]').count(), { timeout: 30_000 }).toBe(1);
    await waitForCells(page, 120_000);
    const fragments = await pick.locator('rect.fragment').evaluateAll((rs) => new Set(rs.map((r) => r.getAttribute('data-fragment'))).size);
    expect(fragments).toBe(3);
    expect(await page.locator('[data-metric="fragments (qubits each)"] .metric-value').textContent()).toBe('3 + 1 + 5');
    // A click on a drawn cut removes it.
    await pick.locator('.wire-cut').click();
    await expect.poll(() => page.locator('input[data-input="myCuts"]').inputValue()).toBe('[{"kind":"gate","opIndex":18}]');
    assertClean();
    await context.close();
  });

  it('the palette is one tab stop with arrow keys inside; an invalid QASM draft survives a reload with its error', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(NB);
    await waitForCells(page);
    await page.locator('[data-tool="x"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tool'))).toBe('y');
    expect(await page.locator('.palette button[tabindex="0"]').count()).toBe(1);

    const broken = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ncx q[0];\n';
    await page.locator('[data-testid="qasm-text"]').fill(broken);
    await expect.poll(() => page.locator('[data-testid="qasm-error"]').textContent()).toMatch(/^Line 5, column/);
    await page.reload();
    await waitForCells(page);
    expect(await qasm(page)).toBe(broken);
    expect(await page.locator('[data-testid="qasm-error"]').textContent()).toMatch(/^Line 5, column/);
    expect(await opCount(page)).toBe(3); // the diagram is still the last valid circuit
    assertClean();
    await context.close();
  });
});
