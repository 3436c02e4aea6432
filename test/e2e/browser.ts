/** Shared helpers for browser tests: launch Debian's Chromium and fail on any console error or page error. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4319}/`;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** Assert no console error or page error happened (call at the end of each test). */
  assertClean(): void;
}

export async function openPage(browser: Browser, opts: { viewport?: { width: number; height: number } } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    problems,
    assertClean: () => expect(problems, problems.join('\n')).toEqual([]),
  };
}

/** Wait until every cell of the notebook has settled (done, error or held back). */
export async function waitForCells(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll('[data-cell]')];
      // Also wait for the debounced save (URL, share link, localStorage) and for stale outputs to refresh.
      if (document.querySelector('[data-saving], [data-stale]')) return false;
      return cells.length > 0 && cells.every((c) => !['pending', 'running'].includes(c.getAttribute('data-state') ?? ''));
    },
    undefined,
    { timeout },
  );
}

export async function figure(page: Page, name: string): Promise<string> {
  return (await page.locator(`.kv[data-name="${name}"] dd`).first().getAttribute('data-value')) ?? '';
}

/** Move a slider input the way a user does (fires the input event the widget listens to). */
export async function setSlider(page: Page, name: string, value: number): Promise<void> {
  await page.locator(`input[data-input="${name}"]`).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Open a cell in Monaco and replace its text (not run yet). */
export async function replaceEditorText(page: Page, cellId: string, text: string): Promise<void> {
  const cell = page.locator(`[data-cell="${cellId}"]`);
  await cell.getByTestId('edit').click();
  // Monaco takes keyboard input through its editing surface (EditContext in Chromium), so click it.
  const surface = cell.locator('.monaco-editor .view-lines');
  await surface.waitFor({ timeout: 30_000 });
  await surface.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText bypasses Monaco's auto-closing of brackets, so the cell gets exactly this text.
  await page.keyboard.insertText(text);
}
