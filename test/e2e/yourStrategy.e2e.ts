/**
 * A freqtrade user's path: open "Your strategy", drop a backtest export (with its .meta.json) and a hyperopt file,
 * see the report and the verdicts; reload (the file is not stored: one banner asks for it, the default shows);
 * open the share link in a fresh browser context and see the same "drop the file" banner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { BASE, launch, openPage, waitForCells } from './browser';
import { seriousViolations } from './axe';

const DIR = 'public/data/freqtrade/';

describe('your strategy: own files in the browser', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('drop export + hyperopt → report and verdict; reload and share link → drop-the-file banner', async () => {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(`${BASE}#/nb/your-strategy`);
    await waitForCells(page, 90_000);
    await expect.poll(() => page.locator('[data-testid="verdict"]').count()).toBe(2);

    await page.locator('input[data-file-input="backtest"]').setInputFiles([`${DIR}backtest-result_multistrat.json`, `${DIR}backtest-result_multistrat.meta.json`]);
    await expect.poll(() => page.getByText('Using your file: backtest-result_multistrat.json').count()).toBe(1);
    await page.locator('input[data-file-input="hyperopt"]').setInputFiles(`${DIR}strategy_SampleStrategy.fthypt`);
    await expect.poll(() => page.getByText('Using your file: strategy_SampleStrategy.fthypt').count()).toBe(1);
    await waitForCells(page, 90_000);
    const claims = await page.locator('[data-testid="verdict"] .verdict-claim').allTextContents();
    expect(claims.join(' | ')).toContain('StrategyTestV2 has an edge beyond luck');
    expect(await page.locator('[data-testid="verdict"]').first().getAttribute('data-verdict')).toMatch(/supported|refuted|not measurable here/);
    expect(await page.locator('[data-cell][data-state="error"]').count()).toBe(0);

    // A file of the wrong kind is refused where it was dropped, naming the file; the report keeps working.
    await page.locator('input[data-file-input="backtest"]').setInputFiles(`${DIR}strategy_SampleStrategy.fthypt`);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'strategy_SampleStrategy.fthypt' }).count()).toBeGreaterThan(0);

    const link = await page.evaluate(() => location.href);
    expect(link).toMatch(/#\/nb\/your-strategy\/x1\./);

    await page.reload();
    await waitForCells(page, 90_000);
    await expect.poll(() => page.getByText(/Drop `backtest-result_multistrat\.json` \(sha256 ae17bf91805d…/).count()).toBe(1);
    expect(await page.locator('select[data-input="backtest"]').inputValue()).toBe('backtest-result');
    w.assertClean();
    await w.context.close();

    const fresh = await openPage(browser);
    await fresh.page.goto(link);
    await waitForCells(fresh.page, 90_000);
    await expect.poll(() => fresh.page.getByText(/Drop `backtest-result_multistrat\.json` \(sha256 ae17bf91805d…, 235,499 bytes\) to reproduce; showing the shipped default meanwhile/).count()).toBe(1);
    await expect.poll(() => fresh.page.getByText(/Drop `strategy_SampleStrategy\.fthypt`/).count()).toBe(1);
    expect(await fresh.page.locator('select[data-input="backtest"]').inputValue()).toBe('backtest-result');
    expect(await seriousViolations(fresh.page)).toEqual([]);
    fresh.assertClean();
    await fresh.context.close();
  });
});
