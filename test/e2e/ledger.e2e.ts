/** What a reviewer does with the claims ledger: open it, change a preset, see the affected verdict change. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, BASE } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('claims ledger', () => {
  it('shows a verdict for every claim with its rule, and a preset change updates only the coherence experiment', { timeout: 600_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/claims-ledger`);
    await waitForCells(page, 540_000);
    const states = await page.$$eval('[data-cell]', (cells) => cells.map((c) => c.getAttribute('data-state')));
    expect(states.every((s) => s === 'done')).toBe(true);
    expect(await page.$eval('.kv[data-name="missing"] dd', (e) => e.textContent)).toBe('Array(0) []');
    const before = await page.locator('[data-cell="ledger"] .kv[data-name="coherenceVerdict"] dd').getAttribute('data-value');
    expect(before).toBe('partly supported');
    const timingRunsBefore = await page.locator('[data-cell="runTiming"] .cell-status').textContent();

    await page.selectOption('select[data-input="presetId"]', 'ibm_kingston');
    await page.waitForFunction(() => document.querySelector('[data-cell="runCoherence"]')?.getAttribute('data-state') !== 'done');
    await waitForCells(page, 300_000);
    const after = await page.locator('[data-cell="ledger"] .kv[data-name="coherenceVerdict"] dd').getAttribute('data-value');
    expect(after).toBe('refuted');
    // Only the affected experiment re-ran: the timing experiment kept its earlier result.
    expect(await page.locator('[data-cell="runTiming"] .cell-status').textContent()).toBe(timingRunsBefore);
    assertClean();
    await context.close();
  });
});
