/**
 * Which series of a chart would hide each other: groups of series whose values agree within a tolerance at
 * every shared point. A chart draws such series with distinct dashes and markers and names them in a note.
 */

export interface NamedSeries {
  id: string;
  values: ArrayLike<number>;
}

/** Largest |a_i − b_i| over the common length; two non-finite values at the same index count as equal. */
export function maxSeriesGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let gap = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i], y = b[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (Number.isFinite(x) !== Number.isFinite(y) || (x !== y && !(Number.isNaN(x) && Number.isNaN(y)))) return Infinity;
      continue;
    }
    gap = Math.max(gap, Math.abs(x - y));
  }
  return gap;
}

/**
 * Groups (two or more ids, in input order) of series that coincide: linked when their largest gap is at most
 * `tolerance` (single linkage, so a chain of near-equal series forms one group). Series of different
 * lengths are compared over their common length.
 */
export function coincidingSeries(series: readonly NamedSeries[], tolerance: number): string[][] {
  if (!(tolerance >= 0)) throw new RangeError(`invalid tolerance: ${tolerance} (expected ≥ 0)`);
  const parent = series.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      if (maxSeriesGap(series[i].values, series[j].values) <= tolerance) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, string[]>();
  series.forEach((s, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), s.id]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** "a and b coincide; c, d and e coincide" (empty string when none do), for a chart's caption. */
export function describeCoincidence(groups: readonly string[][], how = 'coincide'): string {
  const list = (g: readonly string[]) => (g.length === 2 ? `${g[0]} and ${g[1]}` : `${g.slice(0, -1).join(', ')} and ${g[g.length - 1]}`);
  return groups.map((g) => `${list(g)} ${how}`).join('; ');
}
