/** The current route, as reactive state; parsing lives in ../routes.ts (pure, testable). */
import { parseRoute, type Route } from '../routes';

export { parseRoute, parseViewOptions, viewQuery, type Route, type ViewOptions } from '../routes';

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
