/**
 * Golden results of the shipped notebooks: every named scalar figure (rounded to 3 significant digits) and
 * every claim verdict (headline and each reading), pinned in test/golden/snapshots/<notebook>.json.
 * test/notebooks.test.ts runs each notebook once and calls `checkGolden`, so pinning costs no extra run.
 *
 * - A mismatch writes `<notebook>-changed.json` next to the snapshot (diff the two files) and fails.
 * - `npm run golden:update` rewrites the snapshots after an intended change: it runs the notebooks twice and
 *   marks the figures that differed between the two runs as volatile (wall-clock timings), together with the
 *   figures and verdicts listed in test/golden/config.json (machine-dependent ones). Volatile entries are
 *   recorded but not compared.
 * Modes (env GOLDEN_UPDATE): unset = compare; 1 = write; 2 = compare with what 1 wrote, add differences to volatile.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellDisplay, NotebookVerdict } from '../../src/notebook/protocol';
import { CLAIMS } from '../../src/engine/claims/registry';

const DIR = 'test/golden/snapshots';
const config = JSON.parse(readFileSync('test/golden/config.json', 'utf8')) as {
  volatileFigures: Record<string, string[] | '*'>;
  volatileVerdicts: string[];
};

export type GoldenValue = number | string | boolean;

export interface GoldenSnapshot {
  notebook: string;
  seed: number;
  /** `cell.name` → value, numbers rounded to 3 significant digits. */
  figures: Record<string, GoldenValue>;
  /** claim → headline verdict and each reading's verdict. */
  verdicts: Record<string, { verdict: string; reading: string; readings: Record<string, string> }>;
  /** Recorded, not compared: timings and machine-dependent values. */
  volatile: { figures: string[]; verdicts: string[] };
}

/** 3 significant digits; magnitudes below 1e-9 (floating-point residues such as 7e-16) pin as one token. */
export function round3(v: GoldenValue): GoldenValue {
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) < 1e-9) return v === 0 ? 0 : '|x| < 1e-9';
  return Number(v.toPrecision(3));
}

