/** Circuit diagrams: layout as data, SVG text, the state step by step, and the notebook view builder. */
export { describeGate, formatAngleLabel, gateGlyph, gateSymbol, type GateGlyph, type TargetGlyph } from './glyphs.ts';
export { layoutCircuit, opsByColumn, type DiagramItem, type DiagramLayout, type FragmentSegment, type LayoutOptions, type WireCutMark } from './layout.ts';
export { FRAGMENT_COLOURS, renderCircuitSvg, type RenderedSvg, type SvgOptions } from './svg.ts';
export { MAX_ENTANGLEMENT_QUBITS, MAX_STEP_COLUMNS, MAX_STEP_QUBITS, columnPrefix, stepThroughColumns, summarizeState, type ColumnState, type StepOptions, type StepTrace } from './steps.ts';
export { circuitView, type CircuitViewOptions, type CircuitViewSpec } from './view.ts';
