/**
 * Candles in freqtrade's default on-disk format: a Feather v2 file, i.e. an Apache Arrow IPC file with
 * LZ4-frame-compressed buffers (pandas `to_feather(compression="lz4")`; ZSTD is also accepted). The Arrow format is
 * read by the `apache-arrow` package and the buffers are inflated by `lz4js`/`fzstd`; this module only maps the
 * columns (date, open, high, low, close, volume) onto the playground's candle series with the usual checks.
 */
import { tableFromIPC, compressionRegistry, CompressionType, type Table, type Vector } from 'apache-arrow';
import lz4 from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';
import { MAX_ROWS, MIN_ROWS, OhlcvError, type OhlcvParseResult } from './ohlcv';
import { checkCandle, finishOhlcv, type ColumnOf } from './validate';
import { FreqtradeFileError } from './freqtradeErrors';

let codecsRegistered = false;
function registerCodecs(): void {
  if (codecsRegistered) return;
  compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: (d) => lz4.decompress(d) });
  compressionRegistry.set(CompressionType.ZSTD, { decode: (d) => zstdDecompress(d) });
  codecsRegistered = true;
}

export function isArrowFile(bytes: Uint8Array): boolean {
  // "ARROW1" magic (file format); a stream starts with the 0xFFFFFFFF continuation marker.
  return (bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1')
    || (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff);
}

const TIME_NAMES = ['date', 'time', 'timestamp', 'datetime', 'open_time'];

/** Epoch-ms per raw unit of an Arrow timestamp (unit 0 = s, 1 = ms, 2 = µs, 3 = ns). */
const MS_PER_UNIT = [1000, 1, 1e-3, 1e-6];

export function parseFeatherCandles(bytes: Uint8Array, file: string): OhlcvParseResult {
  registerCodecs();
  if (!isArrowFile(bytes)) {
    throw new FreqtradeFileError(file, 'feather', {}, 'not a Feather/Arrow file (it does not start with "ARROW1"); Feather v1 files are not read: re-save with `freqtrade convert-data --format-to feather`');
  }
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new FreqtradeFileError(file, 'feather', {}, `the Arrow data cannot be read (${(e as Error).message}); the file may be truncated or damaged`);
  }
  const names = table.schema.fields.map((f) => f.name);
  const column = (want: readonly string[], field: string): Vector => {
    const name = names.find((n) => want.includes(n.toLowerCase()));
    if (!name) throw new FreqtradeFileError(file, 'feather', { field }, `missing column "${field}" (columns: ${names.join(', ')})`);
    return table.getChild(name)!;
  };
  const n = table.numRows;
  if (n > MAX_ROWS) throw new OhlcvError('too-many-rows', null, null, null, `${file}: ${n} candles, more than ${MAX_ROWS} (MAX_ROWS)`);
  if (n < MIN_ROWS) throw new OhlcvError('too-few-rows', null, null, null, `${file}: ${n} candle${n === 1 ? '' : 's'}; at least ${MIN_ROWS} are needed`);
  const dateCol = column(TIME_NAMES, 'date');
  const cols = { time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  readTime(dateCol, cols.time, file);
  const hasVolume = names.some((x) => x.toLowerCase() === 'volume');
  for (const f of ['open', 'high', 'low', 'close', 'volume'] as const) {
    if (f === 'volume' && !hasVolume) continue;
    readNumbers(column([f], f), cols[f], file, f);
  }
  const colOf: ColumnOf = (f) => names.findIndex((x) => x.toLowerCase() === f || (f === 'time' && TIME_NAMES.includes(x.toLowerCase()))) + 1 || null;
  let prev = -Infinity;
  try {
    for (let i = 0; i < n; i++) {
      checkCandle(i + 1, colOf, cols.time[i], cols.open[i], cols.high[i], cols.low[i], cols.close[i], cols.volume[i], prev);
      prev = cols.time[i];
    }
  } catch (e) {
    if (e instanceof OhlcvError) throw new FreqtradeFileError(file, 'feather', { record: `candle ${e.row}`, field: e.field ?? undefined }, e.message.replace(/^row \d+, column \d+ \([a-z]+\): /, ''));
    throw e;
  }
  const { data, warnings } = finishOhlcv(cols, n, file, (i) => i + 1, hasVolume);
  return { data, warnings, format: { kind: 'feather', timeFormat: 'epoch-ms' } };
}

/** Copy a column chunk by chunk (fast typed-array access, no per-value boxing), rejecting nulls with their row. */
function forEachChunk(v: Vector, file: string, field: string, each: (values: ArrayLike<number | bigint>, offset: number) => void): void {
  let offset = 0;
  for (const d of v.data) {
    if (d.nullCount > 0) {
      for (let i = 0; i < d.length; i++) {
        if (!d.getValid(i)) throw new FreqtradeFileError(file, 'feather', { record: `candle ${offset + i + 1}`, field }, 'missing value (null)');
      }
    }
    each(d.values as ArrayLike<number | bigint>, offset);
    offset += d.length;
  }
}

function readTime(v: Vector, out: Float64Array, file: string): void {
  const type = v.type as { typeId: number; unit?: number };
  // Arrow Type ids: Timestamp = 10, Date = 8, Int = 2, Float = 3.
  let scale: number;
  if (type.typeId === 10) scale = MS_PER_UNIT[type.unit ?? 1];
  else if (type.typeId === 8) scale = type.unit === 0 ? 86_400_000 : 1;
  else if (type.typeId === 2 || type.typeId === 3) scale = 1;
  else throw new FreqtradeFileError(file, 'feather', { field: 'date' }, `unsupported date column type ${String(v.type)}; expected a timestamp`);
  forEachChunk(v, file, 'date', (values, offset) => {
    for (let i = 0; i < values.length && offset + i < out.length; i++) {
      const t = Math.round(Number(values[i]) * scale);
      if (!(t > 0)) throw new FreqtradeFileError(file, 'feather', { record: `candle ${offset + i + 1}`, field: 'date' }, `timestamp ${t} ms is not after 1970`);
      out[offset + i] = t;
    }
  });
}

function readNumbers(v: Vector, out: Float64Array, file: string, field: string): void {
  const typeId = (v.type as { typeId: number }).typeId;
  if (typeId !== 3 && typeId !== 2) throw new FreqtradeFileError(file, 'feather', { field }, `column type ${String(v.type)} is not numeric`);
  forEachChunk(v, file, field, (values, offset) => {
    for (let i = 0; i < values.length && offset + i < out.length; i++) {
      const x = Number(values[i]);
      if (!Number.isFinite(x)) throw new FreqtradeFileError(file, 'feather', { record: `candle ${offset + i + 1}`, field }, `${x} is not a finite number`);
      out[offset + i] = x;
    }
  });
}

