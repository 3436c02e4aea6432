/**
 * `--data path` / `--data input=path` for the headless runners: each file is read and validated by the same
 * reader and minimum-size check as a file dropped in the page, then given to the notebook's dataset input that takes
 * its kind (the first free one, or the named one). A `.meta.json` next to a backtest export is picked up with it.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { InputSpec, InputValue, Notebook } from '../src/notebook/format';
import { parseDataFile, checkMinimumRows, describeDataFile, KIND_LABEL } from '../src/engine/market/userFiles';
import type { FileFingerprint } from '../src/share/schema';

export interface DataUpload {
  id: string;
  fileName: string;
  text: string;
  bytes?: Uint8Array;
  companions?: { name: string; text: string }[];
}

export interface DataArgsResult {
  uploads: DataUpload[];
  inputs: Record<string, InputValue>;
  files: Record<string, FileFingerprint>;
  /** One line per file: which input it feeds and what it holds. */
  notes: string[];
}

/** Dataset inputs of a notebook, including those of the notebooks it runs (the ledger), for `--data` to fill. */
export function datasetInputs(nb: Notebook): InputSpec[] {
  return nb.cells.flatMap((c) => (c.input?.type === 'dataset' ? [c.input] : []));
}

export function resolveDataArgs(args: string[], inputsOf: InputSpec[], where: string): DataArgsResult {
  const out: DataArgsResult = { uploads: [], inputs: {}, files: {}, notes: [] };
  const taken = new Set<string>();
  for (const arg of args) {
    const m = /^([A-Za-z_$][\w$]*)=(.+)$/.exec(arg);
    const [name, path] = m && !existsSync(arg) ? [m[1], m[2]] : [undefined, arg];
    if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`--data ${arg}: no such file`);
    const fileName = basename(path);
    const bytes = new Uint8Array(readFileSync(path));
    const metaPath = join(dirname(path), fileName.replace(/\.(json|zip)$/i, '.meta.json'));
    const companions = metaPath !== path && existsSync(metaPath) ? [{ name: basename(metaPath), text: readFileSync(metaPath, 'utf8') }] : [];
    let spec: InputSpec | undefined;
    if (name) {
      spec = inputsOf.find((s) => s.name === name);
      if (!spec) throw new Error(`--data ${arg}: ${where} has no dataset input '${name}' (dataset inputs: ${inputsOf.map((s) => s.name).join(', ') || 'none'})`);
    }
    // The same checks as the page: kind, reader, minimum rows.
    const parsed = parseDataFile(bytes, fileName, spec ? spec.accept ?? 'candles' : undefined, companions);
    if (!spec) {
      spec = inputsOf.find((s) => (s.accept ?? 'candles') === parsed.kind && !taken.has(s.name));
      if (!spec) throw new Error(`--data ${arg}: ${fileName} is ${KIND_LABEL[parsed.kind]}, and ${where} has no free input for that (dataset inputs: ${inputsOf.map((s) => `${s.name} (${s.accept ?? 'candles'})`).join(', ') || 'none'})`);
    }
    checkMinimumRows(parsed, spec.minRows, fileName, spec.label);
    taken.add(spec.name);
    const id = `upload:${fileName}`;
    out.uploads.push({ id, fileName, text: '', bytes, companions });
    out.inputs[spec.name] = id;
    out.files[spec.name] = { name: fileName, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    out.notes.push(`${spec.name} ← ${fileName} (${describeDataFile(parsed)}; sha256 ${out.files[spec.name].sha256.slice(0, 12)}…)`);
  }
  return out;
}
