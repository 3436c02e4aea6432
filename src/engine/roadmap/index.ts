/**
 * Figures for the roadmap claims that had no experiment (issue 8 §4) and the quantum brain on hardware
 * (§3b): surface-code overhead, simulator memory floors, windows and rhythms at the bar rate, jitter control,
 * trading sanity checks, and the noisy, shot-limited parity circuit. Pure functions, no DOM.
 */
export * from './qec';
export * from './memory';
export * from './timescales';
export * from './jitterControl';
export * from './trading';
export * from './hardwareRun';
