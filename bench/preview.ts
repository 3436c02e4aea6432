/**
 * One production-build preview server and one Debian Chromium for the browser benches (page, ledger):
 * starts `vite preview` on `port`, waits until it answers, launches Chromium, runs `body`, and always
 * stops both.
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export async function withPreviewBrowser(port: number, body: (browser: Browser, origin: string) => Promise<void>): Promise<void> {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${origin}/`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      await body(browser, origin);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      server.kill();
    }
  }
}
