/**
 * A circuit diagram as SVG text, from a layout (layout.ts). Pure string building, no DOM: the page
 * inserts it, the offline report copies it, the bench times it, tests snapshot it. Colours and fonts
 * are presentation attributes, so an exported file looks the same without the page's CSS.
 *
 * Long circuits fold into several rows (like Qiskit's `fold`), each row repeating the wire labels,
 * so the drawing stays within `maxWidth` pixels (readable at 1280×720).
 */
import type { DiagramItem, DiagramLayout } from './layout.ts';

export interface SvgOptions {
  /** Fold into rows no wider than this many pixels (default 1180; Infinity = one row). */
  readonly maxWidth?: number;
  /** Accessible name of the figure. */
  readonly title?: string;
  /** Step view: mark the boundary after this many columns and dim the columns not yet applied. */
  readonly step?: number;
  /** Measurement outcomes of a seeded shot, by op index, written next to each measurement. */
  readonly outcomes?: Readonly<Record<number, 0 | 1>>;
  /** A seeded shot's final bit of each qubit (index = qubit), written at the wire ends. */
  readonly finalBits?: readonly (0 | 1)[];
  /** Qubits whose final value is the circuit's answer: marked "readout" at the wire end. */
  readonly readout?: readonly number[];
  /** Editor: highlight this op. */
  readonly selectedOp?: number;
  /** Editor: the keyboard cursor (a wire and a column slot, which may be one past the last column). */
  readonly cursor?: { readonly qubit: number; readonly column: number };
  /** Editor: emit data attributes and one hit area per wire × column slot (plus a free slot at the end). */
  readonly interactive?: boolean;
}

