/**
 * Hardware presets: lookup and conversion to the coherence/duration numbers the simulators use.
 * The data and its citations live in presets.data.ts.
 */
import { PRESET_LIST, type HardwarePreset } from './presets.data.ts';
import type { NoiseModel } from './density.ts';
import { checkT1T2 } from './channels.ts';

export type { Cited, HardwarePreset, Platform } from './presets.data.ts';
export { PRESET_LIST } from './presets.data.ts';

export const PRESETS: Readonly<Record<string, HardwarePreset>> = Object.freeze(Object.fromEntries(PRESET_LIST.map((p) => [p.id, p])));

export function getPreset(id: string): HardwarePreset {
  const p = PRESETS[id];
  if (!p) throw new RangeError(`invalid preset: '${id}' (expected one of ${Object.keys(PRESETS).join(', ')})`);
  return p;
}

export interface CoherenceTimes {
  readonly t1Us: number;
  readonly t2Us: number;
}

/** T1/T2 of a preset (or id), checked for T2 ≤ 2T1. */
export function presetCoherence(preset: HardwarePreset | string): CoherenceTimes {
  const p = typeof preset === 'string' ? getPreset(preset) : preset;
  checkT1T2(p.t1Us.value, p.t2Us.value);
  return { t1Us: p.t1Us.value, t2Us: p.t2Us.value };
}

/**
 * A noise model that idles every touched qubit for the preset's gate duration after each gate
 * (thermal relaxation only: no control errors). Throws when the preset has no gate durations.
 */
export function presetNoiseModel(preset: HardwarePreset | string): NoiseModel {
  const p = typeof preset === 'string' ? getPreset(preset) : preset;
  const { t1Us, t2Us } = presetCoherence(p);
  if (!p.gate1qNs || !p.gate2qNs) throw new RangeError(`invalid preset for a gate noise model: '${p.id}' (no cited gate durations)`);
  return {
    after1q: [{ id: 'thermal_relaxation', params: { t1Us, t2Us, timeUs: p.gate1qNs.value / 1000 } }],
    after2q: [{ id: 'thermal_relaxation', params: { t1Us, t2Us, timeUs: p.gate2qNs.value / 1000 } }],
  };
}
