/**
 * Choosing cuts by clicking the diagram: a click on a CNOT/CZ toggles a gate cut there; a click on a
 * wire slot (qubit, column) toggles a wire cut after the last op on that wire before the column.
 */
import type { Circuit } from '../../engine/quantum/circuit';
import type { CutSpec } from '../../engine/quantum/cutting/cut';
import type { DiagramLayout } from '../../engine/quantum/diagram/layout';

/** The wire cut for a click on wire `qubit` in column slot `column`. */
export function wireCutAt(layout: DiagramLayout, qubit: number, column: number): CutSpec {
  let afterOp = -1;
  for (const it of layout.items) if (it.top <= qubit && qubit <= it.bottom && it.column < column) afterOp = Math.max(afterOp, it.op);
  return { kind: 'wire', qubit, afterOp };
}

/** Add `cut`, or remove it when the same cut is already there. */
export function toggleCut(cuts: readonly CutSpec[], cut: CutSpec): CutSpec[] {
  const same = (a: CutSpec, b: CutSpec): boolean =>
    a.kind === 'gate' && b.kind === 'gate' ? a.opIndex === b.opIndex : a.kind === 'wire' && b.kind === 'wire' ? a.qubit === b.qubit && a.afterOp === b.afterOp : false;
  return cuts.some((c) => same(c, cut)) ? cuts.filter((c) => !same(c, cut)) : [...cuts, cut];
}

/** The new cut list for a click on `target` inside the diagram, or null when the click is not on a cuttable place. */
export function toggleCutAt(circuit: Circuit, layout: DiagramLayout, cuts: readonly CutSpec[], target: Element | null): CutSpec[] | null {
  const wireCut = target?.closest('.wire-cut');
  if (wireCut) {
    const k = Number(wireCut.getAttribute('data-cut'));
    return cuts.filter((_, i) => i !== k);
  }
  const opEl = target?.closest('[data-op]');
  if (opEl) {
    const i = Number(opEl.getAttribute('data-op'));
    const op = circuit.ops[i];
    if (op?.kind === 'gate' && (op.gate === 'cx' || op.gate === 'cz')) return toggleCut(cuts, { kind: 'gate', opIndex: i });
    return null;
  }
  const slot = target?.closest('[data-col]');
  if (slot) return toggleCut(cuts, wireCutAt(layout, Number(slot.getAttribute('data-q')), Number(slot.getAttribute('data-col'))));
  return null;
}
