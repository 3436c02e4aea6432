/**
 * Exports, clicked through in Chromium on `luck-or-skill`: chart SVG/PNG, table CSV/JSON, and the toolbar's
 * notebook .md, figures JSON and offline HTML report. The report is then opened in a fresh context with
 * networking off and every request recorded: it must show the same figures as the live page and fetch nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, openPage, waitForCells, figure, setSlider, replaceEditorText, BASE as DEFAULT_BASE } from './browser';
import { parseNotebook } from '../../src/notebook/format';

// E2E_BASE lets an engineer run this file against their own preview server without touching globalSetup.
const BASE = process.env.E2E_BASE ?? DEFAULT_BASE;
const EDIT_MARK = '// edited before export';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, button: Locator): Promise<{ name: string; path: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), path, bytes: readFileSync(path) };
}

async function menuDownload(page: Page, testId: string) {
  await page.getByTestId('export-menu').click();
  return download(page, page.getByTestId(testId));
}

async function editCell(page: Page, cellId: string, text: string) {
  await replaceEditorText(page, cellId, text);
  await page.locator(`[data-cell="${cellId}"]`).getByTestId('run').click();
}

describe('exports', () => {
  it('charts as SVG and PNG, tables as CSV and JSON, the notebook as .md, all figures as JSON, and an offline report with the same figures', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill`);
    await waitForCells(page);
    // A user edit and a changed input, so the exports must carry both.
    await setSlider(page, 'decisions', 1000);
    await page.waitForFunction(() => document.querySelector('.kv[data-name="outcomes"] dd')?.textContent?.startsWith('Uint8Array(1000)'));
    await waitForCells(page);
    const source = 'const outcomes = new Uint8Array(decisions);\nfor (let i = 0; i < decisions; i++) outcomes[i] = rng.next() < trueHitRate ? 1 : 0;\nconst wins = outcomes.reduce((a, b) => a + b, 0);\nconst observedHitRate = wins / decisions;\n';
    await editCell(page, 'simulate', `${EDIT_MARK}\n${source}`);
    await page.waitForSelector('[data-cell="simulate"] .edited');
    await waitForCells(page);
    const wins = await figure(page, 'wins');
    expect(Number(wins)).toBeGreaterThan(400);

    // Chart: standalone SVG that parses, and a PNG at twice the chart's size.
    const chart = page.locator('figure.plot').first();
    const chartCell = await chart.evaluate((el) => el.closest('[data-cell]')!.getAttribute('data-cell'));
    const svg = await download(page, chart.getByTestId('export-svg'));
    expect(svg.name).toBe(`luck-or-skill-${chartCell}.svg`);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? '', root: doc.documentElement.localName, texts: doc.querySelectorAll('text').length, width: Number(doc.documentElement.getAttribute('width')), height: Number(doc.documentElement.getAttribute('height')) };
    }, svgText);
    expect(parsed.error).toBe('');
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toBeGreaterThan(3);
    expect(svgText).toContain('0.8 claim');
    const png = await download(page, chart.getByTestId('export-png'));
    expect(png.name).toBe(`luck-or-skill-${chartCell}.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2); // IHDR width
    expect(png.bytes.readUInt32BE(20)).toBe(parsed.height * 2);

    // The chart's plotted data as CSV (RFC 4180: header row, CRLF) and JSON: every point of every mark, read
    // from the marks themselves (not the notebook's 10-row summary table).
    const csv = await download(page, chart.getByTestId('export-csv'));
    expect(csv.name).toBe(`luck-or-skill-${chartCell}-data.csv`);
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('mark,n,lower,upper,rate,index,value,y,label');
    expect(lines[1].split(',')[0]).toBe('areaY');
    const twin = JSON.parse((await download(page, chart.getByTestId('export-json'))).bytes.toString('utf8'));
    expect(twin.columns).toEqual(['mark', 'n', 'lower', 'upper', 'rate', 'index', 'value', 'y', 'label']);
    expect(twin.rows.length).toBe(lines.length - 2);
    // Every plotted point of the path (the notebook's own table samples every 10th): as many line points as band points.
    const nLine = twin.rows.filter((r: { mark: string }) => r.mark === 'lineY').length;
    expect(nLine).toBe(twin.rows.filter((r: { mark: string }) => r.mark === 'areaY').length);
    expect(nLine).toBeGreaterThan(50);
    expect(Number(lines[1].split(',')[2])).toBe(twin.rows[0].lower); // full precision in both

    // The verdict and the headline metrics as tables.
    const verdict = page.getByTestId('verdict').first();
    const verdictCsv = (await download(page, verdict.getByTestId('export-csv'))).bytes.toString('utf8');
    expect(verdictCsv.split('\r\n')[0]).toBe('claim,verdict,rule,figure,value,unit');
    expect(verdictCsv).toContain(`,wins,${wins},`);
    const metrics = page.locator('.exportable:has(dl.metrics)').first();
    const metricsJson = JSON.parse((await download(page, metrics.getByTestId('export-json'))).bytes.toString('utf8'));
    expect(metricsJson.columns).toEqual(['label', 'value', 'unit', 'detail']);
    expect(metricsJson.rows[0].label).toBe('observed hit rate');
    expect(metricsJson.rows[0].value).toBe(Number(wins) / 1000);

    // Notebook .md: re-parses, carries the edit and the input value.
    const md = await menuDownload(page, 'export-md');
    expect(md.name).toBe('luck-or-skill.md');
    const nb = parseNotebook(md.bytes.toString('utf8'));
    expect(nb.meta.id).toBe('luck-or-skill');
    expect(nb.cells.find((c) => c.id === 'simulate')!.source).toContain(EDIT_MARK);
    expect(nb.cells.find((c) => c.id === 'decisions')!.input!.value).toBe(1000);

    // Figures JSON: every cell, the verdicts, inputs, seed and share link.
    const figs = JSON.parse((await menuDownload(page, 'export-figures')).bytes.toString('utf8'));
    expect(figs.seed).toBe(20261124);
    expect(figs.shareLink).toBe(page.url());
    expect(figs.inputs).toEqual({ trueHitRate: 0.52, decisions: 1000 });
    expect(figs.cells.find((c: { id: string }) => c.id === 'simulate').figures.wins).toBe(Number(wins));
    expect(figs.verdicts[0].rule).toMatch(/Wilson lower bound exceeds 0.5/);
    expect(figs.incomplete).toEqual([]);

    // The report, opened offline in a new context.
    const live = await page.evaluate(() => ({
      plots: document.querySelectorAll('figure.plot svg').length,
      katex: document.querySelectorAll('.katex').length,
      verdicts: [...document.querySelectorAll('[data-testid="verdict"]')].map((v) => v.getAttribute('data-verdict')),
      rules: [...document.querySelectorAll('.verdict-rule')].map((r) => r.textContent),
      metric: document.querySelector('.metric-value')?.textContent,
    }));
    const report = await menuDownload(page, 'export-report');
    expect(report.name).toBe('luck-or-skill-report.html');
    const html = report.bytes.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html.length).toBeLessThan(1_500_000);

    const offline = await openPage(browser);
    await offline.context.setOffline(true);
    const requests: string[] = [];
    offline.page.on('request', (r) => requests.push(r.url()));
    // Downloads are saved without an extension; a report is opened as the user would: an .html file.
    const reportFile = join(mkdtempSync(join(tmpdir(), 'sema-report-')), report.name);
    writeFileSync(reportFile, html);
    const fileUrl = pathToFileURL(reportFile).href;
    await offline.page.goto(fileUrl);
    await offline.page.waitForLoadState('load');
    expect(requests.filter((u) => u !== fileUrl)).toEqual([]);
    const seen = await offline.page.evaluate(() => ({
      wins: document.querySelector('.kv[data-name="wins"] dd')?.getAttribute('data-value'),
      plots: document.querySelectorAll('figure.plot svg').length,
      katex: document.querySelectorAll('.katex').length,
      verdicts: [...document.querySelectorAll('[data-testid="verdict"]')].map((v) => v.getAttribute('data-verdict')),
      rules: [...document.querySelectorAll('.verdict-rule')].map((r) => r.textContent),
      metric: document.querySelector('.metric-value')?.textContent,
      seed: document.querySelector('[data-testid="report-seed"]')?.textContent,
      link: document.querySelector('[data-testid="report-share-link"]')?.textContent,
      decisions: document.querySelector('[data-input-value="decisions"]')?.textContent,
      buttons: document.querySelectorAll('button, input, script').length,
      katexFont: document.fonts.check('16px KaTeX_Main'),
      h1: document.querySelector('h1')?.textContent,
    }));
    expect(seen.wins).toBe(wins);
    expect(seen.plots).toBe(live.plots);
    expect(seen.katex).toBe(live.katex);
    expect(seen.verdicts).toEqual(live.verdicts);
    expect(seen.rules).toEqual(live.rules);
    expect(seen.metric).toBe(live.metric);
    expect(seen.seed).toBe('20261124');
    expect(seen.link).toBe(page.url());
    expect(seen.decisions).toBe('1000');
    expect(seen.buttons).toBe(0);
    expect(seen.h1).toContain('Luck or skill');
    expect(seen.katexFont).toBe(true); // the woff2 fonts the page used are embedded
    offline.assertClean(); // a blocked request (CSP) would show up as a console error
    await offline.context.close();

    assertClean();
    await context.close();
  });

  it('the export menu works from the keyboard and closes with Escape', async () => {
    const { page, assertClean, context } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill`);
    await waitForCells(page);
    const toggle = page.getByTestId('export-menu');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-report');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-menu');
    // Every export button has an accessible name that includes its visible text.
    const names = await page.locator('[data-export-controls] button').evaluateAll((bs) => bs.map((b) => [b.textContent, b.getAttribute('aria-label')]));
    expect(names.length).toBeGreaterThan(4);
    for (const [textContent, label] of names) expect(label).toContain(textContent);
    assertClean();
    await context.close();
  });
});
