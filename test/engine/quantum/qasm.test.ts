import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GATES, QasmError, buildCircuit, createCircuit, formatAngle, parseQasm, simulate, toQasm, withOp, type Circuit } from '../../../src/engine/quantum/index.ts';
import { createRng } from '../../../src/engine/random.ts';
import { expectClose } from '../../util/close.ts';

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

function expectQasmError(src: string, line: number, column: number, msg: string | RegExp): void {
  try {
    parseQasm(src);
  } catch (e) {
    expect(e).toBeInstanceOf(QasmError);
    const q = e as QasmError;
    expect([q.line, q.column], q.message).toEqual([line, column]);
    expect(q.message.startsWith(`line ${line}, column ${column}: `)).toBe(true);
    if (typeof msg === 'string') expect(q.detail).toBe(msg); else expect(q.detail).toMatch(msg);
    return;
  }
  throw new Error(`expected a QasmError for:\n${src}`);
}

function randomCircuit(seed: number, n: number, nC: number, depth: number): Circuit {
  const rng = createRng(seed);
  const ids = Object.keys(GATES).filter((id) => GATES[id].arity <= n);
  let c = createCircuit(n, nC);
  for (let k = 0; k < depth; k++) {
    const r = rng.next();
    if (r < 0.05 && nC > 0) { c = withOp(c, { kind: 'measure', qubit: rng.int(n), clbit: rng.int(nC) }); continue; }
    if (r < 0.08) { c = withOp(c, { kind: 'reset', qubit: rng.int(n) }); continue; }
    if (r < 0.1) { c = withOp(c, { kind: 'barrier', qubits: [rng.int(n)] }); continue; }
    const g = GATES[ids[rng.int(ids.length)]];
    const pool = Array.from({ length: n }, (_, i) => i);
    const qubits: number[] = [];
    for (let j = 0; j < g.arity; j++) qubits.push(pool.splice(rng.int(pool.length), 1)[0]);
    const params = g.params.map(() => {
      const u = rng.next();
      return u < 0.3 ? (Math.PI * (rng.int(17) - 8)) / (1 + rng.int(8)) : (rng.next() - 0.5) * 10 ** (rng.int(6) - 2);
    });
    c = withOp(c, { kind: 'gate', gate: g.id, qubits, params });
  }
  return c;
}

describe('parseQasm', () => {
  it('parses a Bell circuit with measurement', () => {
    const c = parseQasm(`${HEADER}qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n`);
    expect(c.nQubits).toBe(2);
    expect(c.nClbits).toBe(2);
    expect(c.ops).toEqual([
      { kind: 'gate', gate: 'h', qubits: [0], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [0, 1], params: [] },
      { kind: 'measure', qubit: 0, clbit: 0 },
      { kind: 'measure', qubit: 1, clbit: 1 },
    ]);
  });

  it('flattens several registers in declaration order and broadcasts over registers', () => {
    const c = parseQasm(`${HEADER}qreg a[2];\nqreg b[2];\ncreg m[1];\ncreg n[2];\nh a;\ncx a,b;\ncx a[1],b;\nmeasure b[1] -> n[0];\nreset a;\nbarrier a,b[0];\n`);
    expect(c.nQubits).toBe(4);
    expect(c.nClbits).toBe(3);
    expect(c.ops).toEqual([
      { kind: 'gate', gate: 'h', qubits: [0], params: [] },
      { kind: 'gate', gate: 'h', qubits: [1], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [0, 2], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [1, 3], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [1, 2], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [1, 3], params: [] },
      { kind: 'measure', qubit: 3, clbit: 1 },
      { kind: 'reset', qubit: 0 },
      { kind: 'reset', qubit: 1 },
      { kind: 'barrier', qubits: [0, 1, 2] },
    ]);
  });

  it('evaluates parameter expressions: pi, + − * / ^, unary minus, functions', () => {
    const c = parseQasm(`${HEADER}qreg q[1];\nrx(-pi/2) q[0];\nry(2^3^0.5) q[0];\nrz(-2^2) q[0];\nu(sin(pi/6)*2, cos(0)+ln(exp(1.5)), sqrt(16)-tan(0)) q[0];\nu1(1e-3 * 2) q[0];\np((1+2)*3/4) q[0];\n`);
    const ps = c.ops.map((op) => (op.kind === 'gate' ? op.params : []));
    expectClose(ps[0], [-Math.PI / 2]);
    expectClose(ps[1], [2 ** (3 ** 0.5)]);
    expectClose(ps[2], [-4]);
    expectClose(ps[3], [1, 2.5, 4]);
    expectClose(ps[4], [0.002]);
    expectClose(ps[5], [2.25]);
  });

  it('accepts U and CX built-ins, qelib1 names u1 u2 u3 cu1 id, comments', () => {
    const c = parseQasm(`// comment\n${HEADER}/* block\ncomment */qreg q[2];\nU(0.1,0.2,0.3) q[0];\nCX q[0],q[1];\nu1(0.1) q[0]; u2(0.1,0.2) q[1]; u3(1,2,3) q[0]; cu1(0.5) q[0],q[1]; id q[1];\n`);
    expect(c.ops.map((o) => (o.kind === 'gate' ? o.gate : o.kind))).toEqual(['u', 'cx', 'u1', 'u2', 'u3', 'cu1', 'id']);
  });

  it('expands user gate definitions (nested, with parameters and barrier)', () => {
    const src = `${HEADER}qreg q[3];
gate bell a, b { h a; cx a, b; }
gate rot(theta, phi) a { rz(phi) a; ry(theta/2) a; barrier a; }
gate both(t) a, b, c { bell a, b; rot(t, -t) c; }
both(pi) q[2], q[0], q[1];
bell q[0], q[1];
`;
    const c = parseQasm(src);
    expect(c.ops).toEqual([
      { kind: 'gate', gate: 'h', qubits: [2], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [2, 0], params: [] },
      { kind: 'gate', gate: 'rz', qubits: [1], params: [-Math.PI] },
      { kind: 'gate', gate: 'ry', qubits: [1], params: [Math.PI / 2] },
      { kind: 'barrier', qubits: [1] },
      { kind: 'gate', gate: 'h', qubits: [0], params: [] },
      { kind: 'gate', gate: 'cx', qubits: [0, 1], params: [] },
    ]);
  });

  it('reports errors with line and column', () => {
    expectQasmError(`${HEADER}qreg q[2];\nfoo q[0];\n`, 4, 1, "unknown gate 'foo'");
    expectQasmError(`${HEADER}qreg q[2];\nh q[2];\n`, 4, 3, "index 2 out of range for register 'q' of size 2");
    expectQasmError(`${HEADER}qreg q[2];\nh r[0];\n`, 4, 3, "unknown quantum register 'r'");
    expectQasmError(`${HEADER}qreg q[2];\nrx q[0];\n`, 4, 1, "gate 'rx' takes 1 parameter, got 0");
    expectQasmError(`${HEADER}qreg q[2];\ncx q[0];\n`, 4, 1, "gate 'cx' takes 2 qubit arguments, got 1");
    expectQasmError(`${HEADER}qreg q[2];\ncx q[0],q[0];\n`, 4, 1, /repeated qubits/);
    expectQasmError(`${HEADER}qreg q[2];\nh q[0]\nh q[1];\n`, 5, 1, "expected ';', found 'h'");
    expectQasmError(`${HEADER}qreg q[2];\nopaque g a;\n`, 4, 1, /opaque gates are not supported/);
    expectQasmError(`${HEADER}qreg q[2];\ncreg c[2];\nif(c==1) x q[0];\n`, 5, 1, /'if' .* is not supported/);
    expectQasmError(`OPENQASM 3.0;\nqreg q[1];\n`, 1, 10, 'unsupported OpenQASM version 3.0 (expected 2.0)');
    expectQasmError(`${HEADER}qreg q[1];\nrx(1/0) q[0];\n`, 4, 1, 'parameter evaluates to Infinity (expected a finite number)');
    expectQasmError(`${HEADER}`, 3, 1, /no qubits declared/);
    expectQasmError(`include "other.inc";\nqreg q[1];`, 1, 9, `cannot include 'other.inc' (only "qelib1.inc" is built in)`);
    expectQasmError(`${HEADER}qreg q[1];\ngate g(a) x { rx(b) x; }\n`, 4, 18, "unknown parameter 'b'");
    expectQasmError(`${HEADER}qreg a[2];\nqreg b[3];\ncx a,b;\n`, 5, 6, 'register sizes differ in broadcast: 2 and 3');
    expectQasmError(`${HEADER}qreg q[1];\nh q[0]; $\n`, 4, 9, "unexpected character '$'");
  });
});

