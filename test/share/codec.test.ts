import { checksum } from '../../src/share/codec';
import { describe, expect, it } from 'vitest';
import { Deflate, deflateSync } from 'fflate';
import {
  decodeExperiment, decodeWith, encodeExperiment, linkSizeStatus, MAX_JSON_BYTES, MAX_LINK_CHARS,
  ShareError, tryDecodeExperiment, type ExperimentState, type ShareErrorCode,
} from '../../src/share/index';
import { encodeBase64url } from '../../src/share/base64url';
import { inflateCapped, type InflateStats } from '../../src/share/inflateCapped';

const base: ExperimentState = { v: 1, notebook: 'timing', seed: 42, inputs: { periodMs: 1, mode: 'chained', isolated: false }, edits: {} };

/** Build a link around arbitrary JSON text (bypassing the encoder's validation). */
function linkFromJson(json: string, version = 1): string {
  const bytes = new TextEncoder().encode(json);
  return `#x${version}.${encodeBase64url(deflateSync(bytes))}.${checksum(bytes)}`;
}

function failure(hash: string): ShareError {
  const r = tryDecodeExperiment(hash);
  if (r.ok) throw new Error(`expected ${hash.slice(0, 40)} to fail`);
  expect(r.error).toBeInstanceOf(ShareError);
  return r.error;
}

function expectCode(hash: string, code: ShareErrorCode, path?: string): ShareError {
  const e = failure(hash);
  expect({ code: e.code, path: e.path }).toEqual({ code, path });
  return e;
}

describe('encodeExperiment / decodeExperiment', () => {
  it('round-trips a state and starts with #x1.', () => {
    const link = encodeExperiment(base);
    expect(link.startsWith('#x1.')).toBe(true);
    expect(decodeExperiment(link)).toEqual(base);
    expect(encodeExperiment(decodeExperiment(link))).toBe(link);
  });

  it('gives equal states one link regardless of key order, -0, hide order and duplicates', () => {
    const a: ExperimentState = { v: 1, notebook: 'x', seed: 0, inputs: { b: 2, a: -0 }, edits: { z: 'q', y: 'p' }, hide: ['controls', 'code', 'code'] };
    const b: ExperimentState = { hide: ['code', 'controls'], edits: { y: 'p', z: 'q' }, inputs: { a: 0, b: 2 }, seed: -0, notebook: 'x', v: 1 };
    expect(encodeExperiment(a)).toBe(encodeExperiment(b));
  });

  it('omits defaults: empty inputs/edits/hide and undefined fields do not change the link', () => {
    const plain = encodeExperiment({ v: 1, notebook: 'timing', seed: 1, inputs: {}, edits: {} });
    expect(encodeExperiment({ v: 1, notebook: 'timing', seed: 1, inputs: {}, edits: {}, hide: [], dataset: undefined, step: undefined })).toBe(plain);
    // The wire JSON holds only notebook and seed.
    expect(plain).toBe(linkFromJson('{"notebook":"timing","seed":1}'));
  });

  it('accepts the payload bare, with #, inside a #/nb/<id>/ route and inside a full URL', () => {
    const link = encodeExperiment(base);
    const body = link.slice(1);
    for (const form of [body, link, `#/nb/timing/${body}`, `https://example.org/play/#/nb/timing/${body}`]) {
      expect(decodeExperiment(form)).toEqual(base);
    }
  });

  it('refuses to encode an invalid state with a ShareError naming the field', () => {
    expect(() => encodeExperiment({ ...base, seed: 1.5 })).toThrow(ShareError);
    expect(() => encodeExperiment({ ...base, inputs: { x: Number.NaN } })).toThrow(/inputs\.x: expected number, string or boolean, received NaN/);
    expect(() => encodeExperiment({ ...base, notebook: 'Timing!' })).toThrow(/notebook: invalid notebook id/);
  });
});

