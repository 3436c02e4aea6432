import { Inflate } from 'fflate';
import { ShareError } from './errors';

/**
 * Feed the input in small slices so one push can expand to at most ~INPUT_SLICE × 1032 bytes
 * (DEFLATE's maximum ratio): a zip bomb is stopped after ~maxBytes + 260 KiB, never allocated whole.
 */
const INPUT_SLICE = 256;

export interface InflateStats {
  /** Compressed bytes handed to the inflater before it finished or was stopped. */
  consumedBytes: number;
  /** Decompressed bytes seen (stops counting shortly after the cap). */
  producedBytes: number;
}

class TooLarge extends Error {}

/** Raw-DEFLATE decompress with a hard cap on the output size, enforced while streaming. */
export function inflateCapped(data: Uint8Array, maxBytes: number, stats?: InflateStats): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    if (chunk.length) chunks.push(chunk);
  });
  try {
    if (data.length === 0) throw new ShareError('inflate', 'the payload is empty: the link was probably cut off');
    for (let i = 0; i < data.length; i += INPUT_SLICE) {
      const end = Math.min(i + INPUT_SLICE, data.length);
      consumed = end;
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (e) {
    if (e instanceof ShareError) throw e;
    if (e instanceof TooLarge) {
      throw new ShareError('too-large', `the link expands to more than ${maxBytes} bytes; it is not a playground link (or it is a deliberately oversized one)`, undefined, { maxBytes, consumedBytes: consumed });
    }
    // fflate reports corrupt or truncated streams with plain Errors ("invalid block type", "unexpected EOF").
    const why = e instanceof Error ? e.message : String(e);
    throw new ShareError('inflate', `the compressed payload is damaged (${why}); the link was probably cut off or altered`, undefined, { reason: why });
  } finally {
    if (stats) {
      stats.consumedBytes = consumed;
      stats.producedBytes = total;
    }
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
