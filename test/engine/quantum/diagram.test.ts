import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GATES } from '../../../src/engine/quantum/gates';
import { buildCircuit, createCircuit, withOp, withOps, type Circuit, type Op } from '../../../src/engine/quantum/circuit';
import { bellCircuit, ghzCircuit, qftCircuit, roadmapAggregatorCircuit } from '../../../src/engine/quantum/standardCircuits';
import { planCuts, type CutSpec } from '../../../src/engine/quantum/cutting/cut';
import { simulate } from '../../../src/engine/quantum/statevector';
import { parseQasm } from '../../../src/engine/quantum/qasm';
import {
  circuitView, columnPrefix, formatAngleLabel, gateGlyph, layoutCircuit, renderCircuitSvg, stepThroughColumns,
  type DiagramLayout,
} from '../../../src/engine/quantum/diagram/index';
import { randomGateCircuit } from './reference';

/** [column, top, bottom] per item: the layout as data. */
const shape = (l: DiagramLayout) => l.items.map((it) => [it.column, it.top, it.bottom]);

/** No two items of one column cover a common wire; ops sharing a wire keep their order. */
function checkNoOverlap(c: Circuit, l: DiagramLayout): void {
  for (const a of l.items) for (const b of l.items) {
    if (a === b) continue;
    const share = a.top <= b.bottom && b.top <= a.bottom;
    if (a.column === b.column) expect(share, `ops ${a.op} and ${b.op} overlap in column ${a.column}`).toBe(false);
    if (share && a.op < b.op) expect(a.column).toBeLessThan(b.column);
  }
  expect(l.items.length).toBe(c.ops.filter((op) => op.kind !== 'barrier' || op.qubits.length > 0).length);
}

/** Well-formed XML-ish: every opened element is closed in order. */
function checkBalanced(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
}

describe('angle labels', () => {
  it('writes simple multiples of π as fractions and others with four digits', () => {
    expect(formatAngleLabel(Math.PI / 4)).toBe('π/4');
    expect(formatAngleLabel(-Math.PI / 2)).toBe('−π/2');
    expect(formatAngleLabel((3 * Math.PI) / 4)).toBe('3π/4');
    expect(formatAngleLabel(2 * Math.PI)).toBe('2π');
    expect(formatAngleLabel(Math.PI)).toBe('π');
    expect(formatAngleLabel(0)).toBe('0');
    expect(formatAngleLabel(2 * Math.asin(Math.sqrt(0.7)))).toBe('1.982');
    expect(formatAngleLabel(-0.1)).toBe('−0.1');
  });
});

describe('gate glyphs come from the registry', () => {
  it('controls are the leading nControls qubits; X targets are ⊕, SWAP targets ×, Z/phase targets dots', () => {
    expect(gateGlyph('cx', [0, 1], [])).toMatchObject({ controls: [0], targets: [{ qubit: 1, glyph: 'oplus' }] });
    expect(gateGlyph('ccx', [2, 0, 1], [])).toMatchObject({ controls: [2, 0], targets: [{ qubit: 1, glyph: 'oplus' }] });
    expect(gateGlyph('cswap', [0, 1, 2], [])).toMatchObject({ controls: [0], targets: [{ qubit: 1, glyph: 'swap' }, { qubit: 2, glyph: 'swap' }] });
    expect(gateGlyph('swap', [0, 3], [])).toMatchObject({ controls: [], targets: [{ glyph: 'swap' }, { glyph: 'swap' }] });
    expect(gateGlyph('cz', [0, 1], [])).toMatchObject({ controls: [0], targets: [{ qubit: 1, glyph: 'dot' }], label: '' });
    expect(gateGlyph('cp', [0, 1], [Math.PI / 2])).toMatchObject({ targets: [{ glyph: 'dot' }], label: 'P(π/2)' });
    expect(gateGlyph('cry', [1, 0], [Math.PI / 4])).toMatchObject({ controls: [1], targets: [{ qubit: 0, glyph: 'box' }], label: 'RY(π/4)' });
    expect(gateGlyph('rzz', [0, 2], [1])).toMatchObject({ controls: [], spanBox: true, label: 'RZZ(1)' });
    expect(gateGlyph('u', [0], [Math.PI, 0, Math.PI / 3])).toMatchObject({ label: 'U(π, 0, π/3)' });
    expect(gateGlyph('sdg', [0], [])).toMatchObject({ label: 'S†' });
  });
});

