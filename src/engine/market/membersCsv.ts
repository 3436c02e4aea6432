/**
 * Your own members' outputs: a CSV with a timestamp column and one column per member, one row per bar
 * (e.g. exported from a freqtrade strategy's dataframe, `qar.py`'s factors). A column whose values all lie in
 * [0, 1] is read as a probability of "up"; any other numeric column is a score (mapped to a probability by the
 * same causal fit the stand-in members use). Rows must be sorted and unique in time; empty cells are NaN
 * ("no opinion on this bar").
 */
import Papa from 'papaparse';
import { detectTimeFormat, parseTimeMs } from './timeFormat';
import { parseStrictNumber } from './validate';
import { FreqtradeFileError } from './freqtradeErrors';
import type { Ohlcv } from './ohlcv';

export interface MemberColumn {
  name: string;
  values: Float64Array;
  scale: 'probability' | 'score';
}

export interface MembersFile {
  kind: 'members';
  file: string;
  /** Bar open times, epoch ms UTC. */
  time: Float64Array;
  members: MemberColumn[];
  warnings: string[];
}

const TIME_HEADERS = ['date', 'time', 'timestamp', 'datetime', 'open_time'];
export const MAX_MEMBERS = 64;

export function parseMembersCsv(text: string, file: string): MembersFile {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const rows = parsed.data;
  if (rows.length < 3) throw new FreqtradeFileError(file, 'members', {}, `${Math.max(0, rows.length - 1)} data rows; a header and at least 2 rows are needed`);
  const header = rows[0].map((h) => h.trim());
  const timeCol = header.findIndex((h) => TIME_HEADERS.includes(h.toLowerCase()));
  if (timeCol < 0) throw new FreqtradeFileError(file, 'members', { line: 1 }, `no timestamp column (expected one named ${TIME_HEADERS.join(', ')}; found ${header.join(', ')})`);
  const memberCols = header.map((_, j) => j).filter((j) => j !== timeCol);
  if (!memberCols.length) throw new FreqtradeFileError(file, 'members', { line: 1 }, 'no member columns next to the timestamp');
  if (memberCols.length > MAX_MEMBERS) throw new FreqtradeFileError(file, 'members', { line: 1 }, `${memberCols.length} member columns; at most ${MAX_MEMBERS}`);
  const n = rows.length - 1;
  const format = detectTimeFormat(rows[1][timeCol]?.trim() ?? '');
  if (!format) throw new FreqtradeFileError(file, 'members', { line: 2, field: header[timeCol] }, `"${rows[1][timeCol]}" is not a timestamp (epoch s/ms/µs or ISO 8601)`);
  const time = new Float64Array(n);
  const values = memberCols.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i + 1];
    const line = i + 2;
    if (r.length !== header.length) throw new FreqtradeFileError(file, 'members', { line }, `${r.length} cells, the header has ${header.length}`);
    const t = parseTimeMs(r[timeCol].trim(), format);
    if (!Number.isFinite(t)) throw new FreqtradeFileError(file, 'members', { line, field: header[timeCol] }, `"${r[timeCol]}" is not a ${format} timestamp like the first row's`);
    if (i > 0 && t <= time[i - 1]) throw new FreqtradeFileError(file, 'members', { line, field: header[timeCol] }, t === time[i - 1] ? 'duplicate timestamp' : 'earlier than the previous row (rows must be sorted oldest first)');
    time[i] = t;
    memberCols.forEach((j, k) => {
      const cell = r[j].trim();
      if (cell === '' || /^(nan|null|none)$/i.test(cell)) { values[k][i] = NaN; return; }
      const x = parseStrictNumber(cell);
      if (!Number.isFinite(x)) throw new FreqtradeFileError(file, 'members', { line, field: header[j] }, `"${cell.slice(0, 30)}" is not a number`);
      values[k][i] = x;
    });
  }
  const warnings: string[] = [];
  const members = memberCols.map((j, k): MemberColumn => {
    const v = values[k];
    let lo = Infinity, hi = -Infinity, missing = 0;
    for (const x of v) { if (x !== x) missing++; else { lo = Math.min(lo, x); hi = Math.max(hi, x); } }
    if (missing === n) throw new FreqtradeFileError(file, 'members', { field: header[j] }, 'the column is empty');
    if (missing) warnings.push(`${header[j]}: ${missing} empty cells (no opinion on those bars)`);
    return { name: header[j], values: v, scale: lo >= 0 && hi <= 1 ? 'probability' : 'score' };
  });
  return { kind: 'members', file, time, members, warnings };
}

/**
 * Put member outputs on a candle series' bars (exact open-time match). Bars without a row get NaN; rows
 * outside the candles are counted. Refuses files that share fewer than `minBars` bars with the candles.
 */
export function alignMembers(m: MembersFile, candles: Ohlcv, minBars = 2): { columns: MemberColumn[]; matched: number; unmatchedRows: number } {
  const index = new Map<number, number>();
  candles.time.forEach((t, i) => index.set(t, i));
  const columns = m.members.map((c) => ({ ...c, values: new Float64Array(candles.time.length).fill(NaN) }));
  let matched = 0;
  for (let i = 0; i < m.time.length; i++) {
    const b = index.get(m.time[i]);
    if (b === undefined) continue;
    matched++;
    m.members.forEach((c, k) => { columns[k].values[b] = c.values[i]; });
  }
  if (matched < minBars) {
    throw new FreqtradeFileError(m.file, 'members', {}, `only ${matched} of its ${m.time.length} rows fall on bars of ${candles.source}; at least ${minBars} are needed (timestamps must be candle open times)`);
  }
  return { columns, matched, unmatchedRows: m.time.length - matched };
}

/**
 * The look-ahead check a user can run: the same strategy exported twice, the second time with the last candles
 * removed. On every bar both exports cover, a causal signal is identical; any difference means the signal at that
 * bar used later data. Returns the first differing bar per member (tolerance for float noise).
 */
export function lookAheadCheck(full: MembersFile, truncated: MembersFile, tolerance = 1e-9): { comparedBars: number; members: { name: string; changedBars: number; firstChangedTime: number | null }[] } {
  const index = new Map<number, number>();
  full.time.forEach((t, i) => index.set(t, i));
  const pairs: [number, number][] = [];
  truncated.time.forEach((t, i) => { const j = index.get(t); if (j !== undefined) pairs.push([j, i]); });
  if (pairs.length < 2) throw new FreqtradeFileError(truncated.file, 'members', {}, `shares ${pairs.length} bars with ${full.file}; export the same strategy over a shorter range`);
  const members = full.members.map((c) => {
    const other = truncated.members.find((o) => o.name === c.name);
    if (!other) throw new FreqtradeFileError(truncated.file, 'members', { field: c.name }, `column missing (present in ${full.file})`);
    let changed = 0, first: number | null = null;
    for (const [j, i] of pairs) {
      const a = c.values[j], b = other.values[i];
      const same = (a !== a && b !== b) || Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a));
      if (!same) { changed++; if (first === null) first = full.time[j]; }
    }
    return { name: c.name, changedBars: changed, firstChangedTime: first };
  });
  return { comparedBars: pairs.length, members };
}
