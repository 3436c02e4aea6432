/**
 * Registry-wide tests: they cover every claim in src/engine/claims/registry.ts, so a new claim needs no new
 * test file. Each claim: its quote stands verbatim in the roadmap, its notebook lists it, every reading has a
 * rule, and every rule is exercised at its boundaries by the record's own cases.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIMS, ROADMAP_CLAIMS, ledgerNotebooks } from '../../../src/engine/claims/registry';
import { judge } from '../../../src/engine/claims/judge';
import { VERDICTS, isVerdict } from '../../../src/engine/claims/verdict';
import type { ClaimRecord } from '../../../src/engine/claims/types';
import { loadCatalog } from '../../../scripts/nodeCatalog';

// Markdown emphasis is markup, not words: "**Latency**: 95% …" quotes as "Latency: 95% …".
const roadmap = readFileSync('test/fixtures/roadmap/PRODUCTION_DEPLOYMENT_ROADMAP.md', 'utf8').replaceAll('**', '');
const claims = CLAIMS as unknown as readonly ClaimRecord<unknown>[];
const catalog = loadCatalog();

describe('claims registry', () => {
  it('ids are unique and kebab-case', () => {
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(ROADMAP_CLAIMS.map((c) => c.id)).toEqual(ids);
  });

  it.each(claims.map((c) => [c.id, c] as const))('%s: every piece of the quote stands verbatim in the roadmap', (_id, c) => {
    const pieces = c.quote.split(' … ').map((p) => p.trim()).filter(Boolean);
    expect(pieces.length).toBeGreaterThan(0);
    for (const p of pieces) expect(roadmap.includes(p), `"${p}" not found in the roadmap`).toBe(true);
    expect(c.section.length).toBeGreaterThan(3);
  });

  it('front matter `claims:` agrees with the registry, both ways', () => {
    const ids = new Set(catalog.map((n) => n.meta.id));
    for (const c of claims) {
      expect(ids.has(c.notebook), `${c.id}: notebook '${c.notebook}' does not exist`).toBe(true);
      for (const nb of [c.notebook, ...(c.alsoIn ?? [])]) {
        expect(catalog.find((n) => n.meta.id === nb)?.meta.claims ?? [], `${nb}'s front matter must list ${c.id}`).toContain(c.id);
      }
    }
    for (const nb of catalog) {
      for (const id of nb.meta.claims) {
        const c = claims.find((x) => x.id === id);
        expect(c, `${nb.meta.id} lists unknown claim '${id}'`).toBeDefined();
        expect([c!.notebook, ...(c!.alsoIn ?? [])], `${nb.meta.id} lists ${id} but the registry names ${c!.notebook}`).toContain(nb.meta.id);
      }
    }
  });

  it('the ledger runs each testing notebook once, timing experiments first', () => {
    const order = ledgerNotebooks();
    expect(new Set(order.map((n) => n.id)).size).toBe(order.length);
    const firstUntimed = order.findIndex((n) => !n.timing);
    expect(order.slice(firstUntimed).every((n) => !n.timing)).toBe(true);
    expect(order.flatMap((n) => n.claims).sort()).toEqual(claims.map((c) => c.id).sort());
  });

  describe.each(claims.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('has readings with unique ids, a rule each, and a headline among them', () => {
      expect(c.readings.length).toBeGreaterThan(0);
      expect(new Set(c.readings.map((r) => r.id)).size).toBe(c.readings.length);
      for (const r of c.readings) {
        expect(typeof r.rule).toBe('function');
        expect(r.label.length).toBeGreaterThan(5);
      }
      const heads = 'reading' in c.headline ? [c.headline.reading] : c.headline.mostFavourable;
      for (const h of heads) expect(c.readings.map((r) => r.id)).toContain(h);
      expect(c.headline.why.length).toBeGreaterThan(5);
      expect(c.figures.length).toBeGreaterThan(0);
    });

    it('boundary cases give the expected verdict per reading', () => {
      for (const k of c.cases) {
        for (const [reading, expected] of Object.entries(k.expect)) {
          const r = c.readings.find((x) => x.id === reading);
          expect(r, `case '${k.name}' names unknown reading '${reading}'`).toBeDefined();
          expect(isVerdict(expected)).toBe(true);
          expect(r!.rule(k.figures).verdict, `case '${k.name}', reading '${reading}'`).toBe(expected);
        }
      }
    });

    it('every non-constant reading is tested on both sides of a boundary (≥ 2 verdicts over the cases)', () => {
      for (const r of c.readings) {
        const seen = new Set(c.cases.filter((k) => r.id in k.expect).map((k) => k.expect[r.id]));
        expect(seen.size, `reading '${r.id}' is checked by no case`).toBeGreaterThan(0);
        if (!r.constant) expect(seen.size, `reading '${r.id}' needs cases on both sides of a boundary`).toBeGreaterThanOrEqual(2);
      }
    });

    it('judge() gives one headline verdict, every reading nested, figures with units, the rule with numbers', () => {
      for (const k of c.cases) {
        const j = judge(c.id, k.figures);
        expect(isVerdict(j.verdict)).toBe(true);
        expect(j.readings.filter((r) => r.headline)).toHaveLength(1);
        expect(j.readings.map((r) => r.id)).toEqual(c.readings.map((r) => r.id));
        expect(j.readings.find((r) => r.headline)!.verdict).toBe(j.verdict);
        expect(j.rule).toContain(j.readingLabel);
        for (const r of j.readings) if (r.verdict !== VERDICTS[5]) expect(r.rule, `${c.id} › ${r.id}: a rule states its figures`).toMatch(/\d/);
        expect(j.figures.map((f) => f.label)).toEqual(c.figures.map((f) => f.label));
        expect(() => structuredClone(j)).not.toThrow();
      }
    });
  });

  it('judge() rejects an unknown claim and non-object figures with a clear message', () => {
    expect(() => judge('no-such-claim', {})).toThrow(/unknown claim 'no-such-claim' \(registered: timing-bridge/);
    expect(() => judge('buffer-10ns', null)).toThrow(/figures must be an object/);
  });

  it('a "most favourable" headline says so and skips readings that could not be measured', () => {
    const c = claims.find((x) => x.id === 'quantum-vs-voting')!;
    const j = judge(c.id, c.cases[0].figures);
    expect(j.reading).toBe('roadmap-circuit');
    expect(j.verdict).toBe(VERDICTS[3]);
    expect(j.rule).toMatch(/most favourable of 3 readings/);
  });
});

/** Files under `dir` with one of the extensions, recursively. */
function files(dir: string, exts: string[]): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, exts) : exts.some((e) => p.endsWith(e)) ? [p] : [];
  });
}

