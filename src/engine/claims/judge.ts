/**
 * judge(claimId, figures): run every reading's rule of a registered claim on the figures and return ONE
 * headline verdict with the readings nested. Notebooks call it (it is a cell library name) and the page
 * renders and reports the result to the claims ledger; nothing else produces a claim verdict.
 */
import { CLAIMS } from './registry';
import type { ClaimRecord, JudgedFigure, JudgedReading, Judgement } from './types';
import { FAVOURABILITY, isVerdict } from './verdict';

export function claimRecord(id: string): ClaimRecord<unknown> {
  const r = CLAIMS.find((c) => c.id === id);
  if (!r) throw new RangeError(`judge: unknown claim '${id}' (registered: ${CLAIMS.map((c) => c.id).join(', ')})`);
  return r as unknown as ClaimRecord<unknown>;
}

export function judge(claimId: string, figures: unknown): Judgement {
  const rec = claimRecord(claimId);
  if (!figures || typeof figures !== 'object') throw new TypeError(`judge('${claimId}', figures): figures must be an object`);
  const readings: JudgedReading[] = rec.readings.map((r) => {
    let res;
    try {
      res = r.rule(figures);
    } catch (e) {
      throw new RangeError(`judge('${claimId}'), reading '${r.id}': ${(e as Error).message}`, { cause: e });
    }
    if (!isVerdict(res.verdict)) throw new RangeError(`judge('${claimId}'), reading '${r.id}': rule returned an invalid verdict ${JSON.stringify(res.verdict)}`);
    return { id: r.id, label: r.label, verdict: res.verdict, rule: res.rule, headline: false };
  });
  const h = rec.headline;
  let head: JudgedReading;
  let why: string;
  if ('reading' in h) {
    head = readings.find((r) => r.id === h.reading)!;
    why = h.why;
  } else {
    const pool = readings.filter((r) => h.mostFavourable.includes(r.id));
    // A reading that could not be measured does not outrank one that was.
    const measured = pool.filter((r) => r.verdict !== 'not measurable here');
    const from = measured.length ? measured : pool;
    head = from.reduce((b, r) => (FAVOURABILITY.indexOf(r.verdict) < FAVOURABILITY.indexOf(b.verdict) ? r : b));
    why = `${h.why} (the most favourable of ${pool.length} readings)`;
  }
  const out = readings.map((r) => (r === head ? { ...r, headline: true } : r));
  const figs: JudgedFigure[] = rec.figures.map((s) => {
    let value: JudgedFigure['value'];
    try {
      value = s.value(figures);
    } catch (e) {
      throw new RangeError(`judge('${claimId}'): figure '${s.label}': ${(e as Error).message}`, { cause: e });
    }
    if (typeof value === 'number' && !Number.isFinite(value)) value = String(value);
    return { label: s.label, value: value ?? null, ...(s.unit ? { unit: s.unit } : {}) };
  });
  return {
    claim: rec.id, title: rec.title, quote: rec.quote, section: rec.section, notebook: rec.notebook,
    verdict: head.verdict, reading: head.id, readingLabel: head.label,
    rule: `Headline reading: ${head.label}. ${why.charAt(0).toUpperCase()}${why.slice(1)}. ${head.rule}`,
    readings: out, figures: figs,
  };
}
