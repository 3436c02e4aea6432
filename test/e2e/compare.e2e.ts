/**
 * Compare two runs, as a design review uses it: open a run, press Compare…, paste the other run's link, see
 * exactly what differs, every figure that moved, and which change flipped the verdict. A damaged link says
 * which link and what is wrong, and the app keeps working; long runs can be cancelled.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage, waitForCells, BASE } from './browser';
import { seriousViolations } from './axe';
import { encodeExperiment, type ExperimentState } from '../../src/share/codec';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const base: ExperimentState = { v: 1, notebook: 'luck-or-skill', seed: 20261124, inputs: {}, edits: {} };
const linkA = encodeExperiment({ ...base, inputs: { trueHitRate: 0.4 } }).slice(1);
const linkB = encodeExperiment({ ...base, inputs: { trueHitRate: 0.85 } }).slice(1);

describe('compare two runs', () => {
  it('two links differing in one input: exactly that input, the figures it changed, and it flipped the verdict', { timeout: 180_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    await page.goto(`${BASE}#/nb/luck-or-skill/${linkA}`);
    await waitForCells(page);
    await page.getByTestId('compare').click();
    await page.getByTestId('link-b').waitFor();
    expect(page.url()).toContain('#/compare?a=');
    // Run A is this notebook's current state; the page asks for B.
    expect(await page.getByTestId('paste-b').innerText()).toMatch(/Run A is a share link .*Luck or skill/);
    await page.getByTestId('link-b').fill(`${BASE}#/nb/luck-or-skill/${linkB}`);
    await page.getByTestId('compare-submit').click();
    await page.waitForSelector('[data-testid="compare"][data-phase="done"]:not([data-explain="running"])', { timeout: 120_000 });

    // What differs: the one input, nothing else.
    const changes = await page.$$eval('[data-testid="changes"] > li', (els) => els.map((e) => e.getAttribute('data-change')));
    expect(changes).toEqual(['input trueHitRate']);
    expect(await page.locator('[data-change="input trueHitRate"]').innerText()).toMatch(/True hit rate.*0\.4\s*→\s*0\.85/);

    // The figures it changed, with both values; the number of decisions did not change.
    const figures = await page.$$eval('[data-testid="changed-figures"] tbody tr', (rows) => rows.map((r) => ({ name: r.getAttribute('data-figure'), a: r.querySelector('.side-a')?.textContent, b: r.querySelector('.side-b')?.textContent })));
    const names = figures.map((f) => f.name);
    expect(names).toContain('wins');
    expect(names).toContain('decisionsNeeded');
    expect(names).not.toContain('decisions');
    for (const f of figures) expect(f.a, f.name!).not.toBe(f.b);
    expect(await page.getByTestId('unchanged').innerText()).toMatch(/Unchanged: \d+ figures/);

    // The verdict flipped, and the one input is named as the change that flipped it.
    const flip = page.locator('[data-testid="changed-verdicts"] [data-testid="flip"]');
    expect(await flip.count()).toBe(1);
    expect(await flip.getAttribute('data-by')).toBe('input trueHitRate');
    expect(await flip.innerText()).toMatch(/flipped by input trueHitRate/);
    const row = page.locator('[data-testid="changed-verdicts"] tbody tr');
    expect(await row.locator('.side-a').innerText()).not.toBe(await row.locator('.side-b').innerText());

    // The comparison downloads as the same JSON the headless diff prints.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    expect(download.suggestedFilename()).toBe('luck-or-skill-comparison.json');
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { a: string; b: string; changes: { name: string }[]; flippedBy: { kind: string }[] };
    expect([report.a, report.b]).toEqual([linkA, linkB]);
    expect(report.changes.map((c) => c.name)).toEqual(['trueHitRate']);
    expect(report.flippedBy.map((f) => f.kind)).toEqual(['only-change']);

    // The comparison is a link: reloading it gives the same comparison.
    const url = page.url();
    expect(url).toMatch(/#\/compare\?a=x1\.[^&]+&b=x1\./);
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForSelector('[data-testid="compare"][data-phase="done"]:not([data-explain="running"])', { timeout: 120_000 });
    expect(await page.$$eval('[data-testid="changes"] > li', (els) => els.map((e) => e.getAttribute('data-change')))).toEqual(['input trueHitRate']);
    expect(await seriousViolations(page)).toEqual([]);
    assertClean();
    await context.close();
  });

  it('with several changes, re-running A with one change at a time names the one that flips the verdict', { timeout: 180_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    const b = encodeExperiment({ ...base, seed: 9, inputs: { trueHitRate: 0.85, decisions: 600 } }).slice(1);
    await page.goto(`${BASE}#/compare?a=${linkA}&b=${b}`);
    await page.waitForSelector('[data-testid="compare"][data-phase="done"][data-explain="done"]', { timeout: 150_000 });
    expect(await page.$$eval('[data-testid="changes"] > li', (els) => els.map((e) => e.getAttribute('data-change')))).toEqual(['seed', 'input decisions', 'input trueHitRate']);
    const flip = page.locator('[data-testid="changed-verdicts"] [data-testid="flip"]');
    expect(await flip.getAttribute('data-kind')).toBe('single');
    expect(await flip.getAttribute('data-by')).toBe('input trueHitRate');
    await flip.locator('summary').click();
    expect(await flip.locator('li').allInnerTexts()).toEqual(['A + seed: refuted', 'A + input decisions: refuted', 'A + input trueHitRate: supported']);
    assertClean();
    await context.close();
  });

  it('a link with edited code shows the code diff and runs only when asked', { timeout: 120_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    const nbSource = readFileSync('notebooks/luck-or-skill.md', 'utf8');
    const shipped = /```js id=simulate\n([\s\S]*?)\n```/.exec(nbSource)![1];
    const edited = shipped.replace('rng.next() < trueHitRate', 'rng.next() < trueHitRate + 0.3');
    const b = encodeExperiment({ ...base, inputs: { trueHitRate: 0.4 }, edits: { simulate: edited } }).slice(1);
    await page.goto(`${BASE}#/compare?a=${linkA}&b=${b}`);
    await page.getByTestId('run-both').waitFor();
    expect(await page.getByTestId('compare').getAttribute('data-phase')).toBe('idle');
    expect(await page.$$eval('[data-testid="changes"] > li', (els) => els.map((e) => e.getAttribute('data-change')))).toEqual(['cell simulate']);
    const diff = await page.locator('[data-change="cell simulate"] pre.diff').innerText();
    expect(diff).toContain('- for (let i = 0; i < decisions; i++) outcomes[i] = rng.next() < trueHitRate ? 1 : 0;');
    expect(diff).toContain('+ for (let i = 0; i < decisions; i++) outcomes[i] = rng.next() < trueHitRate + 0.3 ? 1 : 0;');
    await page.getByTestId('run-both').click();
    await page.waitForSelector('[data-testid="compare"][data-phase="done"]:not([data-explain="running"])', { timeout: 100_000 });
    expect(await page.locator('[data-testid="changed-verdicts"] [data-testid="flip"]').getAttribute('data-by')).toBe('cell simulate');
    assertClean();
    await context.close();
  });

  it('a damaged link says which link and what is wrong, and the app keeps working', { timeout: 60_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    const damaged = `${linkB.slice(0, 10)}${linkB[10] === 'A' ? 'B' : 'A'}${linkB.slice(11)}`;
    await page.goto(`${BASE}#/compare?a=${linkA}&b=${damaged}`);
    const err = page.getByTestId('link-error-b');
    await err.waitFor();
    expect(await err.innerText()).toMatch(/^Link B could not be read: /);
    expect(await page.getByTestId('link-error-a').count()).toBe(0);
    await page.goto(`${BASE}#/compare?a=${linkA}&b=not-a-notebook`);
    await page.getByTestId('link-error-b').waitFor();
    expect(await page.getByTestId('link-error-b').innerText()).toMatch(/names a notebook 'not-a-notebook'/);
    // The app still works: the form accepts a good link, and the rest of the app opens.
    await page.getByTestId('link-b').fill(linkB);
    await page.getByTestId('compare-submit').click();
    await page.getByTestId('changes').waitFor();
    await page.getByRole('link', { name: 'Notebooks' }).click();
    await page.locator('a[href="#/nb/luck-or-skill"]').first().waitFor();
    assertClean();
    await context.close();
  });

  it('long runs show progress and can be cancelled', { timeout: 60_000 }, async () => {
    const { page, context, assertClean } = await openPage(browser);
    const b = encodeExperiment({ v: 1, notebook: 'aggregators', seed: 7, inputs: {}, edits: {} }).slice(1);
    await page.goto(`${BASE}#/compare?a=aggregators&b=${b}`);
    await page.getByTestId('progress-a').waitFor();
    await page.getByTestId('cancel').click();
    await page.waitForSelector('[data-testid="compare"][data-phase="cancelled"]');
    expect(await page.getByTestId('run-both').count()).toBe(1);
    expect(await page.getByTestId('changes').innerText()).toMatch(/Seed/);
    assertClean();
    await context.close();
  });
});
