/**
 * The claims ledger's speed, next to its targets (issue 12 §3), with the machine's load average beside every
 * figure (a shared 2-core machine under load stretches every wall time; read the figures with it):
 * - headless `npm run ledger`: cold (`--no-cache`: every experiment computed) and warm (served from .cache/ledger/);
 * - the `aggregators` notebook headless, default inputs;
 * - in Chromium (needs `npx vite build` and /usr/bin/chromium): the ledger cold in a fresh profile (first
 *   verdict, all verdicts), reopened (cached in IndexedDB), and the aggregators notebook.
 * Targets: headless cold < 30 s; Chromium first verdict < 5 s, all < 15 s cold, reopened < 1 s; aggregators < 4 s.
 * Headless rows also print the CPU time of all threads: load-independent, what a quiet machine spreads over its cores.
 * `npm run bench -- ledger`; LEDGER_BENCH_BROWSER=0 skips the browser part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import { withPreviewBrowser } from './preview';
import { loadCatalog } from '../scripts/nodeCatalog';
import { headlessPoolSize, runNotebookHeadless } from '../scripts/nodeSession';

const rows: { what: string; seconds: number; cpu: string; target: string; load: string }[] = [];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
/** `cpuSeconds`: CPU time of every thread of the run (headless only): what a quiet machine would need, spread over its cores. */
const record = (what: string, seconds: number, target: number | null, l: string, cpuSeconds?: number) => {
  const cpu = cpuSeconds === undefined ? '' : `CPU ${cpuSeconds.toFixed(1)} s`;
  rows.push({ what, seconds, cpu, target: target === null ? '' : `< ${target} s → ${seconds < target ? 'met' : 'NOT met'}`, load: l });
  console.log(`  ${what.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s  ${cpu}  ${target === null ? '' : `(target < ${target} s)`}  load ${l}`);
};

console.log(`machine: ${availableParallelism()} cores, ledger pool ${headlessPoolSize()} workers; load average (1/5/15 min) at start ${load()}`);

// Headless ledger: cold then warm, each a fresh process as a user runs it.
for (const [what, args, target] of [['headless ledger, cold (--no-cache)', ['--no-cache'], 30], ['headless ledger, warm (cached)', [], 1]] as const) {
  const l = load();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ledger.ts', '--json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) console.log(`  ${what}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  let cpu: number | undefined;
  try {
    cpu = (JSON.parse(r.stdout) as { cpuMs: number }).cpuMs / 1000;
  } catch {
    cpu = undefined;
  }
  record(`${what}, wall`, s, target, l, cpu);
}

// The aggregators notebook headless (default inputs: robustness sweep on, variational circuit off).
{
  const nb = loadCatalog().find((n) => n.meta.id === 'aggregators')!;
  const l = load();
  const c0 = process.cpuUsage();
  const { ms } = await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: {}, edits: {} }, { defaultTimeoutMs: 600_000 });
  const c = process.cpuUsage(c0);
  record('aggregators notebook headless (worker start included)', ms / 1000, 4, l, (c.user + c.system) / 1e6);
}

const PORT = 4398;
if (process.env.LEDGER_BENCH_BROWSER === '0' || !existsSync('dist/index.html') || !existsSync('/usr/bin/chromium')) {
  console.log('browser part skipped (LEDGER_BENCH_BROWSER=0, or no dist/ — run `npx vite build` — or no /usr/bin/chromium)');
} else {
  await withPreviewBrowser(PORT, async (browser, origin) => {
    const allSettled = (page: Page) => page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-cell]')];
      return cells.length > 0 && cells.every((c) => !['pending', 'running'].includes(c.getAttribute('data-state') ?? ''));
    }, undefined, { timeout: 900_000, polling: 50 });
    const ctx = await browser.newContext(); // a fresh profile: empty IndexedDB, nothing cached
    const page = await ctx.newPage();
    let l = load();
    let t0 = Date.now();
    await page.goto(`${origin}/#/nb/claims-ledger`);
    await page.waitForSelector('[data-cell] [data-testid="verdict"][data-claim]', { timeout: 900_000 });
    const first = (Date.now() - t0) / 1000;
    await allSettled(page);
    const all = (Date.now() - t0) / 1000;
    record('Chromium ledger cold: first verdict', first, 5, l);
    record('Chromium ledger cold: all verdicts', all, 15, l);
    l = load();
    t0 = Date.now();
    await page.reload();
    await page.waitForSelector('[data-cell="ledger"][data-state="done"]', { timeout: 120_000 });
    await allSettled(page);
    record('Chromium ledger reopened (cached in IndexedDB)', (Date.now() - t0) / 1000, 1, l);
    await ctx.close();
    const ctx2 = await browser.newContext();
    const p2 = await ctx2.newPage();
    l = load();
    t0 = Date.now();
    await p2.goto(`${origin}/#/nb/aggregators`);
    await p2.waitForSelector('[data-cell]');
    await allSettled(p2);
    record('Chromium aggregators notebook, all cells', (Date.now() - t0) / 1000, 4, l);
    await ctx2.close();
  });
}

console.log('\nledger speed (wall seconds; load average 1/5/15 min when each started):');
for (const r of rows) console.log(`  ${r.what.padEnd(52)} ${r.seconds.toFixed(2).padStart(7)} s  ${r.cpu.padEnd(13)} ${r.target.padEnd(22)} load ${r.load}`);
