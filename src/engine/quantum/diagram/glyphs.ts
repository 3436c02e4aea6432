/**
 * How each op looks in a circuit diagram, derived from the gate registry (so a new registry gate
 * gets a glyph without a new table entry): controls are the registry's leading `nControls` qubits
 * (filled dots); the base gate (the id without its leading `c`s) decides the target glyph: X → ⊕,
 * SWAP → ×, Z and phase gates → a dot (they are symmetric), anything else → a labelled box.
 * Non-controlled multi-qubit gates (RXX, RZZ, …) are one box over their wires.
 */
import { GATES } from '../gates.ts';

/** Short symbols for gates whose id is not just its upper-case form. */
const SYMBOLS: Readonly<Record<string, string>> = {
  id: 'I', sdg: 'S†', tdg: 'T†', sx: '√X', sxdg: '√X†', u: 'U',
};

/** The symbol drawn for a gate id: `ry` → `RY`, `sdg` → `S†`. */
export function gateSymbol(id: string): string {
  return SYMBOLS[id] ?? id.toUpperCase();
}

/** Denominators tried when writing an angle as a fraction of π. */
const PI_DENOMINATORS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64];

/**
 * An angle for a reader: a simple multiple of π when it is one to 1e-9 (`π/4`, `−3π/2`), else
 * four significant digits (`1.982`).
 */
export function formatAngleLabel(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  for (const d of PI_DENOMINATORS) {
    const k = (x * d) / Math.PI;
    const r = Math.round(k);
    if (r !== 0 && Math.abs(r) <= 64 * d && Math.abs(k - r) < 1e-9 * Math.max(1, Math.abs(k))) {
      // Reduced fractions only (2π/4 is found as π/2 first because 2 comes before 4).
      const a = Math.abs(r);
      return `${r < 0 ? '−' : ''}${a === 1 ? '' : a}π${d === 1 ? '' : `/${d}`}`;
    }
  }
  const s = String(Number(x.toPrecision(4)));
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

export type TargetGlyph = 'box' | 'oplus' | 'swap' | 'dot';

export interface GateGlyph {
  /** Qubits drawn as filled control dots. */
  readonly controls: readonly number[];
  /** Qubits drawn as targets, each with its glyph. */
  readonly targets: readonly { readonly qubit: number; readonly glyph: TargetGlyph }[];
  /** Text in the box (for 'box' targets) or beside the connector (for dot-only gates such as CP). */
  readonly label: string;
  /** One box covering all targets (non-controlled multi-qubit gates such as RXX). */
  readonly spanBox: boolean;
}

/** The glyph of a registry gate on `qubits` with `params`. */
export function gateGlyph(id: string, qubits: readonly number[], params: readonly number[]): GateGlyph {
  const def = GATES[id];
  const nControls = def?.nControls ?? 0;
  const base = nControls > 0 && GATES[id.slice(nControls)] !== undefined ? id.slice(nControls) : nControls > 0 ? null : id;
  const paramText = params.length ? `(${params.map(formatAngleLabel).join(', ')})` : '';
  const controls = qubits.slice(0, nControls);
  const rest = qubits.slice(nControls);
  if (base === null) {
    // A controlled gate whose base is not in the registry: controls as dots, the rest as one box.
    return { controls, targets: rest.map((q) => ({ qubit: q, glyph: 'box' })), label: gateSymbol(id) + paramText, spanBox: rest.length > 1 };
  }
  if (base === 'swap') return { controls, targets: rest.map((q) => ({ qubit: q, glyph: 'swap' })), label: '', spanBox: false };
  if (nControls > 0 && base === 'x') return { controls, targets: rest.map((q) => ({ qubit: q, glyph: 'oplus' })), label: '', spanBox: false };
  if (nControls > 0 && (base === 'z' || base === 'p' || base === 'u1')) {
    return { controls, targets: rest.map((q) => ({ qubit: q, glyph: 'dot' })), label: base === 'z' ? '' : gateSymbol(base) + paramText, spanBox: false };
  }
  return { controls, targets: rest.map((q) => ({ qubit: q, glyph: 'box' })), label: gateSymbol(base) + paramText, spanBox: rest.length > 1 };
}

/** A sentence naming an op for screen readers and tooltips: "RY(θ = π/4) on q2". */
export function describeGate(id: string, qubits: readonly number[], params: readonly number[]): string {
  const def = GATES[id];
  const names = def?.params ?? [];
  const ps = params.length ? `(${params.map((p, i) => `${names[i] ?? `p${i}`} = ${formatAngleLabel(p)}`).join(', ')})` : '';
  const nControls = def?.nControls ?? 0;
  const q = (xs: readonly number[]): string => xs.map((x) => `q${x}`).join(', ');
  if (nControls > 0) return `${gateSymbol(id)}${ps}: control ${q(qubits.slice(0, nControls))}, target ${q(qubits.slice(nControls))}`;
  return `${gateSymbol(id)}${ps} on ${q(qubits)}`;
}
