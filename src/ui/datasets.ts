import type { InputSpec } from '../notebook/format';

// The shipped datasets (public/data/index.json is generated from the files themselves by scripts/make-data-index.ts).
const manifests = import.meta.glob('/public/data/index.json', { eager: true, import: 'default' }) as Record<string, { datasets: { id: string; market?: string; interval?: string; rows?: number }[] }>;
const manifest = Object.values(manifests)[0];

export function datasetOptions(spec: InputSpec): { value: string; label: string }[] {
  if (spec.options?.length) return spec.options.map((o) => ({ value: String(o.value), label: o.label }));
  return (manifest?.datasets ?? []).map((d) => ({ value: d.id, label: `${d.id}${d.rows ? ` (${d.rows.toLocaleString('en')} bars)` : ''}` }));
}