describe('decode steps fail with typed errors', () => {
  it('(1) prefix', () => {
    const e = expectCode('hello', 'prefix');
    expect(e.message).toBe('a share link\'s payload starts with "x1." but this one starts with "hello"');
    expectCode('', 'prefix');
    expectCode('#/nb/timing/', 'prefix');
    expectCode('x.abc', 'prefix');
  });

  it('(1) a future version names both versions', () => {
    const e = expectCode('#x2.q1bKzCsoLSlWsqpWKkgt', 'version');
    expect(e.message).toBe('this link was made by a newer version (v2) of the playground; this one reads v1');
  });

  it('(1) an unknown old version with no migration', () => {
    const e = expectCode(linkFromJson('{"notebook":"a","seed":1}', 0), 'version');
    expect(e.message).toContain('format v0');
  });

  it('(2) base64url alphabet: reports the first bad character and its position in the link', () => {
    const link = encodeExperiment(base);
    const bad = link.slice(0, 10) + '+' + link.slice(11, 20) + '=' + link.slice(21);
    const e = expectCode(bad, 'base64');
    expect(e.detail).toEqual({ position: 10 });
    expect(e.message).toMatch(/^unexpected character "\+" at position 10 /);
    expectCode('x1.abcde', 'base64'); // length ≡ 1 mod 4 cannot come from bytes
  });

  it('(3) caps the link length before decoding', () => {
    expectCode('x1.' + 'A'.repeat(MAX_LINK_CHARS + 1), 'too-large');
  });

  it('(3) refuses a zip bomb (50 MB of zeros) while inflating, without producing it', () => {
    const chunks: Uint8Array[] = [];
    const d = new Deflate({ level: 9 }, (c) => chunks.push(c));
    const mb = new Uint8Array(1 << 20);
    for (let i = 0; i < 50; i++) d.push(mb, i === 49);
    const bomb = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) { bomb.set(c, o); o += c.length; }
    const link = `#x1.${encodeBase64url(bomb)}`;
    expect(link.length).toBeLessThan(MAX_LINK_CHARS); // so the inflate cap, not the length cap, must catch it
    expectCode(link, 'too-large');
    const stats: InflateStats = { consumedBytes: 0, producedBytes: 0 };
    expect(() => inflateCapped(bomb, MAX_JSON_BYTES, stats)).toThrow(ShareError);
    // Stopped shortly after the cap: one 256-byte input slice expands to at most ~264 KiB.
    expect(stats.producedBytes).toBeLessThan(MAX_JSON_BYTES + 300 * 1024);
    expect(stats.consumedBytes).toBeLessThan(bomb.length / 10);
  });

  it('(3) inflate: truncated or corrupt streams', () => {
    const link = encodeExperiment(base);
    expectCode(link.slice(0, 24), 'inflate');
    expectCode('x1.', 'inflate');
    expectCode('x1.____', 'inflate');
  });

  it('(4) JSON errors carry the position', () => {
    const e = expectCode(linkFromJson('{"notebook":"a","seed":}'), 'json');
    expect(e.detail).toEqual({ position: 23 });
    expect(e.message).toBe('the payload is not valid JSON (at character 23, near "a\\",\\"seed\\":}")');
    expectCode(linkFromJson('{"notebook":"a"'), 'json');
    expect(failure(linkFromJson('{"a":1} x')).detail).toEqual({ position: 8 });
  });

  it('(4) invalid UTF-8 is a json error', () => {
    const bytes = deflateSync(new Uint8Array([0x7b, 0xff, 0x7d]));
    expectCode(`x1.${encodeBase64url(bytes)}`, 'json');
  });

  it('(5) a tampered field fails schema validation with its path', () => {
    let e = expectCode(linkFromJson('{"notebook":"timing","seed":1,"inputs":{"nQubits":null}}'), 'schema', 'inputs.nQubits');
    expect(e.message).toBe('inputs.nQubits: expected number, string or boolean, received null');
    e = expectCode(linkFromJson('{"notebook":"timing","seed":"1"}'), 'schema', 'seed');
    expect(e.message).toBe('seed: expected number, received string');
    e = expectCode(linkFromJson('{"notebook":"timing","seed":1,"edits":{"cell-1":42}}'), 'schema', 'edits.cell-1');
    expect(e.message).toBe('edits.cell-1: expected string, received number');
    expectCode(linkFromJson('{"seed":1}'), 'schema', 'notebook');
    expectCode(linkFromJson('[1,2]'), 'schema');
    expectCode(linkFromJson('{"notebook":"a","seed":1,"hide":"code"}'), 'schema', 'hide');
    expectCode(linkFromJson('{"notebook":"a","seed":1e999}'), 'schema', 'seed');
  });

  it('(5) unknown fields are ignored with a warning', () => {
    const r = tryDecodeExperiment(linkFromJson('{"notebook":"a","seed":1,"future":true}'));
    expect(r.ok && r.warnings).toEqual(["Ignored unknown field 'future' in the link."]);
  });

  it('(6) migrations run from the link version up to the current one', () => {
    // A fake v0 that stored the seed as a string under `s` and the notebook under `nb`.
    const migrations = { 0: (p: unknown) => { const o = p as { nb: string; s: string }; return { notebook: o.nb, seed: Number(o.s) }; } };
    const r = decodeWith(linkFromJson('{"nb":"timing","s":"17"}', 0), migrations, 1);
    expect(r.ok && r.state).toEqual({ v: 1, notebook: 'timing', seed: 17, inputs: {}, edits: {} });
    expect(r.ok && r.warnings[0]).toMatch(/older version of the playground \(format v0\) and was upgraded/);
    // Without the migration the same link is refused.
    expect(decodeWith(linkFromJson('{"nb":"timing","s":"17"}', 0), {}, 1)).toMatchObject({ ok: false, error: { code: 'version' } });
  });

  it('(7) limits name the field and the allowed range', () => {
    const at = (o: Record<string, unknown>) => linkFromJson(JSON.stringify({ notebook: 'timing', seed: 1, ...o }));
    expect(expectCode(at({ seed: 2 ** 32 }), 'limit', 'seed').message).toBe('seed: invalid seed 4294967296 (expected an integer 0–4294967295)');
    expectCode(at({ seed: -1 }), 'limit', 'seed');
    expectCode(at({ seed: 0.5 }), 'limit', 'seed');
    expect(decodeExperiment(at({ seed: 2 ** 32 - 1 })).seed).toBe(2 ** 32 - 1);
    expectCode(at({ notebook: 'Timing' }), 'limit', 'notebook');
    expectCode(at({ notebook: '' }), 'limit', 'notebook');
    const many = (n: number, v: unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, v]));
    expect(decodeExperiment(at({ inputs: many(200, 1) })).inputs.k199).toBe(1);
    expectCode(at({ inputs: many(201, 1) }), 'limit', 'inputs');
    expect(Object.keys(decodeExperiment(at({ edits: many(100, 'x') })).edits)).toHaveLength(100);
    expectCode(at({ edits: many(101, 'x') }), 'limit', 'edits');
    expect(decodeExperiment(at({ edits: { c: 'a'.repeat(65536) } })).edits.c).toHaveLength(65536);
    expect(expectCode(at({ edits: { c: 'a'.repeat(65535) + 'µ' } }), 'limit', 'edits.c').message).toBe('edits.c: edited source is 65537 bytes (expected at most 65536)');
    expectCode(at({ inputs: { __proto__x: 1, constructor: 1 } }), 'limit', 'inputs.constructor');
    expectCode(linkFromJson('{"notebook":"a","seed":1,"inputs":{"__proto__":1}}'), 'limit', 'inputs.__proto__');
    expectCode(at({ inputs: { 'a b': 1 } }), 'limit', 'inputs["a b"]');
    expectCode(at({ step: -1 }), 'limit', 'step');
    expectCode(at({ hide: ['code', 'Code!'] }), 'limit', 'hide[1]');
  });

  it('decodeExperiment throws the same ShareError that tryDecodeExperiment returns', () => {
    expect(() => decodeExperiment('x9.AAAA')).toThrow(ShareError);
  });
});

