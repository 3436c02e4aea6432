/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named: `npm run bench -- quantum market`).
 * Each benchmark measures our code and its peers in the same run and prints ratios, so the numbers stay
 * comparable on a shared or slower machine. Timing goals live here, never in unit tests.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.startsWith(w)))
  .sort();
if (!files.length) {
  console.error(`no benchmark matches ${wanted.join(', ')} (have: ${readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).join(', ')})`);
  process.exit(1);
}
const results: { file: string; ok: boolean; seconds: number }[] = [];
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${f}`], { stdio: 'inherit' });
  results.push({ file: f, ok: r.status === 0, seconds: (performance.now() - t0) / 1000 });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.file.padEnd(28)} ${r.seconds.toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