export function snapshotOf(notebook: string, seed: number, cells: [string, CellDisplay][]): Omit<GoldenSnapshot, 'volatile'> {
  const figures: Record<string, GoldenValue> = {};
  const verdicts: GoldenSnapshot['verdicts'] = {};
  for (const [cell, d] of cells) {
    for (const [k, v] of Object.entries(d.figures)) figures[`${cell}.${k}`] = round3(v);
    for (const j of d.verdicts ?? ([] as NotebookVerdict[])) {
      verdicts[j.claim] = { verdict: j.verdict, reading: j.reading, readings: Object.fromEntries(j.readings.map((r) => [r.id, r.verdict])) };
    }
  }
  return { notebook, seed, figures: sortKeys(figures), verdicts: sortKeys(verdicts) };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** Differences between a snapshot and a run, ignoring volatile entries; empty when they agree. */
export function diffGolden(want: GoldenSnapshot, got: Omit<GoldenSnapshot, 'volatile'>, extra: GoldenSnapshot['volatile'] = { figures: [], verdicts: [] }): string[] {
  const out: string[] = [];
  const vf = new Set([...want.volatile.figures, ...extra.figures]), vv = new Set([...want.volatile.verdicts, ...extra.verdicts]);
  for (const k of new Set([...Object.keys(want.figures), ...Object.keys(got.figures)])) {
    if (vf.has(k)) continue;
    if (!(k in got.figures)) out.push(`figure ${k}: was ${JSON.stringify(want.figures[k])}, now missing`);
    else if (!(k in want.figures)) out.push(`figure ${k}: new, ${JSON.stringify(got.figures[k])}`);
    else if (want.figures[k] !== got.figures[k]) out.push(`figure ${k}: ${JSON.stringify(want.figures[k])} → ${JSON.stringify(got.figures[k])}`);
  }
  for (const k of new Set([...Object.keys(want.verdicts), ...Object.keys(got.verdicts)])) {
    if (vv.has(k)) continue;
    const w = want.verdicts[k], g = got.verdicts[k];
    if (!w || !g) {
      out.push(`VERDICT ${k}: ${JSON.stringify(w ?? null)} → ${JSON.stringify(g ?? null)}`);
      continue;
    }
    // "claim/reading" entries in volatile.verdicts exempt one reading (and the headline when it is that reading).
    const volatileReading = (r: string): boolean => vv.has(`${k}/${r}`);
    if (!volatileReading(w.reading) && (w.verdict !== g.verdict || w.reading !== g.reading)) out.push(`VERDICT ${k}: headline ${w.verdict} (${w.reading}) → ${g.verdict} (${g.reading})`);
    for (const r of new Set([...Object.keys(w.readings), ...Object.keys(g.readings)])) {
      if (!volatileReading(r) && w.readings[r] !== g.readings[r]) out.push(`VERDICT ${k}, reading ${r}: ${w.readings[r] ?? 'none'} → ${g.readings[r] ?? 'none'}`);
    }
  }
  return out;
}

/**
 * Volatile by configuration: config.json's entries, and every claim whose record is marked `timing` (its
 * verdict rests on this machine's clock and load) unless config.json names some of its readings instead.
 */
function configVolatile(notebook: string, got: Omit<GoldenSnapshot, 'volatile'>): GoldenSnapshot['volatile'] {
  const spec = config.volatileFigures[notebook] ?? [];
  const figures = spec === '*' ? Object.keys(got.figures) : Object.keys(got.figures).filter((k) => spec.some((s) => k === s || k.startsWith(`${s}.`)));
  const claims = new Set(Object.keys(got.verdicts));
  const named = new Set(config.volatileVerdicts.map((v) => v.split('/')[0]));
  const timing = CLAIMS.filter((c) => c.timing && !named.has(c.id)).map((c) => c.id);
  return { figures, verdicts: [...config.volatileVerdicts, ...timing].filter((v) => claims.has(v.split('/')[0])) };
}

/**
 * Compare (or, under GOLDEN_UPDATE, write) one notebook's golden snapshot. Returns the differences; on a
 * difference it writes `<notebook>-changed.json` beside the snapshot.
 */
export function checkGolden(notebook: string, seed: number, cells: [string, CellDisplay][]): string[] {
  const got = snapshotOf(notebook, seed, cells);
  const file = join(DIR, `${notebook}.json`), changed = join(DIR, `${notebook}-changed.json`);
  const mode = process.env.GOLDEN_UPDATE;
  if (mode === '1') {
    writeFileSync(file, `${JSON.stringify({ ...got, volatile: configVolatile(notebook, got) }, null, 2)}\n`);
    rmSync(changed, { force: true });
    return [];
  }
  if (!existsSync(file)) {
    writeFileSync(changed, `${JSON.stringify(got, null, 2)}\n`);
    return [`no golden snapshot ${file}: run \`npm run golden:update\` (the run's values are in ${changed})`];
  }
  const want = JSON.parse(readFileSync(file, 'utf8')) as GoldenSnapshot;
  if (mode === '2') {
    // Second update pass: whatever differs from the first pass is a timing; record it as volatile.
    const vf = new Set(want.volatile.figures), vv = new Set(want.volatile.verdicts);
    for (const k of Object.keys(got.figures)) if (want.figures[k] !== got.figures[k]) vf.add(k);
    for (const k of Object.keys(got.verdicts)) if (JSON.stringify(want.verdicts[k]) !== JSON.stringify(got.verdicts[k])) vv.add(k);
    writeFileSync(file, `${JSON.stringify({ ...want, volatile: { figures: [...vf].sort(), verdicts: [...vv].sort() } }, null, 2)}\n`);
    return [];
  }
  // The configuration applies at comparison time too: editing config.json needs no regeneration.
  const diff = diffGolden(want, got, configVolatile(notebook, got));
  if (diff.length) writeFileSync(changed, `${JSON.stringify({ ...got, volatile: want.volatile }, null, 2)}\n`);
  else rmSync(changed, { force: true });
  return diff;
}
