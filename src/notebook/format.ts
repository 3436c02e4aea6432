/**
 * The notebook format: plain Markdown that reads well on GitHub.
 *
 *   ---                              front matter (YAML): id, title, summary, claims, order
 *   ---
 *   Prose with $math$ and $$display math$$.
 *   ```js  [id=name] [timeout=ms]    code cell: top-level declarations define named values
 *   ```ts                            the same, TypeScript (types stripped)
 *   ```formula                       mathjs lines `name = expression`
 *   ```input                         YAML: name, type (slider|number|select|checkbox|dataset|text), label, value…
 *   ```view                          a JS expression rendering a value: plot(…), table(…), metric(…), verdict(…)
 *   <!-- notes: … -->                speaker notes for the walkthrough (invisible on GitHub)
 *
 * Fences in any other language (```python …) stay prose. See docs/notebook-format.md.
 */
import { parse as parseYaml } from 'yaml';

export type CellType = 'code' | 'formula' | 'input' | 'view';
export type InputType = 'slider' | 'number' | 'select' | 'checkbox' | 'dataset' | 'text';
export type InputValue = number | string | boolean;

export interface InputSpec {
  name: string;
  type: InputType;
  label: string;
  value: InputValue;
  min?: number;
  max?: number;
  step?: number;
  options?: { value: InputValue; label: string }[];
  help?: string;
  /** Dataset inputs only: what kind of file they take (default candles). */
  accept?: 'candles' | 'backtest' | 'hyperopt' | 'members';
  /** Dataset inputs only: offer "none" (value '') so the notebook can run without this file. */
  optional?: boolean;
  /** Dataset inputs only: the fewest rows the notebook's windows need (candles: bars, backtest: trades, hyperopt: epochs, members: rows); a shorter file is refused at load. */
  minRows?: number;
  /** A richer editor for a text input: `circuit` = the visual circuit editor (the value is OpenQASM 2.0). */
  widget?: 'circuit';
}

export interface CellDef {
  /** Stable id: the `id=` attribute, the input's name, or `cell-<n>` by position. Share links key edits by it. */
  id: string;
  type: CellType;
  lang: 'js' | 'ts' | 'formula' | 'input' | 'view';
  source: string;
  attrs: Record<string, string>;
  /** 1-based line of the first source line inside the fence (for error positions). */
  line: number;
  /** Zero-based line range of the whole fence in the notebook source [open, close]. */
  fence: [number, number];
  input?: InputSpec;
  /** Index of the section (## heading) the cell belongs to. */
  section: number;
}

export interface ProseBlock {
  kind: 'prose';
  markdown: string;
  line: number;
  section: number;
}

export type Block = ProseBlock | { kind: 'cell'; cell: CellDef };

export interface Section {
  index: number;
  title: string;
  notes: string[];
}

export interface NotebookMeta {
  id: string;
  title: string;
  summary: string;
  claims: string[];
  order: number;
  /** Default seed of the notebook's random streams. */
  seed: number;
  audience?: string;
}

export interface Notebook {
  meta: NotebookMeta;
  blocks: Block[];
  cells: CellDef[];
  sections: Section[];
  source: string;
}

export class NotebookFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column = 1,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'NotebookFormatError';
  }
}

const CELL_LANGS: Record<string, CellType> = { js: 'code', javascript: 'code', ts: 'code', typescript: 'code', formula: 'formula', input: 'input', view: 'view' };
const INPUT_TYPES: readonly InputType[] = ['slider', 'number', 'select', 'checkbox', 'dataset', 'text'];
const NOTES_RE = /<!--\s*notes:\s*([\s\S]*?)-->/g;

