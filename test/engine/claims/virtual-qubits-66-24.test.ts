import { describe, expect, it } from 'vitest';
import { ruleVirtualQubits6624, type CutFamilyFigures } from '../../../src/engine/claims/rules/virtual-qubits-66-24';

const fam = (name: string, log10Seconds: number, cutGates = 2): CutFamilyFigures => ({ name, cutGates, log10Shots: log10Seconds + 3.6, log10Seconds });
const base = { totalQubits: 66, deviceWidth: 24, budgetSeconds: 3600, epsilon: 0.01 };

describe('ruleVirtualQubits6624', () => {
  it('partly supported when some families fit; the boundary (exactly the budget) fits', () => {
    const r = ruleVirtualQubits6624({ ...base, families: [fam('GHZ chain', Math.log10(3600)), fam('brickwork d=10', 11.0, 10)] });
    expect(r.verdict).toBe('partly supported');
    expect(r.fit).toEqual(['GHZ chain']);
    expect(r.exceed).toEqual(['brickwork d=10']);
    expect(r.rule).toContain('fits for GHZ chain');
    expect(r.rule).toContain('out of budget for brickwork d=10');
  });

  it('refuted when no family fits (just over the budget)', () => {
    const r = ruleVirtualQubits6624({ ...base, families: [fam('GHZ chain', Math.log10(3600) + 1e-9), fam('all-to-all', 1374)] });
    expect(r.verdict).toBe('refuted');
    expect(r.rule).toContain('10^1367 years');
    expect(r.rule).toContain('10^1378 shots'); // log10Shots = 1377.6: rounded, not 3 significant digits
  });

  it('names the route in the text', () => {
    const r = ruleVirtualQubits6624({ ...base, families: [{ ...fam('brickwork d=4', 0.4, 0), route: 'qubit reuse, width 5' }, { ...fam('GHZ', 2.3, 2), route: 'cutting' }] });
    expect(r.verdict).toBe('supported');
    expect(r.rule).toContain('brickwork d=4: qubit reuse, width 5, 10000 shots');
    expect(r.rule).toContain('GHZ: cutting, 2 cuts, 794000 shots');
  });

  it('supported when every family fits', () => {
    expect(ruleVirtualQubits6624({ ...base, families: [fam('a', 2), fam('b', 3)] }).verdict).toBe('supported');
  });

  it('a register that fits the device needs no virtual qubits', () => {
    const r = ruleVirtualQubits6624({ ...base, totalQubits: 24, families: [] });
    expect(r.verdict).toBe('supported');
    expect(r.rule).toContain('directly');
  });

  it('the budget moves the verdict', () => {
    const families = [fam('GHZ chain', 2.3), fam('brickwork d=4', 6.8)];
    expect(ruleVirtualQubits6624({ ...base, families }).verdict).toBe('partly supported');
    expect(ruleVirtualQubits6624({ ...base, budgetSeconds: 1e7, families }).verdict).toBe('supported');
    expect(ruleVirtualQubits6624({ ...base, budgetSeconds: 100, families }).verdict).toBe('refuted');
  });

  it('rejects invalid figures', () => {
    expect(() => ruleVirtualQubits6624({ ...base, families: [] })).toThrow(/families/);
    expect(() => ruleVirtualQubits6624({ ...base, budgetSeconds: 0, families: [fam('a', 1)] })).toThrow(/budgetSeconds/);
    expect(() => ruleVirtualQubits6624({ ...base, epsilon: 1, families: [fam('a', 1)] })).toThrow(/epsilon/);
    expect(() => ruleVirtualQubits6624({ ...base, families: [fam('a', Number.NaN)] })).toThrow(/NaN/);
  });
});
