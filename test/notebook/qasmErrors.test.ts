/**
 * A QASM error inside a cell is reported at the QASM line and column, with that line and a caret, not at the
 * JavaScript line that called the parser.
 */
import { describe, it, expect } from 'vitest';
import { NotebookHost } from '../../src/notebook/host';
import { parseNotebook } from '../../src/notebook/format';
import type { WorkerToMain } from '../../src/notebook/protocol';
import { QasmError, parseQasm, qasmErrorFrame } from '../../src/engine/quantum';

describe('qasmErrorFrame(text, line, column)', () => {
  it('shows the line with a caret under the column', () => {
    expect(qasmErrorFrame('OPENQASM 2.0;\nqreg q[2];\ncx q[0] q[1];', 3, 9)).toBe('3 | cx q[0] q[1];\n  |         ^');
  });
  it('keeps tabs so the caret lines up, and tolerates a line past the end', () => {
    expect(qasmErrorFrame('\th q[0]', 1, 3)).toBe('1 | \th q[0]\n  | \t ^');
    expect(qasmErrorFrame('x', 5, 1)).toBe('5 | \n  | ^');
  });
});

describe('parseQasm errors carry their frame', () => {
  it('a missing comma: QASM line 4, column 9, the line and a caret', () => {
    const text = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncx q[0] q[1];\n';
    let err: unknown;
    try {
      parseQasm(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QasmError);
    const q = err as QasmError;
    expect(q.line).toBe(4);
    expect(q.frame).toBe(qasmErrorFrame(text, q.line, q.column));
    expect(q.frame!.split('\n')[0]).toBe('4 | cx q[0] q[1];');
    expect(q.frame!.split('\n')[1].indexOf('^')).toBe('4 | '.length + q.column - 1);
  });
});

describe('a cell that parses bad QASM', () => {
  it('reports the QASM position and frame, not the JavaScript call site', async () => {
    const nb = parseNotebook(`
\`\`\`input
name: qasmText
type: text
value: "OPENQASM 2.0;\\nqreg q[2];\\nh q[0];\\ncx q[0] q[1];"
\`\`\`
\`\`\`js id=parse
// a comment line, so the JavaScript call site is line 3
const n = 1;
const circuit = quantum.parseQasm(qasmText);
\`\`\`
`);
    const msgs: WorkerToMain[] = [];
    const h = new NotebookHost({ post: (m) => msgs.push(m), fetchText: async () => '', now: () => 0 });
    h.handle({ type: 'load', cells: nb.cells, seed: 1, inputs: {}, edits: {}, blocked: {} });
    await h.idle();
    const last = [...msgs].reverse().find((m) => m.type === 'status' && m.id === 'parse') as Extract<WorkerToMain, { type: 'status' }>;
    expect(last.state).toBe('error');
    if (last.state !== 'error') return;
    expect(last.error.kind).toBe('qasm');
    expect(last.error.message).toMatch(/^QASM line 4, column \d+: /);
    // No cell (JavaScript) line: the page must not point at the parseQasm call.
    expect(last.error.line).toBeUndefined();
    expect(last.error.frame).toMatch(/^4 \| cx q\[0\] q\[1\];\n {2}\| +\^$/);
  });
});
