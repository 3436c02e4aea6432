/** Main-thread probes for the headless runner: the same probes as the page, fed Node's clock and schedulers. */
import { createProbes } from '../src/workers/probes';

export const nodeMainFunctions = createProbes({
  runtime: `Node ${process.version}`,
  crossOriginIsolated: false,
  now: () => performance.now(),
  setTimeout: (cb, ms) => void setTimeout(cb, ms),
  MessageChannel: globalThis.MessageChannel,
  requestAnimationFrame: undefined,
});