/** [line number, text] of a file's code: for a notebook only its js/ts/view cells (prose may name verdicts). */
function codeLines(path: string): [number, string][] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (!path.endsWith('.md')) return lines.map((l, i) => [i + 1, l]);
  const out: [number, string][] = [];
  let inCode = false;
  lines.forEach((l, i) => {
    if (/^```/.test(l)) inCode = !inCode && /^```(js|ts|view)\b/.test(l);
    else if (inCode) out.push([i + 1, l]);
  });
  return out;
}

describe('one Verdict type', () => {
  it('no verdict string literal outside src/engine/claims/ (code compares against VERDICTS or a rule result)', () => {
    const literal = new RegExp(`['"\`](${VERDICTS.join('|')})['"\`]`);
    const offenders = [...files('src', ['.ts', '.svelte']), ...files('scripts', ['.ts']), ...files('notebooks', ['.md'])]
      .filter((p) => !p.startsWith(join('src', 'engine', 'claims')))
      .flatMap((p) => codeLines(p).map(([i, line]) => [p, i, line] as const))
      .filter(([, , line]) => literal.test(line))
      .map(([p, n, line]) => `${p}:${n}: ${line.trim().slice(0, 120)}`);
    expect(offenders).toEqual([]);
  });

  it('no other module declares a Verdict type', () => {
    const decl = /type\s+Verdict\s*=/;
    const others = files('src', ['.ts', '.svelte']).filter((p) => !p.endsWith(join('claims', 'verdict.ts')) && decl.test(readFileSync(p, 'utf8')));
    expect(others).toEqual([]);
  });
});
