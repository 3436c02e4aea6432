/**
 * Charts as files. The SVG is a clone of the rendered Plot chart with the computed presentation styles
 * written inline (fill, stroke, fonts, …), because outside the page no stylesheet applies; Plot's own
 * `<style>` block stays in the SVG. The PNG is that SVG drawn on an offscreen canvas at 2× resolution.
 * Browser only.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const INHERITED = ['fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-numeric', 'text-anchor', 'paint-order', 'color', 'visibility'];
const OWN: Record<string, string> = { opacity: '1', 'mix-blend-mode': 'normal', display: 'inline' };

/** The main chart of a Plot figure: the largest top-level SVG (legends are smaller SVGs or HTML). */
export function mainSvg(host: Element): SVGSVGElement | null {
  const svgs = [...host.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
  let best: SVGSVGElement | null = null;
  let area = -1;
  for (const s of svgs) {
    const a = s.width.baseVal.value * s.height.baseVal.value;
    if (a > area) [best, area] = [s, a];
  }
  return best;
}

function size(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.viewBox.baseVal;
  const r = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || vb?.width || r.width || 640;
  const height = Number(svg.getAttribute('height')) || vb?.height || r.height || 400;
  return { width, height };
}

/** Standalone SVG text: namespaces, explicit size, a background, and computed styles inlined. */
export function serializeSvg(svg: SVGSVGElement, background = '#ffffff'): { text: string; width: number; height: number } {
  const { width, height } = size(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  const parentStyle = new Map<Element, CSSStyleDeclaration>();
  for (let i = 0; i < from.length; i++) {
    const el = from[i];
    if (el.namespaceURI !== SVG_NS || el.localName === 'style') continue;
    const cs = getComputedStyle(el);
    parentStyle.set(el, cs);
    const parent = el === svg ? null : parentStyle.get(el.parentElement as Element);
    const decl: string[] = [];
    for (const p of INHERITED) {
      const v = cs.getPropertyValue(p);
      if (v && (!parent || parent.getPropertyValue(p) !== v)) decl.push(`${p}:${v}`);
    }
    for (const [p, dflt] of Object.entries(OWN)) {
      const v = cs.getPropertyValue(p);
      if (v && v !== dflt && !(p === 'display' && el === svg)) decl.push(`${p}:${v}`);
    }
    if (decl.length) {
      const own = to[i].getAttribute('style');
      to[i].setAttribute('style', decl.join(';') + (own ? `;${own}` : ''));
    }
  }
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.style.setProperty('background', background);
  clone.style.removeProperty('max-width');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild?.nodeName === 'style' ? clone.firstChild.nextSibling : clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

/** Draw standalone SVG text on a canvas at `scale`× and encode it as PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
