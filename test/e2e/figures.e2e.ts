/**
 * Figure and error presentation in the browser: a QASM error in a cell is shown at the QASM line and column
 * with the offending line and a caret (not at the JavaScript call site), and the aggregators notebook does not
 * scroll sideways on a 390 px phone (and its short formulas do not break across lines there).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, replaceEditorText, BASE } from './browser';
import { brokenFormulas } from './pageChecks';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('errors where the cause is', () => {
  it('a cell that parses bad QASM names the QASM line and column and shows that line with a caret', { timeout: 120_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/qubits-gates-measurement`);
    await waitForCells(page, 90_000);
    const cell = page.locator('[data-cell="circuitCell"]');
    // Line 1 is a comment, so the JavaScript call site is line 2 of the cell; the QASM error is on QASM line 3.
    await replaceEditorText(page, 'circuitCell', "// parse a circuit typed by hand\nconst circuit = quantum.parseQasm('OPENQASM 2.0;\\nqreg q[2];\\ncx q[0] q[1];');");
    await cell.getByTestId('run').click();
    await page.waitForFunction(() => document.querySelector('[data-cell="circuitCell"]')?.getAttribute('data-state') === 'error', undefined, { timeout: 30_000 });
    const error = cell.getByTestId('cell-error').first();
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/QASM line 3, column \d+:/);
    expect(text).not.toMatch(/of this cell/); // no JavaScript position
    const frame = (await cell.getByTestId('error-frame').first().textContent()) ?? '';
    const [src, caret] = frame.split('\n');
    expect(src).toBe('3 | cx q[0] q[1];');
    const column = Number(/column (\d+)/.exec(text)![1]);
    expect(caret.indexOf('^')).toBe('3 | '.length + column - 1);
    assertClean();
    await context.close();
  });
});

describe('a phone-width page', () => {
  it('the aggregators notebook does not scroll sideways at 390 px', { timeout: 400_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser, { viewport: { width: 390, height: 800 } });
    await page.goto(`${BASE}#/nb/aggregators`);
    await waitForCells(page, 360_000);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.client).toBe(390);
    // Short inline formulas ("RY(2 arcsin √p_i)") stay on one line at phone width too.
    expect(await brokenFormulas(page)).toEqual([]);
    assertClean();
    await context.close();
  });
});
