/**
 * Replays a plot recipe recorded in the worker (`{ __plot: 'lineY', args }`) with the real Observable Plot.
 * Only functions Plot exports can be called; anything else is reported, not executed.
 */
import * as Plot from '@observablehq/plot';
import { isPlotCall } from '../../notebook/views';

const plotApi = Plot as unknown as Record<string, unknown>;

export function revive(value: unknown): unknown {
  if (isPlotCall(value)) {
    const fn = plotApi[value.__plot];
    if (typeof fn !== 'function') throw new Error(`Plot.${value.__plot} is not an Observable Plot function`);
    return (fn as (...a: unknown[]) => unknown)(...value.args.map(revive));
  }
  if (Array.isArray(value)) {
    // Data arrays can be long: only walk arrays that hold recipes (marks lists).
    return value.length && value.length < 200 && value.some(isPlotCall) ? value.map(revive) : value;
  }
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = revive(v);
    return out;
  }
  return value;
}

export function renderPlot(options: Record<string, unknown>): SVGSVGElement | HTMLElement {
  return Plot.plot(revive(options) as Plot.PlotOptions);
}
