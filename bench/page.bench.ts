/**
 * First paint of the production build's home page in Chromium, against a same-origin static baseline page
 * served by the same server in the same run (the ratio is what travels between machines), plus bundle sizes.
 * Needs `npx vite build` first and /usr/bin/chromium. Target: home page first contentful paint < 1 s.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { withPreviewBrowser } from './preview';

const PORT = 4399;
const RUNS = Number(process.env.RUNS ?? 7);
if (!existsSync('dist/index.html')) {
  console.log('page bench: dist/ missing — run `npx vite build` first (skipped)');
  process.exit(0);
}
if (!existsSync('/usr/bin/chromium')) {
  console.log('page bench: /usr/bin/chromium missing (skipped)');
  process.exit(0);
}

// Bundle sizes: what the home page loads eagerly vs on demand.
const assets = readdirSync('dist/assets').map((f) => {
  const buf = readFileSync(`dist/assets/${f}`);
  return { file: f, kb: buf.length / 1024, gzipKb: gzipSync(buf).length / 1024 };
});
const html = readFileSync('dist/index.html', 'utf8');
const eager = assets.filter((a) => html.includes(a.file));
console.log('bundle (dist/assets), largest first:');
for (const a of [...assets].sort((x, y) => y.kb - x.kb).slice(0, 12)) {
  console.log(`  ${a.file.padEnd(44)} ${a.kb.toFixed(0).padStart(6)} kB  gzip ${a.gzipKb.toFixed(0).padStart(5)} kB${eager.includes(a) ? '  (eager)' : ''}`);
}
const eagerGz = eager.reduce((s, a) => s + a.gzipKb, 0);
const totalGz = assets.reduce((s, a) => s + a.gzipKb, 0);
console.log(`eager on first paint: ${eager.length} files, ${eagerGz.toFixed(0)} kB gzip; everything: ${assets.length} files, ${totalGz.toFixed(0)} kB gzip`);

// A static baseline page on the same server: the floor for "a page paints" here.
writeFileSync('dist/__baseline.html', '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>b</title></head><body><h1>Baseline</h1><p>static text</p></body></html>');
try {
  await withPreviewBrowser(PORT, async (browser, origin) => {
    async function fcp(url: string, readySelector: string): Promise<{ fcp: number; ready: number }> {
      const ctx = await browser.newContext(); // cold cache each time
      const page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(url);
      await page.waitForSelector(readySelector);
      const ready = Date.now() - t0;
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      await ctx.close();
      return { fcp: paint, ready };
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const home: number[] = [], homeReady: number[] = [], base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const b = await fcp(`${origin}/__baseline.html`, 'h1');
      const h = await fcp(`${origin}/`, '.nb-card');
      base.push(b.fcp);
      home.push(h.fcp);
      homeReady.push(h.ready);
    }
    const ratio = median(home) / median(base);
    console.log(`\nfirst contentful paint over ${RUNS} cold loads (median):`);
    console.log(`  static baseline page   ${median(base).toFixed(0)} ms`);
    console.log(`  playground home        ${median(home).toFixed(0)} ms   (${ratio.toFixed(2)}× baseline; notebook list visible after ${median(homeReady).toFixed(0)} ms)`);
    console.log(`  target: < 1000 ms → ${median(home) < 1000 ? 'met' : 'NOT met'}`);
  });
} finally {
  rmSync('dist/__baseline.html', { force: true });
  void statSync;
}
