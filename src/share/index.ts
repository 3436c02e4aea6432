export {
  encodeExperiment,
  decodeExperiment,
  tryDecodeExperiment,
  decodeWith,
  linkSizeStatus,
  MAX_LINK_CHARS,
  MAX_JSON_BYTES,
  MAX_PORTABLE_LINK_BYTES,
  WARN_LINK_BYTES,
  type DecodeResult,
  type LinkSizeLevel,
} from './codec';
export { ShareError, type ShareErrorCode } from './errors';
export { CURRENT_VERSION, LIMITS, canonicalState, type ExperimentState } from './schema';
export { MIGRATIONS, migrate, type Migration, type MigrationTable } from './migrations';
export { canonicalJson } from './canonicalJson';
