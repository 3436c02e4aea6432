import type { InputSpec } from '../notebook/format';

interface Manifest {
  datasets: { id: string; market?: string; interval?: string; rows?: number }[];
  runs?: { id: string; kind: string; strategies?: string[]; trades?: number; epochs?: number }[];
}
// The shipped datasets (public/data/index.json is generated from the files themselves by scripts/make-data-index.ts).
const manifests = import.meta.glob('/public/data/index.json', { eager: true, import: 'default' }) as Record<string, Manifest>;
const manifest = Object.values(manifests)[0];

export function datasetOptions(spec: InputSpec): { value: string; label: string; disabled?: boolean }[] {
  if (spec.options?.length) return spec.options.map((o) => ({ value: String(o.value), label: o.label }));
  const none = spec.optional ? [{ value: '', label: 'none' }] : [];
  if (spec.accept && spec.accept !== 'candles') {
    return [...none, ...(manifest?.runs ?? []).filter((r) => r.kind === spec.accept).map((r) => ({
      value: r.id,
      label: r.kind === 'backtest' ? `${r.id} (sample: ${r.strategies?.join(', ')}; ${r.trades} trades)` : `${r.id} (sample: ${r.epochs} epochs)`,
    }))];
  }
  // A dataset shorter than the notebook's windows is listed but cannot be chosen, with the minimum it would need.
  return [...none, ...(manifest?.datasets ?? []).map((d) => {
    const min = spec.minRows ?? 0;
    const short = d.rows !== undefined && d.rows < min;
    return { value: d.id, label: `${d.id}${d.rows ? ` (${d.rows.toLocaleString('en')} bars${short ? `: too short, this notebook needs ${min.toLocaleString('en')}` : ''})` : ''}`, ...(short ? { disabled: true } : {}) };
  })];
}
