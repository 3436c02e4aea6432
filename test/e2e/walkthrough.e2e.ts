/** What a presenter does: step through a notebook with the keyboard, read notes, share a link at a step with code hidden. */
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

const PROJECTOR = { width: 1280, height: 720 };

describe('walkthrough mode', () => {
  it('steps through every section with the keyboard to the end, shows speaker notes, and never scrolls sideways at 1280×720', async () => {
    const { page, context, assertClean } = await openPage(browser, { viewport: PROJECTOR });
    await page.goto(`${BASE}#/nb/luck-or-skill`);
    await waitForCells(page);
    await page.getByTestId('present').click();
    const label = page.getByTestId('step-label');
    await expect(label.textContent()).resolves.toMatch(/^Step 1 of 3/);
    await page.keyboard.press('n');
    await expect(page.getByTestId('speaker-notes').textContent()).resolves.toContain('Start here with newcomers');
    // Notes sit beside the stage, not over it.
    const [notesBox, stageBox] = [await page.getByTestId('speaker-notes').boundingBox(), await page.getByTestId('stage').boundingBox()];
    expect(notesBox!.x).toBeGreaterThanOrEqual(stageBox!.x + stageBox!.width);
    for (let i = 2; i <= 3; i++) {
      // A step taller than the screen is split into parts: ArrowRight walks through them first.
      for (let k = 0; k < 10 && !new RegExp(`^Step ${i} of 3`).test((await label.textContent()) ?? ''); k++) await page.keyboard.press('ArrowRight');
      await expect(label.textContent()).resolves.toMatch(new RegExp(`^Step ${i} of 3`));
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(PROJECTOR.height + 1);
      await waitForCells(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PROJECTOR.width);
    }
    for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight'); // past the end: stays on the last step
    await expect(label.textContent()).resolves.toMatch(/^Step 3 of 3: How many decisions would it take\?/);
    await page.waitForFunction(() => !document.querySelector('[data-saving]')); // the URL is written once changes pause
    expect(page.url()).toMatch(/\?present&step=3$/);
    await page.keyboard.press('Home');
    await expect(label.textContent()).resolves.toMatch(/^Step 1 of 3/);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('step-label').count()).toBe(0);
    assertClean();
    await context.close();
  });

  it('a link opens at step 3 with the code and controls hidden for an audience', async () => {
    const { page, context, assertClean } = await openPage(browser, { viewport: PROJECTOR });
    await page.goto(`${BASE}#/nb/luck-or-skill?present&step=3&hide=code,controls`);
    await waitForCells(page);
    await expect(page.getByTestId('step-label').textContent()).resolves.toMatch(/^Step 3 of 3/);
    expect(await page.locator('pre.code').count()).toBe(0);
    // Presenter mode shows outputs only: no inspector dumps, no sliders with hide=controls.
    expect(await page.locator('[data-testid="values"]').count()).toBe(0);
    expect(await page.locator('input[type="range"]').count()).toBe(0);
    expect(await page.getByTestId('edit').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show code' }).count()).toBe(0);
    expect(await page.getByTestId('copy-link').count()).toBe(0);
    // The figures of that step are there (the verdict itself opens the notebook, on step 1).
    expect(await page.locator('.metrics .metric').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PROJECTOR.width);
    assertClean();
    await context.close();
  });
});

describe('onboarding tour', () => {
  it('lists the tour in order and remembers which notebooks were opened', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(BASE);
    await expect(page.getByTestId('tour').textContent()).resolves.toMatch(/0 of \d+ opened/);
    await page.getByTestId('tour-next').click();
    await waitForCells(page);
    await page.goto(BASE);
    await expect(page.getByTestId('tour').textContent()).resolves.toMatch(/1 of \d+ opened/);
    assertClean();
    await context.close();
  });
});

describe('presentation options', () => {
  it('?present=0 does not present; hide=code hides code and values but keeps figures', async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill?present=0&hide=code`);
    await waitForCells(page);
    expect(await page.getByTestId('step-label').count()).toBe(0);
    expect(await page.locator('[data-testid="values"]').count()).toBe(0);
    expect(await page.locator('pre.code').count()).toBe(0);
    expect(await page.locator('[data-testid="verdict"]').count()).toBeGreaterThan(0);
    expect(await page.title()).toMatch(/^Luck or skill/);
    assertClean();
    await context.close();
  });
});
