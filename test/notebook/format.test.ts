import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseNotebook, applyEdits, NotebookFormatError, validateInputValue } from '../../src/notebook/format';

const SAMPLE = `---
id: sample
title: A sample
summary: One line.
claims: [c1, c2]
order: 3
seed: 7
---
Intro with $x^2$.

\`\`\`input
name: n
type: slider
min: 1
max: 10
value: 4
\`\`\`

## Section two
<!-- notes: say hello -->
\`\`\`js id=double
const twice = n * 2;
\`\`\`

\`\`\`python
print("prose, not a cell")
\`\`\`

\`\`\`formula
half = twice / 4
\`\`\`

\`\`\`view
metric('twice', twice)
\`\`\`
`;

describe('parseNotebook', () => {
  const nb = parseNotebook(SAMPLE);
  it('reads the front matter', () => {
    expect(nb.meta).toEqual({ id: 'sample', title: 'A sample', summary: 'One line.', claims: ['c1', 'c2'], order: 3, seed: 7 });
  });
  it('finds the cells with kinds, ids and source lines', () => {
    expect(nb.cells.map((c) => [c.id, c.type, c.line])).toEqual([
      ['n', 'input', 12],
      ['double', 'code', 22],
      ['cell-3', 'formula', 30],
      ['cell-4', 'view', 34],
    ]);
    expect(nb.cells[1].source).toBe('const twice = n * 2;');
    expect(nb.cells[0].input).toMatchObject({ name: 'n', type: 'slider', min: 1, max: 10, value: 4 });
  });
  it('keeps other fences as prose and splits sections at ## headings with speaker notes', () => {
    const prose = nb.blocks.filter((b) => b.kind === 'prose').map((b) => (b.kind === 'prose' ? b.markdown : ''));
    expect(prose.join('\n')).toContain('print("prose, not a cell")');
    expect(prose.join('\n')).not.toContain('notes:');
    expect(nb.sections.map((s) => s.title)).toEqual(['A sample', 'Section two']);
    expect(nb.sections[1].notes).toEqual(['say hello']);
    expect(nb.cells[1].section).toBe(1);
  });
  it('applyEdits writes edited cells back and keeps every other byte', () => {
    const out = applyEdits(nb, { double: 'const twice = n * 3;' }, { n: 6 });
    const again = parseNotebook(out);
    expect(again.cells[1].source).toBe('const twice = n * 3;');
    expect(again.cells[0].input?.value).toBe(6);
    expect(applyEdits(nb, {})).toBe(nb.source);
  });
  it('rejects bad input cells with the line of the bad field', () => {
    const bad = '```input\nname: x\ntype: slider\nmin: 1\n```\n';
    expect(() => parseNotebook(bad)).toThrow(NotebookFormatError);
    expect(() => parseNotebook(bad)).toThrow(/line 3, column 1: input 'x': a slider needs min and max/);
    expect(() => parseNotebook('```input\nname: 3x\n```')).toThrow(/line 2.*must be a JavaScript identifier/);
  });
  it('rejects unclosed fences, duplicate ids and bad front matter precisely', () => {
    expect(() => parseNotebook('text\n```js\nconst a = 1;\n')).toThrow(/line 2, column 1: unclosed code fence/);
    expect(() => parseNotebook('```js id=a\n```\n```js id=a\n```')).toThrow(/line 3.*duplicate cell id 'a'/);
    expect(() => parseNotebook('---\ntitle: [unclosed\n---\n')).toThrow(NotebookFormatError);
    expect(() => parseNotebook('---\nid: Bad Id\n---\n')).toThrow(/notebook id 'Bad Id'/);
  });
  it('never throws anything but NotebookFormatError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('---', '```js', '```input', '```', 'name: x', 'type: slider', '## h', 'id: a', 'value: [', '<!-- notes: x -->'), fc.string()), { maxLength: 20 }), (lines) => {
        try {
          parseNotebook(lines.join('\n'));
        } catch (e) {
          expect(e).toBeInstanceOf(NotebookFormatError);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });
  it('validates input values against their spec', () => {
    const spec = nb.cells[0].input!;
    expect(validateInputValue(spec, 5)).toBeNull();
    expect(validateInputValue(spec, 11)).toBe('11 is above the maximum 10');
    expect(validateInputValue(spec, 'x')).toMatch(/expected a number/);
  });
});

describe('circuit input widget', () => {
  const src = [
    '---', 'id: t', 'title: T', '---', '',
    '```input', 'name: qasm', 'type: text', 'widget: circuit', 'label: Circuit', 'value: |', '  OPENQASM 2.0;', '  qreg q[1];', '  h q[0];', 'help: edit me', '```', '',
  ].join('\n');

  it('a text input may use the circuit editor; its block-scalar value is the QASM text', () => {
    const nb = parseNotebook(src);
    const spec = nb.cells[0].input!;
    expect(spec.widget).toBe('circuit');
    expect(spec.value).toBe('OPENQASM 2.0;\nqreg q[1];\nh q[0];\n');
  });

  it('an unknown widget, or the widget on a non-text input, is refused with its line', () => {
    expect(() => parseNotebook(src.replace('widget: circuit', 'widget: knob'))).toThrow(/unknown widget "knob"/);
    expect(() => parseNotebook(src.replace('type: text', 'type: number').replace(/value: \|\n( {2}.*\n)+/, 'value: 1\n'))).toThrow(NotebookFormatError);
  });

  it('applyEdits replaces the whole block scalar, and the result parses back to the new value', () => {
    const nb = parseNotebook(src);
    const out = applyEdits(nb, {}, { qasm: 'OPENQASM 2.0;\nqreg q[2];\ncx q[0],q[1];\n' });
    const again = parseNotebook(out);
    expect(again.cells[0].input!.value).toBe('OPENQASM 2.0;\nqreg q[2];\ncx q[0],q[1];\n');
    expect(again.cells[0].input!.help).toBe('edit me');
  });
});
