// Minimal declaration of the parts of jstat (CommonJS, untyped) that src/engine/stats uses.
// `import jStat from 'jstat'` works under Vite, vitest and tsx (module.exports is the jStat function).
declare module 'jstat' {
  interface JStatDistribution2 {
    cdf(x: number, a: number, b: number): number;
    pdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
  }
  interface JStatDistribution1 {
    cdf(x: number, a: number): number;
    pdf(x: number, a: number): number;
    inv(p: number, a: number): number;
  }
  interface JStatStatic {
    normal: JStatDistribution2;
    beta: JStatDistribution2;
    studentt: JStatDistribution1;
    chisquare: JStatDistribution1;
    binomial: { pdf(k: number, n: number, p: number): number; cdf(k: number, n: number, p: number): number };
    gammaln(x: number): number;
    betaln(a: number, b: number): number;
    combinationln(n: number, k: number): number;
    ibeta(x: number, a: number, b: number): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}
