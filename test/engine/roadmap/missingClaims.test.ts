import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MISSING_CLAIMS } from '../../../src/engine/roadmap/missingClaims';
import { judgeRecord, VERDICTS } from '../../../src/engine/roadmap/claimTypes';
import { judgeMissing } from '../../../src/engine/roadmap/index';

const roadmap = readFileSync('../shared/roadmap/PRODUCTION_DEPLOYMENT_ROADMAP.md', 'utf8');

describe('missing-claim records (issue 8 §4)', () => {
  it('ids are unique, quotes verbatim from the roadmap, a section and a notebook each', () => {
    const ids = MISSING_CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of MISSING_CLAIMS) {
      for (const piece of c.quote.split(' … ')) expect(roadmap.includes(piece), `${c.id}: '${piece}' not in the roadmap`).toBe(true);
      expect(c.section.length).toBeGreaterThan(5);
      expect(c.notebook).toMatch(/^[a-z0-9-]+$/);
    }
  });
  it('every boundary case gives the verdict it names, for every reading', () => {
    for (const c of MISSING_CLAIMS) {
      expect(c.cases.length, c.id).toBeGreaterThan(0);
      for (const k of c.cases) {
        const j = judgeRecord(c, k.figures);
        for (const r of j.readings) {
          expect(k.expect[r.id], `${c.id} / ${k.name}: no expectation for reading ${r.id}`).toBeDefined();
          expect(r.verdict, `${c.id} / ${k.name} / ${r.id}: ${r.rule}`).toBe(k.expect[r.id]);
          expect(VERDICTS).toContain(r.verdict);
          expect(r.rule.length).toBeGreaterThan(20);
        }
        expect(j.rule).toMatch(/^Headline reading: /);
        expect(j.readings.filter((r) => r.headline)).toHaveLength(1);
      }
    }
  });
  it('non-constant rules have cases on both sides (at least two distinct verdicts)', () => {
    for (const c of MISSING_CLAIMS) for (const r of c.readings) {
      if (r.constant) continue;
      const seen = new Set(c.cases.map((k) => k.expect[r.id]));
      expect(seen.size, `${c.id} / ${r.id}`).toBeGreaterThan(1);
    }
  });
  it('judgeMissing finds records by id and refuses unknown ids', () => {
    const j = judgeMissing('ram-16gb', { ramBytes: 16 * 2 ** 30, wires: 16, statevectorBytes: 2 ** 20, densityBytes: 2 ** 36, virtualQubits: 66, virtualStatevectorBytes: 2 ** 70 });
    expect(j.verdict).toBe('partly supported');
    expect(j.readings.map((r) => r.verdict)).toEqual(['partly supported', 'refuted', 'refuted']);
    expect(() => judgeMissing('nope', {})).toThrow(/unknown claim 'nope'/);
  });
});
