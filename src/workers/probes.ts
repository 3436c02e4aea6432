/**
 * Timer probes that must run where the timers are: on the page's main thread (what a trading UI or a
 * JS scheduler experiences), or in Node for the headless runner. The environment is passed in, and the
 * measuring and statistics are the pure timing engine's.
 */
export interface ProbeEnv {
  runtime: string;
  crossOriginIsolated: boolean;
  now(): number;
  setTimeout(cb: () => void, ms: number): void;
  MessageChannel?: typeof MessageChannel;
  requestAnimationFrame?: (cb: () => void) => void;
}

export function createProbes(env: ProbeEnv): Record<string, (...args: any[]) => Promise<unknown> | unknown> {
  return {
    environment: () => ({ runtime: env.runtime, crossOriginIsolated: env.crossOriginIsolated }),
  };
}
