/**
 * Share links: the whole experiment state in the URL hash as `x1.<base64url(deflate-raw(canonical JSON))>.<check>`,
 * where <check> is a 32-bit FNV-1a checksum of the JSON (6 base64url characters): a damaged link (one
 * character flipped, cut off) says so instead of opening silently altered code. Links made before the
 * checksum existed (no `.<check>` suffix) still decode; they are reported as unchecked.
 * One state has exactly one link (canonical JSON, fixed compression level), and decoding never
 * trusts its input: every step fails with a typed ShareError saying what is wrong and where.
 */
import { deflateSync } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url';
import { canonicalJson } from './canonicalJson';
import { ShareError } from './errors';
import { inflateCapped } from './inflateCapped';
import { jsonErrorPosition } from './jsonErrorPosition';
import { MIGRATIONS, migrate, type MigrationTable } from './migrations';
import { canonicalState, checkLimits, checkReservedKeys, CURRENT_VERSION, KNOWN_FIELDS, parsePayload, toWire, type ExperimentState } from './schema';

export { ShareError, type ShareErrorCode } from './errors';
export { CURRENT_VERSION, LIMITS, canonicalState, type ExperimentState } from './schema';

/** Longest payload we try to read: far above any real link, small enough to refuse cheaply. */
export const MAX_LINK_CHARS = 256 * 1024;
/**
 * Largest decompressed JSON. Real links are a few KB; this bounds memory on hostile links (zip
 * bombs). It binds before the per-edit limit would: 100 edits of 64 KiB do not fit together.
 */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Firefox's URL limit (~64 KB) is the binding one across browsers (ANCHORS.md §1.8). */
export const MAX_PORTABLE_LINK_BYTES = 65_536;
/** Warn from three quarters of the portable limit on. */
export const WARN_LINK_BYTES = 49_152;

/** fflate's level 6 (the default) is pinned so the same state always compresses to the same bytes. */
const DEFLATE_LEVEL = 6;

export type DecodeResult = { ok: true; state: ExperimentState; warnings: string[] } | { ok: false; error: ShareError };

/** Encode a state as `#x1.…`. Throws ShareError ('schema' or 'limit') if the state itself is invalid. */
export function encodeExperiment(state: ExperimentState): string {
  const { v: _v, ...rest } = state;
  const payload = parsePayload(rest);
  checkLimits(payload);
  const json = new TextEncoder().encode(canonicalJson(toWire(canonicalState(payload))));
  // Refuse what the decoder would refuse, so every link we make can be read back.
  if (json.length > MAX_JSON_BYTES) {
    throw new ShareError('too-large', `the experiment is ${json.length} bytes as JSON (at most ${MAX_JSON_BYTES} fit in a link); shorten edited cells`, undefined, { bytes: json.length, max: MAX_JSON_BYTES });
  }
  const body = encodeBase64url(deflateSync(json, { level: DEFLATE_LEVEL }));
  if (body.length > MAX_LINK_CHARS) {
    throw new ShareError('too-large', `the link would be ${body.length} characters long (at most ${MAX_LINK_CHARS} are read); shorten edited cells`, undefined, { chars: body.length, max: MAX_LINK_CHARS });
  }
  return `#x${CURRENT_VERSION}.${body}.${checksum(json)}`;
}

/** FNV-1a over the JSON bytes, as 6 base64url characters (32 bits). Integrity against damage, not attack. */
export function checksum(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const four = new Uint8Array([h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255]);
  return encodeBase64url(four);
}

/** Decode a link (`x1.…`, `#x1.…`, `#/nb/<id>/x1.…` or a full URL). Throws only ShareError. */
export function decodeExperiment(hash: string): ExperimentState {
  const r = tryDecodeExperiment(hash);
  if (!r.ok) throw r.error;
  return r.state;
}

export function tryDecodeExperiment(hash: string): DecodeResult {
  return decodeWith(hash, MIGRATIONS, CURRENT_VERSION);
}

/** The decoder with an explicit migration table (tests use a fake v0). */
export function decodeWith(hash: string, migrations: MigrationTable, currentVersion: number): DecodeResult {
  try {
    return { ok: true, ...decodeSteps(hash, migrations, currentVersion) };
  } catch (e) {
    if (e instanceof ShareError) return { ok: false, error: e };
    // Defensive: nothing below should throw anything else, but a link must never crash the app.
    return { ok: false, error: new ShareError('json', `the link could not be read (${e instanceof Error ? e.message : String(e)})`) };
  }
}