describe('toQasm', () => {
  it('prints exact multiples of pi symbolically and other numbers exactly', () => {
    expect(formatAngle(Math.PI)).toBe('pi');
    expect(formatAngle(-Math.PI / 2)).toBe('-pi/2');
    expect(formatAngle((3 * Math.PI) / 4)).toBe('3*pi/4');
    expect(formatAngle(0.1)).toBe('0.1');
    const text = toQasm(buildCircuit(2, 1).h(0).rx(Math.PI / 2, 1).cx(0, 1).measure(1, 0).build());
    expect(text).toBe(`${HEADER}qreg q[2];\ncreg c[1];\nh q[0];\nrx(pi/2) q[1];\ncx q[0],q[1];\nmeasure q[1] -> c[0];\n`);
  });

  it('round trip: parseQasm(toQasm(c)) is the same circuit and the same state (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 30 }), (seed, n, nC, depth) => {
        const c = randomCircuit(seed, n, nC, depth);
        const back = parseQasm(toQasm(c));
        expect(back).toEqual(c);
        expectClose(simulate(back, { seed: 3 }).state.amps, simulate(c, { seed: 3 }).state.amps, { abs: 0 });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('parser errors on mutated inputs are only QasmError with a line and column (fast-check)', () => {
    const base = `${HEADER}qreg q[3];\ncreg c[3];\ngate g(t) a,b { rx(t/2) a; cx a,b; }\nh q;\ng(pi/3) q[0],q[2];\nu3(0.1,-0.2,2^0.5) q[1];\nmeasure q -> c;\n`;
    const alphabet = [...'qc[](){};,->+-*/^ \n"01.2eEpih', 'pi', 'gate', 'qreg', 'opaque', 'if', 'sin(', '//', '/*'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ pos: fc.nat(), del: fc.integer({ min: 0, max: 4 }), ins: fc.constantFrom(...alphabet) }), { minLength: 1, maxLength: 4 }),
        (edits) => {
          let s = base;
          for (const e of edits) {
            const p = e.pos % (s.length + 1);
            s = s.slice(0, p) + e.ins + s.slice(p + e.del);
          }
          try {
            parseQasm(s);
          } catch (err) {
            expect(err).toBeInstanceOf(QasmError);
            const q = err as QasmError;
            expect(Number.isInteger(q.line) && q.line >= 1).toBe(true);
            expect(Number.isInteger(q.column) && q.column >= 1).toBe(true);
            expect(q.message).toMatch(/^line \d+, column \d+: /);
          }
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
