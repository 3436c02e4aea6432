/**
 * Upgrades of old payloads: `migrations[v]` turns a version-v payload (parsed JSON, not yet
 * validated) into a version-(v + 1) payload. Only v1 exists so far, so the table is empty; the
 * structure (and a test with a fake v0) is here so the first format change has a place to go.
 * Rule: never edit a shipped migration; golden links in test/fixtures/share must keep decoding.
 */
export type Migration = (payload: unknown) => unknown;
export type MigrationTable = Readonly<Record<number, Migration>>;

export const MIGRATIONS: MigrationTable = {};

/** Run migrations from `fromVersion` up to `toVersion`; returns null if a step is missing. */
export function migrate(payload: unknown, fromVersion: number, toVersion: number, table: MigrationTable): { payload: unknown } | null {
  let p = payload;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = Object.prototype.hasOwnProperty.call(table, v) ? table[v] : undefined;
    if (!step) return null;
    p = step(p);
  }
  return { payload: p };
}
