/**
 * One timing protocol for every ratio the benchmarks print (ours, npm peers and C alike):
 * one untimed warm-up run, then the MEDIAN of at least `minReps` timed runs (more while the
 * time budget lasts, up to `maxReps`). A slow case gets fewer reps, never a cold single run.
 * C programs time their own reps; warmCMedian drops their first (cold) rep the same way.
 */
export const median = (xs: readonly number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

/** Warm median in ms of fn (see the file header). */
export function warmMedian(fn: () => void, minMs = 300, maxReps = 30, minReps = 3): number {
  fn(); // warm-up: JIT, page faults, caches
  const ts: number[] = [];
  const start = performance.now();
  while (ts.length < minReps || (ts.length < maxReps && performance.now() - start < minMs)) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** Median in ms of exactly `runs` timed runs after `warmups` untimed ones (a fixed count, for cases whose
 * run count the bench chooses itself rather than a time budget). */
export function warmMedianOfRuns(fn: () => unknown, runs: number, warmups = 1): number {
  for (let i = 0; i < warmups; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** Same protocol for async work (peers that only run asynchronously). */
export async function warmMedianAsync(fn: () => Promise<unknown>, minMs = 300, maxReps = 30, minReps = 3): Promise<number> {
  await fn();
  const ts: number[] = [];
  const start = performance.now();
  while (ts.length < minReps || (ts.length < maxReps && performance.now() - start < minMs)) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** Median of a C program's per-rep seconds after dropping its first (cold) rep, in ms. */
export function warmCMedian(secondsPerRep: readonly number[]): number {
  const warm = secondsPerRep.length > 1 ? secondsPerRep.slice(1) : secondsPerRep;
  return median(warm) * 1000;
}

/** Percentile (0–1) by nearest rank over individual samples. */
export function percentile(xs: readonly number[], f: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(f * s.length))];
}

export const fmtMs = (ms: number | undefined): string =>
  ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`;

/** Right-aligned table; header printed when `withHeader`. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[], withHeader = true): void {
  const w = header.map((h, i) => Math.max(h.length, 8, ...rows.map((r) => r[i]?.length ?? 0)));
  if (withHeader) console.log(header.map((h, i) => h.padStart(w[i])).join('  '));
  for (const r of rows) console.log(r.map((c, i) => c.padStart(w[i])).join('  '));
}
