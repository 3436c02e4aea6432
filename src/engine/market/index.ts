/** Market data and the 14 board members: loaders, returns, indicators, members, the probability mapping. */
export * from './ohlcv';
export { parseOhlcvCsv, COLUMN_ALIASES, type CsvOptions } from './csv';
export { parseFreqtradeJson } from './freqtrade';
export { parseOhlcv } from './parse';
export { detectTimeFormat, parseIsoMs, parseTimeMs } from './timeFormat';
export { medianSpacingMs } from './validate';
export { lastBars, type BarWindow } from './lastBars';
export { logReturns, upLabels } from './returns';
export { ema, rollingMeanStd, rollingSum, rollingExtreme, rsi, macd, bollingerPercentB, adx, ewmVolatility } from './indicators';
export { MEMBERS, MEMBER_IDS, getMember, type BoardMember } from './members/index';
export {
  toProbabilities, toProbabilitiesDetailed, computeMemberProbabilities, DEFAULT_MAPPING, MIN_FIT_PAIRS,
  type MappingOptions, type ProbabilityColumn, type MemberProbabilityOptions, type MemberProbabilities,
} from './probabilities';
export { pinDefaults, literalReplacement, type PinnedProbabilities } from './roadmapControls';
// Users' own files: freqtrade backtests, hyperopt results, feather candles, member outputs (one dispatcher).
export { parseDataFile, detectDataFileKind, sha256Hex, checkMinimumRows, rowCount, describeDataFile, KIND_LABEL, DATA_FILE_KINDS, type DataFileKind, type ParsedDataFile } from './userFiles';
export { parseBacktestExport, timeframeToMs, type BacktestExport, type BacktestTrade, type StrategyRun, type StrategySummary } from './freqtradeBacktest';
export { parseHyperoptResults, type HyperoptRun, type HyperoptEpoch } from './freqtradeHyperopt';
export { parseFeatherCandles } from './freqtradeFeather';
export { parseMembersCsv, alignMembers, lookAheadCheck, type MembersFile, type MemberColumn } from './membersCsv';
export { FreqtradeFileError } from './freqtradeErrors';
export { ownMemberProbabilities } from './ownMembers';
