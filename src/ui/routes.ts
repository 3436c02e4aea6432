/**
 * Routes live in the URL hash so the app works from any static host:
 *   #/                        home
 *   #/nb/<id>                 a notebook with its defaults (or your autosaved edits)
 *   #/nb/<id>/x1.<payload>    a share link: the experiment state (see src/share). The notebook id stays
 *                             readable in front, so even a truncated or corrupted link opens the right notebook.
 *   #/compare?a=<run>&b=<run>  two runs side by side; a run is a share link's payload (x1.…) or a notebook id
 *                             (its defaults), so the comparison itself is a shareable link.
 */
/** Presentation options, from `?present&step=3&hide=code,controls` after the notebook path (TF-Playground style). */
export interface ViewOptions {
  present: boolean;
  /** 1-based walkthrough step (a notebook section). */
  step?: number;
  hide: ('code' | 'controls')[];
}

export type Route =
  | { page: 'home' }
  | { page: 'notebook'; id: string; share?: string; view: ViewOptions }
  | { page: 'share'; hash: string }
  | { page: 'compare'; a: string; b: string }
  | { page: 'unknown'; hash: string };

export function parseViewOptions(query: string): ViewOptions {
  const q = new URLSearchParams(query);
  const step = Number(q.get('step'));
  const hide = (q.get('hide') ?? '').split(',').filter((x): x is 'code' | 'controls' => x === 'code' || x === 'controls');
  // `?present=0` (or false/no/off) means not presenting, even with a step.
  const off = /^(0|false|no|off)$/i.test(q.get('present') ?? '');
  return { present: !off && (q.has('present') || q.has('step')), step: Number.isInteger(step) && step >= 1 ? step : undefined, hide };
}

export function viewQuery(v: ViewOptions): string {
  const parts: string[] = [];
  if (v.present) parts.push('present');
  if (v.step) parts.push(`step=${v.step}`);
  if (v.hide.length) parts.push(`hide=${v.hide.join(',')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '');
  const qi = full.indexOf('?');
  const h = qi >= 0 ? full.slice(0, qi) : full;
  const view = parseViewOptions(qi >= 0 ? full.slice(qi + 1) : '');
  if (h === '' || h === '/') return { page: 'home' };
  if (/^\/compare\/?$/.test(h)) {
    const q = new URLSearchParams(qi >= 0 ? full.slice(qi + 1) : '');
    return { page: 'compare', a: q.get('a') ?? '', b: q.get('b') ?? '' };
  }
  const nb = /^\/nb\/([a-z0-9-]+)\/?$/.exec(h);
  if (nb) return { page: 'notebook', id: nb[1], view };
  const shared = /^\/nb\/([a-z0-9-]+)\/(.+)$/.exec(h);
  if (shared) return { page: 'notebook', id: shared[1], share: shared[2], view };
  if (/^x\d+\./.test(h)) return { page: 'share', hash: h };
  return { page: 'unknown', hash: h };
}
