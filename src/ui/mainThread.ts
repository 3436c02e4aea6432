import { createProbes } from '../workers/probes';

/** Probes a notebook cell can run on the page's main thread with onMainThread(name, …args). */
export const mainThreadFunctions = createProbes({
  runtime: navigator.userAgent,
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
  now: () => performance.now(),
  setTimeout: (cb, ms) => void setTimeout(cb, ms),
  MessageChannel,
  requestAnimationFrame: (cb) => void requestAnimationFrame(() => cb()),
});
