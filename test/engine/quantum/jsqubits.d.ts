// Minimal typing for the jsqubits cross-check (the package ships no types).
declare module 'jsqubits' {
  export function jsqubits(bits: string): unknown;
}