export interface RenderedSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const ROW = 40;
const LABEL_W = 50;
const HEAD = 22;
const FOLD_GAP = 26;
const RIGHT_PAD = 28;
/** Extra room at the right for final bits and readout tags. */
const END_PAD = 70;
const MIN_COL = 44;
const BOX_H = 28;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const INK = '#1d1d1f';
const MUTED = '#6b6b70';
const CUT = '#b3261e';
const GATE_FILL = '#e8f0fe';
const GATE_STROKE = '#1f5fbf';
/** Fragment shades (colour-blind-safe Okabe–Ito hues, drawn light). */
export const FRAGMENT_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Approximate width of `s` at 13 px (no DOM to measure; generous so labels never overflow). */
function textWidth(s: string, size = 13): number {
  let w = 0;
  for (const ch of s) w += /[ilI.,'()|:;†]/.test(ch) ? 0.36 : /[MWmw]/.test(ch) ? 0.9 : ch.charCodeAt(0) > 0x2000 ? 0.75 : 0.62;
  return w * size;
}

function itemWidth(it: DiagramItem): number {
  if (it.kind === 'barrier') return 18;
  if (it.kind === 'measure' || it.kind === 'reset') return 32;
  const g = it.glyph;
  if (!g) return 32;
  const boxed = g.targets.some((t) => t.glyph === 'box');
  if (boxed) return Math.max(32, textWidth(g.label) + 16);
  if (g.label) return 24 + textWidth(g.label, 11); // a dot gate with its label beside the connector
  return 28;
}

/** Render `layout` as SVG text (see SvgOptions). */
export function renderCircuitSvg(layout: DiagramLayout, options: SvgOptions = {}): RenderedSvg {
  const { nQubits: n, nClbits } = layout;
  const maxWidth = options.maxWidth ?? 1180;
  const slots = layout.columns + (options.interactive ? 1 : 0);
  const colW = new Float64Array(slots).fill(MIN_COL);
  for (const it of layout.items) colW[it.column] = Math.max(colW[it.column], Math.ceil(itemWidth(it) + 12)); // whole pixels: tidy coordinates

  // Fold: consecutive columns per row so that every row fits maxWidth.
  const rows: { start: number; end: number }[] = [];
  let start = 0, width = LABEL_W;
  for (let c = 0; c < slots; c++) {
    if (c > start && width + colW[c] + RIGHT_PAD > maxWidth) { rows.push({ start, end: c }); start = c; width = LABEL_W; }
    width += colW[c];
  }
  rows.push({ start, end: slots });
  const rowOf = new Int32Array(Math.max(1, slots + 1));
  const colX = new Float64Array(slots + 1);
  let rowWidth = 0;
  rows.forEach((r, ri) => {
    let x = LABEL_W;
    for (let c = r.start; c < r.end; c++) { rowOf[c] = ri; colX[c] = x; x += colW[c]; }
    rowWidth = Math.max(rowWidth, x + RIGHT_PAD);
  });
  // The end of the last row (the boundary after the last column).
  const last = rows[rows.length - 1];
  colX[slots] = last.end > last.start ? colX[last.end - 1] + colW[last.end - 1] : LABEL_W;
  rowOf[slots] = rows.length - 1;
  const wiresH = n * ROW + (nClbits > 0 ? ROW : 0);
  const rowH = HEAD + wiresH + 10;
  const endPad = options.readout?.length ? END_PAD : options.finalBits ? 16 : 0;
  const totalW = Math.ceil(Math.max(rowWidth, colX[slots] + RIGHT_PAD, LABEL_W + RIGHT_PAD + 40) + endPad);
  const totalH = rows.length * rowH + (rows.length - 1) * FOLD_GAP;
  const rowY = (ri: number): number => ri * (rowH + FOLD_GAP);
  const wireY = (ri: number, q: number): number => rowY(ri) + HEAD + q * ROW + ROW / 2;
  const clY = (ri: number): number => rowY(ri) + HEAD + n * ROW + ROW / 2;
  const rowEndX = (ri: number): number => { const r = rows[ri]; return r.end > r.start ? colX[r.end - 1] + colW[r.end - 1] : LABEL_W + 20; };
  /** x of the left edge of column `b` (a boundary), with the row it lies in. */
  const boundary = (b: number): { x: number; ri: number } => (b >= slots ? { x: colX[slots], ri: rows.length - 1 } : { x: colX[b], ri: rowOf[b] });

  const out: string[] = [];
  const title = options.title ?? `Circuit diagram: ${n} qubit${n === 1 ? '' : 's'}, ${layout.items.length} operations in ${layout.columns} columns`;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="circuit-svg" width="${totalW}" height="${totalH}" viewBox="0 0 ${totalW} ${totalH}" role="img" aria-label="${esc(title)}" font-family="${FONT}" font-size="13">`);
  out.push(`<title>${esc(title)}</title>`);

  // Fragment shading under everything.
  for (const s of layout.segments) {
    if (s.to <= s.from) continue;
    const colour = FRAGMENT_COLOURS[s.fragment % FRAGMENT_COLOURS.length];
    const a = boundary(s.from), b = boundary(s.to);
    for (let ri = a.ri; ri <= b.ri; ri++) {
      const x0 = ri === a.ri ? a.x : LABEL_W - 6;
      const x1 = ri === b.ri ? b.x : rowEndX(ri);
      if (x1 <= x0) continue;
      const y = wireY(ri, s.qubit);
      out.push(`<rect class="fragment" data-fragment="${s.fragment}" x="${x0}" y="${y - 17}" width="${x1 - x0}" height="34" fill="${colour}" fill-opacity="0.16" stroke="${colour}" stroke-opacity="0.5" rx="5"/>`);
      if (ri === a.ri) out.push(`<text x="${x0 + 3}" y="${y - 6}" font-size="9" fill="${colour}" font-weight="600">F${s.fragment + 1}</text>`);
    }
  }

  // Wires, labels and column numbers per fold row.
  rows.forEach((r, ri) => {
    const x1 = rowEndX(ri) + (ri === rows.length - 1 ? 10 : 0);
    for (let q = 0; q < n; q++) {
      const y = wireY(ri, q);
      out.push(`<text x="${LABEL_W - 10}" y="${y + 4}" text-anchor="end" fill="${INK}">q${q}</text>`);
      out.push(`<line x1="${LABEL_W - 4}" y1="${y}" x2="${x1}" y2="${y}" stroke="${MUTED}" stroke-width="1.2"/>`);
    }
    if (nClbits > 0) {
      const y = clY(ri);
      out.push(`<text x="${LABEL_W - 10}" y="${y + 4}" text-anchor="end" fill="${INK}">c</text>`);
      out.push(`<line x1="${LABEL_W - 4}" y1="${y - 1.5}" x2="${x1}" y2="${y - 1.5}" stroke="${MUTED}"/><line x1="${LABEL_W - 4}" y1="${y + 1.5}" x2="${x1}" y2="${y + 1.5}" stroke="${MUTED}"/>`);
      out.push(`<line x1="${LABEL_W + 2}" y1="${y + 6}" x2="${LABEL_W + 10}" y2="${y - 6}" stroke="${MUTED}"/><text x="${LABEL_W + 12}" y="${y - 5}" font-size="10" fill="${MUTED}">${nClbits}</text>`);
    }
    for (let c = r.start; c < Math.min(r.end, layout.columns); c++) {
      out.push(`<text x="${colX[c] + colW[c] / 2}" y="${rowY(ri) + 13}" text-anchor="middle" font-size="10" fill="${MUTED}">${c + 1}</text>`);
    }
  });

  if (options.interactive) {
    for (let c = 0; c < slots; c++) {
      const ri = rowOf[c];
      for (let q = 0; q < n; q++) {
        out.push(`<rect class="slot" data-q="${q}" data-col="${c}" x="${colX[c]}" y="${wireY(ri, q) - ROW / 2}" width="${colW[c]}" height="${ROW}" fill="transparent"/>`);
      }
    }
  }

  for (const it of layout.items) out.push(renderItem(it, colX[it.column] + colW[it.column] / 2, rowOf[it.column], { wireY, clY, options }));

  // Wire cut marks.
  for (const w of layout.wireCuts) {
    const { x, ri } = boundary(w.boundary);
    const y = wireY(ri, w.qubit);
    out.push(`<g class="wire-cut" data-cut="${w.cut}"><title>wire cut ${w.cut + 1} on q${w.qubit}</title><line x1="${x - 6}" y1="${y + 11}" x2="${x + 2}" y2="${y - 11}" stroke="${CUT}" stroke-width="2.2"/><line x1="${x - 2}" y1="${y + 11}" x2="${x + 6}" y2="${y - 11}" stroke="${CUT}" stroke-width="2.2"/><text x="${x}" y="${y + 24}" text-anchor="middle" font-size="10" fill="${CUT}">✂${w.cut + 1}</text></g>`);
  }

  if (options.finalBits) {
    const ri = rows.length - 1;
    const x = colX[slots] + 14;
    options.finalBits.forEach((b, q) => {
      out.push(`<text class="final-bit" data-q="${q}" x="${x}" y="${wireY(ri, q) + 4}" font-weight="700" fill="${GATE_STROKE}">${b}</text>`);
    });
  }

  for (const q of options.readout ?? []) {
    if (q < 0 || q >= n) continue;
    const ri = rows.length - 1;
    const x = colX[slots] + (options.finalBits ? 26 : 12);
    out.push(`<g class="readout" data-q="${q}"><path d="M${x} ${wireY(ri, q) - 6} L${x + 9} ${wireY(ri, q)} L${x} ${wireY(ri, q) + 6} Z" fill="${CUT}"/><text x="${x + 12}" y="${wireY(ri, q) + 4}" font-size="11" fill="${CUT}">readout</text></g>`);
  }

  if (options.step !== undefined && options.step >= 0 && options.step <= layout.columns) {
    const k = options.step;
    const { x, ri } = boundary(k);
    // Dim what has not run yet: the rest of this row and every later row.
    for (let r = ri; r < rows.length; r++) {
      const x0 = r === ri ? x : LABEL_W - 4;
      const x1 = rowEndX(r) + 10;
      if (x1 > x0) out.push(`<rect class="not-yet" x="${x0}" y="${rowY(r) + HEAD - 4}" width="${x1 - x0}" height="${wiresH + 8}" fill="#ffffff" fill-opacity="0.6"/>`);
    }
    out.push(`<line class="step-marker" x1="${x}" y1="${rowY(ri) + HEAD - 6}" x2="${x}" y2="${rowY(ri) + HEAD + wiresH + 4}" stroke="${GATE_STROKE}" stroke-width="2.5"/>`);
  }

  if (options.cursor) {
    const { qubit, column } = options.cursor;
    if (qubit >= 0 && qubit < n && column >= 0 && column < slots) {
      const ri = rowOf[column];
      out.push(`<rect class="cursor" x="${colX[column] + 2}" y="${wireY(ri, qubit) - ROW / 2 + 2}" width="${colW[column] - 4}" height="${ROW - 4}" fill="none" stroke="#7b2cbf" stroke-width="2" stroke-dasharray="4 3" rx="4"/>`);
    }
  }
  out.push('</svg>');
  return { svg: out.join(''), width: totalW, height: totalH };
}

interface Ctx {
  wireY: (ri: number, q: number) => number;
  clY: (ri: number) => number;
  options: SvgOptions;
}

function renderItem(it: DiagramItem, x: number, ri: number, ctx: Ctx): string {
  const { wireY, clY, options } = ctx;
  const y = (q: number): number => wireY(ri, q);
  const parts: string[] = [];
  const selected = options.selectedOp === it.op;
  const attrs = `class="op op-${it.kind}${selected ? ' selected' : ''}" data-op="${it.op}"${it.gate ? ` data-gate="${it.gate}"` : ''}`;
  parts.push(`<g ${attrs}><title>${esc(it.description)}</title>`);
  const stroke = selected ? '#7b2cbf' : GATE_STROKE;
  const sw = selected ? 2.5 : 1.4;
  const box = (q0: number, q1: number, label: string, w: number): void => {
    const top = y(q0) - BOX_H / 2, bottom = y(q1) + BOX_H / 2;
    parts.push(`<rect x="${x - w / 2}" y="${top}" width="${w}" height="${bottom - top}" rx="4" fill="${GATE_FILL}" stroke="${stroke}" stroke-width="${sw}"/>`);
    parts.push(`<text x="${x}" y="${(top + bottom) / 2 + 4.5}" text-anchor="middle" fill="${INK}">${esc(label)}</text>`);
  };

  if (it.kind === 'gate' && it.glyph) {
    const g = it.glyph;
    const qs = it.qubits;
    const lo = Math.min(...qs), hi = Math.max(...qs);
    const w = Math.ceil(Math.max(32, textWidth(g.label) + 16));
    if (hi > lo && !(g.spanBox && g.controls.length === 0)) {
      parts.push(`<line x1="${x}" y1="${y(lo)}" x2="${x}" y2="${y(hi)}" stroke="${it.gateCut ? CUT : stroke}" stroke-width="${it.gateCut ? 2 : sw}"${it.gateCut ? ' stroke-dasharray="4 3"' : ''}/>`);
    }
    for (const c of g.controls) parts.push(`<circle cx="${x}" cy="${y(c)}" r="5.5" fill="${stroke}"/>`);
    if (g.spanBox) {
      const tq = g.targets.map((t) => t.qubit);
      const t0 = Math.min(...tq), t1 = Math.max(...tq);
      box(t0, t1, g.label, w);
      g.targets.forEach((t, i) => parts.push(`<text x="${x - w / 2 + 3}" y="${y(t.qubit) + 3}" font-size="8" fill="${MUTED}">${i}</text>`));
    } else {
      for (const t of g.targets) {
        const ty = y(t.qubit);
        if (t.glyph === 'box') box(t.qubit, t.qubit, g.label, w);
        else if (t.glyph === 'oplus') parts.push(`<circle cx="${x}" cy="${ty}" r="11" fill="#ffffff" stroke="${stroke}" stroke-width="${sw}"/><line x1="${x - 11}" y1="${ty}" x2="${x + 11}" y2="${ty}" stroke="${stroke}" stroke-width="${sw}"/><line x1="${x}" y1="${ty - 11}" x2="${x}" y2="${ty + 11}" stroke="${stroke}" stroke-width="${sw}"/>`);
        else if (t.glyph === 'swap') parts.push(`<line x1="${x - 7}" y1="${ty - 7}" x2="${x + 7}" y2="${ty + 7}" stroke="${stroke}" stroke-width="2"/><line x1="${x - 7}" y1="${ty + 7}" x2="${x + 7}" y2="${ty - 7}" stroke="${stroke}" stroke-width="2"/>`);
        else parts.push(`<circle cx="${x}" cy="${ty}" r="5.5" fill="${stroke}"/>`);
      }
      if (g.label && !g.targets.some((t) => t.glyph === 'box')) {
        parts.push(`<text x="${x + 6}" y="${(y(lo) + y(hi)) / 2 + 4}" font-size="11" fill="${INK}">${esc(g.label)}</text>`);
      }
    }
    if (it.gateCut) parts.push(`<text x="${x + 8}" y="${(y(lo) + y(hi)) / 2 + 4}" font-size="13" fill="${CUT}">✂</text>`);
  } else if (it.kind === 'measure') {
    const q = it.qubits[0];
    const my = y(q);
    const cy = clY(ri);
    parts.push(`<line x1="${x - 1.5}" y1="${my + BOX_H / 2}" x2="${x - 1.5}" y2="${cy - 6}" stroke="${MUTED}"/><line x1="${x + 1.5}" y1="${my + BOX_H / 2}" x2="${x + 1.5}" y2="${cy - 6}" stroke="${MUTED}"/>`);
    parts.push(`<path d="M${x - 5} ${cy - 8} L${x + 5} ${cy - 8} L${x} ${cy} Z" fill="${MUTED}"/>`);
    parts.push(`<text x="${x + 5}" y="${cy + 14}" font-size="10" fill="${MUTED}">${it.clbit}</text>`);
    parts.push(`<rect x="${x - 15}" y="${my - BOX_H / 2}" width="30" height="${BOX_H}" rx="4" fill="#ffffff" stroke="${selected ? stroke : INK}" stroke-width="${sw}"/>`);
    parts.push(`<path d="M${x - 9} ${my + 6} A 10 10 0 0 1 ${x + 9} ${my + 6}" fill="none" stroke="${INK}" stroke-width="1.3"/><line x1="${x}" y1="${my + 6}" x2="${x + 7}" y2="${my - 7}" stroke="${INK}" stroke-width="1.3"/>`);
    const o = options.outcomes?.[it.op];
    if (o !== undefined) parts.push(`<text class="outcome" x="${x + 17}" y="${my - 9}" font-size="12" font-weight="700" fill="${CUT}">${o}</text>`);
  } else if (it.kind === 'reset') {
    const ry = y(it.qubits[0]);
    parts.push(`<rect x="${x - 16}" y="${ry - BOX_H / 2}" width="32" height="${BOX_H}" rx="4" fill="#f3f3f3" stroke="${selected ? stroke : INK}" stroke-width="${sw}"/><text x="${x}" y="${ry + 4.5}" text-anchor="middle" fill="${INK}">|0⟩</text>`);
  } else if (it.kind === 'barrier') {
    // One dashed bar per run of consecutive barrier qubits.
    const qs = [...new Set(it.qubits)].sort((a, b) => a - b);
    let r0 = qs[0];
    for (let i = 1; i <= qs.length; i++) {
      if (i === qs.length || qs[i] !== qs[i - 1] + 1) {
        const r1 = qs[i - 1];
        parts.push(`<rect x="${x - 7}" y="${y(r0) - ROW / 2 + 3}" width="14" height="${(r1 - r0 + 1) * ROW - 6}" fill="#9e9e9e" fill-opacity="0.2"/><line x1="${x}" y1="${y(r0) - ROW / 2 + 3}" x2="${x}" y2="${y(r1) + ROW / 2 - 3}" stroke="${MUTED}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
        if (i < qs.length) r0 = qs[i];
      }
    }
  }
  parts.push('</g>');
  return parts.join('');
}