export function parseNotebook(source: string, fallbackId = 'untitled'): Notebook {
  const text = source.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const { meta, bodyStart } = parseFrontMatter(lines, fallbackId);

  const blocks: Block[] = [];
  const cells: CellDef[] = [];
  const sections: Section[] = [{ index: 0, title: meta.title, notes: [] }];
  let prose: string[] = [];
  let proseLine = bodyStart + 1;
  const usedIds = new Set<string>();

  const flushProse = (endLine: number) => {
    const md = prose.join('\n');
    if (md.trim()) blocks.push({ kind: 'prose', markdown: md, line: proseLine, section: sections.length - 1 });
    prose = [];
    proseLine = endLine + 1;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(line);
    if (fence) {
      const [, marker, langRaw, rest] = fence;
      const close = findFenceClose(lines, i + 1, marker);
      if (close < 0) throw new NotebookFormatError(`unclosed code fence ${marker}${langRaw}`, i + 1);
      const lang = langRaw.toLowerCase();
      const type = CELL_LANGS[lang];
      if (!type) {
        // Any other fence is prose (quoted roadmap code, shell commands…).
        for (let k = i; k <= close; k++) prose.push(lines[k]);
        i = close;
        continue;
      }
      flushProse(i);
      const attrs = parseAttrs(rest, i + 1);
      const body = lines.slice(i + 1, close).join('\n');
      const cell: CellDef = {
        id: '',
        type,
        lang: type === 'code' ? (lang.startsWith('t') ? 'ts' : 'js') : (lang as CellDef['lang']),
        source: body,
        attrs,
        line: i + 2,
        fence: [i, close],
        section: sections.length - 1,
      };
      if (type === 'input') cell.input = parseInputSpec(body, i + 2);
      cell.id = attrs.id ?? cell.input?.name ?? `cell-${cells.length + 1}`;
      if (!/^[A-Za-z_][\w-]*$/.test(cell.id)) throw new NotebookFormatError(`invalid cell id '${cell.id}' (letters, digits, _ and -)`, i + 1);
      if (usedIds.has(cell.id)) throw new NotebookFormatError(`duplicate cell id '${cell.id}'`, i + 1);
      usedIds.add(cell.id);
      cells.push(cell);
      blocks.push({ kind: 'cell', cell });
      i = close;
      proseLine = close + 2;
      continue;
    }
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flushProse(i - 1);
      proseLine = i + 1;
      sections.push({ index: sections.length, title: heading[1], notes: [] });
    }
    prose.push(line);
  }
  flushProse(lines.length);

  // Speaker notes: collected per section, removed from the rendered prose.
  for (const b of blocks) {
    if (b.kind !== 'prose') continue;
    b.markdown = b.markdown.replace(NOTES_RE, (_m, note: string) => {
      sections[b.section].notes.push(note.trim());
      return '';
    });
  }
  return { meta, blocks, cells, sections, source: text };
}

function findFenceClose(lines: string[], from: number, marker: string): number {
  const ch = marker[0];
  for (let k = from; k < lines.length; k++) {
    const m = new RegExp(`^\\${ch}{${marker.length},}\\s*$`).exec(lines[k]);
    if (m) return k;
  }
  return -1;
}

