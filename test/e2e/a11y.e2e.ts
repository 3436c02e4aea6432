/** axe-core on the pages that are not notebooks (each notebook is checked in notebooks.e2e.ts after its cells settle). */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, BASE } from './browser';
import { seriousViolations } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core)', () => {
  it('home page, with the tour', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(BASE);
    await page.waitForSelector('.nb-card');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('walkthrough view with speaker notes', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${BASE}#/nb/luck-or-skill?present&step=2`);
    await waitForCells(page);
    await page.keyboard.press('n');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('a notebook opened from a malformed link (error banner)', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill/x1.@@`);
    await waitForCells(page);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
