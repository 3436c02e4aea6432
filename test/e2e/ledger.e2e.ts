/**
 * What a reviewer does with the claims ledger: open it, see every claim once with its readings and a link to
 * its experiment, change a preset, see only the affected experiment re-run and its verdict change.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForCells, BASE } from './browser';
import { CLAIMS } from '../../src/engine/claims/registry';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('claims ledger', () => {
  it('shows every claim once with its readings and a link to its notebook; a preset change re-runs only the coherence experiment', { timeout: 900_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/claims-ledger`);
    await waitForCells(page, 800_000);
    const states = await page.$$eval('[data-cell]', (cells) => cells.map((c) => c.getAttribute('data-state')));
    expect(states.every((s) => s === 'done')).toBe(true);
    expect(await page.$eval('.kv[data-name="missing"] dd', (e) => e.textContent)).toBe('Array(0) []');

    // Every registered claim exactly once, its readings listed, its experiment linked.
    const shown = await page.$$eval('[data-cell] [data-testid="verdict"][data-claim]', (els) => els.map((e) => ({
      claim: e.getAttribute('data-claim'),
      readings: [...e.querySelectorAll('[data-reading]')].map((r) => r.getAttribute('data-reading')),
      links: [...e.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    })));
    expect(shown.map((s) => s.claim).sort()).toEqual(CLAIMS.map((c) => c.id).sort());
    for (const c of CLAIMS) {
      const s = shown.find((x) => x.claim === c.id)!;
      if (c.readings.length > 1) expect(s.readings, c.id).toEqual(c.readings.map((r) => r.id));
      expect(s.links, c.id).toContain(`#/nb/${c.notebook}`);
    }
    expect(await page.locator('[data-cell="ledger"] .kv[data-name="coherenceVerdict"] dd').getAttribute('data-value')).toBe('supported');
    // The table's Experiment column links every row to its notebook.
    const experimentLinks = await page.$$eval('table', (tables) => {
      const t = tables.find((x) => /one headline verdict each/.test(x.querySelector('caption')?.textContent ?? ''));
      return [...(t?.querySelectorAll('tbody tr td:last-child') ?? [])].map((td) => td.querySelector('a')?.getAttribute('href') ?? null);
    });
    expect(experimentLinks.sort()).toEqual(CLAIMS.map((c) => `#/nb/${c.notebook}`).sort());

    await page.selectOption('select[data-input="presetId"]', 'ibm_kingston');
    await page.waitForFunction(() => document.querySelector('[data-cell="experiments"]')?.getAttribute('data-state') !== 'done');
    await waitForCells(page, 300_000);
    expect(await page.locator('[data-cell="ledger"] .kv[data-name="coherenceVerdict"] dd').getAttribute('data-value')).toBe('refuted');
    // Only the affected experiment re-ran: the others (the timing experiments included) came from this session's cache.
    expect(await page.locator('[data-cell="experiments"] .kv[data-name="experimentsRerun"] dd').getAttribute('data-value')).toBe('coherence-50ms');
    // A link opens the experiment's notebook.
    await page.locator('[data-testid="verdict"][data-claim="coherence-95-50ms"] a[href="#/nb/coherence-50ms"]').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/nb/coherence-50ms'));
    await page.waitForSelector('[data-cell]');
    assertClean();
    await context.close();
  });
});