describe('linkSizeStatus', () => {
  it('is ok for short links, warns near 64 KB and flags longer ones', () => {
    expect(linkSizeStatus('https://a/#' + encodeExperiment(base))).toMatchObject({ level: 'ok' });
    expect(linkSizeStatus('a'.repeat(49_152))).toEqual({ level: 'ok', bytes: 49_152 });
    expect(linkSizeStatus('a'.repeat(49_153)).level).toBe('warn');
    expect(linkSizeStatus('a'.repeat(65_536)).level).toBe('warn');
    expect(linkSizeStatus('a'.repeat(65_537)).level).toBe('too-large');
    expect(linkSizeStatus('µ'.repeat(40_000)).bytes).toBe(80_000);
  });
});

describe('link integrity (checksum)', () => {
  it('a one-character change in the payload is reported as a damaged link, never opened silently', () => {
    const link = encodeExperiment({ v: 1, notebook: 'timing', seed: 7, inputs: { n: 3 }, edits: { a: 'const x = 1;' } });
    const dot = link.lastIndexOf('.');
    let detected = 0, total = 0;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 4; i < dot; i++) {
      const c = alphabet[(alphabet.indexOf(link[i]) + 1) % 64];
      const r = tryDecodeExperiment(link.slice(0, i) + c + link.slice(i + 1));
      total++;
      // Either refused, or the change only touched base64's unused trailing bits: the same state.
      if (!r.ok || JSON.stringify(r.state) === JSON.stringify(decodeExperiment(link))) detected++;
    }
    expect(detected).toBe(total);
    const flipped = link.slice(0, 10) + (link[10] === 'A' ? 'B' : 'A') + link.slice(11);
    const r = tryDecodeExperiment(flipped);
    expect(r.ok).toBe(false);
  });

  it('a wrong checksum says the link is damaged', () => {
    const link = encodeExperiment({ v: 1, notebook: 'timing', seed: 7, inputs: {}, edits: {} });
    const bad = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    const r = tryDecodeExperiment(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('checksum');
    expect(!r.ok && r.error.message).toMatch(/^the link is damaged: its checksum does not match/);
  });

  it('links made before checksums decode, with a warning that they are unchecked', () => {
    const json = new TextEncoder().encode('{"notebook":"timing","seed":1}');
    const r = tryDecodeExperiment(`#x1.${encodeBase64url(deflateSync(json))}`);
    expect(r.ok && r.state.seed).toBe(1);
    expect(r.ok && r.warnings).toEqual([expect.stringMatching(/no checksum/)]);
  });
});