describe('layout as data', () => {
  it('Bell: H then CNOT in two columns', () => {
    const l = layoutCircuit(bellCircuit());
    expect(l.columns).toBe(2);
    expect(shape(l)).toEqual([[0, 0, 0], [1, 0, 1]]);
  });

  it('GHZ-4: a CNOT ladder is one column per gate', () => {
    expect(shape(layoutCircuit(ghzCircuit(4)))).toEqual([[0, 0, 0], [1, 0, 1], [2, 1, 2], [3, 2, 3]]);
  });

  it('independent gates share a column; a connector blocks the wires it crosses', () => {
    const c = buildCircuit(3).h(0).h(1).h(2).cx(0, 2).x(1).z(0).build();
    expect(shape(layoutCircuit(c))).toEqual([[0, 0, 0], [0, 1, 1], [0, 2, 2], [1, 0, 2], [2, 1, 1], [2, 0, 0]]);
  });

  it('a measurement covers its wire and the wires below (its line runs to the classical register)', () => {
    const c = buildCircuit(3, 2).h(0).measure(0, 0).x(2).measure(2, 1).build();
    const l = layoutCircuit(c);
    expect(shape(l)).toEqual([[0, 0, 0], [1, 0, 2], [2, 2, 2], [3, 2, 2]]);
    expect(l.items[1]).toMatchObject({ kind: 'measure', clbit: 0 });
  });

  it('barriers span their qubits and order what follows; reset is one box', () => {
    const c = buildCircuit(3).h(0).barrier().x(1).reset(2).barrier(0, 2).build();
    expect(shape(layoutCircuit(c))).toEqual([[0, 0, 0], [1, 0, 2], [2, 1, 1], [2, 2, 2], [3, 0, 2]]);
  });

  it('QFT-3 and the 14-qubit aggregator', () => {
    const q = layoutCircuit(qftCircuit(3));
    checkNoOverlap(qftCircuit(3), q);
    const agg = roadmapAggregatorCircuit(new Array(14).fill(0.7));
    const l = layoutCircuit(agg);
    // 14 RY in column 0, then the CNOT chain one per column.
    expect(l.items.slice(0, 14).every((it) => it.column === 0)).toBe(true);
    expect(l.columns).toBe(14);
  });

  it('random circuits: no overlapping gates, order kept on every wire (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 }), (seed, n, depth) => {
      let c = randomGateCircuit(seed, n, depth);
      c = withOps(createCircuit(n, n), [...c.ops, ...(seed % 3 === 0 ? [{ kind: 'measure', qubit: seed % n, clbit: 0 } as Op, { kind: 'reset', qubit: (seed >> 2) % n } as Op] : [])]);
      const l = layoutCircuit(c);
      checkNoOverlap(c, l);
      expect(l.columns).toBe(Math.max(0, ...l.items.map((it) => it.column + 1)));
    }), { numRuns: 150 });
  });
});