function parseAttrs(rest: string, line: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([A-Za-z_][\w-]*)(?:=("[^"]*"|'[^']*'|\S+))?/g;
  let m: RegExpExecArray | null;
  const trimmed = rest.replace(/^\{|\}$/g, '').trim();
  let consumed = 0;
  while ((m = re.exec(trimmed))) {
    const gap = trimmed.slice(consumed, m.index);
    if (gap.trim()) throw new NotebookFormatError(`cannot read fence attribute near '${gap.trim()}'`, line);
    consumed = m.index + m[0].length;
    const v = m[2] ?? 'true';
    attrs[m[1]] = v.replace(/^["']|["']$/g, '');
  }
  return attrs;
}

function parseFrontMatter(lines: string[], fallbackId: string): { meta: NotebookMeta; bodyStart: number } {
  const base: NotebookMeta = { id: fallbackId, title: fallbackId, summary: '', claims: [], order: 1000, seed: 1 };
  if (lines[0]?.trim() !== '---') return { meta: base, bodyStart: 0 };
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new NotebookFormatError('front matter opened with --- but never closed', 1);
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, end).join('\n'), { logLevel: 'error' });
  } catch (e) {
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new NotebookFormatError(`front matter: ${(e as Error).message.split('\n')[0]}`, (pos?.line ?? 0) + 1, pos?.col ?? 1);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new NotebookFormatError('front matter must be a YAML mapping', 2);
  const d = data as Record<string, unknown>;
  const str = (k: string, dflt: string) => {
    const v = d[k];
    if (v === undefined) return dflt;
    if (typeof v !== 'string') throw new NotebookFormatError(`front matter field '${k}' must be text`, 2);
    return v;
  };
  const claims = d.claims ?? [];
  if (!Array.isArray(claims) || claims.some((c) => typeof c !== 'string')) throw new NotebookFormatError(`front matter field 'claims' must be a list of claim ids`, 2);
  const meta: NotebookMeta = {
    id: str('id', fallbackId),
    title: str('title', fallbackId),
    summary: str('summary', ''),
    claims: claims as string[],
    order: typeof d.order === 'number' ? d.order : 1000,
    seed: Number.isInteger(d.seed) && (d.seed as number) >= 0 ? (d.seed as number) : 1,
  };
  if (typeof d.audience === 'string') meta.audience = d.audience;
  if (!/^[a-z0-9-]+$/.test(meta.id)) throw new NotebookFormatError(`notebook id '${meta.id}' must be lowercase letters, digits and -`, 2);
  return { meta, bodyStart: end + 1 };
}

export function parseInputSpec(source: string, line: number): InputSpec {
  let data: unknown;
  try {
    data = parseYaml(source, { logLevel: 'error' });
  } catch (e) {
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new NotebookFormatError(`input cell: ${(e as Error).message.split('\n')[0]}`, line + (pos?.line ?? 1) - 1, pos?.col ?? 1);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new NotebookFormatError('input cell must be a YAML mapping (name: …, type: …)', line);
  const d = data as Record<string, unknown>;
  const fieldLine = (k: string) => {
    const idx = source.split('\n').findIndex((l) => l.trimStart().startsWith(`${k}:`));
    return line + Math.max(0, idx);
  };
  const name = d.name;
  if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(name)) throw new NotebookFormatError(`input 'name' must be a JavaScript identifier, got ${JSON.stringify(name)}`, fieldLine('name'));
  const type = (d.type ?? 'number') as InputType;
  if (!INPUT_TYPES.includes(type)) throw new NotebookFormatError(`input '${name}': unknown type '${String(type)}' (expected ${INPUT_TYPES.join(', ')})`, fieldLine('type'));
  const num = (k: string): number | undefined => {
    const v = d[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new NotebookFormatError(`input '${name}': '${k}' must be a number`, fieldLine(k));
    return v;
  };
  const spec: InputSpec = { name, type, label: typeof d.label === 'string' ? d.label : name, value: 0 };
  spec.min = num('min');
  spec.max = num('max');
  spec.step = num('step');
  if (typeof d.help === 'string') spec.help = d.help;
  if (d.accept !== undefined) {
    const kinds = ['candles', 'backtest', 'hyperopt', 'members'] as const;
    if (type !== 'dataset' || !kinds.includes(d.accept as (typeof kinds)[number])) throw new NotebookFormatError(`input '${name}': 'accept' is for dataset inputs and must be one of ${kinds.join(', ')}`, fieldLine('accept'));
    spec.accept = d.accept as InputSpec['accept'];
  }
  if (d.optional !== undefined) spec.optional = d.optional === true;
  if (d.minRows !== undefined) {
    if (type !== 'dataset' || typeof d.minRows !== 'number' || !Number.isInteger(d.minRows) || d.minRows < 1) throw new NotebookFormatError(`input '${name}': 'minRows' is for dataset inputs and must be a whole number ≥ 1`, fieldLine('minRows'));
    spec.minRows = d.minRows;
  }
  if (d.widget !== undefined) {
    if (d.widget !== 'circuit' || type !== 'text') throw new NotebookFormatError(`input '${name}': unknown widget ${JSON.stringify(d.widget)} (expected 'circuit', on a text input)`, fieldLine('widget'));
    spec.widget = 'circuit';
  }
  if (d.options !== undefined) {
    if (!Array.isArray(d.options)) throw new NotebookFormatError(`input '${name}': 'options' must be a list`, fieldLine('options'));
    spec.options = d.options.map((o) => {
      if (o && typeof o === 'object' && 'value' in o) {
        const oo = o as { value: InputValue; label?: string };
        return { value: oo.value, label: oo.label ?? String(oo.value) };
      }
      return { value: o as InputValue, label: String(o) };
    });
  }
  const v = d.value;
  if (type === 'checkbox') spec.value = v === undefined ? false : Boolean(v);
  else if (type === 'slider' || type === 'number') {
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw new NotebookFormatError(`input '${name}': 'value' must be a number`, fieldLine('value'));
    spec.value = (v as number | undefined) ?? spec.min ?? 0;
    if (type === 'slider' && (spec.min === undefined || spec.max === undefined)) throw new NotebookFormatError(`input '${name}': a slider needs min and max`, fieldLine('type'));
  } else if (type === 'select') {
    if (!spec.options?.length) throw new NotebookFormatError(`input '${name}': a select needs options`, fieldLine('type'));
    spec.value = (v as InputValue | undefined) ?? spec.options[0].value;
    if (!spec.options.some((o) => o.value === spec.value)) throw new NotebookFormatError(`input '${name}': value ${JSON.stringify(spec.value)} is not one of the options`, fieldLine('value'));
  } else spec.value = v === undefined ? '' : String(v);
  return spec;
}

/** Check a value for an input against its spec; returns an error message or null. */
export function validateInputValue(spec: InputSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'checkbox':
      return typeof value === 'boolean' ? null : `expected true or false, got ${JSON.stringify(value)}`;
    case 'slider':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number, got ${JSON.stringify(value)}`;
      if (spec.min !== undefined && value < spec.min) return `${value} is below the minimum ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `${value} is above the maximum ${spec.max}`;
      return null;
    }
    case 'select':
      return spec.options?.some((o) => o.value === value) ? null : `${JSON.stringify(value)} is not one of ${spec.options?.map((o) => JSON.stringify(o.value)).join(', ')}`;
    default:
      return typeof value === 'string' ? null : `expected text, got ${JSON.stringify(value)}`;
  }
}

