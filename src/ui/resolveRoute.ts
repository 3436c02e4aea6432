/**
 * Turn a route into what to show. Share links are decoded here; the codec (zod, fflate) loads only when a
 * link is opened, so the home page's first paint does not wait for it. A bad link never gives a blank page:
 * the notebook it names opens with its defaults, with a message saying what was wrong.
 */
import type { Notebook } from '../notebook/format';
import type { ExperimentState } from '../share/codec';
import type { Banner } from './state/notebookState.svelte';
import type { Route, ViewOptions } from './state/router.svelte';
import { findNotebook } from './catalog';

export type Resolved = { kind: 'home'; banner?: Banner } | { kind: 'compare'; a: string; b: string } | { kind: 'notebook'; nb: Notebook; state?: ExperimentState; banner?: Banner; view?: ViewOptions };

export async function resolveRoute(r: Route): Promise<Resolved> {
  if (r.page === 'home') return { kind: 'home' };
  if (r.page === 'notebook') {
    const nb = findNotebook(r.id);
    if (!nb) return { kind: 'home', banner: { kind: 'error', message: `There is no notebook '${r.id}' in this version of the playground.`, detail: 'Pick one from the list below.' } };
    if (!r.share) return { kind: 'notebook', nb, view: r.view };
    const res = await fromShare(r.share, nb);
    if (res.kind !== 'notebook') return res;
    // A link may carry a walkthrough step and hide options in its payload; the URL's own query wins.
    const fromPayload: ViewOptions = { present: res.state?.step !== undefined, step: res.state?.step, hide: (res.state?.hide ?? []).filter((x): x is 'code' | 'controls' => x === 'code' || x === 'controls') };
    const q = r.view;
    return { ...res, view: { present: q.present || fromPayload.present, step: q.step ?? fromPayload.step, hide: q.hide.length ? q.hide : fromPayload.hide } };
  }
  if (r.page === 'share') return fromShare(r.hash);
  if (r.page === 'compare') return { kind: 'compare', a: r.a, b: r.b };
  return { kind: 'home', banner: { kind: 'error', message: `Unknown address '#${r.hash}'.`, detail: 'Share links look like #/nb/<notebook>/x1.… — this one may have been cut off.' } };
}

async function fromShare(hash: string, nb?: Notebook): Promise<Resolved> {
  const { tryDecodeExperiment } = await import('../share/codec');
  const res = tryDecodeExperiment(hash);
  if (!res.ok) {
    const banner: Banner = { kind: 'error', message: `This share link could not be read: ${res.error.message}`, detail: nb ? 'The notebook opened with its defaults instead; your own saved edits are untouched.' : 'Pick a notebook below.' };
    return nb ? { kind: 'notebook', nb, banner } : { kind: 'home', banner };
  }
  const target = findNotebook(res.state.notebook);
  if (!target) return { kind: 'home', banner: { kind: 'error', message: `The link refers to a notebook '${res.state.notebook}' that this version of the playground does not have.` } };
  if (nb && nb.meta.id !== target.meta.id) {
    return { kind: 'notebook', nb, banner: { kind: 'error', message: `This link's address names '${nb.meta.id}' but its contents are for '${target.meta.id}': it was edited or corrupted.`, detail: 'The notebook opened with its defaults.' } };
  }
  const warnings = res.warnings.length ? { kind: 'warning' as const, message: res.warnings.join(' ') } : undefined;
  return { kind: 'notebook', nb: target, state: res.state, banner: warnings };
}
