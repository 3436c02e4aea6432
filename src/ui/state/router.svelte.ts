/**
 * Routes live in the URL hash so the app works from any static host:
 *   #/                        home
 *   #/nb/<id>                 a notebook with its defaults (or your autosaved edits)
 *   #/nb/<id>/x1.<payload>    a share link: the experiment state (see src/share). The notebook id stays
 *                             readable in front, so even a truncated or corrupted link opens the right notebook.
 */
export type Route =
  | { page: 'home' }
  | { page: 'notebook'; id: string; share?: string }
  | { page: 'share'; hash: string }
  | { page: 'unknown'; hash: string };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h === '' || h === '/') return { page: 'home' };
  const nb = /^\/nb\/([a-z0-9-]+)\/?$/.exec(h);
  if (nb) return { page: 'notebook', id: nb[1] };
  const shared = /^\/nb\/([a-z0-9-]+)\/(.+)$/.exec(h);
  if (shared) return { page: 'notebook', id: shared[1], share: shared[2] };
  if (/^x\d+\./.test(h)) return { page: 'share', hash: h };
  return { page: 'unknown', hash: h };
}

class Router {
  route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));
  constructor() {
    if (typeof window === 'undefined') return;
    // replaceState (used to mirror edits into the URL) fires no hashchange, so only real navigation lands here.
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(hash: string): void {
    location.hash = hash;
  }

  /** Mirror state into the URL without navigating or adding history entries. */
  replace(hash: string): void {
    const h = hash.replace(/^#/, '');
    if (location.hash.replace(/^#/, '') === h) return;
    history.replaceState(history.state, '', `#${h}`);
  }
}

export const router = new Router();
