import { ShareError } from './errors';

/** RFC 4648 §5 alphabet, no padding: safe in a URL hash without escaping. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63];
  }
  return out;
}

/**
 * Strict decoder: only the base64url alphabet, no padding, no whitespace. `offset` is added to
 * reported positions so messages point into the whole link, not just the payload.
 */
export function decodeBase64url(text: string, offset = 0): Uint8Array {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || LOOKUP[c] < 0) {
      const shown = JSON.stringify(String.fromCodePoint(text.codePointAt(i)!));
      throw new ShareError('base64', `unexpected character ${shown} at position ${i + offset} (a link may only contain A–Z a–z 0–9 - _ after "x1."; it may have been cut or altered by an e-mail or chat program)`, undefined, { position: i + offset });
    }
  }
  if (text.length % 4 === 1) {
    throw new ShareError('base64', `the payload has an impossible length (${text.length} characters): the link was probably cut off`, undefined, { length: text.length });
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n = (LOOKUP[text.charCodeAt(i)] << 18) | (LOOKUP[text.charCodeAt(i + 1)] << 12) | (LOOKUP[text.charCodeAt(i + 2)] << 6) | LOOKUP[text.charCodeAt(i + 3)];
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest >= 2) {
    const n = (LOOKUP[text.charCodeAt(i)] << 18) | (LOOKUP[text.charCodeAt(i + 1)] << 12) | (rest === 3 ? LOOKUP[text.charCodeAt(i + 2)] << 6 : 0);
    out[o++] = n >>> 16;
    if (rest === 3) out[o] = (n >>> 8) & 255;
  }
  return out;
}
