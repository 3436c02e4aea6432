/** axe-core on every page (home and each notebook, after its cells settle): no serious or critical violations. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, waitForCells, BASE } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ids = readdirSync('notebooks').filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).filter((id) => id !== 'claims-ledger');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  it('home page', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(BASE);
    await page.waitForSelector('.nb-card');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(ids)('notebook %s', { timeout: 240_000 }, async (id) => {
    const { page, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/${id}`);
    await waitForCells(page, 200_000);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('walkthrough view and speaker notes', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${BASE}#/nb/luck-or-skill?present&step=2`);
    await waitForCells(page);
    await page.keyboard.press('n');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
