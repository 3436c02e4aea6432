/**
 * Checks run on every notebook page in the browser (called from notebooks.e2e.ts, which opens each one once):
 * nothing on screen reads NaN or undefined, chart text does not collide, and presenter mode fits a
 * 1280×720 projector (every part of every step, no vertical overflow, no sideways scroll).
 */
import type { Page } from 'playwright-core';

/** Visible text that shows a missing value as a word: "NaN" anywhere, "undefined" where values are shown. */
export async function missingValueText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const body = document.querySelector('main')?.innerText ?? '';
    for (const m of body.matchAll(/.{0,30}\bNaN\b.{0,30}/g)) out.push(m[0]);
    for (const el of document.querySelectorAll('main td, main th, main .metric-value, main .metric dt, main svg text, main figcaption, main output, main .verdict-claim')) {
      const t = (el as HTMLElement).innerText ?? el.textContent ?? '';
      if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(t)) out.push(`${el.tagName.toLowerCase()}: ${t.slice(0, 60)}`);
    }
    return out;
  });
}

/** Overlapping text boxes inside each rendered chart, as "chart n: 'a' × 'b'". */
export async function chartTextCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const charts = [...document.querySelectorAll('main figure.plot .plot-host')];
    charts.forEach((host, n) => {
      const svgs = [...host.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
      for (const svg of svgs) {
        const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim());
        const boxes = texts.map((t) => ({ r: t.getBoundingClientRect(), s: (t.textContent ?? '').trim() }));
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          if (!a.width || !b.width) continue;
          if (a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height) out.push(`chart ${n + 1}: '${boxes[i].s}' × '${boxes[j].s}'`);
        }
      }
    });
    return out;
  });
}

/** Present the open notebook at 1280×720 and visit every part of every step; returns the screens that do not fit. */
export async function presenterOverflows(page: Page): Promise<{ screens: number; overflows: string[] }> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('present').first().click();
  const overflows: string[] = [];
  let screens = 0;
  for (let guard = 0; guard < 200; guard++) {
    screens++;
    const measure = () =>
      page.evaluate(() => ({
        label: document.querySelector('[data-testid="step-label"]')?.textContent ?? '',
        h: document.documentElement.scrollHeight,
        w: document.documentElement.scrollWidth,
        next: !(document.querySelector('[data-testid="next-step"]') as HTMLButtonElement | null)?.disabled,
      }));
    // Layout and pagination settle after a step change (charts draw, ResizeObserver re-packs): give it 2 s.
    let m = await measure();
    for (let k = 0; k < 8 && (m.h > 721 || m.w > 1280); k++) {
      await page.waitForTimeout(250);
      m = await measure();
    }
    if (m.h > 720 + 1 || m.w > 1280) overflows.push(`${m.label}: ${m.w}×${m.h}`);
    if (!m.next) break;
    await page.getByTestId('next-step').click();
  }
  await page.keyboard.press('Escape');
  return { screens, overflows };
}

/**
 * The first screen of a notebook at 1280×720, scrolled to the top: where its headline figures and first verdict
 * start (page y, px; null when the page has none), and the claims whose verdict card appears more than once.
 */
export async function firstScreen(page: Page): Promise<{ metricsTop: number | null; verdictTop: number | null; tableTop: number | null; verdicts: number; duplicateVerdicts: string[] }> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(() => {
    const top = (sel: string) => {
      const el = [...document.querySelectorAll(`main ${sel}`)].find((e) => (e as HTMLElement).offsetParent !== null);
      return el ? el.getBoundingClientRect().top + window.scrollY : null;
    };
    const claims = [...document.querySelectorAll('main [data-testid="verdict"]')].map((v) => v.getAttribute('data-claim') ?? '');
    const seen = new Set<string>(), dup = new Set<string>();
    for (const c of claims) (seen.has(c) ? dup : seen).add(c);
    return { metricsTop: top('.metrics .metric'), verdictTop: top('[data-testid="verdict"] .verdict-badge'), tableTop: top('.table-wrap table'), verdicts: claims.length, duplicateVerdicts: [...dup] };
  });
}

/**
 * Lines drawn on the same path (identical geometry) that a reader cannot tell apart: same stroke dash pattern.
 * Coinciding series must differ in dash (and carry markers), as "chart n: k lines on one path share dash 'd'".
 */
export async function hiddenCoincidingLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    [...document.querySelectorAll('main figure.plot .plot-host')].forEach((host, n) => {
      const byPath = new Map<string, string[]>();
      for (const p of host.querySelectorAll('svg path')) {
        const cs = getComputedStyle(p);
        if (cs.fill !== 'none' || !p.getAttribute('d') || (p.getAttribute('d') ?? '').length < 20) continue;
        // Same geometry at the same place (facets repeat a path elsewhere: not a collision).
        const r = p.getBoundingClientRect();
        const key = `${p.getAttribute('d')}@${Math.round(r.x)},${Math.round(r.y)}`;
        byPath.set(key, [...(byPath.get(key) ?? []), cs.strokeDasharray || 'none']);
      }
      for (const dashes of byPath.values()) {
        if (dashes.length < 2) continue;
        const distinct = new Set(dashes);
        if (distinct.size < dashes.length) out.push(`chart ${n + 1}: ${dashes.length} lines on one path, dashes ${dashes.join(' | ')}`);
      }
    });
    return out;
  });
}

/** Inline formulas (KaTeX) that wrap across lines, and formulas whose box is clipped by their own scroll box. */
export async function brokenFormulas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const k of document.querySelectorAll('main .prose .katex')) {
      if (k.closest('.katex-display')) continue;
      // One line box per formula: more client rects on different lines means the formula was split.
      const tops = new Set([...k.getClientRects()].map((r) => Math.round(r.top)));
      const text = (k.querySelector('annotation')?.textContent ?? k.textContent ?? '').slice(0, 40);
      if (tops.size > 1 && k.getBoundingClientRect().width < 400) out.push(`split: ${text}`);
    }
    for (const d of document.querySelectorAll('main .katex-display')) {
      const box = d.getBoundingClientRect();
      const inner = d.querySelector('.katex-html')?.getBoundingClientRect();
      // Superscripts taller than the scroll box are cut off by overflow-y: hidden.
      if (inner && (inner.top < box.top - 0.5 || inner.bottom > box.bottom + 0.5)) out.push(`clipped: ${(d.querySelector('annotation')?.textContent ?? '').slice(0, 40)}`);
    }
    return out;
  });
}
