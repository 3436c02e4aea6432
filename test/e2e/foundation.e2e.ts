/**
 * What a user does with the playground foundation, clicked through in a real Chromium:
 * home → notebook → input → figures; edit a cell; cancel a runaway cell; reload; bad links; golden links.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, figure, setSlider, replaceEditorText, BASE } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('playground foundation', () => {
  it('home lists notebooks with summaries and claims; a notebook opens at its own URL', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(BASE);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Notebooks');
    const card = page.locator('a.nb-card[href="#/nb/luck-or-skill"]');
    await expect(card.locator('.nb-claims').textContent()).resolves.toContain('profitable-80');
    await card.click();
    await page.waitForURL(/#\/nb\/luck-or-skill/);
    await waitForCells(page);
    expect(await page.locator('h1').first().textContent()).toContain('Luck or skill');
    expect(await page.locator('input[data-input="decisions"]').inputValue()).toBe('500');
    expect(Number(await figure(page, 'wins'))).toBeGreaterThan(200);
    assertClean();
    await context.close();
  });

  it('changing an input re-runs its dependents and the figures change', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill`);
    await waitForCells(page);
    const before = await figure(page, 'wins');
    const neededBefore = await figure(page, 'decisionsNeeded');
    await setSlider(page, 'trueHitRate', 0.7);
    await page.waitForFunction((old) => {
      const v = document.querySelector('.kv[data-name="decisionsNeeded"] dd')?.getAttribute('data-value');
      return v !== undefined && v !== old;
    }, neededBefore);
    await waitForCells(page);
    expect(await figure(page, 'wins')).not.toBe(before);
    expect(await figure(page, 'decisionsNeeded')).not.toBe(neededBefore);
    // The URL now carries the experiment: opening it elsewhere gives the same numbers.
    const url = page.url();
    expect(url).toMatch(/#\/nb\/luck-or-skill\/x1\./);
    const wins = await figure(page, 'wins');
    const other = await openPage(browser);
    await other.page.goto(url);
    await waitForCells(other.page);
    expect(await figure(other.page, 'wins')).toBe(wins);
    other.assertClean();
    await other.context.close();
    assertClean();
    await context.close();
  });

  it('editing a code cell updates its dependents; the edit survives a reload; reset restores the original', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill`);
    await waitForCells(page);
    await replaceEditorText(page, 'simulate', 'const outcomes = new Uint8Array(decisions).fill(1);\nconst wins = decisions;\nconst observedHitRate = wins / decisions;\n');
    await page.locator('[data-cell="simulate"]').getByTestId('run').click();
    await page.waitForFunction(() => document.querySelector('.kv[data-name="observedHitRate"] dd')?.getAttribute('data-value') === '1');
    await waitForCells(page);
    expect(await figure(page, 'lower95')).not.toBe('');
    expect(Number(await figure(page, 'lower95'))).toBeGreaterThan(0.99);
    await page.reload();
    await waitForCells(page);
    expect(await figure(page, 'observedHitRate')).toBe('1');
    expect(await page.locator('[data-cell="simulate"] .edited').count()).toBe(1);
    await page.getByTestId('reset').click();
    await waitForCells(page);
    expect(await figure(page, 'observedHitRate')).not.toBe('1');
    expect(page.url()).toMatch(/#\/nb\/luck-or-skill$/);
    assertClean();
    await context.close();
  });

  it('a cell that loops forever can be cancelled; the page stays responsive and other cells keep working', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill`);
    await waitForCells(page);
    await replaceEditorText(page, 'interval', 'while (true) {}\n');
    await page.locator('[data-cell="interval"]').getByTestId('run').click();
    await page.waitForSelector('[data-cell="interval"][data-state="running"]');
    // The main thread is free while the worker spins: a click and a round trip complete quickly.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(1))));
    expect(Date.now() - t0).toBeLessThan(2000);
    await page.locator('[data-cell="interval"]').getByTestId('cancel').click();
    await page.waitForSelector('[data-cell="interval"][data-state="blocked"]');
    expect(await page.locator('[data-cell="interval"] .cell-blocked').textContent()).toContain('Cancelled by you');
    await waitForCells(page);
    // Independent cells recomputed in the fresh worker and still react to inputs.
    await setSlider(page, 'decisions', 1000);
    await page.waitForFunction(() => document.querySelector('.kv[data-name="outcomes"] dd')?.textContent?.startsWith('Uint8Array(1000)'));
    await waitForCells(page);
    expect(await page.locator('[data-cell="simulate"]').getAttribute('data-state')).toBe('done');
    assertClean();
    await context.close();
  });

  it('a malformed share link shows what is wrong and the notebook still works with its defaults', async () => {
    const { page, assertClean, context } = await openPage(browser);
    for (const bad of ['x1.AAAA!!', 'x1.', 'x9.abc', 'x1.eJyrVkrLz1eyUkpKLFKqBQA']) {
      await page.goto(`${BASE}#/nb/luck-or-skill/${bad}`);
      await page.waitForSelector('.banner-error');
      expect(await page.locator('.banner-error').textContent()).toMatch(/could not be read/);
      await waitForCells(page);
      expect(await page.locator('input[data-input="decisions"]').inputValue()).toBe('500');
      // The lead block (headline figures and the verdict, first on the page) computed from the defaults.
      expect(await page.locator('[data-cell="lead"]').getAttribute('data-state')).toBe('done');
    }
    assertClean();
    await context.close();
  });

  it('golden links keep decoding and reproduce their figures', async () => {
    const golden = JSON.parse(readFileSync('test/fixtures/golden/figures.json', 'utf8')) as { link: string; figures: Record<string, string> }[];
    for (const g of golden) {
      const { page, assertClean, context } = await openPage(browser);
      await page.goto(`${BASE}${g.link}`);
      await waitForCells(page);
      // Edited code from a link is held back until the reader reviews the diff and agrees.
      for (const accept of await page.getByTestId('accept-code').all()) {
        expect(await page.locator('.untrusted .diff').first().textContent()).toContain('+ ');
        await accept.click();
      }
      await waitForCells(page);
      for (const [name, value] of Object.entries(g.figures)) expect(await figure(page, name), name).toBe(value);
      assertClean();
      await context.close();
    }
  });
});

describe('timers and jitter notebook', () => {
  it('measures this browser: cross-origin isolated under the preview headers, a 5 µs-class clock, and verdicts from the rules', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/timers-and-jitter`);
    await waitForCells(page, 120_000);
    expect(await figure(page, 'isolated')).toBe('true');
    const resolutionUs = Number(await figure(page, 'resolutionUs'));
    expect(resolutionUs).toBeGreaterThan(0);
    expect(resolutionUs).toBeLessThanOrEqual(100);
    const verdicts = await page.$$eval('[data-testid="verdict"]', (els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(verdicts).toHaveLength(3);
    expect(verdicts[2]).toBe('not measurable here');
    expect(await page.locator('[data-testid="verdict"] .verdict-rule').first().textContent()).toMatch(/p99 \|lateness\| = .* µs over \d+ ticks/);
    // The stopping rule: a scheduler far too coarse for 1 ms (animation frames, 16.7 ms apart) stops at 100 ticks.
    const rows = await page.$$eval('table', (tables) => {
      const t = tables.find((x) => /chained ticks/.test(x.querySelector('caption')?.textContent ?? ''));
      const heads = [...(t?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent?.trim() ?? '');
      return [...(t?.querySelectorAll('tbody tr') ?? [])].map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [heads[i], td.textContent?.trim() ?? ''])));
    });
    const raf = rows.find((r) => r.scheduler === 'requestAnimationFrame');
    expect(raf, JSON.stringify(rows)).toBeDefined();
    if (raf!.ran === 'true') expect(`${raf!['ticks timed']} ${raf!['stopped by']}`).toMatch(/^100 p95 ≥ 10\sms settled$/);
    expect(rows.find((r) => r.scheduler === 'MessageChannel')!['ticks timed']).toMatch(/^(100|150|200|250|300)$/);
    assertClean();
    await context.close();
  });
});