function decodeSteps(hash: string, migrations: MigrationTable, currentVersion: number): { state: ExperimentState; warnings: string[] } {
  if (typeof hash !== 'string') throw new ShareError('prefix', `expected the link as text, received ${typeof hash}`);
  const warnings: string[] = [];
  // (1) prefix and version. The payload starts after the last '/' of a '#/nb/<id>/x1.…' route.
  const start = locatePayload(hash);
  const head = /^x(\d{1,6})\./.exec(hash.slice(start, start + 8));
  if (!head) {
    const shown = JSON.stringify(hash.slice(start, start + 12) + (hash.length - start > 12 ? '…' : ''));
    throw new ShareError('prefix', `a share link's payload starts with "x${currentVersion}." but this one starts with ${shown}`, undefined, { position: start });
  }
  const version = Number(head[1]);
  if (version > currentVersion) {
    throw new ShareError('version', `this link was made by a newer version (v${version}) of the playground; this one reads v${currentVersion}`, undefined, { version, current: currentVersion });
  }
  const bodyStart = start + head[0].length;
  let body = hash.slice(bodyStart);
  // The checksum suffix ('.' is not in the base64url alphabet, so it cannot be part of the body).
  let expectedCheck: string | null = null;
  const dot = body.lastIndexOf('.');
  if (dot >= 0) {
    expectedCheck = body.slice(dot + 1);
    body = body.slice(0, dot);
  }
  // (3a) cap the compressed size before any work.
  if (body.length > MAX_LINK_CHARS) {
    throw new ShareError('too-large', `the link is ${body.length} characters long (at most ${MAX_LINK_CHARS} are read)`, undefined, { chars: body.length, max: MAX_LINK_CHARS });
  }
  // (2) alphabet.
  const compressed = decodeBase64url(body, bodyStart);
  // (3b) cap the decompressed size while inflating.
  const raw = inflateCapped(compressed, MAX_JSON_BYTES);
  // (4) UTF-8 and JSON.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ShareError('json', 'the payload is not valid UTF-8 text: the link was altered');
  }
  if (expectedCheck !== null && checksum(raw) !== expectedCheck) {
    throw new ShareError('checksum', `the link is damaged: its checksum does not match its content (expected ${JSON.stringify(expectedCheck)}, the content gives ${JSON.stringify(checksum(raw))}). It was altered or cut off when copied; ask for the link again`, undefined, { expected: expectedCheck, actual: checksum(raw) });
  }
  if (expectedCheck === null) warnings.push('This link has no checksum (it was made before links carried one), so damage to it cannot be detected; check that it shows what you expect.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const pos = jsonErrorPosition(text);
    const near = JSON.stringify(text.slice(Math.max(0, pos - 10), pos + 10));
    throw new ShareError('json', `the payload is not valid JSON (at character ${pos}, near ${near})`, undefined, { position: pos });
  }
  // (6) migrations (on the raw payload, so old shapes need not satisfy today's schema).
  if (version < currentVersion) {
    const m = migrate(parsed, version, currentVersion, migrations);
    if (!m) throw new ShareError('version', `this link uses format v${version}, which this version of the playground can no longer read (it reads v${currentVersion})`, undefined, { version, current: currentVersion });
    parsed = m.payload;
    warnings.push(`This link was made by an older version of the playground (format v${version}) and was upgraded; check that it still shows what you expect.`);
  }
  // (5) schema.
  checkReservedKeys(parsed);
  const payload = parsePayload(parsed);
  const unknown = Object.keys(parsed as object).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) warnings.push(`Ignored unknown field${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map((k) => `'${k.slice(0, 40)}'`).join(', ')} in the link.`);
  // (7) limits.
  checkLimits(payload);
  return { state: canonicalState(payload), warnings };
}

function locatePayload(hash: string): number {
  const h = hash.indexOf('#');
  let i = h >= 0 ? h + 1 : 0;
  if (hash.startsWith('/nb/', i)) {
    const slash = hash.indexOf('/', i + 4);
    if (slash >= 0) i = slash + 1;
  }
  return i;
}

export type LinkSizeLevel = 'ok' | 'warn' | 'too-large';

/** How a link's length compares with what every browser accepts. */
export function linkSizeStatus(link: string): { level: LinkSizeLevel; bytes: number; message?: string } {
  const bytes = new TextEncoder().encode(link).length;
  if (bytes > MAX_PORTABLE_LINK_BYTES) {
    return { level: 'too-large', bytes, message: `longer than ${MAX_PORTABLE_LINK_BYTES / 1024} KB: Firefox and some chat apps will cut it off; shorten edited cells or share the notebook file instead` };
  }
  if (bytes > WARN_LINK_BYTES) {
    return { level: 'warn', bytes, message: `close to the ${MAX_PORTABLE_LINK_BYTES / 1024} KB limit some browsers enforce` };
  }
  return { level: 'ok', bytes };
}