describe('cuts and fragments', () => {
  const c = buildCircuit(4).h(0).cx(0, 1).cx(1, 2).ry(0.3, 2).cx(2, 3).cz(0, 3).build();

  it('a wire cut sits between the ops before and after it on that wire', () => {
    const l = layoutCircuit(c, { cuts: [{ kind: 'wire', qubit: 2, afterOp: 3 }] });
    expect(l.wireCuts).toEqual([{ qubit: 2, boundary: 4, cut: 0 }]);
    expect(l.items[3].column).toBeLessThan(4);
    expect(l.items[4].column).toBeGreaterThanOrEqual(4);
  });

  it('fragments match planCuts (same number, same qubits each)', () => {
    const cases: CutSpec[][] = [
      [{ kind: 'wire', qubit: 2, afterOp: 3 }],
      [{ kind: 'gate', opIndex: 2 }],
      [{ kind: 'gate', opIndex: 2 }, { kind: 'gate', opIndex: 5 }],
      [{ kind: 'wire', qubit: 1, afterOp: 1 }, { kind: 'gate', opIndex: 5 }],
    ];
    for (const cuts of cases) {
      const l = layoutCircuit(c, { cuts });
      const plan = planCuts(c, cuts, 'ZZZZ');
      expect(l.nFragments).toBe(plan.fragments.length);
      const mine = Array.from({ length: l.nFragments }, (_, f) => l.segments.filter((s) => s.fragment === f).map((s) => s.qubit).sort());
      expect(mine).toEqual(plan.fragments.map((fr) => [...fr.originalQubits].sort()));
    }
  });

  it('a gate cut is marked on its gate and rejected on a one-qubit gate', () => {
    const l = layoutCircuit(c, { cuts: [{ kind: 'gate', opIndex: 2 }] });
    expect(l.items[2].gateCut).toBe(true);
    expect(() => layoutCircuit(c, { cuts: [{ kind: 'gate', opIndex: 0 }] })).toThrow(/not a two-qubit gate/);
    expect(() => layoutCircuit(c, { cuts: [{ kind: 'wire', qubit: 9, afterOp: 0 }] })).toThrow(/invalid cut 0 qubit/);
  });
});

describe('SVG rendering', () => {
  it('every registry gate renders with its symbol and formatted parameters (iterates the registry)', () => {
    for (const g of Object.values(GATES)) {
      const qubits = Array.from({ length: g.arity }, (_, i) => g.arity - i); // reversed, wire 0 left free
      const params = g.params.map(() => Math.PI / 4);
      const c = withOp(createCircuit(g.arity + 1), { kind: 'gate', gate: g.id, qubits, params });
      const { svg, width, height } = renderCircuitSvg(layoutCircuit(c));
      checkBalanced(svg);
      expect(svg, g.id).toContain(`data-gate="${g.id}"`);
      const glyph = gateGlyph(g.id, qubits, params);
      if (glyph.label) expect(svg, g.id).toContain(glyph.label);
      if (params.length) expect(glyph.label || svg, g.id).toContain('π/4');
      expect(width).toBeGreaterThan(0);
      expect(height).toBeGreaterThan(0);
    }
  });

  it('snapshot: Bell with measurement, a barrier and a reset', () => {
    const c = buildCircuit(2, 2).h(0).cx(0, 1).barrier().measure(0, 0).measure(1, 1).reset(0).build();
    expect(renderCircuitSvg(layoutCircuit(c), { title: 'Bell' }).svg).toMatchSnapshot();
  });

  it('snapshot: cuts with shaded fragments, a seeded shot and a step marker', () => {
    const c = buildCircuit(3).h(0).cx(0, 1).cx(1, 2).crz(Math.PI / 4, 0, 2).ccx(0, 1, 2).cswap(2, 0, 1).build();
    const cuts: CutSpec[] = [{ kind: 'gate', opIndex: 2 }, { kind: 'wire', qubit: 0, afterOp: 1 }];
    const svg = renderCircuitSvg(layoutCircuit(c, { cuts }), { step: 2, finalBits: [1, 0, 1], title: 'cut demo' }).svg;
    expect(svg).toContain('class="wire-cut"');
    expect(svg).toContain('class="fragment"');
    expect(svg).toMatchSnapshot();
  });

  it('long circuits fold into rows within maxWidth', () => {
    const c = randomGateCircuit(7, 5, 300);
    const { width } = renderCircuitSvg(layoutCircuit(c), { maxWidth: 1180 });
    expect(width).toBeLessThanOrEqual(1180);
    const one = renderCircuitSvg(layoutCircuit(c), { maxWidth: Infinity });
    expect(one.width).toBeGreaterThan(1180);
  });

  it('escapes text (a caption cannot inject markup)', () => {
    const { svg } = renderCircuitSvg(layoutCircuit(bellCircuit()), { title: '<script>"x"</script>' });
    expect(svg).not.toContain('<script>');
  });
});

