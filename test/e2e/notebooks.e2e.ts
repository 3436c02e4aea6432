/**
 * Every shipped notebook opens in Chromium, every cell settles without error, verdicts are well formed,
 * axe-core finds no serious or critical accessibility violation, and no console error appears. Charts have no
 * colliding text and no coinciding lines drawn alike; inline formulas do not break; the first screen (1280×720)
 * shows the headline figures and the first verdict, and no verdict appears twice.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, BASE } from './browser';
import { seriousViolations } from './axe';
import { brokenFormulas, chartTextCollisions, firstScreen, hiddenCoincidingLines, missingValueText, presenterOverflows } from './pageChecks';
import { VERDICTS } from '../../src/engine/claims/verdict';

const ids = readdirSync('notebooks')
  .filter((f) => f.endsWith('.md'))
  .map((f) => /^id:\s*([a-z0-9-]+)/m.exec(readFileSync(`notebooks/${f}`, 'utf8'))?.[1] ?? f.replace(/\.md$/, ''));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('every notebook in the browser', () => {
  it.each(ids)('%s: all cells done, verdicts shown, accessible, no console errors', { timeout: 400_000 }, async (id) => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/${id}`);
    await waitForCells(page, 360_000);
    const states = await page.$$eval('[data-cell]', (cells) => cells.map((c) => `${c.getAttribute('data-cell')}:${c.getAttribute('data-state')}`));
    const bad = states.filter((s) => !s.endsWith(':done'));
    const errors = await page.$$eval('[data-testid="cell-error"]', (els) => els.map((e) => e.textContent));
    expect(bad, errors.join('\n')).toEqual([]);
    const verdicts = await page.$$eval('[data-testid="verdict"]', (els) => els.map((e) => e.getAttribute('data-verdict')));
    for (const v of verdicts) expect(VERDICTS).toContain(v);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await missingValueText(page)).toEqual([]);
    expect(await chartTextCollisions(page)).toEqual([]);
    expect(await hiddenCoincidingLines(page)).toEqual([]);
    expect(await brokenFormulas(page)).toEqual([]);
    // The first screen (1280×720) states the question, the headline figures and the verdict; each verdict once.
    const first = await firstScreen(page);
    expect(first.metricsTop, 'headline figures on the first screen').not.toBeNull();
    expect(first.metricsTop!, 'headline figures start within the first 720 px').toBeLessThan(720);
    // The ledger's first screen is its table of headline verdicts (one row per claim); the cards follow below it.
    if (id === 'claims-ledger') expect(first.tableTop!, 'verdict table starts within the first 720 px').toBeLessThan(720);
    else if (first.verdicts) expect(first.verdictTop!, 'first verdict starts within the first 720 px').toBeLessThan(720);
    expect(first.duplicateVerdicts, 'verdicts shown twice').toEqual([]);
    const presenter = await presenterOverflows(page);
    expect(presenter.overflows, `${presenter.screens} screens`).toEqual([]);
    assertClean();
    await context.close();
  });
});
