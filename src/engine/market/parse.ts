/** One entry point for user files: sniffs freqtrade JSON versus delimited text. */
import { OhlcvError, type OhlcvParseResult } from './ohlcv';
import { parseOhlcvCsv } from './csv';
import { parseFreqtradeJson } from './freqtrade';

/**
 * Feather/Parquet (freqtrade's newer binary formats) are not read: they need an Arrow decoder and arrive as
 * bytes, not text. The error says how to convert.
 */
export function parseOhlcv(text: string, fileName = ''): OhlcvParseResult {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.feather') || lower.endsWith('.parquet') || lower.endsWith('.arrow')) {
    throw new OhlcvError('unsupported-format', null, null, null,
      `${fileName}: Feather/Parquet files are not supported; convert with \`freqtrade convert-data --format-from feather --format-to json\` or export CSV`);
  }
  let i = 0;
  while (i < text.length && /[\s\uFEFF]/.test(text[i])) i++;
  const opts = fileName ? { fileName } : {};
  if (text[i] === '[' || lower.endsWith('.json')) return parseFreqtradeJson(text, opts);
  if (text[i] === '{') {
    throw new OhlcvError('unsupported-format', null, null, null,
      'JSON objects are not supported; expected freqtrade\'s list of candles [[timestamp_ms, open, high, low, close, volume], …]');
  }
  return parseOhlcvCsv(text, opts);
}
