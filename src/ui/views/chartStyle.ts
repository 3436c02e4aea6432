/**
 * The shared chart style: every notebook chart is drawn with the same type size and then checked on the
 * rendered SVG. Margins are computed from the tick labels actually drawn (a long y tick label widens the
 * left margin instead of being clipped), x tick labels that collide are rotated, and an axis title that
 * touches tick labels is moved clear of them. Collisions are measured, not guessed (see overlappingText).
 */

export const CHART_DEFAULTS = { style: { fontSize: '12px' } } as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxesOf(svg: SVGSVGElement, selector: string): Box[] {
  // Client rectangles (they include every transform), mapped back to the SVG's own units: the chart may be
  // scaled down to fit its column (max-width: 100%).
  const r = svg.getBoundingClientRect();
  const units = (svg.width.baseVal.value || r.width) / (r.width || 1);
  const out: Box[] = [];
  for (const t of svg.querySelectorAll<SVGGraphicsElement>(selector)) {
    const b = t.getBoundingClientRect();
    if (b.width > 0 && b.height > 0) out.push({ x: (b.x - r.x) * units, y: (b.y - r.y) * units, width: b.width * units, height: b.height * units });
  }
  return out;
}

const overlaps = (a: Box, b: Box, pad = 0) => a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;

/** Pairs of text boxes in a rendered SVG that overlap (the chart's labels collide). */
export function overlappingText(svg: SVGSVGElement): [string, string][] {
  const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => (t.textContent ?? '').trim());
  const boxes = texts.map((t) => {
    const b = t.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height, text: (t.textContent ?? '').trim() };
  });
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    // 1 px of tolerance: glyph boxes include side bearings, touching boxes do not collide visibly.
    const a = boxes[i], b = boxes[j];
    if (a.width && b.width && a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height) out.push([a.text, b.text]);
  }
  return out;
}

/**
 * Options to redraw with, when the first drawing has clipped or colliding axis text; null when it is fine.
 * `svg` must be in the document (measuring needs layout).
 */
export function fixups(svg: SVGSVGElement, options: Record<string, unknown>): Record<string, unknown> | null {
  const width = svg.width.baseVal.value || svg.viewBox.baseVal.width;
  const height = svg.height.baseVal.value || svg.viewBox.baseVal.height;
  const yTicks = boxesOf(svg, '[aria-label="y-axis tick label"] text');
  const xTicks = boxesOf(svg, '[aria-label="x-axis tick label"] text');
  const yLabel = boxesOf(svg, '[aria-label="y-axis label"] text');
  const xLabel = boxesOf(svg, '[aria-label="x-axis label"] text');
  const patch: Record<string, unknown> = {};
  const num = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
  // Clipped on the left or right: widen that margin by what sticks out.
  const left = Math.min(0, ...yTicks.map((b) => b.x), ...xTicks.map((b) => b.x));
  if (left < 0) patch.marginLeft = num('marginLeft', 40) - left + 4;
  const right = Math.max(width, ...xTicks.map((b) => b.x + b.width), ...yTicks.map((b) => b.x + b.width));
  if (right > width) patch.marginRight = num('marginRight', 20) + (right - width) + 4;
  // x tick labels colliding with each other: rotate them and make room below.
  let xCollide = false;
  for (let i = 1; i < xTicks.length && !xCollide; i++) if (overlaps(xTicks[i - 1], xTicks[i], 2)) xCollide = true;
  if (xCollide) {
    const x = (options.x as Record<string, unknown> | undefined) ?? {};
    if (x.tickRotate === undefined) {
      patch.x = { ...x, tickRotate: -35 };
      const longest = Math.max(...xTicks.map((b) => b.width));
      patch.marginBottom = num('marginBottom', 30) + Math.ceil(longest * 0.6);
    }
  }
  // The first x tick label and the lowest y tick label meeting in the corner: push the x labels down.
  if (!xCollide && xTicks.some((a) => yTicks.some((b) => overlaps(a, b, 1)))) {
    const x = (options.x as Record<string, unknown> | undefined) ?? {};
    patch.x = { ...x, tickPadding: 10 };
    patch.marginBottom = num('marginBottom', 30) + 8;
  }
  // An axis title touching tick labels or other text: move it clear.
  const others = boxesOf(svg, 'text').filter((b) => !xLabel.some((l) => l.x === b.x && l.y === b.y) && !yLabel.some((l) => l.x === b.x && l.y === b.y));
  if (xLabel.some((l) => others.some((t) => overlaps(l, t, 1))) || xLabel.some((l) => l.y + l.height > height)) {
    const x = (patch.x as Record<string, unknown> | undefined) ?? (options.x as Record<string, unknown> | undefined) ?? {};
    patch.x = { ...x, labelOffset: num('marginBottom', 30) + 6, labelAnchor: 'right' };
    patch.marginBottom = (patch.marginBottom as number | undefined ?? num('marginBottom', 30)) + 16;
  }
  if (yLabel.some((l) => others.some((t) => overlaps(l, t, 1))) || yLabel.some((l) => l.y < 0)) {
    patch.marginTop = num('marginTop', 20) + 14;
  }
  return Object.keys(patch).length ? patch : null;
}

/**
 * Tick labels that still collide after the margins are right (a log or symlog axis crowds its top decade):
 * keep the first, drop each label that would overlap the last one kept. Tick marks stay.
 */
export function thinTickLabels(svg: SVGSVGElement): number {
  let dropped = 0;
  for (const axis of ['x-axis tick label', 'y-axis tick label', 'fx-axis tick label', 'fy-axis tick label']) {
    for (const group of svg.querySelectorAll(`[aria-label="${axis}"]`)) {
      const texts = [...group.querySelectorAll<SVGTextElement>('text')];
      const boxes = texts.map((t) => t.getBoundingClientRect());
      const vertical = axis.startsWith('y') || axis.startsWith('fy');
      const order = texts.map((_, i) => i).sort((a, b) => (vertical ? boxes[b].y - boxes[a].y : boxes[a].x - boxes[b].x));
      let last: DOMRect | null = null;
      for (const i of order) {
        const b = boxes[i];
        if (!b.width) continue;
        if (last && b.x < last.x + last.width + 1 && last.x < b.x + b.width + 1 && b.y < last.y + last.height && last.y < b.y + b.height) {
          texts[i].remove();
          dropped++;
        } else last = b;
      }
    }
  }
  return dropped;
}

/** Merge two option patches (x/y/… scale options merge one level deep). */
export function mergePatch(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && prev && typeof prev === 'object' ? { ...(prev as object), ...(v as object) } : v;
  }
  return out;
}
