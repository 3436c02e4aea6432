/**
 * Circuit diagrams and the editor's edit loop: times against peers in the same run (warm medians).
 * Run: npx tsx bench/diagram.bench.ts   (or `npm run bench -- diagram`; noisy on a shared 2-core machine)
 *
 * 1. Diagram of a 20-qubit, 1,000-gate circuit: layoutCircuit + renderCircuitSvg (the work the page does
 *    to draw it; inserting the SVG text is the browser's). Target < 100 ms. Peer: quantum-circuit's
 *    exportSVG on the same circuit (imported from the same QASM, outside the timing).
 * 2. One edit in the editor on a 14-qubit, 200-gate circuit: the page inserts the gate, lays out and
 *    renders the diagram and writes the QASM; the worker parses the QASM, simulates and reads the
 *    probabilities. Target < 50 ms for the whole loop (without the postMessage hops, ~0.1 ms each).
 *    Peer for the simulation half: quantum-circuit's run() on the same circuit.
 */
import QuantumCircuit from 'quantum-circuit';
import { createCircuit, withOp, type Circuit } from '../src/engine/quantum/circuit';
import { parseQasm, toQasm } from '../src/engine/quantum/qasm';
import { simulate } from '../src/engine/quantum/statevector';
import { layoutCircuit, renderCircuitSvg } from '../src/engine/quantum/diagram/index';
import { insertOp } from '../src/ui/circuit/editorModel';
import { createRng } from '../src/engine/random';
import { warmMedianOfRuns } from './timing';

/** Warm median of `reps` runs after `warm` untimed ones (10 by default: the diagram code paths JIT slowly), in ms. */
const median = (fn: () => unknown, reps: number, warm = 10): number => warmMedianOfRuns(fn, reps, warm);


/** A seeded random circuit from gates every peer knows (h, x, ry, rz, cx, cz, swap). */
function randomCircuit(n: number, gates: number, seed: number): Circuit {
  const rng = createRng(seed);
  const ids = ['h', 'x', 'ry', 'rz', 'cx', 'cz', 'swap'];
  let c = createCircuit(n);
  for (let k = 0; k < gates; k++) {
    const id = ids[rng.int(ids.length)];
    const a = rng.int(n);
    let b = rng.int(n - 1);
    if (b >= a) b++;
    const two = id === 'cx' || id === 'cz' || id === 'swap';
    c = withOp(c, { kind: 'gate', gate: id, qubits: two ? [a, b] : [a], params: id === 'ry' || id === 'rz' ? [rng.next() * Math.PI] : [] });
  }
  return c;
}

/** The part of a quantum-circuit circuit this bench uses (the package ships no types). */
interface PeerCircuit {
  exportSVG(embedded: boolean): string;
  run(): void;
}

function peerCircuit(c: Circuit): PeerCircuit {
  const qc = new QuantumCircuit();
  let err: unknown = null;
  qc.importQASM(toQasm(c), (errors: unknown[]) => { if (errors?.length) err = errors; });
  if (err) throw new Error(`quantum-circuit could not import the QASM: ${JSON.stringify(err).slice(0, 200)}`);
  return qc;
}

const row = (label: string, ms: number, base: number, note = ''): void =>
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms   ×${(ms / base).toFixed(2)}${note ? `   ${note}` : ''}`);

// 1. Diagram of 20 qubits × 1,000 gates.
const big = randomCircuit(20, 1000, 1);
const layoutMs = median(() => layoutCircuit(big), 15);
const svgOnlyLayout = layoutCircuit(big);
const svgMs = median(() => renderCircuitSvg(svgOnlyLayout, { maxWidth: 1180 }), 15);
const bothMs = median(() => renderCircuitSvg(layoutCircuit(big), { maxWidth: 1180 }), 15);
const { svg, width, height } = renderCircuitSvg(svgOnlyLayout, { maxWidth: 1180 });
const qcBig = peerCircuit(big);
const peerSvgMs = median(() => qcBig.exportSVG(true), 5, 1);
console.log(`\ndiagram of a 20-qubit, 1,000-gate circuit (${svgOnlyLayout.columns} columns; SVG ${(svg.length / 1024).toFixed(0)} KB, ${width}×${height} px folded at 1180 px)`);
row('layout + SVG (ours)', bothMs, bothMs, `target < 100 ms: ${bothMs < 100 ? 'met' : 'NOT met'}`);
row('  of which layoutCircuit', layoutMs, bothMs);
row('  of which renderCircuitSvg', svgMs, bothMs);
row('peer: quantum-circuit exportSVG', peerSvgMs, bothMs);

// 2. One edit on 14 qubits × 200 gates.
const mid = randomCircuit(14, 200, 2);
let flip = 0;
const editPage = (): string => {
  // Place an RY on a wire in the middle of the circuit, as a click does.
  const next = insertOp(mid, { kind: 'gate', gate: 'ry', qubits: [(flip++) % 14], params: [Math.PI / 4] }, 20);
  renderCircuitSvg(layoutCircuit(next), { interactive: true, maxWidth: 1180 });
  return toQasm(next);
};
const qasmText = editPage();
const editWorker = (text: string): Float64Array => simulate(parseQasm(text)).state.probabilities();
const pageMs = median(editPage, 21);
const workerMs = median(() => editWorker(qasmText), 21);
const parseMs = median(() => parseQasm(qasmText), 21);
const simMs = median(() => simulate(parseQasm(qasmText)).state.probabilities(), 21) - parseMs;
const qcMid = peerCircuit(parseQasm(qasmText));
const peerRunMs = median(() => qcMid.run(), 5, 1);
const total = pageMs + workerMs;
console.log('\none editor edit on a 14-qubit, 200-gate circuit (diagram + probabilities)');
row('whole loop: page (edit, layout, SVG, QASM) + worker', total, total, `target < 50 ms: ${total < 50 ? 'met' : 'NOT met'}`);
row('  page: insert + layout + SVG (with hit areas) + toQasm', pageMs, total);
row('  worker: parseQasm + simulate + probabilities', workerMs, total);
row('    of which simulate + probabilities', simMs, total);
row('peer: quantum-circuit run() (simulation only)', peerRunMs, total);