describe('state step by step', () => {
  it('the state after column k equals simulating the first k columns (random circuits, with measurements)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const base = randomGateCircuit(seed, 4, 25);
      const c = withOps(createCircuit(4, 2), [...base.ops.slice(0, 12), { kind: 'measure', qubit: 1, clbit: 0 }, ...base.ops.slice(12), { kind: 'reset', qubit: 2 }, { kind: 'measure', qubit: 3, clbit: 1 }]);
      const l = layoutCircuit(c);
      const trace = stepThroughColumns(c, l, { seed: 11, topK: 16 });
      expect(trace.states.length).toBe(l.columns + 1);
      for (let k = 0; k <= l.columns; k++) {
        const ref = simulate(columnPrefix(c, l, k), { seed: 11 }).state;
        const st = trace.states[k];
        for (const a of st.amplitudes) {
          expect(a.re).toBeCloseTo(ref.amps[2 * a.index], 10);
          expect(a.im).toBeCloseTo(ref.amps[2 * a.index + 1], 10);
        }
        for (let q = 0; q < 4; q++) expect(st.p1[q]).toBeCloseTo(ref.probabilityOfOne(q), 10);
      }
      // The full prefix is the whole circuit, and its measurements give the same bits.
      const full = simulate(columnPrefix(c, l, l.columns), { seed: 11 });
      expect(trace.outcomes[12]).toBe(full.clbits[0]);
    }
  });

  it('Bell pair: Bloch vectors shrink to 0 and the mutual information reaches 2 bits', () => {
    const l = layoutCircuit(bellCircuit());
    const t = stepThroughColumns(bellCircuit(), l);
    expect(t.states[1].mutualInformation?.[1]).toBeCloseTo(0, 10);
    expect(Math.hypot(...t.states[1].bloch[0])).toBeCloseTo(1, 10);
    expect(t.states[2].mutualInformation?.[1]).toBeCloseTo(2, 8);
    expect(Math.hypot(...t.states[2].bloch[0])).toBeCloseTo(0, 10);
    expect(t.finalBits[0]).toBe(t.finalBits[1]); // a Bell shot always agrees
  });

  it('GHZ-3 pairs share 1 bit of mutual information (classical correlation only)', () => {
    const c = ghzCircuit(3);
    const t = stepThroughColumns(c, layoutCircuit(c));
    const mi = t.states[3].mutualInformation as number[];
    expect(mi[0 * 3 + 2]).toBeCloseTo(1, 8);
  });
});

describe('circuit() view builder', () => {
  it('carries the ops, the QASM twin and, with steps, the trace', () => {
    const c = parseQasm('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q[0] -> c[0];\n');
    const v = circuitView(c, { steps: true, seed: 3, caption: 'Bell' });
    expect(v.kind).toBe('circuit');
    expect(v.qasm).toContain('cx q[0],q[1];');
    expect(v.steps?.states.length).toBe(4);
    expect(structuredClone(v)).toEqual(v);
  });

  it('says why there is no step view for a large circuit and rejects bad cuts', () => {
    const v = circuitView(randomGateCircuit(1, 16, 10), { steps: true });
    expect(v.steps).toBeUndefined();
    expect(v.stepsNote).toMatch(/up to 14 qubits/);
    expect(() => circuitView(bellCircuit(), { cuts: [{ kind: 'gate', opIndex: 0 }] })).toThrow(/two-qubit/);
  });
});