/**
 * Write a notebook back to Markdown with edited cell sources (and input defaults) substituted in place,
 * keeping every other byte of the original, so a downloaded `.md` can be dropped back in.
 */
export function applyEdits(nb: Notebook, edits: Record<string, string>, inputs: Record<string, InputValue> = {}): string {
  const lines = nb.source.split('\n');
  const replaced = [...nb.cells].sort((a, b) => b.fence[0] - a.fence[0]);
  for (const cell of replaced) {
    let body = edits[cell.id];
    if (cell.input && inputs[cell.input.name] !== undefined && body === undefined) {
      body = setYamlValue(cell.source, inputs[cell.input.name]);
    }
    if (body === undefined) continue;
    lines.splice(cell.fence[0] + 1, cell.fence[1] - cell.fence[0] - 1, ...body.split('\n'));
  }
  return lines.join('\n');
}

function setYamlValue(source: string, value: InputValue): string {
  const lines = source.split('\n');
  const idx = lines.findIndex((l) => /^value\s*:/.test(l));
  const rendered = `value: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  if (idx >= 0) {
    // A block scalar (`value: |`) continues on the indented lines below: replace those too.
    let end = idx + 1;
    while (end < lines.length && (/^\s+\S/.test(lines[end]) || (lines[end].trim() === '' && end + 1 < lines.length && /^\s+\S/.test(lines[end + 1])))) end++;
    lines.splice(idx, end - idx, rendered);
  } else lines.push(rendered);
  return lines.join('\n');
}
